/// A plain reading of how sure an attribution is, from the lower end of the best candidate's
/// probability band: high (≥ 0.8), medium (≥ 0.5) or low.
public enum Confidence: String, Codable, Sendable, Comparable {
    case low, medium, high

    init(lowerProbability: Double) {
        self = lowerProbability >= 0.8 ? .high : lowerProbability >= 0.5 ? .medium : .low
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        let order: [Confidence] = [.low, .medium, .high]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
