/// The seven classic readability formulas, computed from one set of counts so they agree with each other.
public struct ReadabilityScores: Codable, Sendable, Equatable {
    /// Flesch (1948): 206.835 - 1.015 words/sentence - 84.6 syllables/word. Higher is easier; 60-70 is plain English.
    public var fleschReadingEase: Double
    /// Kincaid et al. (1975): 0.39 words/sentence + 11.8 syllables/word - 15.59, a US school grade.
    public var fleschKincaidGrade: Double
    /// Gunning (1952): 0.4 (words/sentence + 100 complex words/words), complex = three or more syllables.
    public var gunningFog: Double
    /// McLaughlin (1969): 1.043 sqrt(polysyllables x 30/sentences) + 3.1291.
    public var smogIndex: Double
    /// Coleman & Liau (1975): 0.0588 L - 0.296 S - 15.8, L letters and S sentences per 100 words.
    public var colemanLiauIndex: Double
    /// Senter & Smith (1967): 4.71 characters/word + 0.5 words/sentence - 21.43.
    public var automatedReadabilityIndex: Double
    /// Chall & Dale (1995): 0.1579 x % difficult words + 0.0496 words/sentence, + 3.6365 when over 5% are difficult.
    public var daleChallScore: Double
    public var wordsPerSentence: Double
    public var syllablesPerWord: Double
    /// Share of words not on the Dale-Chall familiar-word list.
    public var difficultWordShare: Double

    public init(words: Int, sentences: Int, syllables: Int, polysyllables: Int, letters: Int, difficultWords: Int) {
        let w = Double(max(words, 1))
        let s = Double(max(sentences, 1))
        let wps = words == 0 ? 0 : w / s
        let spw = words == 0 ? 0 : Double(syllables) / w
        wordsPerSentence = wps
        syllablesPerWord = spw
        guard words > 0 else {
            fleschReadingEase = 0; fleschKincaidGrade = 0; gunningFog = 0; smogIndex = 0
            colemanLiauIndex = 0; automatedReadabilityIndex = 0; daleChallScore = 0; difficultWordShare = 0
            return
        }
        fleschReadingEase = 206.835 - 1.015 * wps - 84.6 * spw
        fleschKincaidGrade = 0.39 * wps + 11.8 * spw - 15.59
        gunningFog = 0.4 * (wps + 100 * Double(polysyllables) / w)
        smogIndex = 1.0430 * (Double(polysyllables) * 30 / s).squareRoot() + 3.1291
        colemanLiauIndex = 0.0588 * (100 * Double(letters) / w) - 0.296 * (100 * s / w) - 15.8
        automatedReadabilityIndex = 4.71 * Double(letters) / w + 0.5 * wps - 21.43
        let pdw = 100 * Double(difficultWords) / w
        difficultWordShare = pdw / 100
        daleChallScore = 0.1579 * pdw + 0.0496 * wps + (pdw > 5 ? 3.6365 : 0)
    }
}
