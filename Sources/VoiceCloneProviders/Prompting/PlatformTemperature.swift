import VoiceCloneGeneration

/// The sampling temperature sent when `--temperature` is not given, by platform: a little more variety for short
/// social posts (where a flat line is the failure), less for emails and long pieces (where a model that wanders
/// invents). Every value is within every provider's range (Anthropic's is 0–1).
///
/// | platform | temperature |
/// |---|---|
/// | x, instagram | 0.9 |
/// | linkedin | 0.8 |
/// | blog, newsletter, generic and custom presets | 0.7 |
/// | email | 0.5 |
public enum PlatformTemperature {
    public static let standard = 0.7

    public static func `default`(for platform: Platform) -> Double {
        switch platform.name.lowercased() {
        case "x", "twitter", "instagram": 0.9
        case "linkedin": 0.8
        case "email": 0.5
        default: standard
        }
    }

    /// Models that accept only their own temperature (OpenAI's reasoning models answer 400 to any other):
    /// no default is sent to them, and an explicit `--temperature` is passed through for the API to judge.
    public static func acceptsTemperature(model: String) -> Bool {
        let m = model.lowercased()
        return !(m.hasPrefix("o1") || m.hasPrefix("o3") || m.hasPrefix("o4") || m.hasPrefix("gpt-5"))
    }
}
