import VoiceCloneAnalysis

extension StyleTargets {
    /// The habits a stored Voice DNA records, as targets for the offline engine.
    ///
    /// Why from the DNA rather than re-measuring the samples: the DNA is the versioned, reviewed description of
    /// the voice (possibly a merge of several writers), and generation should follow the version the user chose.
    /// The contraction rate is left to the samples: the DNA counts contractions per 1,000 words, while the engine
    /// needs the share of places where a contraction was possible, which only the text itself can give.
    public init(dna: VoiceDNA) {
        let s = dna.sentences
        var sentenceLength: SentenceLengthTarget?
        if s.count > 0 && s.meanLength > 0 {
            let buckets = s.histogram.filter { $0.share > 0 }.map { bin in
                SentenceLengthTarget.Bucket(
                    lower: bin.from, upper: bin.to ?? max(bin.from + 9, min(s.longest, bin.from + 30)), share: bin.share)
            }
            sentenceLength = SentenceLengthTarget(
                mean: s.meanLength, standardDeviation: s.standardDeviation, histogram: buckets.isEmpty ? nil : buckets)
        }
        let p = dna.punctuation
        let rates = PunctuationRates(
            comma: p.comma, semicolon: p.semicolon, colon: p.colon, emDash: p.emDash, enDash: p.enDash,
            ellipsis: p.ellipsis, parentheses: p.parentheses, exclamation: p.exclamation, question: p.question)
        var openers: [String: Double] = [:]
        for opener in s.openers where opener.share > 0 { openers[opener.word.lowercased()] = opener.share }
        let paragraphs = dna.paragraphs
        self.init(
            sentenceLength: sentenceLength,
            punctuationPer1000Words: rates,
            sentencesPerParagraph: paragraphs.count > 0 ? paragraphs.meanSentences : nil,
            oneLineParagraphRate: paragraphs.count > 0 ? paragraphs.singleSentenceShare : nil,
            contractionRate: nil,
            openers: openers,
            spelling: SpellingPreference(rawValue: dna.spelling.preference.lowercased()))
    }
}
