import Foundation

/// Problems with a generation request that are not any one provider's fault.
public enum GenerationError: LocalizedError, Equatable {
    case unknownProvider(String)
    case noSamples(clone: String)
    case dryRunIsForRemoteProviders
    case invalidVariants(Int)
    case invalidThread(Int)
    case invalidRefineRounds(Int)
    case invalidRefineThreshold(option: String, value: Int)

    public var errorDescription: String? {
        switch self {
        case .unknownProvider(let name):
            return "unknown provider \"\(name)\"; use auto, local, openai, anthropic or openai-compatible "
                + "(or set default_provider in .voiceclone/config.yaml)."
        case .noSamples(let clone):
            return "clone \"\(clone)\" has no samples to write from. Add some with `voiceclone sample add \(clone.shellQuoted) FILE`."
        case .dryRunIsForRemoteProviders:
            return "--dry-run shows what would be sent to a remote provider; the local engine sends nothing anywhere. "
                + "Add --provider openai, anthropic or openai-compatible."
        case .invalidVariants(let n):
            return "--variants takes 1 to 10, got \(n)."
        case .invalidThread(let n):
            return "--thread takes 2 to 25 posts, got \(n)."
        case .invalidRefineRounds(let n):
            return "--refine takes 1 to 10 rounds, got \(n)."
        case .invalidRefineThreshold(let option, let value):
            return "\(option) takes a score from 0 to 100, got \(value)."
        }
    }
}
