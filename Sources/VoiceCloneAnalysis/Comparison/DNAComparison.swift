import Foundation
import VoiceCloneText

/// What changed between two DNA revisions, ordered by how much it matters.
///
/// Works on the same tree the canonical JSON is written from, so every change it reports is a line that
/// `git diff` shows too; it only adds the ordering and the words.
public enum DNAComparison {
    public static func compare(_ old: VoiceDNA, _ new: VoiceDNA) throws -> [DNAChange] {
        var a: [String: JSONValue] = [:], b: [String: JSONValue] = [:]
        flatten(try JSONTree.encode(old), prefix: "", into: &a)
        flatten(try JSONTree.encode(new), prefix: "", into: &b)
        var changes: [DNAChange] = []
        changes.append(contentsOf: sampleChanges(old.corpus.sampleIds, new.corpus.sampleIds))
        var listEntries: [String: Set<String>] = [:]   // list path -> labels of its changed entries
        for key in Set(a.keys).union(b.keys).sorted() where !ignored(key) {
            let x = a[key], y = b[key]
            if x == y || (x.map(text) == y.map(text) && x != nil && y != nil) { continue }
            if let entry = ListEntryKey(key) {
                listEntries[entry.list, default: []].insert(entry.label)
            } else if let change = change(key, x, y) {
                changes.append(change)
            }
        }
        for (list, labels) in listEntries.sorted(by: { $0.key < $1.key }) {
            if isDistribution(list, a, b) {
                if let shift = distributionShift(list, a, b) { changes.append(shift) }
            } else {
                changes.append(contentsOf: labels.sorted().compactMap { entryChange(list, $0, a, b) })
            }
        }
        return changes.sorted { $0.significance != $1.significance ? $0.significance > $1.significance : $0.key < $1.key }
    }

    /// Keys that are bookkeeping, not voice: the revision number, and sample ids (reported as samples instead).
    private static func ignored(_ key: String) -> Bool {
        key == "version" || key == "clone" || key.hasPrefix("corpus.sample_ids")
    }

    private static func sampleChanges(_ old: [String], _ new: [String]) -> [DNAChange] {
        let before = Set(old), after = Set(new)
        let added = new.filter { !before.contains($0) }, removed = old.filter { !after.contains($0) }
        var out: [DNAChange] = []
        if !added.isEmpty {
            out.append(DNAChange(key: "corpus.sample_ids", from: nil, to: added.joined(separator: ", "), delta: Double(added.count),
                                 significance: 100, description: "\(added.count) sample\(added.count == 1 ? "" : "s") added: \(list(added))"))
        }
        if !removed.isEmpty {
            out.append(DNAChange(key: "corpus.sample_ids", from: removed.joined(separator: ", "), to: nil, delta: -Double(removed.count),
                                 significance: 100, description: "\(removed.count) sample\(removed.count == 1 ? "" : "s") removed: \(list(removed))"))
        }
        return out
    }

    private static func list(_ ids: [String]) -> String {
        ids.count <= 5 ? ids.joined(separator: ", ") : ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
    }

    /// A change of one value that is not part of a list; nil when it does not show at the precision it is displayed in.
    private static func change(_ key: String, _ x: JSONValue?, _ y: JSONValue?) -> DNAChange? {
        let from = x.map(text), to = y.map(text)
        guard let x, let y else {
            let what = x == nil ? "new" : "gone"
            return DNAChange(key: key, from: from, to: to, delta: nil, significance: 0.2,
                             description: "\(readable(key)): \(what)\(y.map { " (\(text($0)))" } ?? "")")
        }
        guard let u = number(x), let v = number(y) else {
            // Advice text and which list a signature term was compared against follow from the numbers above.
            let minor = key.hasPrefix("confidence.advice") || key.hasSuffix(".against")
            return DNAChange(key: key, from: from, to: to, delta: nil, significance: minor ? 0.05 : 2,
                             description: "\(readable(key)): \(from ?? "") → \(to ?? "")")
        }
        let delta = rounded(v - u)
        if let trait = TraitCatalog.trait(forKey: key) {
            // "MATTR: 0.77 → 0.77" tells a reader nothing; git diff still has the fourth decimal.
            guard trait.format(u) != trait.format(v) else { return nil }
            let sign = delta >= 0 ? "+" : "−"
            let points = Int((abs(delta) * 100).rounded())
            let amount = trait.isShare ? "\(points) point\(points == 1 ? "" : "s")" : trait.format(abs(delta))
            return DNAChange(key: key, from: from, to: to, delta: delta, significance: 10 * abs(delta) / trait.spread,
                             description: "\(trait.label): \(trait.format(u)) → \(trait.format(v)) (\(sign)\(amount))")
        }
        if key == "confidence.score" || key == "corpus.words" || key == "corpus.samples" {
            // Confidence matters to users; word and sample totals are already in the headline.
            let significance = key == "confidence.score" ? 5 + abs(delta) : 0.5
            let name = ["confidence.score": "confidence", "corpus.words": "words", "corpus.samples": "samples"][key] ?? readable(key)
            return DNAChange(key: key, from: from, to: to, delta: delta, significance: significance,
                             description: "\(name): \(from ?? "") → \(to ?? "")")
        }
        // Values without a described trait come after every trait a reader would notice.
        let scale = max(abs(u), abs(v), 1e-9)
        return DNAChange(key: key, from: from, to: to, delta: delta, significance: min(0.5, abs(delta) / scale),
                         description: "\(readable(key)): \(from ?? "") → \(to ?? "")")
    }

    /// A list whose entries carry a `share` (sentence-length histogram, openers, most frequent words): a mix that
    /// shifts as a whole, so it is reported as one change.
    private static func isDistribution(_ list: String, _ a: [String: JSONValue], _ b: [String: JSONValue]) -> Bool {
        let head = list + "["
        return a.keys.contains { $0.hasPrefix(head) && $0.hasSuffix("].share") }
            || b.keys.contains { $0.hasPrefix(head) && $0.hasSuffix("].share") }
    }

    /// One line for a distribution: the entries that gained and lost the most, in percentage points; nil when no
    /// entry moved by half a point or more. `delta` is the total variation distance (the share of the mix that moved).
    private static func distributionShift(_ list: String, _ a: [String: JSONValue], _ b: [String: JSONValue]) -> DNAChange? {
        func shares(_ values: [String: JSONValue]) -> [String: Double] {
            var out: [String: Double] = [:]
            for (key, value) in values {
                guard let entry = ListEntryKey(key), entry.list == list, entry.field == "share", let share = number(value) else { continue }
                out[entry.label] = share
            }
            return out
        }
        let before = shares(a), after = shares(b)
        // Sorted, so the sum below adds in one order: a Set's order differs between instances, and a float sum
        // in another order can differ in its last bit, which would make the same diff print different JSON.
        let labels = Set(before.keys).union(after.keys).sorted()
        let moves = labels.map { (label: $0, delta: (after[$0] ?? 0) - (before[$0] ?? 0)) }
        let distance = moves.reduce(0) { $0 + abs($1.delta) } / 2
        let visible = moves.filter { Int((abs($0.delta) * 100).rounded()) > 0 }
            .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.label < $1.label }
        guard !visible.isEmpty else { return nil }
        let name = distributionNames[list] ?? readable(list)
        let bins = labels.compactMap(Int.init).sorted()
        func entry(_ label: String) -> String {
            guard list == "sentences.histogram", let from = Int(label), let i = bins.firstIndex(of: from) else { return "“\(label)”" }
            return i + 1 < bins.count ? "\(from)–\(bins[i + 1] - 1)-word sentences" : "\(from)+-word sentences"
        }
        let up = visible.filter { $0.delta > 0 }.prefix(2).map { "\(entry($0.label)) +\(Int((abs($0.delta) * 100).rounded()))" }
        let down = visible.filter { $0.delta < 0 }.prefix(2).map { "\(entry($0.label)) −\(Int((abs($0.delta) * 100).rounded()))" }
        var parts: [String] = []
        if !up.isEmpty { parts.append("more " + up.joined(separator: ", ")) }
        if !down.isEmpty { parts.append("fewer " + down.joined(separator: ", ")) }
        return DNAChange(key: list, from: nil, to: nil, delta: rounded(distance), significance: (distributionWeights[list] ?? 10) * distance,
                         description: "\(name): " + parts.joined(separator: "; ") + " (percentage points)")
    }

    /// Significance per unit of total variation distance. The sentence-length mix is what a reader feels; the
    /// most frequent words shift with every topic, so a large move there matters less than a trait's.
    private static let distributionWeights: [String: Double] = [
        "sentences.histogram": 50, "sentences.openers": 20, "function_words.most_frequent": 10,
    ]

    private static let distributionNames = [
        "sentences.histogram": "sentence-length mix",
        "sentences.openers": "sentence openers",
        "function_words.most_frequent": "most frequent words",
    ]

    /// One line for one entry of a list (a signature phrase, a content type): new, gone, or its main number moved.
    private static func entryChange(_ list: String, _ label: String, _ a: [String: JSONValue], _ b: [String: JSONValue]) -> DNAChange? {
        let head = "\(list)[\(label)]."
        func fields(_ values: [String: JSONValue]) -> [String: JSONValue] {
            var out: [String: JSONValue] = [:]
            for (key, value) in values where key.hasPrefix(head) { out[String(key.dropFirst(head.count))] = value }
            return out
        }
        let before = fields(a), after = fields(b)
        let noun = entryNames[list] ?? readable(list) + " entry"
        let signature = list.hasPrefix("signature.")
        let main = ["per_thousand", "weight", "words", "samples", "count"].first { before[$0] != nil || after[$0] != nil }
        func amount(_ value: JSONValue?) -> String {
            guard let main, let value, let n = number(value) else { return "" }
            return main == "per_thousand" ? String(format: "%.1f per 1,000 words", n) : "\(main.replacingOccurrences(of: "_", with: " ")) \(text(value))"
        }
        if before.isEmpty || after.isEmpty {
            let gone = after.isEmpty
            let shown = amount(gone ? before[main ?? ""] : after[main ?? ""])
            let description = gone ? "\(noun) “\(label)” dropped" + (shown.isEmpty ? "" : " (was \(shown))")
                                   : "new \(noun) “\(label)”" + (shown.isEmpty ? "" : " (\(shown))")
            return DNAChange(key: String(head.dropLast()), from: gone ? label : nil, to: gone ? nil : label, delta: nil,
                             significance: signature ? 1.5 : 0.3, description: description)
        }
        guard let main, let x = before[main], let y = after[main], let u = number(x), let v = number(y),
              amount(x) != amount(y) else { return nil }
        let scale = max(abs(u), abs(v), 1e-9)
        return DNAChange(key: head + main, from: text(x), to: text(y), delta: rounded(v - u),
                         significance: min(signature ? 1 : 0.5, abs(v - u) / scale),
                         description: "\(noun) “\(label)”: \(amount(x)) → \(amount(y))")
    }

    private static let entryNames = [
        "signature.distinctive_words": "signature word",
        "signature.distinctive_phrases": "signature phrase",
        "signature.avoided_words": "rarely used word",
        "corpus.content_types": "content type",
        "merge.sources": "blended voice",
    ]

    /// `lexical.hapax_ratio` -> `hapax ratio (lexical)`: the key, readable, still findable in the file.
    private static func readable(_ key: String) -> String {
        let parts = key.split(separator: ".").map { $0.replacingOccurrences(of: "_", with: " ") }
        guard let last = parts.last else { return key }
        return parts.count > 1 ? "\(last) (\(parts.dropLast().joined(separator: " ")))" : last
    }

    /// Deltas at the DNA's own precision: -1.4262, not -1.4262000000000015.
    static func rounded(_ d: Double) -> Double {
        let scale = pow(10.0, Double(CanonicalJSON.fractionDigits))
        let r = (d * scale).rounded(.toNearestOrAwayFromZero) / scale
        return r == 0 ? 0 : r
    }

    private static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    private static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return CanonicalJSON.format(d)
        case .string(let s): return s
        case .array(let items): return "[\(items.map(text).joined(separator: ", "))]"
        case .object: return "{…}"
        }
    }

    /// Leaves by dotted path; list entries keyed by their word, term, type or clone when they have one, so a
    /// word moving up a ranked list is a change of its share, not a reshuffle of every index after it.
    private static func flatten(_ v: JSONValue, prefix: String, into out: inout [String: JSONValue]) {
        switch v {
        case .object(let fields):
            for (k, child) in fields { flatten(child, prefix: prefix.isEmpty ? k : "\(prefix).\(k)", into: &out) }
        case .array(let items):
            if items.allSatisfy({ if case .object = $0 { return true } else { return false } }), !items.isEmpty {
                for (i, item) in items.enumerated() {
                    guard case .object(let fields) = item else { continue }
                    let label = ["word", "term", "type", "clone", "from"].lazy.compactMap { fields[$0] }.first.map(text) ?? String(i)
                    for (k, child) in fields where !["word", "term", "type", "clone"].contains(k) || fields.count == 1 {
                        flatten(child, prefix: "\(prefix)[\(label)].\(k)", into: &out)
                    }
                }
            } else {
                out[prefix] = v
            }
        default:
            out[prefix] = v
        }
    }
}

/// `signature.distinctive_phrases[per se].score` -> list `signature.distinctive_phrases`, label `per se`, field `score`.
private struct ListEntryKey {
    var list: String
    var label: String
    var field: String

    init?(_ key: String) {
        guard let open = key.firstIndex(of: "["), let close = key[open...].firstIndex(of: "]") else { return nil }
        list = String(key[..<open])
        label = String(key[key.index(after: open)..<close])
        let rest = key[key.index(after: close)...]
        field = rest.hasPrefix(".") ? String(rest.dropFirst()) : String(rest)
    }
}
