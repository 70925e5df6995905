import Foundation
import VoiceCloneProviders

/// Language-model providers (`workspace.providers`): which remote providers are configured, the local servers
/// that answer, what `--provider auto` picks, and the API keys in the user's credentials file (never in the
/// vault). Owns nothing in the vault.
public struct ProviderService: WorkspaceService {
    let session: Workspace
}

extension ProviderService {
    /// `voiceclone providers`: the remote providers and whether their keys are present, the local servers
    /// answering on the usual ports, and what `--provider auto` would choose.
    public func list() -> ProvidersReport {
        list(found: probeLocalServers())
    }

    /// `list()` with the local model servers an earlier `probeLocalServers()` found, so a front end that
    /// shows the list often (the web app's Write page) can keep a probe for a short while. Keys, endpoints and the
    /// vault's default are read now.
    public func list(found probe: LocalServerScan) -> ProvidersReport {
        let configured = configuredProviders()
        let choice = Self.chooseAuto(configured: configured, servers: probe.servers)
        return ProvidersReport(configured: configured, localServers: probe.servers, probedPorts: probe.probedPorts,
                               vaultDefault: config.defaultProvider, auto: choice.description)
    }

    /// Asks the usual local model server ports (or `VOICECLONE_LOCAL_PORTS`) which answer now, all at once.
    public func probeLocalServers() -> LocalServerScan {
        let probe = LocalServerProbe(environment: environment)
        return LocalServerScan(servers: probe.probe(), probedPorts: probe.ports.map(\.port))
    }

    /// Each remote provider with what this run can see of it: a key (present or not, and where), an endpoint.
    func configuredProviders() -> [ProvidersReport.Configured] {
        let resolver = ProviderResolver(environment: environment)
        let credentials = try? ProviderCredentials.load(path: resolver.credentialsPath)
        return ProviderKind.allCases.filter(\.isRemote).map { kind in
            var key: APIKey?
            if let variable = kind.keyVariable { key = APIKey(environment[variable], source: variable) }
            if key == nil { key = credentials?.entry(for: kind)?.apiKey }
            var url = kind == .openai || kind == .anthropic ? kind.baseURLVariable.flatMap { environment[$0] }.flatMap(Self.nonEmpty) : nil
            if url == nil { url = credentials?.entry(for: kind)?.baseURL.flatMap(Self.nonEmpty) }
            let usable = kind.requiresKey ? key != nil : url != nil
            return ProvidersReport.Configured(
                provider: kind.rawValue, keyPresent: key != nil, keySource: key?.source, baseURL: url ?? kind.defaultBaseURL,
                defaultModel: kind.defaultModel, usable: usable)
        }
    }

    /// `--provider auto`: OpenAI, then Anthropic, then a configured compatible endpoint; else the first local
    /// server that answers; else the offline engine.
    static func chooseAuto(configured: [ProvidersReport.Configured], servers: [LocalServer]) -> AutoProviderChoice {
        for name in [ProviderKind.openai, .anthropic, .openAICompatible] {
            if configured.contains(where: { $0.provider == name.rawValue && $0.usable }) { return .remote(name) }
        }
        if let server = servers.first(where: { !$0.models.isEmpty }) ?? servers.first { return .localServer(server) }
        return .offline
    }

    /// Resolves `auto` for one command; probes local ports only when no remote provider is configured.
    func resolveAutoProvider() -> AutoProviderChoice {
        let configured = configuredProviders()
        if case .remote(let kind) = Self.chooseAuto(configured: configured, servers: []) { return .remote(kind) }
        return Self.chooseAuto(configured: configured, servers: LocalServerProbe(environment: environment).probe())
    }

    private static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

/// The local model servers one probe found, and the ports it asked.
public struct LocalServerScan: Sendable, Equatable {
    public var servers: [LocalServer]
    public var probedPorts: [Int]

    public init(servers: [LocalServer], probedPorts: [Int]) {
        self.servers = servers
        self.probedPorts = probedPorts
    }
}
