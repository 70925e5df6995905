/// Moves a sentence toward a target contraction rate ("do not" ↔ "don't") without disturbing the model's own choices
/// more than needed: when the target equals the samples' rate nothing changes; otherwise only the difference is
/// flipped, site by site, with the seeded generator.
package struct ContractionRewriter {
    package static let pairs: [(contracted: String, expanded: [String])] = [
        ("don't", ["do", "not"]), ("doesn't", ["does", "not"]), ("didn't", ["did", "not"]),
        ("can't", ["cannot"]), ("won't", ["will", "not"]), ("isn't", ["is", "not"]), ("aren't", ["are", "not"]),
        ("wasn't", ["was", "not"]), ("weren't", ["were", "not"]), ("haven't", ["have", "not"]),
        ("hasn't", ["has", "not"]), ("hadn't", ["had", "not"]), ("wouldn't", ["would", "not"]),
        ("shouldn't", ["should", "not"]), ("couldn't", ["could", "not"]), ("i'm", ["i", "am"]),
        ("you're", ["you", "are"]), ("we're", ["we", "are"]), ("they're", ["they", "are"]), ("it's", ["it", "is"]),
        ("that's", ["that", "is"]), ("there's", ["there", "is"]), ("i've", ["i", "have"]), ("we've", ["we", "have"]),
        ("you've", ["you", "have"]), ("they've", ["they", "have"]), ("i'll", ["i", "will"]),
        ("we'll", ["we", "will"]), ("you'll", ["you", "will"]), ("they'll", ["they", "will"]),
        ("i'd", ["i", "would"]), ("let's", ["let", "us"]),
    ]
    private static let byContracted: [String: [String]] = Dictionary(
        uniqueKeysWithValues: pairs.map { ($0.contracted, $0.expanded) })

    /// Expansions indexed by their first word, so scanning a sentence costs one look-up per token.
    private static let byFirstWord: [String: [(contracted: String, expanded: [String])]] =
        Dictionary(grouping: pairs, by: { $0.expanded[0] })

    /// Counts contracted and expanded sites in tokens, to measure a writer's rate.
    package static func sites(in tokens: [String]) -> (contracted: Int, expanded: Int) {
        var contracted = 0, expanded = 0
        for i in tokens.indices {
            let lower = tokens[i].lowercased()
            if byContracted[lower] != nil {
                contracted += 1
            } else if byFirstWord[lower] != nil, expansion(at: i, in: tokens) != nil {
                expanded += 1
            }
        }
        return (contracted, expanded)
    }

    /// The contraction whose expansion starts at `i`, if any (and is followed by a word, so "that is." stays).
    private static func expansion(at i: Int, in tokens: [String]) -> (contracted: String, length: Int)? {
        guard let candidates = byFirstWord[tokens[i].lowercased()] else { return nil }
        for pair in candidates where i + pair.expanded.count < tokens.count {
            var match = true
            for (k, word) in pair.expanded.enumerated() where tokens[i + k].lowercased() != word {
                match = false
                break
            }
            if match, DraftTokenizer.isWord(tokens[i + pair.expanded.count]) {
                return (pair.contracted, pair.expanded.count)
            }
        }
        return nil
    }

    package let target: Double
    package let measured: Double

    package init(target: Double, measured: Double) {
        self.target = target
        self.measured = measured
    }

    package func rewrite(_ tokens: [String], using rng: inout SeededGenerator) -> [String] {
        guard abs(target - measured) > 0.02 else { return tokens }
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            let lower = token.lowercased()
            if target < measured, let expanded = ContractionRewriter.byContracted[lower],
               rng.unit() < (measured - target) / max(measured, 0.01) {
                let capital = token.first?.isUppercase == true
                for (k, word) in expanded.enumerated() {
                    out.append(k == 0 && capital ? word.prefix(1).uppercased() + word.dropFirst() : word)
                }
                i += 1
                continue
            }
            if target > measured, let site = ContractionRewriter.expansion(at: i, in: tokens),
               rng.unit() < (target - measured) / max(1 - measured, 0.01) {
                let capital = token.first?.isUppercase == true
                out.append(capital ? site.contracted.prefix(1).uppercased() + site.contracted.dropFirst() : site.contracted)
                i += site.length
                continue
            }
            out.append(token)
            i += 1
        }
        return out
    }
}
