import Foundation

/// Why a DNA could not be read or written, with what to do next.
public enum DNAError: Error, Equatable, Sendable {
    case notAnalysed(clone: String)
    case versionNotFound(clone: String, version: Int, available: [Int])
    case needTwoRevisions(clone: String)
}

extension DNAError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notAnalysed(let clone):
            return "\(clone) has no Voice DNA yet; run `voiceclone analyze \(clone)` first"
        case .versionNotFound(let clone, let version, let available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "\(clone) has no DNA version \(version) (versions: \(list)); see `voiceclone dna log \(clone)`"
        case .needTwoRevisions(let clone):
            return "\(clone) has only one DNA revision; there is nothing to compare yet (add samples and run `voiceclone analyze \(clone)` again)"
        }
    }
}
