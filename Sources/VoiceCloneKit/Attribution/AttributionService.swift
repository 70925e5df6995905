/// Authorship (`workspace.attribution`): who of the vault's clones wrote a text (`attribute`), how close a text is
/// to one voice (`match`, `voiceMatchScore`), and the `VoiceScorer` that generation, rewrite and refine judge by.
/// Read-only.
public struct AttributionService: WorkspaceService {
    let session: Workspace
}
