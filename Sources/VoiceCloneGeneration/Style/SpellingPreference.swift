/// Which side of the Atlantic a writer spells on.
public enum SpellingPreference: String, Codable, Sendable {
    case us, uk
}
