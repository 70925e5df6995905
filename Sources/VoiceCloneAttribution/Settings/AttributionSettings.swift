/// The knobs of attribution and voice matching.
///
/// The defaults were chosen on faststylometry's sample novels only (leave-one-book-out, 2,000-, 500- and
/// 200-word chunks; `voiceclone-bench`'s attribution tuning grid), never on the evaluation corpora.
/// There, 2,000 most frequent words beat 500 and 1,000 on short chunks; character n-grams and style
/// features alone were weaker than words and adding them at full weight cost accuracy, so characters
/// keep a small weight (they carry punctuation and spelling habits that matter in short informal
/// samples) and style features inform drivers and `VoiceMatcher` but not the attribution distance.
/// Fitting the word count per call (`fitWordCount`) was added after a leave-one-paper-out run over the
/// 70 known Federalist papers (`voiceclone-bench attribution-federalist-cv`; the disputed papers are not
/// read there) preferred fewer words, while the sample novels kept all 2,000 either way.
public struct AttributionSettings: Sendable, Codable, Equatable {
    /// How many of the most frequent words are features. Cosine Delta stays stable from a few hundred
    /// to a few thousand; more words help long texts a little and cost a little speed.
    public var mostFrequentWords: Int
    /// How many of the most frequent character 3- and 4-grams are features. They carry morphology and
    /// punctuation habits and are what keeps short texts attributable.
    public var characterNgrams: Int
    /// The share of candidates (0...1) a word or n-gram must occur in to be a feature. Culling removes
    /// names and topic words that would let a candidate win on subject rather than style.
    public var culling: Double
    /// Whether personal pronouns count as word features (see `Pronouns`).
    public var countPronouns: Bool
    /// How z-scored vectors are compared.
    public var distance: DistanceKind
    /// Relative weights of the feature families when their scaled distances are averaged.
    public var wordWeight: Double
    public var characterWeight: Double
    public var styleWeight: Double
    /// Choose the family weights per call from the held-out chunks (see `Attributor.fitWeights`)
    /// instead of using the three weights above as given.
    public var fitFamilyWeights: Bool
    /// Use all `mostFrequentWords` or only the top half, quarter or eighth, chosen per call from the
    /// held-out chunks (see `Attributor.fitWordCount`): rare words carry style in long fiction but
    /// mostly topic in a few dozen essays on shared subjects.
    public var fitWordCount: Bool
    /// Samples are cut into chunks of about this many words to estimate how much each feature varies
    /// within a writer and to calibrate probabilities.
    public var chunkWords: Int
    /// Texts shorter than this are scored but flagged, with a flatter (less confident) probability.
    public var shortTextWords: Int
    /// Scale each feature by the noise expected at the text's own length (between-chunk variance
    /// plus the binomial sampling variance of a rate over that many tokens) instead of one
    /// corpus-wide standard deviation, so rare features count less in short texts.
    public var lengthAdaptive: Bool
    /// At most this many held-out chunks per candidate are used to fit the probability temperature.
    public var calibrationChunks: Int
    /// How many driving features to report.
    public var drivers: Int

    public init(
        mostFrequentWords: Int = 2000,
        characterNgrams: Int = 2000,
        culling: Double = 0.5,
        countPronouns: Bool = true,
        distance: DistanceKind = .cosineDelta,
        wordWeight: Double = 1,
        characterWeight: Double = 0.25,
        styleWeight: Double = 0,
        fitFamilyWeights: Bool = false,
        fitWordCount: Bool = true,
        chunkWords: Int = 1000,
        shortTextWords: Int = 1000,
        lengthAdaptive: Bool = true,
        calibrationChunks: Int = 40,
        drivers: Int = 8
    ) {
        self.mostFrequentWords = mostFrequentWords
        self.characterNgrams = characterNgrams
        self.culling = culling
        self.countPronouns = countPronouns
        self.distance = distance
        self.wordWeight = wordWeight
        self.characterWeight = characterWeight
        self.styleWeight = styleWeight
        self.fitFamilyWeights = fitFamilyWeights
        self.fitWordCount = fitWordCount
        self.chunkWords = chunkWords
        self.shortTextWords = shortTextWords
        self.lengthAdaptive = lengthAdaptive
        self.calibrationChunks = calibrationChunks
        self.drivers = drivers
    }

    /// The defaults.
    public static let standard = AttributionSettings()

    func weight(of family: FeatureFamily) -> Double {
        switch family {
        case .words: return wordWeight
        case .characters: return characterWeight
        case .style: return styleWeight
        }
    }

    /// Throws when a setting is out of range, naming the setting and the allowed range.
    func validate() throws {
        func check(_ ok: Bool, _ name: String, _ allowed: String) throws {
            if !ok { throw AttributionError.invalidSetting(name: name, allowed: allowed) }
        }
        try check(mostFrequentWords >= 0, "mostFrequentWords", "0 or more")
        try check(characterNgrams >= 0, "characterNgrams", "0 or more")
        try check(culling >= 0 && culling <= 1, "culling", "0 to 1")
        for (name, value) in [("wordWeight", wordWeight), ("characterWeight", characterWeight), ("styleWeight", styleWeight)] {
            try check(value >= 0 && value.isFinite, name, "0 or more")
        }
        try check(wordWeight + characterWeight + styleWeight > 0, "wordWeight+characterWeight+styleWeight", "more than 0")
        try check(chunkWords >= 50, "chunkWords", "50 or more")
        try check(shortTextWords >= 0, "shortTextWords", "0 or more")
        try check(calibrationChunks >= 0, "calibrationChunks", "0 or more")
        try check(drivers >= 0, "drivers", "0 or more")
    }
}
