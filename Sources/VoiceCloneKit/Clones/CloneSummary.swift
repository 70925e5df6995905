import VoiceCloneVault

/// A clone as `clone list`, `clone show` and `clone create` print it (`--json` field names are a contract).
public struct CloneSummary: Codable, Sendable, Equatable {
    public var name: String
    public var slug: String
    public var description: String?
    public var tags: [String]
    public var samples: Int
    public var words: Int
    public var created: String?
    public var contentTypes: [String: Int]
    public var dnaVersion: Int?
    public var path: String
    public var mergedFrom: [MergeSettings.Source]?
    /// For a merged clone: a source has a newer DNA than the one the blend was built from.
    public var stale: Bool?

    enum CodingKeys: String, CodingKey {
        case name, slug, description, tags, samples, words, created, path, stale
        case contentTypes = "content_types"
        case dnaVersion = "dna_version"
        case mergedFrom = "merged_from"
    }

    init(_ clone: CloneRecord, vault: Vault, index: VaultIndex) {
        name = clone.name
        slug = clone.slug
        description = clone.manifest.description
        tags = clone.manifest.tags
        samples = clone.samples.count
        words = clone.words
        created = clone.manifest.created
        var types: [String: Int] = [:]
        for s in clone.samples { types[s.metadata.contentType.rawValue, default: 0] += 1 }
        contentTypes = types
        dnaVersion = clone.latestDNAVersion
        path = vault.relativePath(vault.cloneURL(clone.slug))
        if let merge = clone.manifest.merge {
            mergedFrom = merge.sources
            stale = merge.sources.contains { source in
                guard let current = index.clone(named: source.clone)?.latestDNAVersion else { return false }
                return current != source.dnaVersion
            }
        }
    }
}

/// `clone show`: the summary plus the manifest's notes and the samples.
public struct CloneDetail: Codable, Sendable {
    public var clone: CloneSummary
    /// Image path or URL from clone.md's `avatar:`.
    public var avatar: String?
    public var notes: String
    public var samples: [SampleSummary]
}
