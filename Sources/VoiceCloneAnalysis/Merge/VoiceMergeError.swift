import Foundation

/// Why a merge of voices (`voiceclone merge`, a re-blend) was refused, with what to do instead: the blending rules'
/// own refusals and the vault's (a re-blend of a clone that is not merged). Not a git merge: `sync`'s are `SyncError`s.
public enum VoiceMergeError: Error, Equatable, Sendable {
    /// Fewer than two voices to blend (after flattening and combining repeats).
    case tooFewSources(Int)
    /// `--weights` lists a different number of weights than there are sources.
    case weightCountMismatch(weights: Int, sources: Int)
    /// A weight that is zero, negative or not a finite number.
    case nonPositiveWeight(String)
    /// A weight that does not parse as a number.
    case unreadableWeight(String)
    /// The same clone named twice among the sources.
    case duplicateSource(String)
    /// The merged clone would (directly or through another merged clone) be one of its own sources.
    case includesItself(clone: String, path: [String])
    /// Merged clones whose sources loop back on themselves (edited by hand).
    case cycle([String])
    /// A re-blend of a clone that has no `merge:` sources.
    case notMerged(clone: String)
}

extension VoiceMergeError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .tooFewSources(let n):
            return "a merge needs at least two different voices; got \(n). Name two or more clones: `voiceclone merge A B --name NEW`."
        case .weightCountMismatch(let w, let s):
            return "\(w) weight\(w == 1 ? "" : "s") for \(s) sources: give one weight per source, in the same order (e.g. --weights \(Array(repeating: "1", count: s).joined(separator: ",")))."
        case .nonPositiveWeight(let w):
            return "weight \(w) is not a positive number: every weight must be greater than 0 (they are normalised to sum to 1)."
        case .unreadableWeight(let w):
            return "weight \"\(w)\" is not a number: write weights as decimals separated by commas, e.g. --weights 0.7,0.3."
        case .duplicateSource(let s):
            return "\(s) is named twice among the sources; name each clone once and give it the combined weight."
        case .includesItself(let clone, let path):
            return "\(clone) cannot be merged from itself (\(path.joined(separator: " → "))); choose sources that do not contain it."
        case .cycle(let path):
            return "merged clones form a loop (\(path.joined(separator: " → "))); fix the `merge:` sources in their clone.md files."
        case .notMerged(let clone):
            return "\(clone) is not a merged clone (its clone.md has no `merge:` sources); use `voiceclone analyze \(clone)`."
        }
    }
}
