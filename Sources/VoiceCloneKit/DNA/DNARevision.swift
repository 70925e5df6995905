import Foundation

/// One stored DNA revision as `dna log` lists it.
public struct DNARevision: Codable, Sendable, Equatable {
    public var version: Int
    public var path: String
    /// When the commit that added the file was made; nil when the file is not committed yet.
    public var date: Date?
    public var commit: String?
    public var samples: Int
    public var words: Int
    public var confidence: Int
    /// The commit message's first line.
    public var summary: String?
}
