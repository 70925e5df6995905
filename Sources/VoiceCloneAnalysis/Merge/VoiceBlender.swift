
/// Computes a merged clone's Voice DNA from its sources' DNA and weights.
///
/// Why each section is blended the way it is:
/// - Rates, shares, means and scores are weighted means: the blend writes like source A a fraction `w` of the time.
/// - Sentence-length percentiles, spread, shortest and longest are weighted means too (quantile averaging), so the
///   blended spread stays between the sources' instead of widening when their means differ; burstiness is then
///   recomputed from the blended mean and spread, so the section stays internally consistent.
/// - Distributions — the sentence-length histogram, openers, most frequent words — are weighted mixtures over the
///   union of entries (a word missing from a source's list counts as 0 there).
/// - Readability scores are weighted means; for Flesch Reading Ease, Flesch–Kincaid and ARI, which are linear in
///   words per sentence, syllables and letters per word, that is exactly the score of the blended inputs.
/// - Signature words and phrases are a weighted union; avoided words are recomputed from mixed rates.
/// - Counts inside trait sections (sentence count, types, …) are rounded weighted means, so every trait of a
///   50/50 blend lies between its sources'; the `corpus` section sums what the sources were built from.
/// All lists are re-sorted deterministically, so the same sources and weights always give the same bytes.
public struct VoiceBlender: Sendable {
    public init() {}

    /// Blends `sources` (at least two, weights summing to 1). The result's `clone` and `version` are for the caller.
    public func blend(_ sources: [BlendSource]) throws -> VoiceDNA {
        guard sources.count >= 2 else { throw VoiceMergeError.tooFewSources(sources.count) }
        let total = sources.reduce(0) { $0 + $1.weight }
        // Weights from `clone.md` already sum to 1 (up to rounding); rescale only when they clearly do not.
        let scale = abs(total - 1) < 1e-9 ? 1 : total
        let src = sources.map { BlendSource(clone: $0.clone, weight: $0.weight / scale, dna: $0.dna) }
        var out = src[0].dna
        out.schemaVersion = VoiceDNA.currentSchemaVersion
        out.clone = ""
        out.version = 0
        out.qualitative = nil
        out.corpus = corpus(src)
        out.lexical = lexical(src)
        out.sentences = sentences(src)
        out.paragraphs = paragraphs(src)
        out.punctuation = punctuation(src)
        out.functionWords = functionWords(src)
        out.pronouns = pronouns(src)
        out.readability = readability(src)
        out.formatting = formatting(src)
        out.spelling = spelling(src)
        out.signature = SignatureBlender().blend(src)
        out.confidence = confidence(src)
        out.merge = MergeProvenance(sources: src.map { MergeSource(clone: $0.clone, weight: $0.weight, dnaVersion: $0.dna.version) })
        return out
    }

    // MARK: Sections

    private func corpus(_ s: [BlendSource]) -> CorpusSummary {
        var c = s[0].dna.corpus
        c.samples = s.reduce(0) { $0 + $1.dna.corpus.samples }
        c.words = s.reduce(0) { $0 + $1.dna.corpus.words }
        c.sentences = s.reduce(0) { $0 + $1.dna.corpus.sentences }
        c.paragraphs = s.reduce(0) { $0 + $1.dna.corpus.paragraphs }
        c.excludedAiAssisted = s.reduce(0) { $0 + $1.dna.corpus.excludedAiAssisted }
        var types: [String: ContentTypeCount] = [:]
        for source in s {
            for t in source.dna.corpus.contentTypes {
                if var existing = types[t.type.rawValue] {
                    existing.samples += t.samples
                    existing.words += t.words
                    types[t.type.rawValue] = existing
                } else {
                    types[t.type.rawValue] = t
                }
            }
        }
        c.contentTypes = types.keys.sorted().compactMap { types[$0] }
        // The samples the blend rests on, as `clone/sample-id`.
        c.sampleIds = s.flatMap { source in source.dna.corpus.sampleIds.map { "\(source.clone)/\($0)" } }.sorted()
        return c
    }

    private func lexical(_ s: [BlendSource]) -> LexicalFeatures {
        var l = s[0].dna.lexical
        l.meanWordLength = mean(s) { $0.lexical.meanWordLength }
        l.mattr = mean(s) { $0.lexical.mattr }
        l.types = roundedMean(s) { $0.lexical.types }
        l.hapaxRatio = mean(s) { $0.lexical.hapaxRatio }
        l.lexicalDensity = mean(s) { $0.lexical.lexicalDensity }
        l.contractionsPerThousand = mean(s) { $0.lexical.contractionsPerThousand }
        l.longWordShare = mean(s) { $0.lexical.longWordShare }
        return l
    }

    private func sentences(_ s: [BlendSource]) -> SentenceFeatures {
        var f = s[0].dna.sentences
        f.count = roundedMean(s) { $0.sentences.count }
        f.meanLength = mean(s) { $0.sentences.meanLength }
        f.medianLength = mean(s) { $0.sentences.medianLength }
        f.standardDeviation = mean(s) { $0.sentences.standardDeviation }
        f.shortest = roundedMean(s) { $0.sentences.shortest }
        f.longest = roundedMean(s) { $0.sentences.longest }
        f.percentiles.p10 = mean(s) { $0.sentences.percentiles.p10 }
        f.percentiles.p25 = mean(s) { $0.sentences.percentiles.p25 }
        f.percentiles.p50 = mean(s) { $0.sentences.percentiles.p50 }
        f.percentiles.p75 = mean(s) { $0.sentences.percentiles.p75 }
        f.percentiles.p90 = mean(s) { $0.sentences.percentiles.p90 }
        f.histogram = histogram(s)
        let sd = f.standardDeviation, m = f.meanLength
        f.burstiness = sd + m > 0 ? (sd - m) / (sd + m) : 0
        f.questionShare = mean(s) { $0.sentences.questionShare }
        f.exclamationShare = mean(s) { $0.sentences.exclamationShare }
        f.openers = mixture(s, keep: s.map { $0.dna.sentences.openers.count }.max() ?? 0) { $0.sentences.openers }
        return f
    }

    /// Bins are matched by their lower bound; a bin only one source has keeps its share there and 0 elsewhere.
    private func histogram(_ s: [BlendSource]) -> [LengthBin] {
        var bins: [Int: LengthBin] = [:]
        for source in s {
            for b in source.dna.sentences.histogram {
                var bin = bins[b.from] ?? { var z = b; z.share = 0; return z }()
                bin.share += source.weight * b.share
                bins[b.from] = bin
            }
        }
        return bins.keys.sorted().compactMap { bins[$0] }
    }

    private func paragraphs(_ s: [BlendSource]) -> ParagraphFeatures {
        var p = s[0].dna.paragraphs
        p.count = roundedMean(s) { $0.paragraphs.count }
        p.meanWords = mean(s) { $0.paragraphs.meanWords }
        p.medianWords = mean(s) { $0.paragraphs.medianWords }
        p.meanSentences = mean(s) { $0.paragraphs.meanSentences }
        p.singleSentenceShare = mean(s) { $0.paragraphs.singleSentenceShare }
        return p
    }

    private func punctuation(_ s: [BlendSource]) -> PunctuationFeatures {
        var p = s[0].dna.punctuation
        p.comma = mean(s) { $0.punctuation.comma }
        p.semicolon = mean(s) { $0.punctuation.semicolon }
        p.colon = mean(s) { $0.punctuation.colon }
        p.emDash = mean(s) { $0.punctuation.emDash }
        p.enDash = mean(s) { $0.punctuation.enDash }
        p.ellipsis = mean(s) { $0.punctuation.ellipsis }
        p.parentheses = mean(s) { $0.punctuation.parentheses }
        p.exclamation = mean(s) { $0.punctuation.exclamation }
        p.question = mean(s) { $0.punctuation.question }
        p.straightQuotes = mean(s) { $0.punctuation.straightQuotes }
        p.curlyQuotes = mean(s) { $0.punctuation.curlyQuotes }
        // Only sources that wrote lists say anything about the Oxford comma.
        p.oxfordCommaRate = optionalMean(s) { $0.punctuation.oxfordCommaRate }
        p.oxfordCommaLists = roundedMean(s) { $0.punctuation.oxfordCommaLists }
        return p
    }

    private func functionWords(_ s: [BlendSource]) -> FunctionWordFeatures {
        var f = s[0].dna.functionWords
        f.functionWordShare = mean(s) { $0.functionWords.functionWordShare }
        f.mostFrequent = mixture(s, keep: s.map { $0.dna.functionWords.mostFrequent.count }.max() ?? 0) { $0.functionWords.mostFrequent }
        return f
    }

    private func pronouns(_ s: [BlendSource]) -> PronounFeatures {
        var p = s[0].dna.pronouns
        p.firstSingular = mean(s) { $0.pronouns.firstSingular }
        p.firstPlural = mean(s) { $0.pronouns.firstPlural }
        p.second = mean(s) { $0.pronouns.second }
        p.thirdSingular = mean(s) { $0.pronouns.thirdSingular }
        p.thirdPlural = mean(s) { $0.pronouns.thirdPlural }
        return p
    }

    private func readability(_ s: [BlendSource]) -> ReadabilityScores {
        var r = s[0].dna.readability
        r.fleschReadingEase = mean(s) { $0.readability.fleschReadingEase }
        r.fleschKincaidGrade = mean(s) { $0.readability.fleschKincaidGrade }
        r.gunningFog = mean(s) { $0.readability.gunningFog }
        r.smogIndex = mean(s) { $0.readability.smogIndex }
        r.colemanLiauIndex = mean(s) { $0.readability.colemanLiauIndex }
        r.automatedReadabilityIndex = mean(s) { $0.readability.automatedReadabilityIndex }
        r.daleChallScore = mean(s) { $0.readability.daleChallScore }
        r.wordsPerSentence = mean(s) { $0.readability.wordsPerSentence }
        r.syllablesPerWord = mean(s) { $0.readability.syllablesPerWord }
        r.difficultWordShare = mean(s) { $0.readability.difficultWordShare }
        return r
    }

    private func formatting(_ s: [BlendSource]) -> FormattingFeatures {
        var f = s[0].dna.formatting
        f.emoji = mean(s) { $0.formatting.emoji }
        f.hashtags = mean(s) { $0.formatting.hashtags }
        f.mentions = mean(s) { $0.formatting.mentions }
        f.bulletItems = mean(s) { $0.formatting.bulletItems }
        f.numberedItems = mean(s) { $0.formatting.numberedItems }
        f.headings = mean(s) { $0.formatting.headings }
        f.bold = mean(s) { $0.formatting.bold }
        f.italics = mean(s) { $0.formatting.italics }
        f.links = mean(s) { $0.formatting.links }
        f.images = mean(s) { $0.formatting.images }
        f.codeBlocks = mean(s) { $0.formatting.codeBlocks }
        f.blockquotes = mean(s) { $0.formatting.blockquotes }
        f.allCapsWords = mean(s) { $0.formatting.allCapsWords }
        return f
    }

    private func spelling(_ s: [BlendSource]) -> SpellingFeatures {
        var p = s[0].dna.spelling
        p.usVariants = roundedMean(s) { $0.spelling.usVariants }
        p.ukVariants = roundedMean(s) { $0.spelling.ukVariants }
        p.usShare = optionalMean(s) { $0.spelling.usShare }
        if let share = p.usShare {
            p.preference = share >= 0.8 ? "us" : share <= 0.2 ? "uk" : "mixed"
        } else {
            p.preference = "none"
        }
        return p
    }

    private func confidence(_ s: [BlendSource]) -> VoiceCloneAnalysis.Confidence {
        var c = s[0].dna.confidence
        c.breakdown.wordCount = mean(s) { $0.confidence.breakdown.wordCount }
        c.breakdown.samples = mean(s) { $0.confidence.breakdown.samples }
        c.breakdown.variety = mean(s) { $0.confidence.breakdown.variety }
        c.breakdown.lengthSpread = mean(s) { $0.confidence.breakdown.lengthSpread }
        c.breakdown.consistency = mean(s) { $0.confidence.breakdown.consistency }
        let b = c.breakdown
        c.score = Int((b.wordCount + b.samples + b.variety + b.lengthSpread + b.consistency).rounded())
        // A blend is only as trustworthy as its sources: pass on each source's first piece of advice.
        c.advice = s.compactMap { source in
            source.dna.confidence.advice.first.map { "\(source.clone): \($0) Then run `voiceclone analyze \(source.clone)` and re-blend." }
        }
        return c
    }

    // MARK: Arithmetic

    private func mean(_ s: [BlendSource], _ value: (VoiceDNA) -> Double) -> Double {
        s.reduce(0) { $0 + $1.weight * value($1.dna) }
    }

    private func roundedMean(_ s: [BlendSource], _ value: (VoiceDNA) -> Int) -> Int {
        Int(mean(s) { Double(value($0)) }.rounded())
    }

    /// The weighted mean over the sources that have a value, their weights rescaled; nil when none has one.
    private func optionalMean(_ s: [BlendSource], _ value: (VoiceDNA) -> Double?) -> Double? {
        var sum = 0.0, weight = 0.0
        for source in s {
            if let v = value(source.dna) { sum += source.weight * v; weight += source.weight }
        }
        return weight > 0 ? sum / weight : nil
    }

    /// A weighted mixture of ranked word lists: share = Σ weight × share (0 where a list lacks the word), the
    /// `keep` largest, by share then alphabetically.
    private func mixture(_ s: [BlendSource], keep: Int, _ list: (VoiceDNA) -> [WordShare]) -> [WordShare] {
        var shares: [String: Double] = [:]
        for source in s {
            for item in list(source.dna) { shares[item.word, default: 0] += source.weight * item.share }
        }
        return shares.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(keep).map { WordShare(word: $0.key, share: $0.value) }
    }
}
