import Foundation

/// Problems with a platform name or a user-defined preset.
public enum PlatformError: LocalizedError, Equatable {
    case unknownPreset(name: String, known: [String])
    case invalidPreset(name: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unknownPreset(let name, let known):
            return "Unknown platform '\(name)'. Use one of: \(known.joined(separator: ", ")), "
                + "or add a preset under 'platforms' in the vault config."
        case .invalidPreset(let name, let reason):
            return "The platform preset '\(name)' in the vault config is invalid: \(reason). Fix it in the vault config."
        }
    }
}
