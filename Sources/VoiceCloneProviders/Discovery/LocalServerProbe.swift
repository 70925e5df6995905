import Foundation
import VoiceCloneHTTP
import VoiceCloneText

/// A language-model server answering on this machine, found by ``LocalServerProbe``.
public struct LocalServer: Encodable, Sendable, Equatable {
    /// What usually listens on that port: `ollama`, `lm-studio`, `llama.cpp`, `vllm` (or `server` for a port
    /// given without a name).
    public var name: String
    public var port: Int
    /// The API root to use as `--base-url`: `http://127.0.0.1:PORT/v1`.
    public var baseURL: String
    /// The models it lists, in its order.
    public var models: [String]

    enum CodingKeys: String, CodingKey {
        case name, port, models
        case baseURL = "base_url"
    }
}

/// Looks for OpenAI-compatible servers on the usual local ports by asking each for `GET /v1/models`, on 127.0.0.1
/// only, with short timeouts and no credentials of any kind (a key is never offered to a server just because it
/// answers). The ports can be replaced with `VOICECLONE_LOCAL_PORTS` (`ollama=11434,llama.cpp=8080`, or bare
/// ports), which tests use to point the probe at a fake server.
public struct LocalServerProbe: Sendable {
    /// The usual ports: Ollama, LM Studio, llama.cpp's `llama-server`, vLLM.
    public static let defaultPorts: [(name: String, port: Int)] = [
        ("ollama", 11434), ("lm-studio", 1234), ("llama.cpp", 8080), ("vllm", 8000),
    ]
    /// The environment variable replacing ``defaultPorts``.
    public static let portsVariable = "VOICECLONE_LOCAL_PORTS"

    public var ports: [(name: String, port: Int)]
    /// Seconds to wait for a connection, and for the whole answer.
    public var connectTimeout: TimeInterval
    public var totalTimeout: TimeInterval

    public init(environment: [String: String], connectTimeout: TimeInterval = 0.3, totalTimeout: TimeInterval = 1.5) {
        ports = Self.ports(from: environment[Self.portsVariable]) ?? Self.defaultPorts
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
    }

    /// `ollama=11434,9000` → [("ollama", 11434), ("server", 9000)]; `nil` when unset or empty (an unreadable
    /// entry is skipped rather than failing: discovery is a convenience).
    static func ports(from value: String?) -> [(name: String, port: Int)]? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var out: [(String, Int)] = []
        for item in value.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let (name, portText) = parts.count == 2 ? (parts[0], parts[1]) : ("server", parts[0])
            if let port = Int(portText), (1...65535).contains(port) { out.append((name.isEmpty ? "server" : name, port)) }
        }
        return out
    }

    /// Every port that answers with a model list, in the order of `ports`; all probes run at once.
    public func probe() -> [LocalServer] {
        let found = ParallelMap.map(ports.count) { index -> LocalServer? in
            let (name, port) = ports[index]
            return Self.ask(name: name, port: port, connectTimeout: connectTimeout, totalTimeout: totalTimeout)
        }
        return found.compactMap { $0 }
    }

    static func ask(name: String, port: Int, connectTimeout: TimeInterval, totalTimeout: TimeInterval) -> LocalServer? {
        let root = "http://127.0.0.1:\(port)/v1"
        let request = HTTPRequest(url: root + "/models", connectTimeout: connectTimeout, totalTimeout: totalTimeout,
                                  maxRedirects: 0, maxBodyBytes: 1_048_576, allowedSchemes: ["http"])
        guard let response = try? HTTPClient().send(request), response.isSuccess else { return nil }
        let json = JSONPath(data: response.body)
        guard json.isObject, let list = json["data"].array else { return nil }
        let models = list.compactMap { $0["id"].string }.filter { !$0.isEmpty }
        return LocalServer(name: name, port: port, baseURL: root, models: models)
    }
}
