import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// The figures behind the web app's pictures (`workspace.pictures`): habits beside other voices, the DNA
/// timeline, the voice map and tree, and the fingerprint that says when they must be drawn again. Read-only.
public struct PictureService: WorkspaceService {
    let session: Workspace
}

/// The figures behind the web app's pictures, computed here so every front end draws the same numbers.
extension PictureService {
    /// A voice's punctuation and formatting habits beside typical English and every other analysed voice.
    public func habits(of clone: String) throws -> [HabitComparison] {
        let slug = try index.requireClone(clone).slug
        let own = try session.dna.load(of: slug).profile
        var others: [(name: String, profile: TextProfile)] = []
        for record in index.clones where record.slug != slug && record.latestDNAVersion != nil {
            if let dna = try? session.dna.load(of: record.slug) { others.append((record.name, dna.profile)) }
        }
        return TraitCatalog.all.filter { $0.key.hasPrefix("punctuation.") || $0.key.hasPrefix("formatting.") }.compactMap { trait in
            guard let value = trait.value(in: own) else { return nil }
            let voices = others.compactMap { other in trait.value(in: other.profile).map { HabitComparison.Voice(clone: other.name, value: $0) } }
            return HabitComparison(key: trait.key, label: trait.label, unit: trait.unit, value: value,
                                   formatted: trait.format(value), typical: trait.typical,
                                   formattedTypical: trait.format(trait.typical), others: voices)
        }
    }

    /// A voice's DNA revisions, oldest first, each with the largest changes from the revision before.
    public func timeline(of clone: String, changesPerRevision: Int = 3) throws -> [DNATimelineEntry] {
        let revisions = try session.dna.log(of: clone)
        var entries: [DNATimelineEntry] = []
        for (i, revision) in revisions.enumerated() {
            var changes: [String] = []
            if i > 0, let diff = try? session.dna.diff(of: clone, from: revisions[i - 1].version, to: revision.version) {
                changes = diff.changes.prefix(changesPerRevision).map(\.description)
            }
            entries.append(DNATimelineEntry(revision: revision, largestChanges: changes))
        }
        return entries
    }

    /// Every voice's samples placed on a plane by the principal components of their most-frequent-word
    /// frequencies (z-scored), as stylometrists draw writers (Burrows 1992); a voice's mark is its samples' mean.
    /// Merged voices have no samples of their own and are left out. Deterministic for the same samples.
    public func voiceMap(words featureCount: Int = 60, samplesPerVoice: Int = 200) throws -> VoiceMap {
        VoiceMapBuilder.build(try mapTexts(samplesPerVoice: samplesPerVoice), featureCount: featureCount)
    }

    /// The voice map and the voices' tree from one reading of the samples: the texts are tokenised and their
    /// z-scores computed once, and both figures drawn from those numbers (what `voiceMap` and `voiceTree` return
    /// with the same arguments, for the price of one).
    public func voiceMapAndTree(words featureCount: Int = 60, samplesPerVoice: Int = 200) throws -> VoiceMapAndTree {
        let texts = try mapTexts(samplesPerVoice: samplesPerVoice)
        let scores = VoiceMapBuilder.zScores(texts, featureCount: featureCount)
        return VoiceMapAndTree(map: VoiceMapBuilder.build(texts, scores: scores), tree: VoiceTreeBuilder.build(texts, scores: scores))
    }

    /// The voices grouped by how alike they write, on the voice map's own numbers: each voice is the mean of its
    /// samples' z-scored most-frequent-word frequencies, two voices are as far apart as Burrows's Delta (the mean
    /// absolute difference of those z-scores), and the closest groups join first (average linkage). Deterministic:
    /// ties join in name order. Empty with fewer than two voices that have samples.
    public func voiceTree(words featureCount: Int = 60, samplesPerVoice: Int = 200) throws -> VoiceTree {
        VoiceTreeBuilder.build(try mapTexts(samplesPerVoice: samplesPerVoice), featureCount: featureCount)
    }

    private func mapTexts(samplesPerVoice: Int) throws -> [(clone: String, sample: String, title: String, words: [String])] {
        var texts: [(clone: String, sample: String, title: String, words: [String])] = []
        for record in index.clones where record.manifest.merge == nil {
            let titles = Dictionary(record.samples.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            for sample in try session.dna.analysisSamples(of: record.slug).sorted(by: { $0.id < $1.id }).prefix(samplesPerVoice) {
                let words = Tokenizer.words(in: Tokenizer.prose(fromMarkdown: sample.text)).map { $0.lowercased() }
                if words.count >= 20 { texts.append((record.name, sample.id, titles[sample.id] ?? sample.id, words)) }
            }
        }
        return texts
    }
}

/// The voice map and the voices' tree, drawn from the same numbers (`PictureService.voiceMapAndTree`).
public struct VoiceMapAndTree: Codable, Sendable, Equatable {
    public var map: VoiceMap
    public var tree: VoiceTree
}

/// One habit (a punctuation mark, a formatting device) as this voice, typical English and the others use it.
public struct HabitComparison: Codable, Sendable, Equatable {
    public struct Voice: Codable, Sendable, Equatable {
        public var clone: String
        public var value: Double
    }
    public var key: String
    public var label: String
    public var unit: String
    public var value: Double
    public var formatted: String
    public var typical: Double
    public var formattedTypical: String
    public var others: [Voice]
}

/// One DNA revision on the timeline.
public struct DNATimelineEntry: Codable, Sendable, Equatable {
    public var revision: DNARevision
    /// Plain-language descriptions of the largest changes from the previous revision, largest first.
    public var largestChanges: [String]
}

/// Voices and samples on two principal components.
public struct VoiceMap: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        public var clone: String
        /// The sample id, or nil for the voice's own mark (the mean of its samples).
        public var sample: String?
        public var title: String
        public var x: Double
        public var y: Double
    }
    public var points: [Point]
    /// The words whose frequencies were compared.
    public var features: [String]
    /// Share of the variance each of the two components explains.
    public var explained: [Double]
}

/// The arithmetic of the voice map: most frequent words, z-scores, two principal components by power iteration.
enum VoiceMapBuilder {
    typealias MapText = (clone: String, sample: String, title: String, words: [String])

    /// The `featureCount` most frequent words across all texts (ties by spelling), and each text's relative
    /// frequencies of them as z-scores over the texts.
    static func zScores(_ texts: [MapText], featureCount: Int) -> (features: [String], rows: [[Double]]) {
        var totals: [String: Int] = [:]
        for text in texts { for word in text.words { totals[word, default: 0] += 1 } }
        let features = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(featureCount).map(\.key)
        let column = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        var rows: [[Double]] = texts.map { text in
            var row = [Double](repeating: 0, count: features.count)
            for word in text.words { if let j = column[word] { row[j] += 1 } }
            return row.map { $0 / Double(text.words.count) }
        }
        let n = Double(rows.count)
        for j in 0..<features.count {
            let mean = rows.reduce(0) { $0 + $1[j] } / n
            let variance = rows.reduce(0) { $0 + ($1[j] - mean) * ($1[j] - mean) } / max(1, n - 1)
            let sd = variance.squareRoot()
            for i in rows.indices { rows[i][j] = sd > 0 ? (rows[i][j] - mean) / sd : 0 }
        }
        return (features, rows)
    }

    static func build(_ texts: [MapText], featureCount: Int) -> VoiceMap {
        build(texts, scores: zScores(texts, featureCount: featureCount))
    }

    /// The map from z-scores already computed for `texts` (`zScores`).
    static func build(_ texts: [MapText], scores: (features: [String], rows: [[Double]])) -> VoiceMap {
        guard texts.count >= 3 else { return VoiceMap(points: [], features: [], explained: []) }
        let (features, rows) = scores
        let n = Double(rows.count), f = features.count
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: f), count: f)
        for row in rows {
            for a in 0..<f where row[a] != 0 { for b in 0..<f { covariance[a][b] += row[a] * row[b] / max(1, n - 1) } }
        }
        let totalVariance = (0..<f).reduce(0) { $0 + covariance[$1][$1] }
        var components: [[Double]] = [], explained: [Double] = []
        for _ in 0..<2 {
            let (vector, value) = dominantEigenvector(covariance)
            components.append(vector)
            explained.append(totalVariance > 0 ? value / totalVariance : 0)
            for a in 0..<f { for b in 0..<f { covariance[a][b] -= value * vector[a] * vector[b] } }
        }
        var points: [VoiceMap.Point] = zip(texts, rows).map { text, row in
            VoiceMap.Point(clone: text.clone, sample: text.sample, title: text.title,
                           x: dot(row, components[0]), y: dot(row, components[1]))
        }
        var voices: [String] = []
        for text in texts where !voices.contains(text.clone) { voices.append(text.clone) }
        for voice in voices {
            let own = points.filter { $0.clone == voice }
            let count = Double(own.count)
            points.append(VoiceMap.Point(clone: voice, sample: nil, title: voice,
                                         x: own.reduce(0) { $0 + $1.x } / count, y: own.reduce(0) { $0 + $1.y } / count))
        }
        return VoiceMap(points: points, features: features, explained: explained)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Power iteration from a fixed start, the sign fixed so the largest entry is positive (deterministic).
    static func dominantEigenvector(_ m: [[Double]]) -> ([Double], Double) {
        let f = m.count
        var v = (0..<f).map { 1 + Double($0 % 7) / 10 }
        var value = 0.0
        for _ in 0..<200 {
            var next = (0..<f).map { a in dot(m[a], v) }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-12 else { return ([Double](repeating: 0, count: f), 0) }
            next = next.map { $0 / norm }
            value = norm
            let settled = zip(next, v).allSatisfy { abs($0 - $1) < 1e-10 }
            v = next
            if settled { break }
        }
        if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 { v = v.map { -$0 } }
        value = dot(v, (0..<f).map { a in dot(m[a], v) })
        return (v, value)
    }
}
