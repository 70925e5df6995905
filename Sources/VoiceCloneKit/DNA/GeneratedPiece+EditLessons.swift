import VoiceCloneAnalysis
import VoiceCloneGeneration

extension GeneratedPiece {
    /// The piece with the simple lessons of the writer's edits applied (their replacements and cuts): the offline
    /// engine cannot follow instructions, so what the writer would fix is fixed before they see it.
    func applyingEditLessons(of dna: VoiceDNA?) -> GeneratedPiece {
        let (text, changes) = EditLessonApplier.apply(dna?.edits, to: self.text)
        guard changes > 0 else { return self }
        var piece = self
        piece.text = text
        return piece
    }
}
