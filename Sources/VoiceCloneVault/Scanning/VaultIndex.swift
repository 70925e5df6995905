import Foundation

/// One sample as the scanner saw it. Bodies are not kept: only what every command needs to list,
/// deduplicate and choose samples. Commands that need the words read the file again.
public struct SampleRecord: Sendable, Codable, Equatable {
    /// The file name without extension; stable, unique within a clone.
    public var id: String
    public var clone: String
    /// Relative to the vault root.
    public var path: String
    public var metadata: SampleMetadata
    public var words: Int
    /// SHA-256 of the normalised body (see `ContentHash.ofSampleBody`).
    public var hash: String
    public var hasFrontMatter: Bool

    public var title: String { metadata.title ?? id }

    public init(id: String, clone: String, path: String, metadata: SampleMetadata, words: Int, hash: String, hasFrontMatter: Bool) {
        self.id = id
        self.clone = clone
        self.path = path
        self.metadata = metadata
        self.words = words
        self.hash = hash
        self.hasFrontMatter = hasFrontMatter
    }
}

/// One clone: its manifest, its samples in a stable order, and the DNA revisions present on disk.
public struct CloneRecord: Sendable {
    public var slug: String
    public var manifest: CloneManifest
    public var samples: [SampleRecord]
    /// DNA revision numbers found under `dna/`, ascending.
    public var dnaVersions: [Int]

    public var name: String { manifest.name }
    public var words: Int { samples.reduce(0) { $0 + $1.words } }
    public var latestDNAVersion: Int? { dnaVersions.last }
}

/// Everything the scanner learned about a vault in one pass. Built fresh on every run.
public struct VaultIndex: Sendable {
    public var vault: Vault
    public var clones: [CloneRecord]
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Looks a clone up by display name (case-insensitive) or slug.
    public func clone(named name: String) -> CloneRecord? {
        let lowered = name.lowercased()
        return clones.first { $0.slug == name || $0.name.lowercased() == lowered }
            ?? clones.first { $0.slug == Slug.make(name) }
    }

    public func requireClone(_ name: String) throws -> CloneRecord {
        guard let clone = clone(named: name) else {
            throw VaultError.cloneNotFound(name, available: clones.map(\.name))
        }
        return clone
    }

    /// Finds a sample by file id, by a unique id prefix (any length), or by a unique content-hash prefix of
    /// `SampleIDRules.minimumHashPrefix`+ characters. Several matches is an error that lists them.
    public func sample(_ id: String, in clone: CloneRecord) throws -> SampleRecord {
        if let exact = clone.samples.first(where: { $0.id == id }) { return exact }
        let trimmed = id.hasSuffix(".md") ? String(id.dropLast(3)) : id
        guard !trimmed.isEmpty else { throw VaultError.sampleNotFound(clone: clone.name, id: id) }
        var matches = clone.samples.filter { $0.id == trimmed || $0.id.hasPrefix(trimmed) }
        if matches.isEmpty, trimmed.count >= SampleIDRules.minimumHashPrefix {
            matches = clone.samples.filter { $0.hash.hasPrefix(trimmed.lowercased()) }
        }
        if matches.count > 1 {
            throw VaultError.ambiguousSample(clone: clone.name, id: id, matches: matches.map(\.id).sorted())
        }
        guard let only = matches.first else {
            throw VaultError.sampleNotFound(clone: clone.name, id: id)
        }
        return only
    }
}

/// How short a sample reference may be.
public enum SampleIDRules {
    /// Hash prefixes shorter than this match too many things to be meant (ids match at any length).
    public static let minimumHashPrefix = 4
}
