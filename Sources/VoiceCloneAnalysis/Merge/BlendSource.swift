
/// One original voice in a blend: its DNA and its share of the merged voice.
public struct BlendSource: Sendable {
    public var clone: String
    /// Normalised weight (the weights of a blend sum to 1).
    public var weight: Double
    public var dna: VoiceDNA

    public init(clone: String, weight: Double, dna: VoiceDNA) {
        self.clone = clone
        self.weight = weight
        self.dna = dna
    }
}
