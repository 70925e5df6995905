import Foundation

/// Parsing, validating and normalising the weights of a merge.
public enum MergeWeights {
    /// Parses `0.7,0.3` (spaces allowed). Throws `VoiceMergeError.unreadableWeight` / `.nonPositiveWeight`.
    public static func parse(_ text: String) throws -> [Double] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let s = part.trimmingCharacters(in: .whitespaces)
            guard let v = Double(s) else { throw VoiceMergeError.unreadableWeight(s) }
            guard v.isFinite, v > 0 else { throw VoiceMergeError.nonPositiveWeight(s) }
            return v
        }
    }

    /// Checks the weights against the sources and scales them to sum to 1; `nil` weights mean equal shares.
    public static func normalise(_ weights: [Double]?, sources: Int) throws -> [Double] {
        guard let weights else { return Array(repeating: 1 / Double(max(sources, 1)), count: sources) }
        guard weights.count == sources else { throw VoiceMergeError.weightCountMismatch(weights: weights.count, sources: sources) }
        for w in weights where !(w.isFinite && w > 0) { throw VoiceMergeError.nonPositiveWeight(String(w)) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Rounds normalised weights to the ten-thousandths `clone.md` stores, keeping their sum exactly 1 (largest
    /// remainder), so a merge and a later re-blend read back the very same weights and give the same DNA bytes.
    public static func quantise(_ weights: [Double]) -> [Double] {
        guard !weights.isEmpty else { return [] }
        let total = weights.reduce(0, +)
        let scaled = weights.map { $0 / total * 10_000 }
        var units = scaled.map { Int($0.rounded(.down)) }
        let order = scaled.indices.sorted { a, b in
            let ra = scaled[a] - Double(units[a]), rb = scaled[b] - Double(units[b])
            return ra != rb ? ra > rb : a < b
        }
        var missing = 10_000 - units.reduce(0, +)
        for i in order where missing > 0 { units[i] += 1; missing -= 1 }
        return units.map { Double($0) / 10_000 }
    }

    /// Whether weights already sum to 1 (to the 4 decimals they are stored with), so the output need not say
    /// they were rescaled.
    public static func sumToOne(_ weights: [Double]) -> Bool {
        abs(weights.reduce(0, +) - 1) < 0.00005
    }
}
