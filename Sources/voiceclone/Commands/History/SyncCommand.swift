import ArgumentParser
import VoiceCloneKit

/// `voiceclone sync [REMOTE]` (the default subcommand, `sync now`), `sync conflicts`, `sync resolve`. A command
/// with a positional argument cannot also have subcommands in ArgumentParser (the argument takes their names), so
/// syncing itself is the default subcommand and `voiceclone sync origin` reads as before.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit hand edits, fetch, integrate and push: nothing written on either side is lost.",
        discussion: HelpExamples.discussion("A sample edited on both sides keeps both texts (the remote's in place, this vault's beside it) and is reported; list them with `sync conflicts` and choose with `sync resolve`. DNA revisions written on both sides are both kept. See docs/sync.md.", HelpExamples.sync),
        subcommands: [SyncNow.self, SyncConflicts.self, SyncResolve.self],
        defaultSubcommand: SyncNow.self)
}

struct SyncNow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Sync with a remote now (what `voiceclone sync [REMOTE]` runs).",
        discussion: HelpExamples.syncNow)

    @Argument(help: "Remote name (default: origin, or the only remote).", completion: .remotes) var remote: String?
    @Flag(help: "Merge with a remote whose history shares nothing with this vault (another vault's init).") var allowUnrelated = false
    @OptionGroup var options: VaultOptions

    func run() throws {
        let report = try options.workspace().sync.run(SyncOptions(remote: remote, allowUnrelated: allowUnrelated))
        if options.json {
            try Output.json(report)
        } else {
            if !report.committed.isEmpty {
                Output.line("Committed \(Output.count(report.committed.count, "hand edit")): " + report.committed.prefix(5).joined(separator: ", ")
                    + (report.committed.count > 5 ? " …" : ""))
            }
            // "origin", or "origin's master" when the remote's branch has another name than this vault's.
            let place = report.remoteBranch == report.branch ? report.remote : "\(report.remote)'s \(report.remoteBranch)"
            switch report.outcome {
            case .upToDate: Output.line("Up to date with \(report.remote) (\(report.remoteBranch)).")
            case .pushed: Output.line("Pushed \(Output.count(report.sentCommits, "commit")) to \(place).")
            case .fastForward: Output.line("Brought in \(Output.count(report.received.count, "changed file")) from \(report.remote).")
            case .merged: Output.line("Merged with \(report.remote): received \(Output.count(report.received.count, "file")), sent \(Output.count(report.sentCommits, "commit")).")
            }
            for r in report.renumbered { Output.line("DNA: \(r.clone) revision \(r.from) written on both sides; this vault's is now \(r.to)") }
            if report.attempts > 1 { Output.line("The remote moved during the sync; integrated again (\(report.attempts) attempts).") }
            for c in report.conflicts { Output.error("conflict: \(c.message)") }
        }
        // Both texts are safe, but a person has to choose: say so with the exit code too.
        if !report.conflicts.isEmpty { throw ExitCode.failure }
    }
}
