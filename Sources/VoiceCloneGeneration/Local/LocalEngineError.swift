import Foundation

/// Why the offline engine could not be built or could not write.
public enum LocalEngineError: LocalizedError, Equatable {
    case noSamples
    case tooFewWords(found: Int, needed: Int)
    case invalidOption(String)
    case invalidRequest(String)

    public var errorDescription: String? {
        switch self {
        case .noSamples:
            return "The clone has no samples to learn from. Import some of the writer's texts first "
                + "(voiceclone sample add CLONE FILE...)."
        case .tooFewWords(let found, let needed):
            return "The clone's samples hold only \(found) words of prose; the offline engine needs at least \(needed). "
                + "Import more of the writer's texts."
        case .invalidOption(let detail):
            return "Invalid local engine option: \(detail)."
        case .invalidRequest(let detail):
            return "Invalid generation request: \(detail)."
        }
    }
}
