import Foundation
import VoiceCloneAnalysis

/// One DNA change as a table row a writer reads: what it is, the value before and after, in the units people use.
public struct DNAChangeRow: Codable, Sendable, Equatable {
    public var key: String
    public var feature: String
    /// "—" when the value is new, or for a mix that shifted as a whole (its `after` says how).
    public var before: String
    public var after: String
    public var description: String
}

/// One revision with what changed from the revision before it (none for the first).
public struct DNARevisionDetail: Codable, Sendable, Equatable {
    public var revision: DNARevision
    public var previous: Int?
    public var changes: [DNAChangeRow]
}

/// A headline trait across a voice's revisions, oldest first.
public struct DNAFeatureSeries: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        public var version: Int
        public var value: Double
        public var formatted: String
    }
    public var key: String
    public var label: String
    public var points: [Point]
}

extension DNAChange {
    /// The change as a row: traits in their own format ("11.2 words"), other values as the file writes them.
    public var row: DNAChangeRow {
        let missing = "—"
        if key == "corpus.sample_ids" {
            return DNAChangeRow(key: key, feature: from == nil ? "samples added" : "samples removed",
                                before: from ?? missing, after: to ?? missing, description: description)
        }
        if let trait = TraitCatalog.trait(forKey: key), let u = from.flatMap(Double.init), let v = to.flatMap(Double.init) {
            return DNAChangeRow(key: key, feature: trait.label, before: trait.format(u), after: trait.format(v), description: description)
        }
        let split = description.range(of: ": ")
        let feature = split.map { String(description[..<$0.lowerBound]) } ?? key
        let rest = split.map { String(description[$0.upperBound...]) } ?? description
        if from == nil && to == nil { return DNAChangeRow(key: key, feature: feature, before: missing, after: rest, description: description) }
        return DNAChangeRow(key: key, feature: feature, before: from ?? missing, after: to ?? missing, description: description)
    }
}

extension DNAService {
    /// A stored revision and its changes from the one before, as `dna log` and `dna diff` report them.
    public func revision(of clone: String, version: Int) throws -> DNARevisionDetail {
        let revisions = try log(of: clone)
        guard let revision = revisions.first(where: { $0.version == version }) else {
            let slug = try index.requireClone(clone).slug
            throw DNAError.versionNotFound(clone: slug, version: version, available: revisions.map(\.version))
        }
        let previous = revisions.last { $0.version < version }?.version
        let changes = try previous.map { try diff(of: clone, from: $0, to: version).changes.map(\.row) } ?? []
        return DNARevisionDetail(revision: revision, previous: previous, changes: changes)
    }

    /// A few headline traits (sentence length, word length, commas, reading ease by default) in every revision,
    /// for a timeline; a revision without evidence for a trait has no point there.
    public func featureHistory(of clone: String, keys: [String] = DNAFeatureSeries.headlineKeys) throws -> [DNAFeatureSeries] {
        let slug = try index.requireClone(clone).slug
        let revisions = try versions(of: slug).map { try load(of: slug, version: $0) }
        return keys.compactMap { key in
            guard let trait = TraitCatalog.trait(forKey: key) else { return nil }
            let points = revisions.compactMap { dna in
                trait.value(in: dna.profile).map { DNAFeatureSeries.Point(version: dna.version, value: $0, formatted: trait.format($0)) }
            }
            return DNAFeatureSeries(key: key, label: trait.label, points: points)
        }
    }
}

extension DNAFeatureSeries {
    public static let headlineKeys = ["sentences.mean_length", "lexical.mean_word_length", "punctuation.comma",
                                      "readability.flesch_reading_ease"]
}
