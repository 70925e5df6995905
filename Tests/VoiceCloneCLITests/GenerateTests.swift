import Foundation
import Testing
import VoiceCloneTestSupport

/// `generate` and `library` end to end, through the built binary.
@Suite struct GenerateTests {
    static let key = "sk-cli-test-KEY-00112233445566"

    static let samples = [
        "I planted the garlic late again. Every October I promise myself I'll do it on time, and every October the rain has other plans. So the cloves went in on a grey Sunday in November, cold fingers, muddy knees.\n\nIt'll be fine. Garlic is forgiving. It sits in the dark all winter and thinks about things, and in spring it pushes up green shoots as if nothing happened.",
        "Tomatoes are a lesson in humility. You can do everything right — the feeding, the pinching, the careful watering at dusk — and still lose the lot to blight in a wet August.\n\nI've stopped taking it personally. The garden isn't a test I pass or fail. It's a conversation, and sometimes the other side doesn't feel like talking.",
        "People ask me what the secret is. There isn't one. There's compost, and there's showing up.\n\nCompost is the unglamorous heart of it. Kitchen scraps, grass clippings, the leaves nobody wants — you pile them up, you turn them now and then, and a year later you've got dark crumbly soil that smells like a forest after rain.",
        "My neighbour grows dahlias the size of dinner plates. I grow dahlias the size of teacups, and I'm strangely proud of them.\n\nWe compare notes over the fence. She swears by banana skins. I swear by neglect. Neither of us is entirely right, and neither of us will ever admit it.",
        "Winter is when the real planning happens. Seed catalogues on the kitchen table, a pencil behind my ear, grand schemes for raised beds I'll never build.\n\nI draw the same map every January. Beans here, squash there, a new bed for herbs by the back door. By May the map is forgotten and I'm planting wherever there's a gap.",
    ]

    /// An initialised vault with the clone `wren-hale`, and an environment with no credentials of the user's own.
    static func vault() throws -> (TemporaryDirectory, URL, [String: String]) {
        let dir = TemporaryDirectory("cli-gen")
        let vault = dir.file("vault")
        try CLI.run(["init", vault.path])
        try CLI.run(["clone", "create", "Wren Hale"], vault: vault)
        var files: [String] = []
        for (i, text) in samples.enumerated() { files.append(try dir.write("n\(i).md", text).path) }
        let added = try CLI.run(["sample", "add", "wren-hale"] + files, vault: vault)
        #expect(added.status == 0, "\(added.stderr)")
        let env = ["XDG_CONFIG_HOME": dir.file("xdg").path, "HOME": dir.file("home").path, "OPENAI_API_KEY": "",
                   "ANTHROPIC_API_KEY": "", "OPENAI_BASE_URL": "", "ANTHROPIC_BASE_URL": ""]
        return (dir, vault, env)
    }

    static func json(_ r: ProcessResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
    }

    @Test func localGenerationIsReproducibleAndReportsEverything() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let args = ["generate", "wren-hale", "--platform", "x", "--prompt", "garlic in the rain", "--seed", "21", "--engine", "remix",
                    "--json"]
        let a = try CLI.run(args, vault: vault, environment: env)
        let b = try CLI.run(args, vault: vault, environment: env)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let piece = try #require(try Self.json(a) as? [String: Any])
        for key in ["text", "provider", "model", "dna_version", "platform", "checks", "longest_copied_run", "warnings",
                    "seed", "voice_match"] {
            #expect(piece.keys.contains(key), "--json lacks \(key)")
        }
        #expect((0...100).contains(piece["ai_likeness"] as? Int ?? -1))
        #expect(piece["rounds"] is NSNull, "rounds is null without --refine")
        #expect(piece["provider"] as? String == "local")
        #expect(piece["seed"] as? Int == 21)
        #expect((piece["text"] as? String ?? "").count <= 280)
        #expect((piece["longest_copied_run"] as? Int ?? 99) < 12)

        // Plain output: the piece on stdout, provenance on stderr.
        let plain = try CLI.run(["generate", "wren-hale", "--prompt", "garlic", "--seed", "21", "--engine", "remix", "--no-stream"],
                                vault: vault, environment: env)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("voice match"))
        #expect(plain.stderr.contains("local · kneser-ney-4gram · generic"))
    }

    @Test func saveThenLibraryCommands() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let r = try CLI.run(["generate", "wren-hale", "--platform", "blog", "--prompt", "Compost, again", "--variants", "2",
                             "--seed", "8", "--save", "--json"], vault: vault, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let pieces = try #require(try Self.json(r) as? [[String: Any]])
        #expect(pieces.count == 2)
        let ids = pieces.compactMap { ($0["saved"] as? [String: Any])?["id"] as? String }
        #expect(ids.count == 2)
        #expect(ids[0].hasSuffix("-wren-hale-compost-again"))

        let list = try #require(try CLI.json(["library", "list", "--clone", "wren-hale", "--status", "draft"], vault: vault) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["provider"] as? String == "local")
        let table = try CLI.run(["library", "list"], vault: vault)
        #expect(table.stdout.contains("ID") && table.stdout.contains(ids[0]))

        let shown = try #require(try CLI.json(["library", "show", ids[0]], vault: vault) as? [String: Any])
        #expect(shown["text"] as? String == pieces[0]["text"] as? String)
        #expect(shown["prompt"] as? String == "Compost, again")
        #expect(shown["seed"] as? Int == 8)

        let hits = try #require(try CLI.json(["library", "search", "compost"], vault: vault) as? [[String: Any]])
        #expect(hits.count == 2)

        var status = try CLI.run(["library", "set-status", ids[1], "published"], vault: vault)
        #expect(status.status == 0)
        #expect(status.stdout.contains("is published"))
        status = try CLI.run(["library", "set-status", ids[1], "archived"], vault: vault)
        #expect(status.status == 2)
        let published = try #require(try CLI.json(["library", "list", "--status", "published"], vault: vault) as? [[String: Any]])
        #expect(published.map { $0["id"] as? String } == [ids[1]])

        let refused = try CLI.run(["library", "delete", ids[1]], vault: vault)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--yes"))
        #expect(try CLI.run(["library", "delete", ids[1], "--yes"], vault: vault).status == 0)
        let missing = try CLI.run(["library", "show", ids[1]], vault: vault)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("library list"))
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault).isEmpty)
    }

    @Test func dryRunPrintsTheRequestAndSendsNothing() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        var withKey = env
        withKey["OPENAI_API_KEY"] = Self.key
        withKey["OPENAI_BASE_URL"] = server.url("/v1")
        let r = try CLI.run(["generate", "wren-hale", "--provider", "openai",
                             "--prompt", "garlic", "--temperature", "0.4", "--dry-run"], vault: vault, environment: withKey)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.requests.isEmpty)
        #expect(r.stdout.hasPrefix("POST \(server.url("/v1/chat/completions"))"))
        #expect(r.stdout.contains("Authorization: Bearer [redacted]"))
        #expect(r.stdout.contains("\"temperature\": 0.4"))
        #expect(r.stdout.contains("Do not invent facts"))
        #expect(!r.stdout.contains(Self.key) && !r.stderr.contains(Self.key))
        #expect(r.stderr.contains("nothing was sent"))

        let asJSON = try #require(try Self.json(try CLI.run(
            ["generate", "wren-hale", "--provider", "anthropic", "--prompt", "garlic", "--dry-run", "--json"],
            vault: vault, environment: env)) as? [String: Any])
        #expect(asJSON["dry_run"] as? Bool == true)
        let requests = try #require(asJSON["requests"] as? [[String: Any]])
        #expect(requests.first?["url"] as? String == "https://api.anthropic.com/v1/messages")
    }

    @Test func remoteStreamingThroughACompatibleServer() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIStream(["The garlic ", "went in late. ", "It always does."], model: "llama3"))
        var local = env
        local["OPENAI_API_KEY"] = Self.key
        let r = try CLI.run(["generate", "wren-hale", "--provider", "openai-compatible", "--base-url", server.url("/v1"),
                             "--model", "llama3", "--prompt", "garlic", "--stream", "--save"], vault: vault, environment: local)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "The garlic went in late. It always does.\n")
        #expect(r.stderr.contains("openai-compatible · llama3"))
        #expect(r.stderr.contains("saved to library/"))
        let sent = try #require(server.requests.first)
        #expect(sent.header("Authorization") == nil, "OpenAI's key is never sent to another server")
        #expect(sent.jsonObject?["stream"] as? Bool == true)
        let log = try ProcessRunner.git(["log", "-p", "-1"], in: vault)
        #expect(log.contains("provider: openai-compatible") && !log.contains(Self.key))
    }

    @Test func anExplicitBaseURLNeverReceivesTheCloudKey() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Garlic went in late. It always does.", model: "gpt-4.1-mini"))
        var withKey = env
        withKey["OPENAI_API_KEY"] = Self.key
        var r = try CLI.run(["generate", "wren-hale", "--provider", "openai", "--base-url", server.url("/v1"),
                             "--prompt", "garlic"], vault: vault, environment: withKey)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.requests.first?.header("Authorization") == nil, "OpenAI's key stays with OpenAI")
        #expect(r.stderr.contains("OPENAI_API_KEY was not sent") && r.stderr.contains("OPENAI_COMPATIBLE_API_KEY"))
        #expect(!r.stderr.contains(Self.key) && !r.stdout.contains(Self.key))

        withKey["OPENAI_COMPATIBLE_API_KEY"] = "local-server-token"
        r = try CLI.run(["generate", "wren-hale", "--provider", "openai", "--base-url", server.url("/v1"),
                         "--prompt", "garlic"], vault: vault, environment: withKey)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.requests.last?.header("Authorization") == "Bearer local-server-token")
    }

    @Test func errorsAreClearAndExitCodesRight() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        var r = try CLI.run(["generate", "wren-hale"], vault: vault, environment: env)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--prompt"))
        r = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--provider", "gemini"], vault: vault, environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown provider \"gemini\""))
        r = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--provider", "openai"], vault: vault, environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("OPENAI_API_KEY"))
        r = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--dry-run"], vault: vault, environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("local engine sends nothing"))

        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIError(401, message: "Incorrect API key provided: \(Self.key)", code: "invalid_api_key"))
        var withKey = env
        withKey["OPENAI_API_KEY"] = Self.key
        withKey["OPENAI_BASE_URL"] = server.url("/v1")
        r = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--provider", "openai"],
                        vault: vault, environment: withKey)
        #expect(r.status == 1)
        #expect(r.stderr.contains("rejected the API key from OPENAI_API_KEY"))
        #expect(!r.stderr.contains(Self.key) && !r.stdout.contains(Self.key))
    }

    @Test func ctrlCStopsAWaitingRequest() throws {
        let (dir, vault, env) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .stall(30))
        var local = env
        local["VOICECLONE_VAULT"] = vault.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["generate", "wren-hale", "--provider", "openai-compatible", "--base-url", server.url("/v1"),
                             "--model", "m", "--prompt", "garlic", "--save"]
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in local { environment[k] = v }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while server.requests.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!server.requests.isEmpty, "the request never reached the server")
        process.interrupt()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("cancelled"))
        let library = (try? FileManager.default.contentsOfDirectory(atPath: vault.appendingPathComponent("library").path)) ?? []
        #expect(library.filter { $0.hasSuffix(".md") }.isEmpty, "nothing is saved after Ctrl-C")
    }
}
