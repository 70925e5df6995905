/// Raw tallies behind the sentence-shape and punctuation features of one chunk of text.
/// Kept as sums (not rates) so chunks and whole samples can be added before rates are taken.
struct StyleSums: Sendable, Equatable {
    /// Counts of `, ; : ! ? . " ' - (` in that order (see `StyleFeature`).
    var punctuation: [Double] = [Double](repeating: 0, count: StyleFeature.punctuationMarks.count)
    var words: Double = 0
    var letters: Double = 0
    var shortWords: Double = 0
    var longWords: Double = 0
    var sentences: Double = 0
    var sentenceWords: Double = 0
    var sentenceWordsSquared: Double = 0

    static func += (lhs: inout StyleSums, rhs: StyleSums) {
        for index in lhs.punctuation.indices { lhs.punctuation[index] += rhs.punctuation[index] }
        lhs.words += rhs.words
        lhs.letters += rhs.letters
        lhs.shortWords += rhs.shortWords
        lhs.longWords += rhs.longWords
        lhs.sentences += rhs.sentences
        lhs.sentenceWords += rhs.sentenceWords
        lhs.sentenceWordsSquared += rhs.sentenceWordsSquared
    }

    /// The feature values in `StyleFeature.allCases` order. Punctuation is per 100 words so the
    /// numbers read naturally ("3.2 commas per 100 words"); lengths are in words or letters.
    func rates() -> [Double] {
        let perWord = words > 0 ? 100 / words : 0
        var result = punctuation.map { $0 * perWord }
        let meanSentence = sentences > 0 ? sentenceWords / sentences : words
        let variance = sentences > 0 ? max(0, sentenceWordsSquared / sentences - meanSentence * meanSentence) : 0
        result.append(meanSentence)
        result.append(variance.squareRoot())
        result.append(words > 0 ? letters / words : 0)
        result.append(shortWords * perWord)
        result.append(longWords * perWord)
        return result
    }
}
