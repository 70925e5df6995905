import ArgumentParser
import Foundation
import VoiceCloneKit

/// `voiceclone sync conflicts`: every sample sync kept in two copies, with both texts (Kit's `sync.conflicts`).
struct SyncConflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the samples sync kept in two copies, with both texts, until you choose one.",
        discussion: HelpExamples.discussion(
            "The remote's text stays at the sample's own path; this vault's is beside it, marked `conflict_of`. Choose with `voiceclone sync resolve`.",
            HelpExamples.syncConflicts))

    @OptionGroup var options: VaultOptions

    func run() throws {
        let conflicts = try options.workspace().sync.conflicts()
        if options.json { return try Output.json(conflicts) }
        if conflicts.isEmpty { return Output.line("No sync conflicts: every sample has one text.") }
        for (number, conflict) in conflicts.enumerated() {
            if number > 0 { Output.line() }
            Output.line("\(conflict.clone): \(conflict.sampleID), edited on both sides")
            if let theirs = conflict.theirs {
                Output.line("  theirs (the remote's text, at \(conflict.path)):")
                Self.indented(theirs)
            } else {
                Output.line("  theirs: deleted since (\(conflict.path) is gone); keep mine or both")
            }
            Output.line("  mine (this vault's text, at \(conflict.localCopy)):")
            Self.indented(conflict.mine)
            Output.line("  choose with: voiceclone sync resolve \(Self.argument(for: conflict)) --keep mine|theirs|both")
        }
    }

    /// The exact arguments that name this conflict to `sync resolve`: the sample's id, with `--clone` or replaced by
    /// the copy's path when Kit says the id alone is not enough.
    static func argument(for conflict: PendingConflict) -> String {
        switch conflict.needs {
        case nil: return conflict.sampleID.shellQuoted
        case .clone?: return "\(conflict.sampleID.shellQuoted) --clone \(conflict.clone.shellQuoted)"
        case .localCopy?: return conflict.localCopy.shellQuoted
        }
    }

    static func indented(_ text: String) {
        for line in text.trimmingCharacters(in: .newlines).components(separatedBy: "\n") {
            Output.line(line.isEmpty ? "" : "    " + line)
        }
    }
}

/// `voiceclone sync resolve SAMPLE_ID|PATH --keep mine|theirs|both` (Kit's `sync.resolve`: locked, committed).
struct SyncResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Keep this vault's text, the remote's, or both, for one sample sync kept in two copies.",
        discussion: HelpExamples.discussion("""
            Name the conflict as `sync conflicts` prints it: the sample's id (with --clone when two voices have a \
            conflict on the same id), or this vault's copy by its path (relative to the vault, or a path to the file \
            from here). mine: this vault's text replaces the remote's and the copy goes; theirs: the copy goes; \
            both: the copy stays as a sample of its own. Exactly those files are committed; the next sync sends them.
            """, HelpExamples.syncResolve))

    @Argument(help: ArgumentHelp("The sample's id as `sync conflicts` lists it, or this vault's copy: the path listed as mine.",
                                 valueName: "sample-or-path"),
              completion: .file(extensions: SupportedFormats.sampleFiles))
    var path: String
    @Option(help: "The voice of the sample id, when `sync conflicts` says to name it.") var clone: String?
    @Option(help: "Which text to keep: mine, theirs or both.", completion: .list(ConflictChoice.allCases.map(\.rawValue)))
    var keep: String
    @OptionGroup var options: VaultOptions

    func validate() throws {
        guard ConflictChoice(rawValue: keep) != nil else {
            throw ValidationError("--keep takes mine, theirs or both; got \"\(keep)\".")
        }
        if clone != nil, Self.isPath(path) {
            throw ValidationError("--clone goes with a sample id; the copy's path \"\(path)\" names the conflict alone.")
        }
    }

    func run() throws {
        let workspace = try options.workspace()
        let choice = ConflictChoice(rawValue: keep) ?? .both
        let relative = Self.vaultRelative(path, root: workspace.vault.root)
        let resolution = Self.isPath(path) || FileManager.default.fileExists(atPath: workspace.vault.root.appendingPathComponent(relative).path)
            ? try workspace.sync.resolve(localCopy: relative, keep: choice)
            : try workspace.sync.resolve(sample: path, clone: clone, keep: choice)
        if options.json { return try Output.json(resolution) }
        Output.line("Resolved: \(resolution.message)")
        for file in resolution.written { Output.line("  wrote \(file)") }
        for file in resolution.removed { Output.line("  removed \(file)") }
        Output.line("Committed; the next `voiceclone sync` sends it.")
    }

    /// A file's path rather than a sample id: it has a folder or a sample file's extension (an id is a file name
    /// without its extension).
    static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || SupportedFormats.sampleFiles.contains((argument as NSString).pathExtension.lowercased())
    }

    /// The path as the vault names it: taken as given when it names a file in the vault, else read as a path from
    /// the current folder (or absolute) and made relative to the vault when it lies inside.
    static func vaultRelative(_ path: String, root: URL) -> String {
        let fileManager = FileManager.default
        if !path.hasPrefix("/"), fileManager.fileExists(atPath: root.appendingPathComponent(path).path) { return path }
        let here = URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)
        let file = URL(fileURLWithPath: path, relativeTo: here).standardizedFileURL
        // Links are resolved in the folders only: the file itself is the one named.
        let folder = file.deletingLastPathComponent().resolvingSymlinksInPath().path
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let full = (folder.hasSuffix("/") ? folder : folder + "/") + file.lastPathComponent
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : path
    }
}
