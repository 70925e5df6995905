import ArgumentParser
import Foundation
import VoiceCloneKit

/// Options every command that works on a vault accepts.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The vault folder (default: $VOICECLONE_VAULT, else the nearest parent holding .voiceclone/).", valueName: "dir"))
    var vault: String?

    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false

    func workspace() throws -> Workspace {
        let workspace = try Workspace.open(vaultPath: vault)
        workspace.onNote = { Output.error("note: " + $0) }
        return workspace
    }
}

/// For commands that do not need a vault (`init`, `stats`).
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false
}
