import Foundation

/// Why an analysis could not produce a DNA.
public enum AnalysisError: Error, Equatable, Sendable {
    /// No samples at all (or all of them AI-assisted and excluded).
    case noSamples(excludedAIAssisted: Int)
    /// The samples hold fewer words than an analysis needs.
    case tooFewWords(found: Int, needed: Int)
    /// A DNA file could not be read.
    case invalidDNA(String, reason: String)
}

extension AnalysisError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .noSamples(let excluded):
            if excluded > 0 {
                return "no samples to analyse: all \(excluded) are marked ai_assisted and left out. Add samples you wrote yourself, or pass --include-ai-assisted."
            }
            return "no samples to analyse. Add some with `voiceclone sample add CLONE FILE` (at least a few hundred words of your own writing)."
        case .tooFewWords(let found, let needed):
            return "too few words to analyse: the samples hold \(found) words, and a voice needs at least \(needed) (add \(needed - found) more; 2,000 or more give a reliable DNA)."
        case .invalidDNA(let path, let reason):
            return "\(path): not a valid Voice DNA file (\(reason)). Restore it with `git checkout -- \(path)`, or remove it with `git rm \(path)` and run `voiceclone analyze` again (`voiceclone check` lists every damaged revision)."
        }
    }
}
