import Testing
@testable import VoiceCloneAttribution

@Suite("Attribution feature scanner")
struct StyleScannerTests {
    /// Adds up the style tallies of every chunk.
    private struct StyleTotals: ScanSink {
        var style = StyleSums()
        mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {}
        mutating func ngram(_ code: UInt64) {}
        mutating func chunkEnd(style: StyleSums) { self.style += style }
    }

    private func code(_ s: String) -> UInt64 { s.utf8.reduce(0) { ($0 << 8) | UInt64($1) } }

    @Test func wordsAreLowercaseWithInternalApostrophesAndCurlyQuotesNormalised() {
        let input = "Don\u{2019}t stop\u{2014}it's 5 O'Clock. The dogs' bones? Really!"
        let text = ScannedText(input)
        #expect(text.words == 9)
        #expect(text.count(ofWord: StyleScanner.hash(of: "don't")) == 1)
        #expect(text.count(ofWord: StyleScanner.hash(of: "o'clock")) == 1)
        #expect(text.count(ofWord: StyleScanner.hash(of: "dogs")) == 1)
        #expect(text.count(ofWord: StyleScanner.hash(of: "dogs'")) == 0)
        #expect(text.spelling(of: StyleScanner.hash(of: "don't")) == "don't")
        #expect(text.spelling(of: StyleScanner.hash(of: "o'clock")) == "o'clock")
        var sink = StyleTotals()
        StyleScanner.scan(input, chunkWords: Int.max, into: &sink)
        #expect(sink.style.sentences == 3)
        #expect(sink.style.punctuation[8] == 2)  // the em dash counts as "--"
    }

    @Test func characterNgramsIncludeSpacesAndPunctuation() {
        let text = ScannedText("The cat, the hat")
        #expect(text.count(ofNgram: code("the")) == 2)
        #expect(text.count(ofNgram: code("t, t")) == 1)
        #expect(text.count(ofNgram: code(" hat")) == 1)
        // "the cat, the hat" has 16 characters: 14 trigrams and 13 four-grams.
        #expect(text.ngramTokens == 27)
    }

    @Test func chunksEndEveryChunkWordsAndAtTheEnd() {
        struct Chunks: ScanSink {
            var sizes: [Int] = []
            mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {}
            mutating func ngram(_ code: UInt64) {}
            mutating func chunkEnd(style: StyleSums) { sizes.append(Int(style.words)) }
        }
        var sink = Chunks()
        StyleScanner.scan(Array(repeating: "word", count: 25).joined(separator: " "), chunkWords: 10, into: &sink)
        #expect(sink.sizes == [10, 10, 5])
        var empty = Chunks()
        StyleScanner.scan("", chunkWords: 10, into: &empty)
        #expect(empty.sizes == [0])
    }

    @Test func countTableCountsAndGrows() {
        var table = CountTable(capacity: 2)
        for key in 1...1000 { table.add(UInt64(key), Int32(key % 7)) }
        table.add(5)
        #expect(table.count == 1000)
        #expect(table.value(5) == 6)
        #expect(table.value(1001) == nil)
        #expect(table.valueOrInsert(5, 99) == 6)
        #expect(table.valueOrInsert(2000, 99) == 99)
        #expect(table.value(2000) == 99)
        #expect(table.count == 1001)
    }
}
