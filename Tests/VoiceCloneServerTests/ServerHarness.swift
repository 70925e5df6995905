import Foundation
import VoiceCloneKit
import VoiceCloneServer
import VoiceCloneTestSupport

/// A real server on 127.0.0.1, on a port the system picked, over a fresh vault; stopped by `stop()`.
final class ServerHarness: @unchecked Sendable {
    let vault: TestVault
    let port: Int
    let token: String
    let client: RawHTTPClient
    private let task: Task<Void, any Error>
    private let scratch = TemporaryDirectory("serve-env")

    static func start(vault: TestVault? = nil, _ adjust: (inout ServerConfiguration) -> Void = { _ in }) async throws -> ServerHarness {
        try await ServerHarness(vault: vault ?? TestVault(), adjust)
    }

    private init(vault: TestVault, _ adjust: (inout ServerConfiguration) -> Void) async throws {
        self.vault = vault
        // Pages that list providers probe for local model servers: only port 1 (closed), unless a test starts one,
        // so a model server someone runs on this machine never changes what a test sees.
        let environment = ["XDG_CONFIG_HOME": scratch.file("xdg").path, "HOME": scratch.file("home").path,
                           "VOICECLONE_LOCAL_PORTS": "1"]
        var configuration = ServerConfiguration(port: 0, vaultPath: vault.root.path, quiet: true, environment: environment)
        adjust(&configuration)
        token = configuration.token
        let server = try APIServer(configuration: configuration)
        let (ready, readyContinuation) = AsyncStream<ServerAddress>.makeStream()
        task = Task {
            try await server.run(handleSignals: false) { address in
                readyContinuation.yield(address)
                readyContinuation.finish()
            }
        }
        var iterator = ready.makeAsyncIterator()
        guard let address = await iterator.next() else { throw RawHTTPClient.ClientError("the server did not start") }
        port = address.port
        client = RawHTTPClient(port: port)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    var bearer: (String, String) { ("Authorization", "Bearer \(token)") }
    /// The server's XDG_CONFIG_HOME, where a key set over the API is written.
    var configHome: String { scratch.file("xdg").path }
    var origin: (String, String) { ("Origin", "http://127.0.0.1:\(port)") }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> RawHTTPClient.Reply {
        try await client.send("GET", path, headers: [bearer] + headers)
    }

    func delete(_ path: String) async throws -> RawHTTPClient.Reply {
        try await client.send("DELETE", path, headers: [bearer])
    }

    func send(_ method: String, _ path: String, json: Any, headers: [(String, String)] = []) async throws -> RawHTTPClient.Reply {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await client.send(method, path, headers: [bearer, ("Content-Type", "application/json")] + headers, body: body)
    }

    func post(_ path: String, json: Any, headers: [(String, String)] = []) async throws -> RawHTTPClient.Reply {
        try await send("POST", path, json: json, headers: headers)
    }

    /// A multipart body with one part per file, plus plain fields.
    func upload(_ path: String, files: [(name: String, data: Data)], fields: [String: String] = [:]) async throws -> RawHTTPClient.Reply {
        let boundary = "----vc-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await client.send("POST", path, headers: [bearer, ("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    /// Kit's own answer, encoded the way the CLI's `--json` encodes it, for comparing shapes and values.
    static func cliJSON<T: Encodable>(_ value: T) throws -> Any {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try JSONSerialization.jsonObject(with: encoder.encode(value))
    }

    /// Two writers with three samples each, committed.
    func addTwoWriters() throws {
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Terse Tom")
        _ = try ws.clones.create(name: "Ornate Olive")
        for i in 0..<3 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", "---\ntitle: T\(i)\ncontent_type: blog\n---\n" + StyledText.terse(UInt64(i)))
            try vault.writeSample(clone: "ornate-olive", name: "o\(i).md", "---\ntitle: O\(i)\ncontent_type: essay\n---\n" + StyledText.ornate(UInt64(i)))
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
    }
}

/// Two parsed JSON values are equal when they serialise to the same bytes with sorted keys.
func jsonEqual(_ a: Any, _ b: Any) -> Bool {
    func canonical(_ value: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }
    guard let left = canonical(a), let right = canonical(b) else { return false }
    return left == right
}
