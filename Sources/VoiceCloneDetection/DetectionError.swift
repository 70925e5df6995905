import Foundation

/// Why detection or rewriting could not run. Messages say what is wrong and what to do.
public enum DetectionError: LocalizedError, Equatable, Sendable {
    case invalidModel(line: String)
    case emptyText(name: String)
    case invalidThreshold(Int)

    public var errorDescription: String? {
        switch self {
        case .invalidModel(let line):
            return "The detection model file has an unreadable line \"\(line)\": refit it with `voiceclone-bench detection-fit`."
        case .emptyText(let name):
            return "\(name) has no words to judge: give a text with at least one sentence."
        case .invalidThreshold(let t):
            return "The threshold \(t) is out of range: use a score from 1 to 99."
        }
    }
}
