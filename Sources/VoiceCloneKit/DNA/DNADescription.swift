import VoiceCloneAnalysis

/// `dna show` in words: the traits that set a writer apart, the signature, and how far to trust it.
public struct DNADescription: Sendable {
    public var dna: VoiceDNA
    /// Every described trait, most distinctive first.
    public var traits: [TraitReading]

    public init(dna: VoiceDNA) {
        self.dna = dna
        self.traits = TraitCatalog.readings(of: dna.profile)
    }
}
