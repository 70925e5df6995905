import ArgumentParser

/// The root command. Subcommands are grouped the way people think about a vault.
struct VoiceCloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voiceclone",
        abstract: "Learn how a person writes, and write in that voice.",
        discussion: HelpExamples.discussion("""
            A vault is a folder under git holding one folder per voice (a clone): Markdown samples and \
            versioned Voice DNA. Every command finds the vault from --vault, $VOICECLONE_VAULT, or the \
            nearest parent folder holding .voiceclone/, and every command accepts --json.

            Exit codes: 0 success, 1 error, 2 usage.
            """, HelpExamples.root),
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            CloneCommand.self,
            SampleCommand.self,
            CheckCommand.self,
            AnalyzeCommand.self,
            LearnCommand.self,
            DNACommand.self,
            StatsCommand.self,
            AttributeCommand.self,
            MatchCommand.self,
            RemoteCommand.self,
            SyncCommand.self,
            LogCommand.self,
            StatusCommand.self,
            MergeCommand.self,
            GenerateCommand.self,
            ProvidersCommand.self,
            SettingsCommand.self,
            LibraryCommand.self,
            DetectCommand.self,
            RewriteCommand.self,
            ServeCommand.self,
        ]
    )
}
