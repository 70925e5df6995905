/// Writing in a voice (`workspace.generation`): `generate` with the offline engines or a provider, its refine
/// rounds and its save to the library, and `describeVoice`, the LLM's qualitative reading of a clone. Owns no
/// files; saved pieces go through the library.
public struct GenerationService: WorkspaceService {
    let session: Workspace
}
