/// A plain reading of how sure an attribution is, from the lower end of the best candidate's probability band:
/// high (≥ 0.8), medium (≥ 0.5) or low. Not the DNA's 0-100 `Confidence`, which says how far to trust a voice.
public enum ConfidenceLevel: String, Codable, Sendable, Comparable {
    case low, medium, high

    init(lowerProbability: Double) {
        self = lowerProbability >= 0.8 ? .high : lowerProbability >= 0.5 ? .medium : .low
    }

    private var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: ConfidenceLevel, rhs: ConfidenceLevel) -> Bool { lhs.rank < rhs.rank }
}
