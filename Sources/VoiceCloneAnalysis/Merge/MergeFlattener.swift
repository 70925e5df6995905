
/// Expands merged sources into the original voices they blend, multiplying weights along the way.
///
/// A merged clone used as a source contributes its own sources, each with (its weight × the merged clone's
/// weight), so a merge of merges is always a blend of real writers' DNA and never a blend of blends.
public struct MergeFlattener {
    /// The weighted sources of a merged clone (weights summing to 1), or nil for an ordinary clone.
    public var sourcesOf: (String) throws -> [(clone: String, weight: Double)]?

    public init(sourcesOf: @escaping (String) throws -> [(clone: String, weight: Double)]?) {
        self.sourcesOf = sourcesOf
    }

    /// The original voices of `sources` (normalised weights) for the merged clone `target`, repeats combined,
    /// in order of first appearance. Refuses a blend that contains `target` itself or a loop.
    public func flatten(_ sources: [(clone: String, weight: Double)], into target: String) throws -> [(clone: String, weight: Double)] {
        var order: [String] = []
        var weights: [String: Double] = [:]
        func visit(_ clone: String, _ weight: Double, _ path: [String]) throws {
            if clone == target { throw VoiceMergeError.includesItself(clone: target, path: path + [clone]) }
            if path.dropFirst().contains(clone) { throw VoiceMergeError.cycle(path + [clone]) }
            if let inner = try sourcesOf(clone) {
                for s in inner { try visit(s.clone, weight * s.weight, path + [clone]) }
            } else {
                if weights[clone] == nil { order.append(clone) }
                weights[clone, default: 0] += weight
            }
        }
        for s in sources { try visit(s.clone, s.weight, [target]) }
        return order.map { ($0, weights[$0] ?? 0) }
    }
}
