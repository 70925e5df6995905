/// AI-likeness (`workspace.detection`): the detector with the vault's own word lists (`.voiceclone/detection/`),
/// a clone's baseline, `detect`, the samples that read as machine-written, and `rewrite`, which moves a draft
/// toward a voice and away from machine tells, offline or through a provider. Writes nothing; keeping a rewrite
/// is the library's (`LibraryService.keepRewrite`).
public struct DetectionService: WorkspaceService {
    let session: Workspace
}
