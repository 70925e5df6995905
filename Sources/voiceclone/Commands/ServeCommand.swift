import ArgumentParser
import Foundation
// The one import beyond Kit in the CLI: the server is a peer front end over Kit that `voiceclone serve` only
// launches (docs/architecture.md). No other command file may import anything but Kit, ArgumentParser and Foundation.
import VoiceCloneServer

/// `voiceclone serve`: parses flags and hands them to the server module.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the vault as a local REST API (see openapi.yaml).",
        discussion: HelpExamples.discussion("""
            Listens on 127.0.0.1 and prints a link with a fresh token; open it in a browser (it becomes a \
            cookie) or send `Authorization: Bearer TOKEN` from scripts. The API is at /api, its OpenAPI \
            document at /api/openapi.yaml. Ctrl-C stops it after requests in flight finish.
            """, HelpExamples.serve))

    @Option(help: "Port to listen on (0 picks a free one).") var port = 8421
    @Option(help: ArgumentHelp("Address to listen on. Anything but loopback exposes the vault to the network.", valueName: "address"))
    var host = "127.0.0.1"
    @Flag(help: "Open the link in the default browser.") var open = false
    @Flag(help: "No access log on stderr.") var quiet = false
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port takes 0 to 65535") }
        if host.isEmpty { throw ValidationError("--host needs an address, such as 127.0.0.1") }
    }

    func run() throws {
        let configuration = ServerConfiguration(host: host, port: port, vaultPath: options.vault, quiet: quiet)
        let server = try APIServer(configuration: configuration)
        if !configuration.isLoopback {
            Output.error("warning: listening on \(host): anyone who can reach this address and learns the token can read and change the vault. "
                + "Traffic is not encrypted. Use 127.0.0.1 unless you mean it.")
        }
        let json = options.json, openBrowser = open, vault = server.vaultRoot.path
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do {
                try await server.run { address in
                    if json {
                        try? Output.json(ServeReady(url: address.startURL, host: address.host, port: address.port, vault: vault))
                    } else {
                        // Written at once, unbuffered: scripts wait for this line to find the port.
                        let text = "Voice Clone is serving \(vault)\nOpen \(address.startURL)\n"
                            + "API: http://\(address.host):\(address.port)/api (OpenAPI at /api/openapi.yaml). Ctrl-C stops.\n"
                        FileHandle.standardOutput.write(Data(text.utf8))
                    }
                    if openBrowser { Self.openInBrowser(address.startURL) }
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Output.error("warning: could not open a browser; open the link above yourself.") }
    }

    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

/// `serve --json`: one line once the server listens.
struct ServeReady: Encodable {
    var url: String
    var host: String
    var port: Int
    var vault: String
}
