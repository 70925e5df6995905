import Foundation

/// Everything learnt from a clone's samples, built once per engine: the tokenised sentences, the n-gram model, the
/// writer's measured habits (the defaults for any habit the caller does not set) and the copy guard.
final class VoiceCorpus: Sendable {
    let vocabulary: Vocabulary
    let model: KneserNeyModel
    let sentences: [[Int32]]
    let renderStyle: RenderStyle
    let measured: StyleTargets
    let wordCount: Int
    let copyGuard: CopyGuard
    /// Per id: is it a word, its lower-cased form, its guard hashes, and its steered punctuation mark.
    let isWord: [Bool]
    let isContent: [Bool]
    let lowerForms: [String]
    let guardHashes: [[UInt64]]
    let marks: [PunctuationMark?]
    let isTerminal: [Bool]
    /// Unigram counts of words (raw), for salience.
    let frequency: [Int32]
    /// Sentence-opening word counts by lower-cased form, for opener steering.
    let openerShares: [String: Double]
    /// Content words the writer uses after determiners more than after pronouns or "to": noun-like, so they make
    /// sensible hashtags and headings ("#Notebook", not "#Tends").
    let nounLike: Set<String>
    /// Mean characters per word including the following space and punctuation, to turn character targets into words.
    let charactersPerWord: Double

    init(samples: [String], options: LocalEngineOptions) throws {
        guard (2...4).contains(options.order) else {
            throw LocalEngineError.invalidOption("order must be 2, 3 or 4, got \(options.order)")
        }
        guard options.copyLimit >= 3 else {
            throw LocalEngineError.invalidOption("copy limit must be at least 3 words, got \(options.copyLimit)")
        }
        var tokenizer = DraftTokenizer()
        var paragraphs: [[[String]]] = []
        var prose: [String] = []
        for sample in samples {
            let sampleParagraphs = ProseParagraphs.of(sample)
            prose.append(sampleParagraphs.joined(separator: "\n\n"))
            for paragraph in sampleParagraphs {
                let sentences = tokenizer.sentences(inParagraph: paragraph)
                if !sentences.isEmpty { paragraphs.append(sentences) }
            }
        }
        guard !paragraphs.isEmpty else { throw LocalEngineError.noSamples }
        let sentencesText = VoiceCorpus.normaliseSentenceStarts(paragraphs.flatMap { $0 })
        let words = sentencesText.reduce(0) { $0 + $1.filter(DraftTokenizer.isWord).count }
        guard words >= 40 else { throw LocalEngineError.tooFewWords(found: words, needed: 40) }

        var vocabulary = Vocabulary()
        let ids = sentencesText.map { $0.map { vocabulary.id(for: $0) } }
        guard vocabulary.count < Vocabulary.maxSize else {
            throw LocalEngineError.invalidOption("the samples have more than \(Vocabulary.maxSize) distinct tokens")
        }
        self.vocabulary = vocabulary
        self.sentences = ids
        self.model = KneserNeyModel(sentences: ids, vocabularySize: vocabulary.count, order: options.order)
        self.renderStyle = tokenizer.renderStyle
        self.wordCount = words
        // The guard sees the same prose the model learnt from (headings and code are not copyable prose).
        self.copyGuard = CopyGuard(samples: prose, limit: options.copyLimit)

        var isWord: [Bool] = [], isContent: [Bool] = [], lower: [String] = [], hashes: [[UInt64]] = []
        var marks: [PunctuationMark?] = [], terminal: [Bool] = []
        for token in vocabulary.tokens {
            let word = DraftTokenizer.isWord(token)
            isWord.append(word)
            let l = token.lowercased()
            lower.append(l)
            isContent.append(word && l.count > 2 && !StopWords.all.contains(l) && !l.allSatisfy(\.isNumber))
            hashes.append(word ? WordHasher.hashes(token) : [])
            marks.append(PunctuationMark(token: token))
            terminal.append(DraftTokenizer.isTerminal(token))
        }
        isWord[0] = false; isWord[1] = false; terminal[0] = false; terminal[1] = false
        self.isWord = isWord
        self.isContent = isContent
        self.lowerForms = lower
        self.guardHashes = hashes
        self.marks = marks
        self.isTerminal = terminal

        var frequency = [Int32](repeating: 0, count: vocabulary.count)
        var openers: [String: Int] = [:]
        var characters = 0
        let tokenLengths = vocabulary.tokens.map { $0.unicodeScalars.count + 1 }
        for sentence in ids {
            if let first = sentence.first(where: { isWord[Int($0)] }) { openers[lower[Int(first)], default: 0] += 1 }
            for id in sentence {
                frequency[Int(id)] += 1
                characters += tokenLengths[Int(id)]
            }
        }
        self.frequency = frequency
        let determiners: Set<String> = ["the", "a", "an", "my", "your", "our", "this", "that", "his", "her", "their",
                                        "every", "no", "each", "some", "its"]
        let verbCues: Set<String> = ["to", "i", "you", "we", "they", "he", "she", "it", "don't", "can't", "will",
                                     "would", "could", "should", "didn't", "doesn't", "never", "always", "who"]
        var nounVotes: [String: Int] = [:]
        for sentence in ids {
            for k in 1..<max(sentence.count, 1) where isContent[Int(sentence[k])] {
                let previous = lower[Int(sentence[k - 1])]
                if determiners.contains(previous) { nounVotes[lower[Int(sentence[k])], default: 0] += 1 }
                else if verbCues.contains(previous) { nounVotes[lower[Int(sentence[k])], default: 0] -= 1 }
            }
        }
        self.nounLike = Set(nounVotes.filter { $0.value > 0 }.map(\.key))
        let sentenceCount = Double(ids.count)
        self.openerShares = openers.mapValues { Double($0) / sentenceCount }
        self.charactersPerWord = Double(characters) / Double(max(words, 1))
        self.measured = VoiceCorpus.measure(paragraphs: paragraphs, sentences: sentencesText, words: words,
                                            openers: openers, sentenceCount: ids.count)
    }

    /// Lower-cases a capitalised sentence-initial word when the writer writes it in lower case elsewhere (or it is a
    /// function word), so "The" at a sentence start and "the" mid-sentence are one token; names stay capitalised.
    private static func normaliseSentenceStarts(_ sentences: [[String]]) -> [[String]] {
        var lowerSeen: [String: Int] = [:], capitalSeen: [String: Int] = [:], lowerStems = Set<String>()
        for sentence in sentences {
            var first = true
            for token in sentence where DraftTokenizer.isWord(token) {
                if !first {
                    if token.first?.isUppercase == true { capitalSeen[token.lowercased(), default: 0] += 1 }
                    else { lowerSeen[token, default: 0] += 1 }
                }
                first = false
            }
        }
        for word in lowerSeen.keys { lowerStems.insert(KeywordSteering.stem(word)) }
        return sentences.map { sentence in
            guard let index = sentence.firstIndex(where: DraftTokenizer.isWord) else { return sentence }
            let token = sentence[index]
            guard token.first?.isUppercase == true, token != "I", !token.hasPrefix("I'") else { return sentence }
            let lower = token.lowercased()
            guard token.dropFirst().allSatisfy({ !$0.isUppercase }) else { return sentence }
            let l = lowerSeen[lower, default: 0], c = capitalSeen[lower, default: 0]
            if l > c || (l == 0 && c == 0 && (StopWords.all.contains(lower) || lower.hasSuffix("ly")
                    || lowerStems.contains(KeywordSteering.stem(lower)))) {
                var copy = sentence
                copy[index] = lower
                return copy
            }
            return sentence
        }
    }

    private static func measure(
        paragraphs: [[[String]]], sentences: [[String]], words: Int, openers: [String: Int], sentenceCount: Int
    ) -> StyleTargets {
        let lengths = sentences.map { Double($0.filter(DraftTokenizer.isWord).count) }
        let mean = lengths.reduce(0, +) / Double(max(lengths.count, 1))
        let variance = lengths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(lengths.count, 1))
        var buckets: [SentenceLengthTarget.Bucket] = []
        var lower = 1
        while lower <= 60 {
            let upper = lower == 1 ? 5 : lower + 4
            let n = lengths.filter { Int($0) >= lower && (Int($0) <= upper || (upper >= 60)) }.count
            if n > 0 { buckets.append(.init(lower: lower, upper: upper, share: Double(n) / Double(lengths.count))) }
            lower = upper + 1
        }
        var markCounts: [PunctuationMark: Int] = [:]
        var contracted = 0, expanded = 0, us = 0, uk = 0
        for sentence in sentences {
            for token in sentence {
                if let mark = PunctuationMark(token: token) { markCounts[mark, default: 0] += 1 }
            }
            let sites = ContractionRewriter.sites(in: sentence)
            contracted += sites.contracted
            expanded += sites.expanded
            let spelling = SpellingRewriter.counts(in: sentence)
            us += spelling.us
            uk += spelling.uk
        }
        func rate(_ mark: PunctuationMark) -> Double {
            (Double(markCounts[mark, default: 0]) * 1000 / Double(max(words, 1)) * 100).rounded() / 100
        }
        let perParagraph = paragraphs.map { Double($0.count) }
        let topOpeners = openers.filter { $0.value >= 2 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(12)
        return StyleTargets(
            sentenceLength: SentenceLengthTarget(mean: mean, standardDeviation: variance.squareRoot(), histogram: buckets),
            punctuationPer1000Words: PunctuationRates(
                comma: rate(.comma), semicolon: rate(.semicolon), colon: rate(.colon), emDash: rate(.emDash),
                enDash: rate(.enDash), ellipsis: rate(.ellipsis), parentheses: rate(.parentheses),
                exclamation: rate(.exclamation), question: rate(.question)),
            sentencesPerParagraph: perParagraph.reduce(0, +) / Double(max(perParagraph.count, 1)),
            oneLineParagraphRate: Double(perParagraph.filter { $0 == 1 }.count) / Double(max(perParagraph.count, 1)),
            contractionRate: contracted + expanded == 0 ? 0.5 : Double(contracted) / Double(contracted + expanded),
            openers: Dictionary(uniqueKeysWithValues: topOpeners.map { ($0.key, Double($0.value) / Double(max(sentenceCount, 1))) }),
            spelling: us == uk ? nil : (us > uk ? .us : .uk))
    }
}
