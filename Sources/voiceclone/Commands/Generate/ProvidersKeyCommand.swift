import ArgumentParser
import Foundation
import VoiceCloneKit

/// `voiceclone providers key set|clear PROVIDER`: the only way the CLI writes a key, and only to the user's
/// credentials file (never the vault).
struct ProvidersKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Set or clear a provider's API key in ~/.config/voiceclone/credentials.yaml (never shown back).",
        discussion: HelpExamples.discussion("""
            The file is written atomically with mode 0600 in a 0700 folder, and refused when it would lie inside \
            the vault. Other entries in it are kept. An environment variable (OPENAI_API_KEY, ...) still wins \
            over the file; the result says so.
            """, HelpExamples.providersKey),
        subcommands: [ProvidersKeySet.self, ProvidersKeyClear.self])
}

struct ProvidersKeySet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Store a provider's key, read from standard input or a prompt that does not echo it.",
        discussion: HelpExamples.discussion(
            "The key is never taken from the command line: arguments are visible to every user in `ps`.",
            HelpExamples.providersKeySet))

    @Argument(help: "openai, anthropic or openai-compatible.", completion: .providers) var provider: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let key = try KeyInput.read(prompt: "API key for \(provider) (not shown): ")
        let change = try ProviderKeyCommands.store(vault: options.vault) { try ProviderKeyStore.set(provider, key: key, environment: $0, vaultRoot: $1) }
        ProviderKeyCommands.report(change, json: options.json)
    }
}

struct ProvidersKeyClear: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove a provider's key from the credentials file; other entries stay.",
        discussion: HelpExamples.providersKeyClear)

    @Argument(help: "openai, anthropic or openai-compatible.", completion: .providers) var provider: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let change = try ProviderKeyCommands.store(vault: options.vault) { try ProviderKeyStore.clear(provider, environment: $0, vaultRoot: $1) }
        ProviderKeyCommands.report(change, json: options.json)
    }
}

enum ProviderKeyCommands {
    /// Runs `body` with the vault this command would use, when there is one: the credentials file must not lie
    /// inside it. A key is per user, so no vault at all is fine.
    static func store(vault: String?, _ body: ([String: String], URL?) throws -> ProviderKeyChange) throws -> ProviderKeyChange {
        let environment = ProcessInfo.processInfo.environment
        // A vault named with --vault must open; one merely searched for may be absent.
        let vaultRoot = vault != nil ? try Workspace.open(vaultPath: vault, environment: environment).vault.root
                                     : try? Workspace.open(vaultPath: nil, environment: environment).vault.root
        return try body(environment, vaultRoot)
    }

    static func report(_ change: ProviderKeyChange, json: Bool) {
        if json {
            do { try Output.json(change) } catch { Output.error("error: \(error.localizedDescription)") }
            return
        }
        switch change.action {
        case .set: Output.line("\(change.provider): key saved in \(change.credentialsFile) (mode 0600)")
        case .cleared:
            Output.line(change.changed ? "\(change.provider): key removed from \(change.credentialsFile)"
                                       : "\(change.provider): no key in \(change.credentialsFile); nothing changed")
        }
        if let variable = change.overriddenBy {
            Output.error("note: \(variable) is set in this shell and is used instead of the file until you unset it.")
        }
    }
}

/// Reads a secret: from a terminal with echo turned off, else the whole of standard input (one line; its final
/// line break is dropped).
enum KeyInput {
    static func read(prompt: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
            if haveTerminal {
                var quiet = saved
                quiet.c_lflag &= ~tcflag_t(ECHO)
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            }
            defer {
                if haveTerminal { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return trimmed(readLine(strippingNewline: false) ?? "")
        }
        return trimmed(String(decoding: try BoundedInput.standardInput(limit: ProviderKeyStore.maxKeyLength + 2), as: UTF8.self))
    }

    /// Drops one final line break (what `echo` and a terminal add); anything else is left for Kit to judge.
    static func trimmed(_ text: String) -> String {
        var scalars = String.UnicodeScalarView(text.unicodeScalars)
        if scalars.last == "\n" { scalars.removeLast() }
        if scalars.last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
