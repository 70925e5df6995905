import ArgumentParser
import VoiceCloneKit

/// `voiceclone providers`: what `generate` can write with on this machine.
struct ProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "List language-model providers: configured ones, which keys are present, and local servers that answer.",
        discussion: HelpExamples.discussion("""
            Remote providers are listed with whether a key is present and where it comes from (an environment \
            variable or ~/.config/voiceclone/credentials.yaml); key values are never shown. Local servers are found \
            by asking GET /v1/models on 127.0.0.1 at the usual ports (Ollama 11434, LM Studio 1234, llama.cpp \
            8080, vLLM 8000) with short timeouts; VOICECLONE_LOCAL_PORTS replaces the ports \
            (for example ollama=11434,9000). No key is ever sent to a local server. The last line says what \
            --provider auto would use.
            `voiceclone providers key set PROVIDER` stores a key in the credentials file (read from standard input \
            or a prompt that does not echo it, never from the command line, which other users can see in `ps`); \
            `voiceclone providers key clear PROVIDER` removes it.
            """, HelpExamples.providers),
        subcommands: [ProvidersKeyCommand.self])

    @OptionGroup var options: VaultOptions

    func run() throws {
        let report = try options.workspace().providers.list()
        if options.json { return try Output.json(report) }
        Output.line("Remote providers:")
        for p in report.configured {
            let key = p.keyPresent ? "key present (\(p.keySource ?? "configured"))" : "no key"
            Output.line("  \(p.provider): \(key)" + (p.baseURL.map { ", \($0)" } ?? ", no endpoint set")
                + (p.defaultModel.map { ", default model \($0)" } ?? "") + (p.usable ? "" : " — not usable yet"))
        }
        if report.localServers.isEmpty {
            Output.line("Local servers: none answered on ports \(report.probedPorts.map(String.init).joined(separator: ", ")).")
        } else {
            Output.line("Local servers:")
            for s in report.localServers {
                let models = s.models.isEmpty ? "no models listed" : s.models.prefix(8).joined(separator: ", ")
                    + (s.models.count > 8 ? ", … (\(s.models.count) in all)" : "")
                Output.line("  \(s.name) at \(s.baseURL): \(models)")
            }
        }
        Output.line("Vault default: \(report.vaultDefault)")
        Output.line("--provider auto would use \(report.auto).")
    }
}
