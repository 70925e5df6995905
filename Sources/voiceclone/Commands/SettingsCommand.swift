import ArgumentParser
import VoiceCloneKit

/// `voiceclone settings [set]`: the vault's default provider and model and the name and email its commits carry
/// (`.voiceclone/config.yaml`; Kit's `settings`, `commitIdentity`, `updateSettings`). Keys are not settings:
/// `providers key set` stores them outside the vault.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show the vault's default provider and model and who its commits are written by.",
        discussion: HelpExamples.discussion(
            "The settings live in .voiceclone/config.yaml and are shared through sync. API keys are not among them: see `voiceclone providers key`.",
            HelpExamples.settings),
        subcommands: [SettingsSet.self])

    @OptionGroup var options: VaultOptions

    func run() throws {
        let report = try options.workspace().settingsReport()
        if options.json { return try Output.json(report) }
        SettingsCommand.print(report)
    }

    static func print(_ report: SettingsReport) {
        Output.line("default provider: \(report.defaultProvider)")
        Output.line("default model:    \(report.defaultModel ?? "(the provider's own default)")")
        Output.line("commit author:    " + (report.author.map { "\($0.name) <\($0.email)>" } ?? "(not set: git's user.name and user.email)"))
        let why: String
        switch report.commitIdentity.source {
        case .vault: why = "this vault's setting"
        case .gitConfig: why = "git's user.name and user.email"
        case .fallback: why = "the built-in default; neither the vault nor git sets one"
        }
        Output.line("commits are now written by \(report.commitIdentity.name) <\(report.commitIdentity.email)> (\(why))")
    }
}

struct SettingsSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change the default provider, the default model or the commits' name and email, and commit the change.",
        discussion: HelpExamples.discussion("""
            Only the settings given change; an empty value clears one (--default-model '', or both --author-name '' \
            and --author-email '' to go back to git's identity). Only those lines of .voiceclone/config.yaml are \
            rewritten: comments and platform presets stay.
            """, HelpExamples.settingsSet))

    @Option(help: ArgumentHelp("auto, local, openai, anthropic or openai-compatible.", valueName: "provider"), completion: .providers)
    var defaultProvider: String?
    @Option(help: ArgumentHelp("The model generate uses when none is named.", valueName: "model"))
    var defaultModel: String?
    @Option(help: ArgumentHelp("The name the vault's commits carry (with --author-email).", valueName: "name"))
    var authorName: String?
    @Option(help: ArgumentHelp("The email the vault's commits carry (with --author-name).", valueName: "email"))
    var authorEmail: String?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if defaultProvider == nil, defaultModel == nil, authorName == nil, authorEmail == nil {
            throw ValidationError("say what to change: --default-provider, --default-model, or --author-name with --author-email.")
        }
    }

    func run() throws {
        let workspace = try options.workspace()
        var settings = workspace.settings
        if let defaultProvider { settings.defaultProvider = defaultProvider }
        if let defaultModel { settings.defaultModel = defaultModel }
        if authorName != nil || authorEmail != nil {
            // One of the two given: the other is the vault's current one, if it has one (Kit refuses half an identity).
            settings.author = VaultConfig.Identity(name: authorName ?? settings.author?.name ?? "",
                                                   email: authorEmail ?? settings.author?.email ?? "")
        }
        try workspace.updateSettings(settings)
        // A fresh workspace reads the config just committed.
        let report = try options.workspace().settingsReport()
        if options.json { return try Output.json(report) }
        Output.line("Settings saved and committed (.voiceclone/config.yaml).")
        SettingsCommand.print(report)
    }
}
