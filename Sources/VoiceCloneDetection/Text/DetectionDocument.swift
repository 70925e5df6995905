import VoiceCloneAnalysis

/// A text split into blocks and sentences with byte offsets into the original, so every flag can point at the exact
/// place the writer has to edit, whether the text is plain prose or Markdown (front matter and code are skipped).
package struct DetectionDocument: Sendable {
    package let text: String
    package let blocks: [TextBlock]
    package let sentences: [DetectionSentence]

    package init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        let blocks = DetectionDocument.blocks(of: bytes)
        var sentences: [DetectionSentence] = []
        for (b, block) in blocks.enumerated() {
            let slice = String(decoding: bytes[block.range], as: UTF8.self)
            if block.kind == .heading {
                let words = Tokenizer.words(in: slice)
                if !words.isEmpty {
                    sentences.append(DetectionSentence(range: block.range, text: slice, words: words, block: b, blockKind: .heading))
                }
                continue
            }
            let utf8 = slice.utf8
            for r in SentenceSplitter.ranges(in: slice) {
                let lo = utf8.distance(from: utf8.startIndex, to: r.lowerBound)
                let hi = utf8.distance(from: utf8.startIndex, to: r.upperBound)
                let sentence = String(slice[r])
                let words = Tokenizer.words(in: sentence)
                guard !words.isEmpty else { continue }
                sentences.append(DetectionSentence(
                    range: (block.range.lowerBound + lo)..<(block.range.lowerBound + hi), text: sentence,
                    words: words, block: b, blockKind: block.kind))
            }
        }
        self.blocks = blocks
        self.sentences = sentences
    }

    /// Word counts of the prose paragraphs (list items and headings excluded), in order.
    package var paragraphWordCounts: [Int] {
        var counts = [Int](repeating: 0, count: blocks.count)
        for s in sentences where s.blockKind == .paragraph { counts[s.block] += s.words.count }
        return blocks.indices.filter { blocks[$0].kind == .paragraph && counts[$0] > 0 }.map { counts[$0] }
    }

    package var wordCount: Int { sentences.reduce(0) { $0 + $1.words.count } }

    // MARK: - Block splitting

    private static func blocks(of bytes: [UInt8]) -> [TextBlock] {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }

        var blocks: [TextBlock] = []
        var paragraph: Range<Int>?
        func closeParagraph() {
            if let p = paragraph { blocks.append(TextBlock(kind: .paragraph, range: p)) }
            paragraph = nil
        }
        var k = 0
        // Front matter: a first line of exactly `---` up to the next `---` line.
        if let first = lines.first, trimmed(bytes, first) == Array("---".utf8) {
            if let end = lines.dropFirst().firstIndex(where: { trimmed(bytes, $0) == Array("---".utf8) }) {
                k = end + 1
            }
        }
        var inFence = false
        while k < lines.count {
            let line = lines[k]
            k += 1
            let content = trimmedRange(bytes, line)
            let body = Array(bytes[content])
            if body.starts(with: Array("```".utf8)) || body.starts(with: Array("~~~".utf8)) {
                closeParagraph()
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if body.isEmpty {
                closeParagraph()
                continue
            }
            if let heading = headingContent(bytes, content) {
                closeParagraph()
                blocks.append(TextBlock(kind: .heading, range: heading))
                continue
            }
            if let item = listItemContent(bytes, content) {
                closeParagraph()
                blocks.append(TextBlock(kind: .listItem, range: item.range, emojiMarker: item.emoji))
                continue
            }
            let stripped = quoteStripped(bytes, content)
            if let p = paragraph {
                paragraph = p.lowerBound..<stripped.upperBound
            } else {
                paragraph = stripped
            }
            // One long line per paragraph (no blank lines) is how many editors save text; hard-wrapped prose has
            // short lines and keeps going until a blank line.
            if stripped.count > 100 { closeParagraph() }
        }
        closeParagraph()
        return blocks
    }

    private static func trimmed(_ bytes: [UInt8], _ r: Range<Int>) -> [UInt8] { Array(bytes[trimmedRange(bytes, r)]) }

    private static func trimmedRange(_ bytes: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0D { hi -= 1 }
        return lo..<hi
    }

    private static func quoteStripped(_ bytes: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        while lo < r.upperBound, bytes[lo] == UInt8(ascii: ">") || bytes[lo] == 0x20 { lo += 1 }
        return lo..<r.upperBound
    }

    private static func headingContent(_ bytes: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i < r.upperBound, bytes[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - r.lowerBound
        guard (1...6).contains(level), i < r.upperBound, bytes[i] == 0x20 else { return nil }
        var hi = r.upperBound
        while hi > i, bytes[hi - 1] == UInt8(ascii: "#") || bytes[hi - 1] == 0x20 { hi -= 1 }
        return trimmedRange(bytes, i..<hi)
    }

    private static func listItemContent(_ bytes: [UInt8], _ r: Range<Int>) -> (range: Range<Int>, emoji: Bool)? {
        let lo = r.lowerBound
        guard lo < r.upperBound else { return nil }
        let b = bytes[lo]
        if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")),
           lo + 1 < r.upperBound, bytes[lo + 1] == 0x20 {
            var inner = trimmedRange(bytes, (lo + 2)..<r.upperBound)
            var emoji = false
            if let after = emojiPrefix(bytes, inner) {
                emoji = true
                inner = trimmedRange(bytes, after..<inner.upperBound)
            }
            return (inner, emoji)
        }
        var i = lo
        while i < r.upperBound, (0x30...0x39).contains(bytes[i]) { i += 1 }
        if i > lo, i + 1 < r.upperBound, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")"), bytes[i + 1] == 0x20 {
            return (trimmedRange(bytes, (i + 2)..<r.upperBound), false)
        }
        if let after = emojiPrefix(bytes, r), after < r.upperBound {
            return (trimmedRange(bytes, after..<r.upperBound), true)
        }
        return nil
    }

    /// The byte offset just after a leading emoji (with its modifiers), or nil when the range does not start with one.
    package static func emojiPrefix(_ bytes: [UInt8], _ r: Range<Int>) -> Int? {
        guard r.lowerBound < r.upperBound, bytes[r.lowerBound] >= 0xE2 else { return nil }
        let s = String(decoding: bytes[r], as: UTF8.self)
        guard let first = s.first, isEmoji(first) else { return nil }
        return r.lowerBound + String(first).utf8.count
    }

    package static func isEmoji(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        let p = scalar.properties
        return p.isEmojiPresentation || (p.isEmoji && scalar.value > 0x238C) || c.unicodeScalars.contains { $0.value == 0xFE0F }
    }
}
