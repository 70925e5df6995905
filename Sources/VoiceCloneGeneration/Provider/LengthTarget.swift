/// How long a piece should be. Writers think in words; platforms count characters, so both are supported.
public enum LengthTarget: Codable, Sendable, Equatable {
    case words(Int)
    case characters(Int)
}
