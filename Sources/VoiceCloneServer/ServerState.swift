import Foundation
import VoiceCloneVault

/// What every request shares: the configuration, the vault, the port actually bound, the running jobs.
final class ServerState: @unchecked Sendable {
    let configuration: ServerConfiguration
    let vault: VaultAccess
    let jobs = JobRegistry()
    /// The voice pages' figures, kept while the vault's voices are unchanged.
    let figures = FigureCache()
    /// The Write page's local model servers, probed at most every 30 seconds by default (a submit probes again).
    let localServers: LocalServerCache
    private let lock = NSLock()
    private var boundPort: Int

    init(configuration: ServerConfiguration, vault: VaultAccess) {
        self.configuration = configuration
        self.vault = vault
        self.localServers = LocalServerCache(lifetime: configuration.localServerProbeSeconds)
        self.boundPort = configuration.port
    }

    var port: Int {
        get { lock.withLock { boundPort } }
        set { lock.withLock { boundPort = newValue } }
    }

    /// Names a browser may use for this server. A request naming any other host is refused (DNS rebinding).
    var allowedHosts: Set<String> {
        let port = self.port
        var hosts: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        let bound = configuration.host.lowercased()
        hosts.insert(bound.contains(":") && !bound.hasPrefix("[") ? "[\(bound)]:\(port)" : "\(bound):\(port)")
        return hosts
    }

    /// One cookie per port, so two servers on one machine do not overwrite each other's.
    var cookieName: String { "voiceclone_token_\(port)" }

    var startURL: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/?token=\(configuration.token)"
    }
}
