import Foundation

/// Runs the built `voiceclone` binary, as a user or a script would.
public enum CLI {
    /// The binary SwiftPM built next to the test bundle.
    public static var binary: String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("voiceclone"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("voiceclone"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/voiceclone"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? candidates[0].path
    }

    @discardableResult
    public static func run(_ args: [String], in directory: URL? = nil, vault: URL? = nil, stdin: Data? = nil,
                           environment extra: [String: String] = [:], timeout: TimeInterval = 120) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VOICECLONE_VAULT")
        for (k, v) in extra { env[k] = v }
        if let vault { env["VOICECLONE_VAULT"] = vault.path }
        return try ProcessRunner.run(binary, args, in: directory, environment: env, stdin: stdin, timeout: timeout)
    }

    /// Runs and decodes stdout as JSON.
    public static func json(_ args: [String], vault: URL? = nil, stdin: Data? = nil, in directory: URL? = nil) throws -> Any {
        let result = try run(args + ["--json"], in: directory, vault: vault, stdin: stdin)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }
}
