import VoiceCloneAnalysis

/// `dna show` in words: the traits that set a writer apart, the signature, and how far to trust it.
public struct DNADescription: Sendable {
    public var dna: VoiceDNA
    /// Every described trait, most distinctive first.
    public var traits: [TraitReading]
    /// Words and phrases the writer uses far more than the other clones in the vault do, measured now from the
    /// samples on disk (not stored in the DNA, whose bytes must not depend on other clones). Nil for a past
    /// revision, a merged clone, or a vault with no other clone to compare with.
    public var againstOtherClones: Signature?

    public init(dna: VoiceDNA, againstOtherClones: Signature? = nil) {
        self.dna = dna
        self.traits = TraitCatalog.readings(of: dna.profile)
        self.againstOtherClones = againstOtherClones
    }
}
