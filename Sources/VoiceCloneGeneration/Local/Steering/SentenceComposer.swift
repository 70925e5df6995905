import Foundation

/// Writes sentences one at a time from the n-gram model, steered toward the writer's habits and the topic.
///
/// Each step computes the exact interpolated Kneser–Ney probability of every word observed after the current
/// context (plus the topic words), multiplies in steering factors (length, punctuation rates, openers, topic,
/// repetition), and samples; the smoothing mass left for unseen continuations is sampled from the unigram
/// distribution, damped because such jumps read as word salad. Several candidates are drawn per sentence and the
/// best (fluent, on length, on topic) is kept. Candidate words that would complete a copied run are refused as they
/// are drawn, and the finished sentence is checked again after rewriting.
struct SentenceComposer {
    let corpus: VoiceCorpus
    let style: StyleTargets
    let steering: KeywordSteering
    let temperature: Double
    let candidatesPerSentence: Int
    let contraction: ContractionRewriter
    let spelling: SpellingRewriter?

    /// Words written so far in the piece, and per-mark counts, for rate feedback.
    private(set) var wordsWritten = 0
    private var markCounts: [PunctuationMark: Int] = [:]
    /// Word index at which each content id was last used, for the repetition penalty.
    private var lastUse: [Int32: Int] = [:]
    /// The last words written (hashed), so copy checks see runs that span sentences.
    private(set) var guardTail: [UInt64] = []
    /// Hashes of the sentences already written, so the piece never says the same sentence twice.
    private var written = Set<UInt64>()
    private var stamp: [UInt32]
    private var stampValue: UInt32 = 0

    init(corpus: VoiceCorpus, style: StyleTargets, steering: KeywordSteering, temperature: Double,
         candidatesPerSentence: Int) {
        self.corpus = corpus
        self.style = style
        self.steering = steering
        self.temperature = min(max(temperature, 0.05), 3)
        self.candidatesPerSentence = max(1, candidatesPerSentence)
        self.contraction = ContractionRewriter(
            target: style.contractionRate ?? 0.5, measured: corpus.measured.contractionRate ?? 0.5)
        self.spelling = style.spelling.map(SpellingRewriter.init(preference:))
        self.stamp = [UInt32](repeating: 0, count: corpus.vocabulary.count)
    }

    private struct Draft {
        var ids: [Int32] = []
        var logProbability = 0.0
        var backoffs = 0
        var topicHits = 0
        var repeats = 0
        var words = 0
        var marks: [PunctuationMark] = []
        var score = 0.0
    }

    /// A sentence of roughly `targetWords` words, tidied and rewritten, or `nil` if no candidate passed the guard.
    /// - Parameters:
    ///   - topicWeight: how strongly to pull toward the topic (0 = not at all).
    ///   - opening: the piece's first sentence, which should open the way the writer opens on this topic.
    mutating func sentence(
        targetWords: Int, topicWeight: Double, opening: Bool, using rng: inout SeededGenerator
    ) -> [String]? {
        var drafts: [Draft] = []
        for _ in 0..<candidatesPerSentence {
            var draft = draw(targetWords: targetWords, topicWeight: topicWeight, opening: opening, rng: &rng)
            let lengthError = Double(abs(draft.words - targetWords)) / Double(max(targetWords, 4))
            let hashes = draft.ids.filter { corpus.isWord[Int($0)] }.flatMap { corpus.guardHashes[Int($0)] }
            let verbatim = hashes.count >= 5 && corpus.copyGuard.longestRun(in: hashes).length == hashes.count
            draft.score = draft.logProbability / Double(max(draft.ids.count, 1)) - 1.5 * lengthError
                - 0.8 * Double(draft.backoffs) - 0.7 * Double(draft.repeats)
                + (topicWeight > 0 ? 0.5 * Double(min(draft.topicHits, 2)) : 0) - (verbatim ? 0.5 : 0)
            drafts.append(draft)
        }
        drafts.sort { $0.score > $1.score }
        for draft in drafts {
            var tokens = draft.ids.filter { $0 > 1 }.map { corpus.vocabulary[$0] }
            tokens = contraction.rewrite(tokens, using: &rng)
            if let spelling { tokens = spelling.rewrite(tokens) }
            guard let tidy = DraftAssembler.tidy(tokens) else { continue }
            let hashes = tidy.filter(DraftTokenizer.isWord).flatMap { WordHasher.hashes($0) }
            let fingerprint = hashes.reduce(0, WordHasher.combine)
            guard !written.contains(fingerprint) else { continue }
            let run = corpus.copyGuard.longestRun(in: guardTail + hashes).length
            guard run < corpus.copyGuard.limit else { continue }
            written.insert(fingerprint)
            accept(draft, hashes: hashes)
            return tidy
        }
        return nil
    }

    private mutating func accept(_ draft: Draft, hashes: [UInt64]) {
        for id in draft.ids where corpus.isWord[Int(id)] {
            if corpus.isContent[Int(id)] { lastUse[id] = wordsWritten }
            wordsWritten += 1
        }
        for mark in draft.marks { markCounts[mark, default: 0] += 1 }
        guardTail.append(contentsOf: hashes)
        let keep = corpus.copyGuard.limit
        if guardTail.count > keep { guardTail.removeFirst(guardTail.count - keep) }
    }

    /// Forgets the cross-sentence context, e.g. between the posts of a thread or after a heading.
    mutating func breakRun() { guardTail.removeAll() }

    private mutating func draw(
        targetWords: Int, topicWeight: Double, opening: Bool, rng: inout SeededGenerator
    ) -> Draft {
        var draft = Draft()
        var history: [Int32] = [Vocabulary.sentenceStart]
        var tail = guardTail
        var used = Set<Int32>()
        let limit = corpus.copyGuard.limit
        let model = corpus.model
        let maxTokens = targetWords * 2 + 24
        var candidates: [Int32] = []
        var weights: [Double] = []
        var probabilities: [Double] = []

        while draft.ids.count < maxTokens {
            let entries = model.contextEntries(history)
            stampValue &+= 1
            if stampValue == 0 {
                stamp = [UInt32](repeating: 0, count: stamp.count)
                stampValue = 1
            }
            candidates.removeAll(keepingCapacity: true)
            for (levelIndex, entry) in entries {
                let level = model.levels[levelIndex]
                for j in Int(entry.start)..<Int(entry.start + entry.count) {
                    let id = level.words[j]
                    if stamp[Int(id)] != stampValue {
                        stamp[Int(id)] = stampValue
                        candidates.append(id)
                    }
                }
            }
            if topicWeight > 0 && draft.words > 0 {
                for id in steering.keywordIDs.sorted() where stamp[Int(id)] != stampValue {
                    stamp[Int(id)] = stampValue
                    candidates.append(id)
                }
            }
            let firstWord = draft.words == 0
            probabilities.removeAll(keepingCapacity: true)
            weights.removeAll(keepingCapacity: true)
            var mass = 0.0
            for id in candidates {
                let p = model.probability(id, entries: entries)
                mass += p
                probabilities.append(p)
                let b = bias(id, draft: draft, target: targetWords, topicWeight: topicWeight,
                             firstWord: firstWord, opening: opening, used: used)
                weights.append(b > 0 ? exp(log(p) / temperature) * b : 0)
            }
            let restWeight = exp(log(max(1 - mass, 1e-12)) / temperature) * (firstWord ? 0.01 : 0.04)

            var picked: Int32 = Vocabulary.sentenceEnd
            var pickedProbability = 0.0
            var found = false
            for _ in 0..<8 {
                let total = weights.reduce(0, +) + restWeight
                guard total > 0 else { break }
                var u = rng.unit() * total
                var choice = -1
                for (k, w) in weights.enumerated() {
                    u -= w
                    if u < 0 { choice = k; break }
                }
                var id: Int32
                if choice >= 0 {
                    id = candidates[choice]
                    pickedProbability = probabilities[choice]
                } else {
                    id = Vocabulary.sentenceStart
                    for _ in 0..<12 {
                        let c = model.sampleUnigram(rng.unit())
                        if stamp[Int(c)] != stampValue, corpus.isWord[Int(c)] { id = c; break }
                    }
                    if id == Vocabulary.sentenceStart { continue }
                    pickedProbability = model.probability(id, entries: entries)
                }
                if corpus.isWord[Int(id)], wouldCopy(tail: tail, id: id, limit: limit) {
                    if choice >= 0 { weights[choice] = 0 }
                    continue
                }
                picked = id
                found = true
                if choice < 0 { draft.backoffs += 1 }
                break
            }
            if !found { picked = Vocabulary.sentenceEnd; pickedProbability = 1e-4 }
            if picked == Vocabulary.sentenceEnd { break }

            draft.logProbability += log(max(pickedProbability, 1e-12))
            draft.ids.append(picked)
            history.append(picked)
            if history.count > model.order { history.removeFirst() }
            if corpus.isWord[Int(picked)] {
                draft.words += 1
                tail.append(contentsOf: corpus.guardHashes[Int(picked)])
                if tail.count > limit { tail.removeFirst(tail.count - limit) }
                if steering.keywordIDs.contains(picked) { draft.topicHits += 1 }
                if corpus.isContent[Int(picked)] {
                    if used.contains(picked) { draft.repeats += 1 }
                    used.insert(picked)
                }
            } else if let mark = corpus.marks[Int(picked)] {
                draft.marks.append(mark)
            }
            if draft.words > targetWords + 14 { break }
        }
        return draft
    }

    /// Would appending `id` make the last `limit` words a run that occurs in a sample?
    private func wouldCopy(tail: [UInt64], id: Int32, limit: Int) -> Bool {
        let window = tail + corpus.guardHashes[Int(id)]
        guard window.count >= limit else { return false }
        return corpus.copyGuard.longestRun(in: Array(window.suffix(limit))).length >= limit
    }

    private func bias(
        _ id: Int32, draft: Draft, target: Int, topicWeight: Double, firstWord: Bool, opening: Bool, used: Set<Int32>
    ) -> Double {
        let index = Int(id)
        if id == Vocabulary.sentenceEnd {
            return draft.words >= 2 ? lengthFactor(words: draft.words, target: target) : 0
        }
        if corpus.isTerminal[index] {
            var f = lengthFactor(words: draft.words, target: target)
            if let mark = corpus.marks[index] { f *= punctuationFactor(mark, draft: draft) }
            return f
        }
        if let mark = corpus.marks[index] { return punctuationFactor(mark, draft: draft) }
        guard corpus.isWord[index] else { return 1 }
        var b = 1.0
        if firstWord {
            let lower = corpus.lowerForms[index]
            if let wanted = style.openers[lower] {
                let have = corpus.openerShares[lower] ?? 0
                b *= have > 0 ? min(max(wanted / have, 0.3), 4) : 3
            }
            if opening && !steering.openers.isEmpty {
                let count = steering.openers.first(where: { $0.id == id })?.count ?? 0
                b *= count > 0 ? 1 + 2 * Double(count) : 0.1
            }
        }
        if topicWeight > 0 {
            if steering.keywordIDs.contains(id) {
                let recent = lastUse[id].map { wordsWritten - $0 < 25 } ?? false
                b *= 1 + topicWeight * (recent ? 0.15 : 1)
            } else if steering.neighbourIDs.contains(id) {
                b *= 1 + topicWeight * 0.3
            }
        }
        if corpus.isContent[index] {
            if used.contains(id) {
                b *= 0.08
            } else if let last = lastUse[id], wordsWritten - last < 40 {
                b *= 0.15
            }
        }
        return b
    }

    /// Pushes sentence ends toward the target length: rare early, likely on target, near-certain when overdue.
    private func lengthFactor(words: Int, target: Int) -> Double {
        if words < 2 { return 0.001 }
        let d = Double(words - target)
        return d < 0 ? exp(0.4 * d) : min(80, exp(0.5 * d))
    }

    /// Ratio of the wanted rate to the samples' rate, corrected by how far the piece has drifted from the target.
    private func punctuationFactor(_ mark: PunctuationMark, draft: Draft) -> Double {
        guard let target = style.punctuationPer1000Words.rate(for: mark) else { return 1 }
        if target <= 0 { return 0.01 }
        let baseline = corpus.measured.punctuationPer1000Words.rate(for: mark) ?? 0
        var f = baseline > 0 ? min(max(target / baseline, 0.1), 6) : 2
        let expected = target * Double(wordsWritten + draft.words) / 1000
        let have = Double(markCounts[mark, default: 0] + draft.marks.filter { $0 == mark }.count)
        if have > expected + 1.5 { f *= 0.3 } else if have + 2 < expected { f *= 1.6 }
        return f
    }
}
