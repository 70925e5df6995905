/// Deterministic texts by made-up writers whose habits differ in known ways, so tests can check that
/// attribution and matching notice exactly those habits. Written for the tests; no corpus text.
struct SyntheticWriter {
    var functionWords: [String]
    var contentWords: [String]
    var sentenceLength: ClosedRange<Int>
    var commaEvery: Int
    var semicolonChance: Int   // percent of sentences with a semicolon in the middle
    var endings: [String]      // sentence-final marks, drawn uniformly

    static let formal = SyntheticWriter(
        functionWords: ["the", "of", "which", "whilst", "indeed", "upon", "shall", "moreover", "it", "is", "to",
                        "be", "by", "that", "in", "a", "and", "not", "this"],
        contentWords: ["government", "principle", "nature", "society", "consideration", "authority", "liberty",
                       "people", "question", "interest", "time", "reason", "public", "power"],
        sentenceLength: 24...34, commaEvery: 6, semicolonChance: 60, endings: ["."])

    static let casual = SyntheticWriter(
        functionWords: ["the", "a", "so", "really", "just", "like", "gonna", "pretty", "i", "it's", "don't",
                        "and", "to", "you", "my", "that", "in", "is", "was"],
        contentWords: ["stuff", "thing", "people", "coffee", "weekend", "time", "phone", "friends", "movie",
                       "work", "question", "day", "idea", "music"],
        sentenceLength: 5...11, commaEvery: 14, semicolonChance: 0, endings: [".", "!", "?", "!"])

    static let narrative = SyntheticWriter(
        functionWords: ["he", "she", "said", "was", "had", "the", "and", "her", "his", "then", "into", "at",
                        "a", "of", "to", "with", "as", "they", "were"],
        contentWords: ["door", "room", "eyes", "hand", "night", "window", "face", "voice", "letter", "time",
                       "people", "morning", "road", "question"],
        sentenceLength: 12...18, commaEvery: 9, semicolonChance: 5, endings: [".", ".", ".", "?"])

    /// About `words` words of text; different seeds give different texts in the same style.
    func text(words: Int, seed: UInt64) -> String {
        var random = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var output: [String] = []
        var written = 0
        while written < words {
            let length = sentenceLength.lowerBound + next(sentenceLength.count)
            let semicolonAt = next(100) < semicolonChance ? length / 2 : -1
            var sentence: [String] = []
            for position in 0..<length {
                let pool = next(100) < 55 ? functionWords : contentWords
                var word = pool[next(pool.count)]
                if position == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                if position == semicolonAt { word += ";" } else if position > 0 && position % commaEvery == 0 { word += "," }
                sentence.append(word)
            }
            sentence[sentence.count - 1] += endings[next(endings.count)]
            output.append(sentence.joined(separator: " "))
            written += length
        }
        return output.joined(separator: " ")
    }
}
