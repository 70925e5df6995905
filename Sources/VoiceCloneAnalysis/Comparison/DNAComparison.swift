import Foundation

/// What changed between two DNA revisions, ordered by how much it matters.
///
/// Works on the same tree the canonical JSON is written from, so every change it reports is a line that
/// `git diff` shows too; it only adds the ordering and the words.
public enum DNAComparison {
    public static func compare(_ old: VoiceDNA, _ new: VoiceDNA) throws -> [DNAChange] {
        var a: [String: JSONValue] = [:], b: [String: JSONValue] = [:]
        flatten(try TreeEncoder.encode(old, path: []), prefix: "", into: &a)
        flatten(try TreeEncoder.encode(new, path: []), prefix: "", into: &b)
        var changes: [DNAChange] = []
        changes.append(contentsOf: sampleChanges(old.corpus.sampleIds, new.corpus.sampleIds))
        for key in Set(a.keys).union(b.keys).sorted() where !ignored(key) {
            let x = a[key], y = b[key]
            if x == y || (x.map(text) == y.map(text) && x != nil && y != nil) { continue }
            changes.append(change(key, x, y))
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

    private static func change(_ key: String, _ x: JSONValue?, _ y: JSONValue?) -> DNAChange {
        let from = x.map(text), to = y.map(text)
        guard let x, let y else {
            let what = x == nil ? "new" : "gone"
            return DNAChange(key: key, from: from, to: to, delta: nil, significance: 0.2,
                             description: "\(key): \(what)\(y.map { " (\(text($0)))" } ?? "")")
        }
        guard let u = number(x), let v = number(y) else {
            // Advice text and which list a signature term was compared against follow from the numbers above.
            let minor = key.hasPrefix("confidence.advice") || key.hasSuffix(".against")
            return DNAChange(key: key, from: from, to: to, delta: nil, significance: minor ? 0.05 : 2,
                             description: "\(key): \(from ?? "") → \(to ?? "")")
        }
        let delta = v - u
        if let trait = TraitCatalog.trait(forKey: key) {
            let sign = delta >= 0 ? "+" : "−"
            let amount = trait.isShare ? "\(Int((abs(delta) * 100).rounded())) points" : trait.format(abs(delta))
            return DNAChange(key: key, from: from, to: to, delta: delta, significance: 10 * abs(delta) / trait.spread,
                             description: "\(trait.label): \(trait.format(u)) → \(trait.format(v)) (\(sign)\(amount))")
        }
        if key == "confidence.score" || key == "corpus.words" || key == "corpus.samples" {
            // Confidence matters to users; word and sample totals are already in the headline.
            let significance = key == "confidence.score" ? 5 + abs(delta) : 0.5
            return DNAChange(key: key, from: from, to: to, delta: delta, significance: significance,
                             description: "\(key.replacingOccurrences(of: "_", with: " ")): \(from ?? "") → \(to ?? "")")
        }
        let scale = max(abs(u), abs(v), 1e-9)
        return DNAChange(key: key, from: from, to: to, delta: delta, significance: min(1, abs(delta) / scale),
                         description: "\(key): \(from ?? "") → \(to ?? "")")
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
