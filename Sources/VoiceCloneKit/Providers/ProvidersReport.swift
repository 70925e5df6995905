import VoiceCloneProviders

/// `voiceclone providers`: what generation can use on this machine. Keys are reported as present or absent,
/// with where they come from; their values never leave the process.
public struct ProvidersReport: Encodable, Sendable {
    public struct Configured: Encodable, Sendable {
        public var provider: String
        /// Whether a key was found, and where (`OPENAI_API_KEY`, the credentials file); never the key.
        public var keyPresent: Bool
        public var keySource: String?
        public var baseURL: String?
        public var defaultModel: String?
        /// Whether `--provider auto` would pick it (a remote provider with what it needs to send).
        public var usable: Bool

        enum CodingKeys: String, CodingKey {
            case provider, usable
            case keyPresent = "key_present"
            case keySource = "key_source"
            case baseURL = "base_url"
            case defaultModel = "default_model"
        }
    }

    public var configured: [Configured]
    /// Local servers that answered `GET /v1/models`, with their models.
    public var localServers: [LocalServer]
    /// The ports probed (`VOICECLONE_LOCAL_PORTS` overrides them).
    public var probedPorts: [Int]
    /// The vault's `default_provider`.
    public var vaultDefault: String
    /// What `--provider auto` would use now, in words.
    public var auto: String

    enum CodingKeys: String, CodingKey {
        case configured, auto
        case localServers = "local_servers"
        case probedPorts = "probed_ports"
        case vaultDefault = "vault_default"
    }
}

/// The outcome of `--provider auto`: a configured remote provider, else a local server that answers, else the
/// offline engine.
public enum AutoProviderChoice: Sendable, Equatable {
    case remote(ProviderKind)
    case localServer(LocalServer)
    case offline

    /// One line saying what was chosen and why.
    public var description: String {
        switch self {
        case .remote(let kind): "\(kind.rawValue) (its key is configured)"
        case .localServer(let server):
            "the \(server.name) server at \(server.baseURL)" + (server.models.first.map { " (model \($0))" } ?? "")
                + ", found on this machine"
        case .offline: "the offline engine (no remote provider is configured and no local model server answered)"
        }
    }
}
