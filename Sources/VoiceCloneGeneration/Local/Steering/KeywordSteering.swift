/// Topic steering from the request's words: which vocabulary ids are the topic, which words the writer uses around
/// them, and which sentence openers the writer has used when talking about them.
struct KeywordSteering {
    /// Ids of topic words the writer has used (all case and inflection variants).
    let keywordIDs: Set<Int32>
    /// Words the writer uses in the same sentences as the topic words, most associated first.
    let neighbourIDs: Set<Int32>
    /// Opening word ids of the writer's sentences that mention the topic, with their counts (sorted by id).
    let openers: [(id: Int32, count: Int)]
    /// Topic words the writer never used (the engine can only write words it has seen).
    let missing: [String]
    /// Topic words as typed, for titles and hashtags.
    let keywords: [String]

    var isEmpty: Bool { keywordIDs.isEmpty }

    init(prompt: String, corpus: VoiceCorpus) {
        var keywords: [String] = []
        for word in WordHasher.words(prompt) {
            let lower = word.lowercased().replacingOccurrences(of: "’", with: "'")
            guard lower.count >= 3, !StopWords.all.contains(lower), !StopWords.instructionWords.contains(lower),
                  !keywords.contains(lower) else { continue }
            keywords.append(lower)
        }
        self.keywords = keywords
        let stems = Set(keywords.map(KeywordSteering.stem))
        var ids = Set<Int32>()
        for id in 2..<corpus.vocabulary.count where corpus.isContent[id] {
            if stems.contains(KeywordSteering.stem(corpus.lowerForms[id])) { ids.insert(Int32(id)) }
        }
        self.keywordIDs = ids
        let foundStems = Set(ids.map { KeywordSteering.stem(corpus.lowerForms[Int($0)]) })
        self.missing = keywords.filter { !foundStems.contains(KeywordSteering.stem($0)) }

        var together = [Int32: Double]()
        var openerCounts = [Int32: Int]()
        for sentence in corpus.sentences where sentence.contains(where: ids.contains) {
            if let first = sentence.first(where: { corpus.isWord[Int($0)] }) { openerCounts[first, default: 0] += 1 }
            for id in sentence where corpus.isContent[Int(id)] && !ids.contains(id) {
                together[id, default: 0] += 1
            }
        }
        let scored = together.map { (id: $0.key, score: $0.value / Double(corpus.frequency[Int($0.key)]).squareRoot()) }
            .filter { together[$0.id, default: 0] >= 2 || corpus.wordCount < 3000 }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        self.neighbourIDs = Set(scored.prefix(24).map(\.id))
        self.openers = openerCounts.map { (id: $0.key, count: $0.value) }.sorted { $0.id < $1.id }
    }

    /// A crude suffix-stripping stem so "habits" finds "habit" and "writing" finds "writers"' neighbour "write".
    static func stem(_ word: String) -> String {
        var w = word.lowercased()
        for suffix in ["ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "ed", "ly", "s"]
        where w.count - suffix.count >= 4 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            break
        }
        return w
    }
}
