import VoiceCloneText

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

    /// Chooses the features from the candidates' total counts.
    static func select(from candidates: [ScannedCandidate], settings: AttributionSettings) -> FeatureLayout {
        let excluded: Set<UInt64> = settings.countPronouns ? [] : Pronouns.hashes
        // Words and n-grams are chosen independently, so on two cores at once.
        let chosen = ParallelMap.map(2) { family -> [UInt64] in
            family == 0
                ? mostFrequent(
                    candidates.map { ($0.wordTotals, $0.words) }, limit: settings.mostFrequentWords,
                    culling: settings.culling, excluded: excluded)
                : mostFrequent(
                    candidates.map { ($0.ngramTotals, $0.ngramTokens) }, limit: settings.characterNgrams,
                    culling: settings.culling, excluded: [])
        }
        let wordKeys = chosen[0], ngramKeys = chosen[1]
        // The first spelling met, candidates and samples in order.
        let spellings = wordKeys.map { key in
            candidates.lazy.flatMap(\.texts).compactMap { $0.spelling(of: key) }.first ?? "?"
        }
        return FeatureLayout(wordKeys: wordKeys, wordSpellings: spellings, ngramKeys: ngramKeys)
    }

    /// The `limit` keys with the highest share of tokens averaged over candidates (ties by key),
    /// among keys present in at least `culling` of the candidates. Shares are added up in candidate
    /// order, in flat arrays indexed through a `CountTable` rather than a `Dictionary`.
    ///
    /// A key present in `needed` of `n` candidates is present in at least one of the first
    /// `n - needed + 1`, so only those add new keys; later candidates only add to keys already there.
    /// That keeps the table to the keys that can pass culling, without changing any sum.
    private static func mostFrequent(
        _ tables: [(CountTable, Int)], limit: Int, culling: Double, excluded: Set<UInt64>
    ) -> [UInt64] {
        guard limit > 0, !tables.isEmpty else { return [] }
        let needed = Int((culling * Double(tables.count)).rounded(.up))
        let inserting = tables.count - max(needed, 1) + 1
        var slots = CountTable(capacity: tables.prefix(inserting).reduce(0) { max($0, $1.0.count) } * 2)
        var keys: [UInt64] = []
        var share: [Double] = []
        var presence: [Int] = []
        for (index, (table, tokens)) in tables.enumerated() where tokens > 0 {
            let scale = 1 / Double(tokens)
            if index < inserting {
                table.forEach { key, count in
                    let next = Int32(truncatingIfNeeded: keys.count)
                    let slot = Int(slots.valueOrInsert(key, next))
                    if slot == keys.count {
                        keys.append(key)
                        share.append(0)
                        presence.append(0)
                    }
                    share[slot] += Double(count) * scale
                    presence[slot] += 1
                }
            } else {
                table.forEach { key, count in
                    guard let slot = slots.value(key).map({ Int($0) }) else { return }
                    share[slot] += Double(count) * scale
                    presence[slot] += 1
                }
            }
        }
        let ranked = keys.indices
            .filter { presence[$0] >= needed && !excluded.contains(keys[$0]) }
            .sorted { share[$0] != share[$1] ? share[$0] > share[$1] : keys[$0] < keys[$1] }
        return ranked.prefix(limit).map { keys[$0] }
    }

    /// The same layout with only the first `count` (most frequent) words: what `select` gives with
    /// `mostFrequentWords = count`.
    func keepingWords(_ count: Int) -> FeatureLayout {
        guard count < wordKeys.count else { return self }
        return FeatureLayout(
            wordKeys: Array(wordKeys.prefix(count)), wordSpellings: Array(wordSpellings.prefix(count)), ngramKeys: ngramKeys)
    }

    /// A vector of this layout seen through `keepingWords(count)`: the words past `count` dropped.
    func project(_ vector: [Double], keepingWords count: Int) -> [Double] {
        guard count < wordKeys.count else { return vector }
        return Array(vector[0..<count]) + Array(vector[wordKeys.count...])
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
