/// Something that makes a result less reliable; `code` is stable for scripts, `message` is for people.
public struct AttributionWarning: Codable, Sendable, Equatable {
    public var code: String
    public var message: String

    public static func shortText(words: Int, threshold: Int) -> AttributionWarning {
        AttributionWarning(
            code: "short-text",
            message: "The text has \(words) word\(words == 1 ? "" : "s"); stylometry needs about \(threshold)+ to be reliable, so the probabilities are spread wider.")
    }

    static func thinCandidate(name: String, words: Int) -> AttributionWarning {
        AttributionWarning(
            code: "little-training-text",
            message: "The voice '\(name)' has only \(words) words of samples; add more samples (a few thousand words) for a fair comparison.")
    }

    static let uncalibrated = AttributionWarning(
        code: "uncalibrated",
        message: "No voice has enough samples to hold some out, so the probabilities are not calibrated; add more samples.")

    static let learnedModelSkipped = AttributionWarning(
        code: "delta-fallback",
        message: "A voice has too little text to train on (two chunks as long as the text), so Cosine Delta ranked the voices; add samples for the learned model.")
}
