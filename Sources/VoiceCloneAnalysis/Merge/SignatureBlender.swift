
/// Blends signatures: distinctive words and phrases as a weighted union, avoided words from mixed rates.
struct SignatureBlender {
    func blend(_ s: [BlendSource]) -> Signature {
        var sig = s[0].dna.signature
        let names = Set(s.map(\.clone))
        // The sources are part of the blend, so they are no longer "other clones" it was compared with.
        sig.comparedWith = Array(Set(s.flatMap { $0.dna.signature.comparedWith }).subtracting(names)).sorted()
        // A union keeps as many terms as the analysis would (20 a list), or the longest source list if longer.
        sig.distinctiveWords = union(s, keep: max(20, maxCount(s) { $0.distinctiveWords })) { $0.distinctiveWords }
        sig.distinctivePhrases = union(s, keep: max(20, maxCount(s) { $0.distinctivePhrases })) { $0.distinctivePhrases }
        sig.avoidedWords = avoided(s, keep: maxCount(s) { $0.avoidedWords })
        return sig
    }

    private func maxCount(_ s: [BlendSource], _ list: (Signature) -> [SignatureTerm]) -> Int {
        s.map { list($0.dna.signature).count }.max() ?? 0
    }

    /// Each term's rate and score are weighted sums over the sources (0 where a source does not list it), so a
    /// term both writers share outranks one only a minor source uses; counts add up.
    private func union(_ s: [BlendSource], keep: Int, _ list: (Signature) -> [SignatureTerm]) -> [SignatureTerm] {
        var terms: [String: SignatureTerm] = [:]
        var order: [String] = []
        for source in s {
            for t in list(source.dna.signature) {
                let key = t.term + "\u{0}" + t.against
                if var existing = terms[key] {
                    existing.count += t.count
                    existing.perThousand += source.weight * t.perThousand
                    existing.referencePerThousand = max(existing.referencePerThousand, t.referencePerThousand)
                    existing.score += source.weight * t.score
                    terms[key] = existing
                } else {
                    var fresh = t
                    fresh.perThousand = source.weight * t.perThousand
                    fresh.score = source.weight * t.score
                    terms[key] = fresh
                    order.append(key)
                }
            }
        }
        return order.compactMap { terms[$0] }
            .sorted { $0.score != $1.score ? $0.score > $1.score : ($0.term != $1.term ? $0.term < $1.term : $0.against < $1.against) }
            .prefix(keep).map { $0 }
    }

    /// A common word stays avoided only if the mixed rate is still under a quarter of general English's. A source
    /// that does not list the word is taken to use it at the usual rate.
    private func avoided(_ s: [BlendSource], keep: Int) -> [SignatureTerm] {
        var byWord: [String: SignatureTerm] = [:]
        var order: [String] = []
        for source in s {
            for t in source.dna.signature.avoidedWords where byWord[t.term] == nil {
                byWord[t.term] = t
                order.append(t.term)
            }
        }
        var out: [SignatureTerm] = []
        for word in order {
            guard var t = byWord[word] else { continue }
            let reference = t.referencePerThousand
            guard reference > 0 else { continue }
            var rate = 0.0, count = 0, score = 0.0
            for source in s {
                if let own = source.dna.signature.avoidedWords.first(where: { $0.term == word }) {
                    rate += source.weight * own.perThousand
                    count += own.count
                    score += source.weight * own.score
                } else {
                    // Used at about the usual rate: log2 of the rate ratio is 0.
                    rate += source.weight * reference
                }
            }
            guard rate < reference / 4 else { continue }
            t.perThousand = rate
            t.count = count
            t.score = score
            out.append(t)
        }
        return out.sorted { $0.score != $1.score ? $0.score < $1.score : $0.term < $1.term }.prefix(keep).map { $0 }
    }
}
