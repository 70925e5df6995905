import Foundation

/// Builds a `Signature` by comparing a clone's counts with other clones' and with general English.
struct SignatureBuilder {
    let options: AnalysisOptions

    /// Counts of the other clones, merged.
    struct Background {
        var slugs: [String] = []
        var words = 0
        var typeCounts: [String: Int] = [:]
        var phrases = PhraseMap()
    }

    func build(_ c: CorpusCounts, scans: [SampleScan], phrases: PhraseMap, phraseWords: Int, background: Background) -> Signature {
        let n = options.signatureSize
        let W = Double(max(c.words, 1))
        let minCount = max(3, c.words / 20_000)
        var words: [SignatureTerm] = []
        let candidates = c.typeCounts.filter { $0.value >= minCount && Self.isWordLike($0.key) }

        if background.words > 0 {
            let B = Double(background.words)
            var scored: [SignatureTerm] = []
            // Function words differ between writers too, but "uses 'and' more" reads as noise to a person and
            // invites caricature in a prompt: attribution measures them on its own.
            for (w, k) in candidates where !WordLists.functionWords.contains(w) {
                let b = background.typeCounts[w] ?? 0
                let ratio = log2((Double(k) + 0.5) / W) - log2((Double(b) + 0.5) / B)
                let z = ratio / (1 / (Double(k) + 0.5) + 1 / (Double(b) + 0.5)).squareRoot()
                if ratio >= 1 && z >= 2 {
                    scored.append(SignatureTerm(term: w, count: k, perThousand: 1000 * Double(k) / W,
                                                referencePerThousand: 1000 * Double(b) / B, against: "clones", score: z))
                }
            }
            words += Self.top(scored, n)
        }
        var english: [SignatureTerm] = []
        for (w, k) in candidates where !WordLists.functionWords.contains(w) {
            let ref = GeneralEnglish.perMillion[w] ?? GeneralEnglish.floorPerMillion
            let rate = 1e6 * Double(k) / W
            let ratio = log2(rate / ref)
            guard ratio >= 2 else { continue }
            // Weight the ratio by the evidence so a word used 3 times does not outrank one used 300 times.
            let score = ratio * log2(Double(k))
            english.append(SignatureTerm(term: w, count: k, perThousand: rate / 1000, referencePerThousand: ref / 1000,
                                         against: "english", score: score))
        }
        let seen = Set(words.map(\.term))
        words += Self.top(english.filter { !seen.contains($0.term) }, n)

        var avoided: [SignatureTerm] = []
        for (w, ref) in GeneralEnglish.ranked.prefix(300) {
            let expected = ref * W / 1e6
            guard expected >= 5 else { continue }
            let k = c.typeCounts[w] ?? 0
            let ratio = log2((Double(k) + 0.5) / expected)
            if ratio <= -2 {
                avoided.append(SignatureTerm(term: w, count: k, perThousand: 1000 * Double(k) / W,
                                             referencePerThousand: ref / 1000, against: "english", score: ratio))
            }
        }
        avoided.sort { $0.score != $1.score ? $0.score < $1.score : $0.term < $1.term }

        return Signature(
            comparedWith: background.slugs.sorted(),
            distinctiveWords: words,
            distinctivePhrases: phraseTerms(scans: scans, phrases: phrases, counted: phraseWords, background: background),
            avoidedWords: Array(avoided.prefix(n)))
    }

    private func phraseTerms(scans: [SampleScan], phrases: PhraseMap, counted: Int, background: Background) -> [SignatureTerm] {
        let W = Double(max(counted, 1))
        let minCount = UInt32(max(2, counted / 25_000))
        var scored: [(key: UInt64, length: Int, count: UInt32, first: UInt64, score: Double, ref: Double)] = []
        let B = Double(max(background.words, 1))
        for e in phrases.entries where e.count >= minCount {
            if background.words > 0 {
                let b = Double(background.phrases.count(of: e.key))
                let ratio = log2((Double(e.count) + 0.5) / W) - log2((b + 0.5) / B)
                let z = ratio / (1 / (Double(e.count) + 0.5) + 1 / (b + 0.5)).squareRoot()
                if ratio >= 1 && z >= 2 { scored.append((e.key, e.length, e.count, e.first, z, 1000 * b / B)) }
            } else {
                scored.append((e.key, e.length, e.count, e.first, Double(e.count) * Double(e.length - 1).squareRoot(), 0))
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        let scanByIndex = Dictionary(scans.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        var terms: [SignatureTerm] = []
        for s in scored.prefix(options.signatureSize * 4) {
            guard let scan = scanByIndex[Int(s.first >> 32)] else { continue }
            let text = scan.phrase(at: Int(s.first & 0xFFFF_FFFF), length: s.length)
            terms.append(SignatureTerm(term: text, count: Int(s.count), perThousand: 1000 * Double(s.count) / W,
                                       referencePerThousand: s.ref, against: background.words > 0 ? "clones" : "self",
                                       score: s.score))
        }
        // Drop a phrase when a longer one containing it is nearly as frequent ("as well" inside "as well as").
        var kept: [SignatureTerm] = []
        for t in terms {
            let subsumed = terms.contains { o in
                o.term.count > t.term.count && " \(o.term) ".contains(" \(t.term) ") && Double(o.count) >= 0.75 * Double(t.count)
            }
            if !subsumed { kept.append(t) }
        }
        return Array(kept.prefix(options.signatureSize))
    }

    private static func top(_ terms: [SignatureTerm], _ n: Int) -> [SignatureTerm] {
        Array(terms.sorted { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }.prefix(n))
    }

    /// Words with at least two letters and not only digits.
    static func isWordLike(_ w: String) -> Bool {
        var letters = 0
        for s in w.unicodeScalars where s.properties.isAlphabetic { letters += 1; if letters >= 2 { return true } }
        return false
    }
}
