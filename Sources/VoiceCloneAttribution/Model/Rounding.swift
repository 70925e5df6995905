import Foundation

/// Serialized figures are rounded to fixed decimals so the same input gives byte-identical JSON.
enum Rounding {
    static func fixed(_ value: Double, _ decimals: Int = 4) -> Double {
        guard value.isFinite else { return 0 }
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}
