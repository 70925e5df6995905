import Foundation

/// Why attribution could not start. Messages say what is wrong and what to do.
public enum AttributionError: LocalizedError, Equatable, Sendable {
    case noCandidates
    case tooFewCandidates(count: Int)
    case duplicateCandidate(name: String)
    case emptyCandidate(name: String)
    case invalidSetting(name: String, allowed: String)
    case chunkLengthMismatch(name: String, scanned: Int, settings: Int)
    /// A text to judge with no words: any probability for it would be the prior, not evidence.
    case emptyText(name: String)
    /// The shipped verification background (Resources/judgement/background.tsv) is missing or unreadable.
    case missingBackground

    public var errorDescription: String? {
        switch self {
        case .noCandidates:
            return "No voices to compare against: add samples to at least one clone first."
        case .tooFewCandidates(let count):
            return "Attribution needs at least 2 voices to rank, but got \(count): add another clone or use `match` to score one voice."
        case .duplicateCandidate(let name):
            return "The voice '\(name)' is listed twice: list each clone once."
        case .emptyCandidate(let name):
            return "The voice '\(name)' has no words in its samples: import samples into it or leave it out."
        case .invalidSetting(let name, let allowed):
            return "The attribution setting '\(name)' is out of range: use \(allowed)."
        case .missingBackground:
            return "The verification background (Resources/judgement/background.tsv) is missing or damaged: reinstall voiceclone, or rebuild it with scripts/build-judgement-background."
        case .emptyText(let name):
            return "\(name) has no words to judge: give a text with at least one sentence."
        case .chunkLengthMismatch(let name, let scanned, let settings):
            return "The samples of '\(name)' were scanned in chunks of \(scanned) words but the settings ask for \(settings): scan them again with the same settings (ScannedText(_:settings:))."
        }
    }
}
