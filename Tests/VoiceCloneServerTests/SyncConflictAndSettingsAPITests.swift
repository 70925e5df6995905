import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// `GET /api/sync/conflicts`, `POST /api/sync/conflicts/resolve` and `GET`/`PUT /api/settings` over loopback:
/// the same Kit calls as the Sync and Settings pages and `voiceclone sync conflicts/resolve`, `settings [set]`.
@Suite struct SyncConflictAndSettingsAPITests {
    /// The server's vault and another machine both edit `terse-tom/t0.md`; the API's sync keeps both copies.
    static func conflicted(_ server: ServerHarness) async throws -> (remote: TemporaryDirectory, machine: TemporaryDirectory) {
        let remote = TemporaryDirectory("api-remote")
        let bare = remote.file("shared.git")
        _ = try ProcessRunner.git(["init", "--bare", "--initial-branch=main", bare.path], in: remote.url)
        try server.addTwoWriters()
        #expect(try await server.post("/api/remotes", json: ["name": "origin", "url": bare.path]).status == 201)
        #expect(try await server.client.send("POST", "/api/sync", headers: [server.bearer]).status == 200)
        let machine = TemporaryDirectory("api-machine-b")
        let other = machine.file("vault")
        _ = try ProcessRunner.git(["clone", "-q", bare.path, other.path], in: machine.url)
        try SyncFixture.gitCommitAndPush(in: other, file: "clones/terse-tom/samples/t0.md",
                                         text: "---\ntitle: T0\ncontent_type: blog\n---\nThe other machine's words.\n", message: "edit t0 there")
        try server.vault.writeSample(clone: "terse-tom", name: "t0.md", "---\ntitle: T0\ncontent_type: blog\n---\nThis machine's words.\n")
        let merged = try await server.client.send("POST", "/api/sync", headers: [server.bearer])
        #expect(merged.status == 200, "\(merged.text)")
        #expect(try merged.object()["outcome"] as? String == "merged")
        return (remote, machine)
    }

    @Test func conflictsAreListedWithBothTextsAndResolvedOnlyAsAsked() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        #expect(try await server.get("/api/sync/conflicts").array().isEmpty)
        let fixture = try await Self.conflicted(server)
        _ = fixture

        let listed = try await server.get("/api/sync/conflicts")
        #expect(listed.status == 200)
        let conflicts = try listed.array()
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict["clone"] as? String == "terse-tom" && conflict["sample_id"] as? String == "t0")
        #expect(conflict["path"] as? String == "clones/terse-tom/samples/t0.md")
        let localCopy = try #require(conflict["local_copy"] as? String)
        #expect(localCopy.hasPrefix("clones/terse-tom/samples/t0.local-"))
        #expect(conflict["theirs"] as? String == "The other machine's words.\n" && conflict["mine"] as? String == "This machine's words.\n")
        #expect(jsonEqual(try listed.json(), try ServerHarness.cliJSON(server.vault.workspace().sync.conflicts())), "the CLI's shape")

        // Refusals change nothing: an unknown choice (422), a path that is no conflict copy (404), a body that is not JSON.
        let head = try server.vault.git("rev-parse", "HEAD")
        let neither = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "keep": "neither"])
        #expect(neither.status == 422 && neither.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(try neither.object()["detail"] as? String ?? "" == "\"keep\" is mine, theirs or both; got \"neither\".")
        let empty = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": "", "keep": "mine"])
        #expect(empty.status == 422)
        let notACopy = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": "clones/terse-tom/samples/t0.md", "keep": "mine"])
        #expect(try notACopy.status == 404 && (notACopy.object()["detail"] as? String ?? "").contains("is not a sync conflict copy"))
        let escape = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": "../../etc/passwd", "keep": "mine"])
        #expect(escape.status == 404)
        let missingKeep = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy])
        #expect(missingKeep.status == 400)
        // Or by the sample's id, as listed (`needs` absent: the id alone names it); never both, never neither.
        #expect(conflict["needs"] == nil)
        let both = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "sample_id": "t0", "keep": "mine"])
        #expect(try both.status == 422 && (both.object()["detail"] as? String ?? "").contains("not both"), "\(both.text)")
        let neitherName = try await server.post("/api/sync/conflicts/resolve", json: ["keep": "mine"])
        #expect(neitherName.status == 422)
        let cloneWithCopy = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "clone": "terse-tom", "keep": "mine"])
        #expect(cloneWithCopy.status == 422)
        let unknownID = try await server.post("/api/sync/conflicts/resolve", json: ["sample_id": "t9", "keep": "mine"])
        #expect(try unknownID.status == 404 && (unknownID.object()["detail"] as? String ?? "").contains("no sync conflict is waiting on a sample t9"))
        let otherClone = try await server.post("/api/sync/conflicts/resolve", json: ["sample_id": "t0", "clone": "ornate-olive", "keep": "mine"])
        #expect(otherClone.status == 404)
        let form = try await server.client.send("POST", "/api/sync/conflicts/resolve", headers: [server.bearer, ("Content-Type", "application/x-www-form-urlencoded")],
                                                body: Data("local_copy=x&keep=mine".utf8))
        #expect(form.status == 415)
        let unauthenticated = try await server.client.send("GET", "/api/sync/conflicts")
        #expect(unauthenticated.status == 401)
        #expect(try server.vault.git("rev-parse", "HEAD") == head)

        // Someone deletes the remote's copy: there is no "theirs" left to keep (409), but "mine" still works.
        _ = try server.vault.git("rm", "-q", "clones/terse-tom/samples/t0.md")
        _ = try server.vault.git("commit", "-qm", "remove t0")
        let orphan = try #require(try await server.get("/api/sync/conflicts").array().first)
        #expect(orphan["theirs"] == nil && orphan["mine"] as? String == "This machine's words.\n")
        let afterRemoval = try server.vault.git("rev-parse", "HEAD")
        let theirs = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "keep": "theirs"])
        #expect(try theirs.status == 409 && (theirs.object()["detail"] as? String ?? "").contains("is gone"), "\(theirs.text)")
        let theirsByID = try await server.post("/api/sync/conflicts/resolve", json: ["sample_id": "t0", "clone": "terse-tom", "keep": "theirs"])
        #expect(try theirsByID.status == 409 && (theirsByID.object()["detail"] as? String ?? "").contains("is gone"), "the id reaches the same conflict")
        #expect(try server.vault.git("rev-parse", "HEAD") == afterRemoval)

        let mine = try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "keep": "mine"])
        #expect(mine.status == 200, "\(mine.text)")
        let resolution = try mine.object()
        #expect(resolution["choice"] as? String == "mine" && resolution["sample_id"] as? String == "t0")
        #expect(resolution["written"] as? [String] == ["clones/terse-tom/samples/t0.md"] && resolution["removed"] as? [String] == [localCopy])
        let kept = try String(contentsOf: server.vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md"), encoding: .utf8)
        #expect(kept == "---\ntitle: T0\ncontent_type: blog\n---\nThis machine's words.\n")
        // Without rename detection: git would show the copy moving to t0.md as one path.
        let committed = try server.vault.git("show", "--name-only", "--no-renames", "--format=%s", "HEAD")
        #expect(committed == "\(resolution["message"] as? String ?? "?")\n\nclones/terse-tom/samples/t0.md\n\(localCopy)\n"
            || committed == "\(resolution["message"] as? String ?? "?")\n\n\(localCopy)\nclones/terse-tom/samples/t0.md\n", "\(committed)")
        #expect(try server.vault.git("status", "--porcelain").isEmpty)
        #expect(try await server.get("/api/sync/conflicts").array().isEmpty)
        #expect(try await server.post("/api/sync/conflicts/resolve", json: ["local_copy": localCopy, "keep": "mine"]).status == 404, "resolved once")
        #expect(try await server.post("/api/sync/conflicts/resolve", json: ["sample_id": "t0", "keep": "mine"]).status == 404)
    }

    @Test func settingsAreReadAndReplacedWhereTheCLIReadsThem() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let first = try await server.get("/api/settings")
        #expect(first.status == 200)
        let initial = try first.object()
        #expect(initial["default_provider"] as? String == "local" && initial["default_model"] == nil && initial["author"] == nil)
        #expect((initial["commit_identity"] as? [String: Any])?["source"] as? String != "vault")
        #expect(jsonEqual(initial, try ServerHarness.cliJSON(server.vault.workspace().settingsReport())))

        // Kit's refusals are 422 with its words; a body that does not fit is 400; nothing is written either way.
        let head = try server.vault.git("rev-parse", "HEAD")
        let config = try String(contentsOf: server.vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8)
        let refused: [([String: Any], String)] = [
            (["default_provider": "gpt"], "\"gpt\" is not a provider"),
            (["default_provider": "openai", "author": ["name": "Dana", "email": ""]], "give both a name and an email"),
            (["default_provider": "openai", "author": ["name": "Dana <Okafor>", "email": "dana@example.test"]], "holds < or >"),
            (["default_provider": "openai", "default_model": "a\u{2028}b"], "line break"),
            (["default_provider": "openai", "default_model": String(repeating: "m", count: 201)], "longer than 200 characters"),
        ]
        for (body, words) in refused {
            let reply = try await server.send("PUT", "/api/settings", json: body)
            #expect(reply.status == 422, "\(body): \(reply.status)")
            #expect((try reply.object()["detail"] as? String ?? "").contains(words), "\(reply.text)")
        }
        #expect(try await server.send("PUT", "/api/settings", json: ["default_model": "m"]).status == 400)
        #expect(try await server.send("PUT", "/api/settings", json: ["default_provider": 3]).status == 400)
        #expect(try server.vault.git("rev-parse", "HEAD") == head)
        #expect(try String(contentsOf: server.vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8) == config)

        let saved = try await server.send("PUT", "/api/settings", json: ["default_provider": "openai", "default_model": "gpt-4o-mini",
                                                                        "author": ["name": "Dana Okafor", "email": "dana@example.test"]])
        #expect(saved.status == 200, "\(saved.text)")
        let answer = try saved.object()
        #expect(answer["default_provider"] as? String == "openai" && answer["default_model"] as? String == "gpt-4o-mini")
        #expect(jsonEqual(answer["author"] ?? NSNull(), ["name": "Dana Okafor", "email": "dana@example.test"]))
        #expect(jsonEqual(answer["commit_identity"] ?? NSNull(), ["name": "Dana Okafor", "email": "dana@example.test", "source": "vault"]))
        #expect(try server.vault.git("show", "--name-only", "--format=", "HEAD") == ".voiceclone/config.yaml\n")
        let workspace = try server.vault.workspace()
        #expect(workspace.config.defaultProvider == "openai" && workspace.config.defaultModel == "gpt-4o-mini")
        #expect(workspace.config.author?.name == "Dana Okafor")
        #expect(jsonEqual(try await server.get("/api/settings").json(), answer))

        // PUT replaces: what is left out is cleared, and the commits go back to git's identity.
        let cleared = try await server.send("PUT", "/api/settings", json: ["default_provider": "auto"])
        #expect(cleared.status == 200, "\(cleared.text)")
        let plain = try cleared.object()
        #expect(plain["default_provider"] as? String == "auto" && plain["default_model"] == nil && plain["author"] == nil)
        #expect((plain["commit_identity"] as? [String: Any])?["source"] as? String != "vault")
        #expect(try server.vault.workspace().config.author == nil)
        #expect(try server.vault.git("log", "-1", "--format=%an") == "Dana Okafor\n", "the change was committed by the identity it replaced")
    }
}
