import Foundation

/// Merge refusals that depend on the vault (the blending rules' own errors are `MergeError`).
public enum MergeKitError: Error, Equatable, Sendable {
    case notMerged(clone: String)
}

extension MergeKitError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notMerged(let clone):
            return "\(clone) is not a merged clone (its clone.md has no `merge:` sources); use `voiceclone analyze \(clone)`."
        }
    }
}
