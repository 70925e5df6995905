import VoiceCloneGeneration
import VoiceCloneProviders

/// Measures a piece whose text did not come straight from the offline engine (a language model's answer, or an
/// offline rewrite of a draft): the no-copy guard and the platform's rules, with the same check names the engine
/// uses, so every provider's `--json` reads alike.
struct PieceInspector: Sendable {
    let copyGuard: CopyGuard
    let platform: Platform
    let length: LengthTarget?
    let threadPosts: Int?

    func inspect(_ piece: GeneratedPiece) -> GeneratedPiece {
        var piece = piece
        let run = copyGuard.longestSharedRun(piece.text)
        piece.longestCopiedRun = run
        piece.checks = PieceInspection.checks(text: piece.text, platform: platform, length: length,
                                              threadPosts: threadPosts, copyGuard: copyGuard)
        let warning = "repeated a \(run)-word run from a sample; rewrite it before publishing."
        piece.warnings.removeAll { $0.hasSuffix("-word run from a sample; rewrite it before publishing.") }
        if run >= copyGuard.limit { piece.warnings.append("The text " + warning) }
        return piece
    }
}
