import Foundation
import VoiceCloneProviders

extension Workspace {
    /// `voiceclone providers`: the remote providers and whether their keys are present, the local servers
    /// answering on the usual ports, and what `--provider auto` would choose.
    public func providers() -> ProvidersReport {
        let probe = LocalServerProbe(environment: environment)
        let servers = probe.probe()
        let configured = configuredProviders()
        let choice = Self.chooseAuto(configured: configured, servers: servers)
        return ProvidersReport(configured: configured, localServers: servers, probedPorts: probe.ports.map(\.port),
                               vaultDefault: config.defaultProvider, auto: choice.description)
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
