/// Every style measurement of a text or a set of texts, under the same names as in the Voice DNA.
public struct TextProfile: Codable, Sendable, Equatable {
    public var words: Int
    public var lexical: LexicalFeatures
    public var sentences: SentenceFeatures
    public var paragraphs: ParagraphFeatures
    public var punctuation: PunctuationFeatures
    public var functionWords: FunctionWordFeatures
    public var pronouns: PronounFeatures
    public var readability: ReadabilityScores
    public var formatting: FormattingFeatures
    public var spelling: SpellingFeatures

    init(_ c: CorpusCounts, options: AnalysisOptions) {
        let v = VocabularyMeasures(c.typeCounts)
        words = c.words
        lexical = LexicalFeatures(c, v, window: options.mattrWindow)
        sentences = SentenceFeatures(c, openers: options.openers)
        paragraphs = ParagraphFeatures(c)
        punctuation = PunctuationFeatures(c)
        functionWords = FunctionWordFeatures(c, v, top: options.mostFrequentWords)
        pronouns = PronounFeatures(v)
        readability = ReadabilityScores(
            words: v.words, sentences: c.sentenceLengths.count, syllables: v.syllables,
            polysyllables: v.polysyllables, letters: v.letters, difficultWords: v.difficult)
        formatting = FormattingFeatures(c)
        spelling = SpellingFeatures(v)
    }
}
