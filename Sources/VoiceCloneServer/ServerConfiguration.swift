import Foundation

/// What `voiceclone serve` was asked for. Everything has a safe default: loopback only, a fresh token.
public struct ServerConfiguration: Sendable {
    /// Where to listen. Anything but a loopback address exposes the vault to the network.
    public var host: String
    /// 0 asks the system for a free port; the bound one is reported when the server is ready.
    public var port: Int
    /// The vault, as `--vault` gives it (nil: `$VOICECLONE_VAULT`, then the nearest parent vault).
    public var vaultPath: String?
    /// No access log on stderr.
    public var quiet: Bool
    /// The secret a client must present. Random per launch unless a test fixes it.
    public var token: String
    /// The largest JSON request body.
    public var maxJSONBytes: Int
    /// The largest upload (all files of one multipart request together).
    public var maxUploadBytes: Int
    /// How long a write waits for the vault lock held by another process before answering 409.
    public var lockWaitSeconds: Double
    /// The environment Kit reads provider keys and settings from.
    public var environment: [String: String]
    /// Where access-log lines go (default: stderr). Tests read them here.
    public var accessLogSink: (@Sendable (String) -> Void)?
    /// How long the Write page keeps the local model servers a probe found (a form's submit always probes again).
    public var localServerProbeSeconds: Double = 30

    public init(host: String = "127.0.0.1", port: Int = 8421, vaultPath: String? = nil, quiet: Bool = false,
                token: String = LaunchToken.random(), maxJSONBytes: Int = 1 << 20, maxUploadBytes: Int = 32 << 20,
                lockWaitSeconds: Double = 2, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.host = host
        self.port = port
        self.vaultPath = vaultPath
        self.quiet = quiet
        self.token = token
        self.maxJSONBytes = maxJSONBytes
        self.maxUploadBytes = maxUploadBytes
        self.lockWaitSeconds = lockWaitSeconds
        self.environment = environment
    }

    /// Loopback hosts need no warning; every other bind address does.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}
