import Foundation

/// The voices as a tree (a dendrogram): the two closest groups join first, then the next, up to one group.
public struct VoiceTree: Codable, Sendable, Equatable {
    /// Two groups joined. A group is a voice (an index into `voices`) or an earlier join (`voices.count` + its index).
    public struct Join: Codable, Sendable, Equatable {
        public var left: Int
        public var right: Int
        /// How far apart the two groups write: the mean Delta between their voices.
        public var distance: Double
    }
    /// The voices in the order a drawing lists them (each join's members side by side).
    public var voices: [String]
    /// The joins, closest first.
    public var joins: [Join]
    /// The words whose frequencies were compared.
    public var features: [String]
}

/// Average-linkage clustering of the voices' mean z-scores (the voice map's numbers) by Burrows's Delta.
enum VoiceTreeBuilder {
    static func build(_ texts: [VoiceMapBuilder.MapText], featureCount: Int) -> VoiceTree {
        build(texts, scores: VoiceMapBuilder.zScores(texts, featureCount: featureCount))
    }

    /// The tree from the voice map's z-scores of `texts` (`VoiceMapBuilder.zScores`), computed once for both.
    static func build(_ texts: [VoiceMapBuilder.MapText], scores: (features: [String], rows: [[Double]])) -> VoiceTree {
        let names = Array(Set(texts.map(\.clone))).sorted()
        guard names.count >= 2, texts.count >= 3 else { return VoiceTree(voices: [], joins: [], features: []) }
        let (features, rows) = scores
        // Each voice's mean row, summed in one pass over the texts.
        let voiceIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var sums = [[Double]](repeating: [Double](repeating: 0, count: features.count), count: names.count)
        var counts = [Int](repeating: 0, count: names.count)
        for (text, row) in zip(texts, rows) {
            guard let v = voiceIndex[text.clone] else { continue }
            counts[v] += 1
            for j in row.indices { sums[v][j] += row[j] }
        }
        let centroids = sums.indices.map { v in sums[v].map { $0 / Double(max(1, counts[v])) } }
        // Every pair's Delta once; average linkage then only adds these up.
        var pair = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: names.count)
        for a in names.indices {
            for b in names.indices where b > a {
                let d = features.isEmpty ? 0 : zip(centroids[a], centroids[b]).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(features.count)
                pair[a][b] = d
                pair[b][a] = d
            }
        }
        // Clusters as (node id, member voices); node ids: voices 0..<n, then n + join index.
        var clusters: [(node: Int, members: [Int])] = names.indices.map { ($0, [$0]) }
        var joins: [(left: Int, right: Int, distance: Double)] = []
        var children: [Int: (Int, Int)] = [:]
        while clusters.count > 1 {
            var best: (i: Int, j: Int, distance: Double)?
            for i in clusters.indices {
                for j in clusters.indices where j > i {
                    var total = 0.0
                    for a in clusters[i].members { for b in clusters[j].members { total += pair[a][b] } }
                    let distance = total / Double(clusters[i].members.count * clusters[j].members.count)
                    // Strictly closer only: a tie keeps the pair found first, which is name order.
                    if best == nil || distance < best!.distance - 1e-12 { best = (i, j, distance) }
                }
            }
            guard let best else { break }
            let node = names.count + joins.count
            joins.append((clusters[best.i].node, clusters[best.j].node, best.distance))
            children[node] = (clusters[best.i].node, clusters[best.j].node)
            let merged = (node: node, members: clusters[best.i].members + clusters[best.j].members)
            clusters.remove(at: best.j)
            clusters[best.i] = merged
        }
        // Leaves in drawing order, then every voice index renumbered to its place in that order.
        var order: [Int] = []
        func visit(_ node: Int) {
            if let (left, right) = children[node] { visit(left); visit(right) } else { order.append(node) }
        }
        visit(clusters[0].node)
        let place = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        func renumbered(_ node: Int) -> Int { node < names.count ? place[node]! : node }
        return VoiceTree(voices: order.map { names[$0] },
                         joins: joins.map { VoiceTree.Join(left: renumbered($0.left), right: renumbered($0.right), distance: $0.distance) },
                         features: features)
    }
}
