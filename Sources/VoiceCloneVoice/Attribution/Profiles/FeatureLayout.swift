/// Which words and character n-grams are features, and where each family sits in a `FeatureVector`.
///
/// Chosen from the candidates' own samples on every call: a feature must occur in at least
/// `culling` of the candidates (so names and topic words of one candidate drop out), and the most
/// frequent survivors are kept, frequency averaged over candidates so a prolific candidate does not
/// decide the vocabulary alone.
struct FeatureLayout: Sendable {
    let wordKeys: [UInt64]
    let wordSpellings: [String]
    let ngramKeys: [UInt64]
    let wordIndex: CountTable
    let ngramIndex: CountTable

    var wordRange: Range<Int> { 0..<wordKeys.count }
    var characterRange: Range<Int> { wordKeys.count..<(wordKeys.count + ngramKeys.count) }
    var styleRange: Range<Int> { characterRange.upperBound..<dimension }
    var dimension: Int { wordKeys.count + ngramKeys.count + StyleFeature.allCases.count }

    init(wordKeys: [UInt64], wordSpellings: [String], ngramKeys: [UInt64]) {
        self.wordKeys = wordKeys
        self.wordSpellings = wordSpellings
        self.ngramKeys = ngramKeys
        var words = CountTable(capacity: max(16, wordKeys.count))
        for (index, key) in wordKeys.enumerated() { words.add(key, Int32(index)) }
        var ngrams = CountTable(capacity: max(16, ngramKeys.count))
        for (offset, key) in ngramKeys.enumerated() { ngrams.add(key, Int32(wordKeys.count + offset)) }
        wordIndex = words
        ngramIndex = ngrams
    }

    /// Chooses the features from per-candidate totals.
    static func select(from totals: [TotalsSink], settings: AttributionSettings) -> FeatureLayout {
        let excluded: Set<UInt64> = settings.countPronouns ? [] : Pronouns.hashes
        let wordKeys = mostFrequent(
            totals.map { ($0.words, $0.wordTokens) }, limit: settings.mostFrequentWords,
            culling: settings.culling, excluded: excluded)
        let ngramKeys = mostFrequent(
            totals.map { ($0.ngrams, $0.ngramTokens) }, limit: settings.characterNgrams,
            culling: settings.culling, excluded: [])
        let spellings = wordKeys.map { key in
            totals.lazy.compactMap { $0.spellings[key] }.first ?? "?"
        }
        return FeatureLayout(wordKeys: wordKeys, wordSpellings: spellings, ngramKeys: ngramKeys)
    }

    private static func mostFrequent(
        _ tables: [(CountTable, Int)], limit: Int, culling: Double, excluded: Set<UInt64>
    ) -> [UInt64] {
        guard limit > 0, !tables.isEmpty else { return [] }
        var share: [UInt64: Double] = [:]
        var presence: [UInt64: Int] = [:]
        for (table, tokens) in tables where tokens > 0 {
            let scale = 1 / Double(tokens)
            table.forEach { key, count in
                share[key, default: 0] += Double(count) * scale
                presence[key, default: 0] += 1
            }
        }
        let needed = Int((culling * Double(tables.count)).rounded(.up))
        let ranked = share
            .filter { !excluded.contains($0.key) && (presence[$0.key] ?? 0) >= needed }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.prefix(limit).map(\.key)
    }

    /// How a feature is shown to people: the word, the n-gram with `_` for spaces, or the style label.
    func label(of index: Int) -> String {
        if wordRange.contains(index) { return wordSpellings[index] }
        if characterRange.contains(index) {
            let code = ngramKeys[index - characterRange.lowerBound]
            var bytes: [UInt8] = []
            for shift in stride(from: 24, through: 0, by: -8) {
                let byte = UInt8(truncatingIfNeeded: code >> UInt64(shift))
                if byte != 0 { bytes.append(byte == 32 ? 95 : byte) }
            }
            return "'" + String(decoding: bytes, as: UTF8.self) + "'"
        }
        return StyleFeature.allCases[index - styleRange.lowerBound].label
    }

    func family(of index: Int) -> FeatureFamily {
        if wordRange.contains(index) { return .words }
        if characterRange.contains(index) { return .characters }
        return .style
    }
}
