/// The vault's health (`workspace.checks`): what the scan found, DNA revisions that cannot be read back, and with
/// `samples` the samples not marked ai_assisted that read as machine-written. Read-only.
public struct CheckService: WorkspaceService {
    let session: Workspace
}
