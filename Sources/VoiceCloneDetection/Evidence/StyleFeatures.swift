import Foundation
import VoiceCloneAnalysis

/// Topic-free style evidence that carries across generators and domains better than word lists: how often the
/// commonest function words are used, how sentences open, how long clauses and sentences run, how predictable the
/// vocabulary is against general English, and a few punctuation habits.
///
/// Every feature is a rate or a share, so it does not grow with length. None looks at spelling: words outside the
/// general-English list (typos, names, jargon) are skipped by the predictability features rather than counted.
public struct StyleFeatures: Sendable, Equatable {
    /// Values in the order of `StyleFeatures.names`.
    public var values: [Double]
    /// Indices (in `names` order) of the features this text is too short to measure: a spread of fewer than three
    /// sentences or clauses, the clustering of repeated words when no content word comes back three times, the variety
    /// of sentence openings when a handful of sentences all open differently. There the formula gives an extreme value
    /// ("perfectly even rhythm", "no clustering", "every opening different") that is an artefact of length, not a
    /// habit; the combining model reads these features as the typical human value of its training data instead
    /// (`StyleWeights.filled`), so "too short to tell" counts toward neither side.
    public var unmeasurable: Set<Int> = []

    /// Whether the text was long enough to measure the named feature.
    public func isMeasurable(_ name: String) -> Bool {
        StyleFeatures.index[name].map { !unmeasurable.contains($0) } ?? false
    }

    public subscript(_ name: String) -> Double? {
        StyleFeatures.index[name].map { values[$0] }
    }

    /// The family a feature belongs to, for reports ("function_words", "sentence_openings", …).
    public static func group(of name: String) -> String {
        if name.hasPrefix("fw_") { return "function_words" }
        if name.hasPrefix("open_") { return "sentence_openings" }
        if name.hasPrefix("clause_") || name.hasPrefix("sentence_") || name == "commas_per_sentence" { return "clause_lengths" }
        if name.hasPrefix("word_") { return "word_predictability" }
        if name.hasPrefix("vocab_") { return "lexical_variety" }
        return "punctuation"
    }

    /// The report groups in order, with what each means.
    public static let groups: [(name: String, summary: String)] = [
        ("function_words", "how often the 60 commonest function words are used, against the fitted human/machine profile"),
        ("sentence_openings", "how sentences open (pronoun, article, connective, preposition, -ing word, conjunction)"),
        ("clause_lengths", "length and spread of sentences and comma-separated clauses"),
        ("word_predictability", "word length and how common the vocabulary is in general English"),
        ("punctuation", "parentheses, semicolons, colons, quotation marks and digits per 100 words"),
        ("lexical_variety", "how varied the vocabulary is within 50-word windows, how repeated words cluster and how often three-word phrases come back"),
    ]

    /// Function words whose rates are features. Chosen for frequency in general English, not by looking at any
    /// detection corpus.
    public static let functionWords: [String] = [
        "the", "of", "and", "to", "a", "in", "that", "is", "it", "for", "as", "with", "this", "be", "are", "on", "by",
        "an", "or", "can", "their", "its", "these", "which", "not", "but", "i", "you", "we", "my", "me", "he", "she",
        "they", "was", "had", "have", "so", "just", "very", "really", "all", "more", "also", "such", "while", "from",
        "at", "will", "would", "if", "there", "our", "your", "one", "do", "what", "about", "like", "when",
    ]

    public static let names: [String] = functionWords.map { "fw_" + $0 } + [
        "open_pronoun", "open_article", "open_connective", "open_preposition", "open_ing", "open_conjunction",
        "open_subordinator", "open_intro_comma",
        "clause_mean_words", "clause_spread", "sentence_mean_words", "sentence_spread", "commas_per_sentence",
        "word_mean_length", "word_long_share", "word_log_frequency", "word_top100_share", "word_rare_listed_share",
        "punct_parentheses", "punct_semicolons", "punct_colons", "punct_quotes", "punct_digits",
        "vocab_mattr", "vocab_hapax_share", "vocab_burstiness", "open_diversity", "vocab_repeated_trigrams",
    ]

    /// Window for the length-normalised variety features: short enough for an 80-word text to have one.
    static let varietyWindow = 50

    /// Fewest sentences (or clauses) whose lengths' spread is measured: the spread of one is 0 and of two is one gap.
    static let minimumSpreadItems = 3

    /// Below this many sentences, every sentence opening differently is what most people's texts show by chance
    /// (a repeated opener is not yet expected), so it is not read as a habit; a repeat is still measured.
    static let minimumOpenersForVariety = 10

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })

    private static let pronouns: Set<String> = ["i", "you", "we", "he", "she", "they", "it", "my", "our", "your", "his", "her", "their", "me", "us", "them"]
    private static let articles: Set<String> = ["the", "a", "an", "this", "these", "that", "those", "its", "each", "every", "many", "some", "most"]
    private static let connectives: Set<String> = [
        "however", "moreover", "furthermore", "additionally", "also", "overall", "ultimately", "consequently", "therefore",
        "thus", "instead", "similarly", "likewise", "nevertheless", "nonetheless", "indeed", "finally", "firstly",
        "secondly", "lastly", "importantly", "notably", "meanwhile", "hence", "accordingly", "then", "still",
    ]
    private static let prepositions: Set<String> = [
        "in", "by", "with", "for", "from", "through", "on", "at", "to", "without", "despite", "after", "before", "during",
        "under", "over", "of", "into", "among", "beyond", "within", "throughout", "amid", "like", "unlike", "as",
    ]
    private static let conjunctions: Set<String> = ["and", "but", "so", "or", "yet", "nor", "plus"]
    private static let subordinators: Set<String> = ["while", "when", "although", "though", "because", "if", "since", "whether", "whereas", "once", "unless", "until"]

    /// Measures a text. Headings and list markers are set aside as the other signals do (`DetectionDocument`).
    public init(_ text: String) {
        self.init(document: DetectionDocument(text))
    }

    init(document: DetectionDocument) {
        let prose = document.sentences.filter { $0.blockKind != .heading }
        let words = prose.flatMap(\.words)
        let n = Double(max(words.count, 1))
        var values: [Double] = []
        values.reserveCapacity(StyleFeatures.names.count)

        var counts: [String: Int] = [:]
        for w in words { counts[w, default: 0] += 1 }
        for f in StyleFeatures.functionWords { values.append(100 * Double(counts[f] ?? 0) / n) }

        // Sentence openings: the first word's class, and whether an introductory phrase ends in a comma.
        var open = [Double](repeating: 0, count: 8)
        for s in prose {
            guard let first = s.words.first else { continue }
            if StyleFeatures.pronouns.contains(first) { open[0] += 1 }
            else if StyleFeatures.articles.contains(first) { open[1] += 1 }
            else if StyleFeatures.connectives.contains(first) { open[2] += 1 }
            else if StyleFeatures.prepositions.contains(first) { open[3] += 1 }
            else if first.count > 4 && first.hasSuffix("ing") { open[4] += 1 }
            else if StyleFeatures.conjunctions.contains(first) { open[5] += 1 }
            else if StyleFeatures.subordinators.contains(first) { open[6] += 1 }
            if let comma = s.text.firstIndex(of: ","), s.words.count >= 6,
               Tokenizer.wordCount(String(s.text[..<comma])) <= 6 { open[7] += 1 }
        }
        let sentenceCount = Double(max(prose.count, 1))
        values += open.map { $0 / sentenceCount }

        // Clauses: stretches between , ; : ( ) and dashes.
        var clauseLengths: [Double] = []
        var commas = 0
        for s in prose {
            var current = ""
            for ch in s.text {
                if ",;:()—–".contains(ch) {
                    if ch == "," { commas += 1 }
                    let k = Tokenizer.wordCount(current)
                    if k > 0 { clauseLengths.append(Double(k)) }
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            let k = Tokenizer.wordCount(current)
            if k > 0 { clauseLengths.append(Double(k)) }
        }
        let sentenceLengths = prose.map { Double($0.words.count) }
        values.append(log1p(StyleFeatures.mean(clauseLengths)))
        values.append(SignalMeter.coefficientOfVariation(clauseLengths))
        values.append(log1p(StyleFeatures.mean(sentenceLengths)))
        values.append(SignalMeter.coefficientOfVariation(sentenceLengths))
        values.append(Double(commas) / sentenceCount)

        // Vocabulary against general English. Words outside the list are skipped, so a typo is not evidence.
        var letters = 0, long = 0, listed = 0, top100 = 0, rareListed = 0
        var logFrequency = 0.0
        for w in words {
            let length = w.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
            letters += length
            if length >= 9 { long += 1 }
            guard let rank = GeneralEnglishFrequency.rank(of: w), let rate = GeneralEnglishFrequency.perMillion(w) else { continue }
            listed += 1
            logFrequency += log10(max(rate, 0.01))
            if rank < 100 { top100 += 1 }
            if rank >= 2000 { rareListed += 1 }
        }
        let listedCount = Double(max(listed, 1))
        values.append(Double(letters) / n)
        values.append(Double(long) / n)
        values.append(logFrequency / listedCount)
        values.append(Double(top100) / listedCount)
        values.append(Double(rareListed) / listedCount)

        // Punctuation in the prose sentences.
        var parentheses = 0, semicolons = 0, colons = 0, quotes = 0, digits = 0
        for s in prose {
            for ch in s.text.unicodeScalars {
                switch ch {
                case "(": parentheses += 1
                case ";": semicolons += 1
                case ":": colons += 1
                case "\"", "\u{201C}", "\u{201D}": quotes += 1
                default: if ch.properties.numericType != nil && CharacterSet.decimalDigits.contains(ch) { digits += 1 }
                }
            }
        }
        let per100 = 100 / n
        values += [parentheses, semicolons, colons, quotes, digits].map { Double($0) * per100 }

        // Lexical variety that does not grow or shrink with length (raw type/token ratios do): the moving-average
        // type/token ratio and the share of once-used words, both over 50-word windows.
        values += StyleFeatures.windowVariety(words)
        let burstiness = StyleFeatures.burstiness(words)
        values.append(burstiness ?? 0)
        // How many different words open the sentences (a text that starts every sentence alike scores low).
        let openers = prose.compactMap(\.words.first)
        let distinctOpeners = Set(openers).count
        values.append(openers.isEmpty ? 1 : Double(distinctOpeners) / Double(openers.count))
        values.append(StyleFeatures.repeatedTrigrams(words))
        self.values = values

        var unmeasurable = Set<Int>()
        func mark(_ name: String) { if let i = StyleFeatures.index[name] { unmeasurable.insert(i) } }
        if sentenceLengths.count < StyleFeatures.minimumSpreadItems { mark("sentence_spread") }
        if clauseLengths.count < StyleFeatures.minimumSpreadItems { mark("clause_spread") }
        if burstiness == nil { mark("vocab_burstiness") }
        if openers.count < 2 || (distinctOpeners == openers.count && openers.count < StyleFeatures.minimumOpenersForVariety) {
            mark("open_diversity")
        }
        self.unmeasurable = unmeasurable
    }

    init(values: [Double], unmeasurable: Set<Int> = []) {
        self.values = values
        self.unmeasurable = unmeasurable
    }

    /// Mean type/token ratio and once-used share over every `varietyWindow`-word window (the whole text when shorter).
    static func windowVariety(_ words: [String]) -> [Double] {
        guard !words.isEmpty else { return [1, 1] }
        let size = min(varietyWindow, words.count)
        var counts: [String: Int] = [:]
        var types = 0, once = 0
        func add(_ w: String, _ delta: Int) {
            let before = counts[w] ?? 0, after = before + delta
            counts[w] = after
            if before == 0 { types += 1 }
            if after == 0 { types -= 1 }
            if before == 1 { once -= 1 }
            if after == 1 { once += 1 }
        }
        for w in words[0..<size] { add(w, 1) }
        var typeSum = Double(types), onceSum = Double(once), windows = 1.0
        for i in size..<words.count {
            add(words[i], 1)
            add(words[i - size], -1)
            typeSum += Double(types)
            onceSum += Double(once)
            windows += 1
        }
        return [typeSum / windows / Double(size), onceSum / windows / Double(size)]
    }

    /// Window and step for `repeatedTrigrams`: long enough for a phrase to come back, short enough that the share does
    /// not grow with the length of the text.
    static let trigramWindow = 100, trigramStep = 50

    /// How much a text repeats its own phrasing: the share of word trigrams that repeat an earlier trigram of the same
    /// 100-word window (windows every 50 words and one ending with the text; the whole text when shorter), averaged
    /// over windows.
    static func repeatedTrigrams(_ words: [String]) -> Double {
        guard words.count >= 3 else { return 0 }
        var starts = Array(stride(from: 0, to: max(1, words.count - trigramWindow + 1), by: trigramStep))
        // The last window ends with the text, so the tail is read too.
        if let last = starts.last, last + trigramWindow < words.count { starts.append(words.count - trigramWindow) }
        var shares: [Double] = []
        for start in starts {
            let window = words[start..<min(words.count, start + trigramWindow)]
            guard window.count >= 3 else { continue }
            var seen = Set<String>(), repeats = 0
            for i in window.startIndex..<(window.endIndex - 2) {
                if !seen.insert(window[i] + " " + window[i + 1] + " " + window[i + 2]).inserted { repeats += 1 }
            }
            shares.append(Double(repeats) / Double(window.count - 2))
        }
        return mean(shares)
    }

    /// How repeated content words cluster: for each word (outside the function-word list) used at least twice, the
    /// coefficient of variation of the gaps between its uses, averaged; nil when no content word is used three times
    /// (two gaps), so there is nothing to measure. People tend to return to a word in bursts; even spacing gives low
    /// values.
    static func burstiness(_ words: [String]) -> Double? {
        var positions: [String: [Int]] = [:]
        for (i, w) in words.enumerated() where !functionWordSet.contains(w) && w.count > 2 { positions[w, default: []].append(i) }
        let spreads = positions.keys.sorted().compactMap { w -> Double? in
            guard let p = positions[w], p.count >= 2 else { return nil }
            let gaps = zip(p.dropFirst(), p).map { Double($0 - $1) }
            return gaps.count >= 2 ? SignalMeter.coefficientOfVariation(gaps) : nil
        }
        return spreads.isEmpty ? nil : mean(spreads)
    }

    private static let functionWordSet = Set(functionWords).union(pronouns).union(articles).union(prepositions)
        .union(conjunctions).union(subordinators)

    private static func mean(_ xs: [Double]) -> Double {
        xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count)
    }
}
