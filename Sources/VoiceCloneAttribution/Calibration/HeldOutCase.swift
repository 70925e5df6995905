/// A training chunk tested against its own candidate's profile rebuilt without it (see
/// `Attributor.heldOutCases`): what calibration and the family weights are fitted on.
struct HeldOutCase: Sendable {
    /// The candidate the chunk belongs to.
    let truth: Int
    let vector: FeatureVector
    /// The candidate's centroid without the chunk's sample (or without the chunk alone).
    let centroid: [Double]
    /// Whether the whole sample was left out, which tests across samples as real use does.
    let crossSample: Bool
}
