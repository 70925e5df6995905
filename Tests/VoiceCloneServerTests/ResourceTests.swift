import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Each resource's happy path over HTTP, with answers compared to what Kit (and so the CLI's `--json`) gives.
@Suite struct ResourceTests {
    @Test func clonesCanBeCreatedListedShownEditedRenamedAndDeleted() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let created = try await server.post("/api/clones", json: ["name": "Dana Reyes", "description": "columnist", "tags": ["news"]])
        #expect(created.status == 201)
        #expect(try created.object()["slug"] as? String == "dana-reyes")

        let list = try await server.get("/api/clones")
        #expect(jsonEqual(try list.json(), try ServerHarness.cliJSON(server.vault.workspace().clones.list())))
        let show = try await server.get("/api/clones/dana-reyes")
        #expect(jsonEqual(try show.json(), try ServerHarness.cliJSON(server.vault.workspace().clones.show("dana-reyes"))))

        let edited = try await server.send("PATCH", "/api/clones/dana-reyes", json: ["add_tags": ["essays"], "notes": "Writes for Sunday.\n"])
        #expect(edited.status == 200)
        #expect(try edited.object()["tags"] as? [String] == ["news", "essays"])
        #expect(try server.vault.workspace().clones.show("dana-reyes").notes == "Writes for Sunday.\n")

        let renamed = try await server.post("/api/clones/dana-reyes/rename", json: ["name": "Dana Cole"])
        #expect(try renamed.object()["slug"] as? String == "dana-cole")
        let taken = try await server.post("/api/clones", json: ["name": "Dana Cole"])
        #expect(taken.status == 409)

        let deleted = try await server.delete("/api/clones/dana-cole")
        #expect(deleted.status == 200)
        #expect(try server.vault.workspace().clones.list().isEmpty)
        let log = try server.vault.git("log", "--format=%s")
        #expect(log.contains("dana-cole: delete clone"))
        #expect(log.contains("dana-reyes: edit tags, notes"))
    }

    @Test func samplesUploadInEveryTextFormatAndAreListedShownAndRemoved() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        _ = try server.vault.workspace().clones.create(name: "Maren")
        let docxFolder = TemporaryDirectory("serve-docx")
        let docx = docxFolder.file("essay.docx")
        try DOCXWriter(title: FixtureText.title, author: FixtureText.author).write(FixtureText.essay, to: docx)
        let files: [(name: String, data: Data)] = [
            ("notes.txt", Data(FixtureText.plainText(FixtureText.shortPiece).utf8)),
            ("draft.md", Data("---\ntitle: A Markdown Draft\n---\n\(StyledText.terse(7, words: 120))".utf8)),
            ("essay.docx", try Data(contentsOf: docx)),
        ]
        let reply = try await server.upload("/api/clones/maren/samples", files: files, fields: ["type": "essay"])
        #expect(reply.status == 201, "\(reply.text)")
        let results = try reply.array()
        #expect(results.map { $0["status"] as? String } == ["added", "added", "added"])
        #expect(results.map { $0["input"] as? String } == ["notes.txt", "draft.md", "essay.docx"])
        let titles = results.compactMap { ($0["sample"] as? [String: Any])?["title"] as? String }
        #expect(titles.contains("A Markdown Draft"))
        #expect(titles.contains(FixtureText.title))

        let samples = try server.vault.workspace().samples.list("maren")
        #expect(samples.count == 3)
        #expect(samples.allSatisfy { $0.contentType == "essay" })
        // Provenance names the file the writer uploaded, never the server's temporary staging path.
        #expect(Set(samples.compactMap(\.source)) == ["upload: notes.txt", "upload: draft.md", "upload: essay.docx"])
        let committed = try server.vault.git("grep", "-h", "^source:", "HEAD", "--", "clones/maren/samples")
        #expect(!committed.contains("voiceclone-upload-") && !committed.contains("/tmp"))
        let docxSample = try #require(samples.first { $0.title == FixtureText.title })
        let shown = try await server.get("/api/clones/maren/samples/\(docxSample.id)")
        #expect(jsonEqual(try shown.json(), try ServerHarness.cliJSON(server.vault.workspace().samples.show("maren", id: docxSample.id))))
        #expect(shown.text.contains("bicycle") || shown.text.contains("Bicycle"))

        let again = try await server.upload("/api/clones/maren/samples", files: [files[1]])
        #expect(again.status == 200)
        #expect(try again.array().first?["status"] as? String == "skipped")
        let unsupported = try await server.upload("/api/clones/maren/samples", files: [("photo.png", Data([0x89, 0x50, 0x4e, 0x47]))])
        #expect(unsupported.status == 422)

        let list = try await server.get("/api/clones/maren/samples")
        #expect(try list.array().count == 3)
        let removed = try await server.delete("/api/clones/maren/samples/\(docxSample.id)")
        #expect(removed.status == 200)
        #expect(try server.vault.workspace().samples.list("maren").count == 2)
        #expect(try server.vault.git("status", "--porcelain").isEmpty)

        let notAURL = try await server.post("/api/clones/maren/samples/import", json: ["urls": ["/etc/passwd"]])
        #expect(notAURL.status == 422)
    }

    @Test func analysisRunsAsAJobWithProgressOverServerSentEvents() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let accepted = try await server.client.send("POST", "/api/clones/terse-tom/analyze", headers: [server.bearer])
        #expect(accepted.status == 202)
        let location = try #require(accepted.header("Location"))
        let events = try await server.get(location + "/events")
        #expect(events.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        #expect(events.text.contains("event: progress\ndata: {"))
        #expect(events.text.contains("event: done\ndata: {"))
        #expect(events.text.contains(#""status":"succeeded""#))

        let job = try await server.get(location).object()
        #expect(job["status"] as? String == "succeeded")
        #expect((job["result"] as? [String: Any])?["version"] as? Int == 1)

        let dna = try await server.get("/api/clones/terse-tom/dna")
        #expect(dna.body == (try server.vault.workspace().dna.fileData(of: "terse-tom")))
        let version = try await server.get("/api/clones/terse-tom/dna?version=1")
        #expect(version.body == dna.body)
        let missingVersion = try await server.get("/api/clones/terse-tom/dna?version=9")
        #expect(missingVersion.status == 404)
        let log = try await server.get("/api/clones/terse-tom/dna/log")
        #expect(jsonEqual(try log.json(), try ServerHarness.cliJSON(server.vault.workspace().dna.log(of: "terse-tom"))))
        let diff = try await server.get("/api/clones/terse-tom/dna/diff")
        #expect(diff.status == 409)

        try server.vault.writeSample(clone: "terse-tom", name: "t9.md", "---\ntitle: T9\n---\n" + StyledText.terse(99))
        let second = try await server.client.send("POST", "/api/clones/terse-tom/analyze", headers: [server.bearer])
        let secondEvents = try await server.get(try #require(second.header("Location")) + "/events")
        #expect(secondEvents.text.contains("event: done"))
        let diff2 = try await server.get("/api/clones/terse-tom/dna/diff?from=1&to=2")
        #expect(diff2.status == 200)
        #expect(jsonEqual(try diff2.json(), try ServerHarness.cliJSON(server.vault.workspace().dna.diff(of: "terse-tom", from: 1, to: 2))))

        let unknown = try await server.client.send("POST", "/api/clones/nobody/analyze", headers: [server.bearer])
        #expect(unknown.status == 404)
    }

    @Test func textsAreMeasuredAttributedMatchedDetectedAndRewritten() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        _ = try server.vault.workspace().dna.analyze("ornate-olive")
        let text = StyledText.terse(4242, words: 300)

        let stats = try await server.post("/api/stats", json: ["text": text])
        #expect(stats.status == 200)
        #expect(try stats.object()["words"] != nil || stats.text.contains("\"words\""))

        let attribute = try await server.post("/api/attribute", json: ["text": text])
        #expect(attribute.status == 200, "\(attribute.text)")
        let ranking = try attribute.object()
        let expected = try ServerHarness.cliJSON(try #require(try server.vault.workspace()
            .attribution.attribute(["-"], standardInput: { Data(text.utf8) }).first?.get()))
        #expect(jsonEqual(ranking, expected))

        let match = try await server.post("/api/clones/terse-tom/match", json: ["text": text])
        #expect(match.status == 200, "\(match.text)")
        #expect(match.text.contains("\"score\""))

        let detect = try await server.post("/api/detect", json: ["text": text, "clone": "terse-tom"])
        #expect(detect.status == 200, "\(detect.text)")
        let rewrite = try await server.post("/api/clones/terse-tom/rewrite", json: ["text": text])
        #expect(rewrite.status == 200, "\(rewrite.text)")
        #expect(rewrite.text.contains("\"rewritten\"") || rewrite.text.contains("\"text\""))

        let empty = try await server.post("/api/detect", json: ["text": "  "])
        #expect(empty.status == 422)
        // Punctuation alone is not scored as writing by any judge.
        for path in ["/api/detect", "/api/attribute", "/api/clones/terse-tom/match", "/api/clones/terse-tom/rewrite"] {
            let noWords = try await server.post(path, json: ["text": "!!! ..."])
            #expect(noWords.status == 422, "\(path): \(noWords.text)")
            #expect(noWords.text.contains("no words to judge"), "\(path): \(noWords.text)")
        }
        let wrongType = try await server.post("/api/attribute", json: ["text": 5])
        #expect(wrongType.status == 400)
    }

    @Test func generationAnswersAsJSONOrStreamsAndSavesToTheLibrary() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let request: [String: Any] = ["prompt": "why short sentences work", "platform": "linkedin", "seed": 7, "words": 80]
        let plain = try await server.post("/api/clones/terse-tom/generate", json: request)
        #expect(plain.status == 200, "\(plain.text)")
        let piece = try plain.object()
        #expect(piece["provider"] as? String == "local" || plain.text.contains("\"local\""))

        let streamed = try await server.post("/api/clones/terse-tom/generate", json: request.merging(["save": true]) { $1 },
                                             headers: [("Accept", "text/event-stream")])
        #expect(streamed.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        #expect(streamed.text.contains("event: text\ndata: {"))
        #expect(streamed.text.contains("event: result\ndata: ["))

        let library = try await server.get("/api/library?clone=terse-tom")
        let entries = try library.array()
        #expect(entries.count == 1)
        let id = try #require(entries.first?["id"] as? String)
        let document = try await server.get("/api/library/\(id)")
        #expect(document.status == 200)
        let approved = try await server.send("PATCH", "/api/library/\(id)", json: ["status": "approved"])
        #expect(try approved.object()["status"] as? String == "approved")
        let filtered = try await server.get("/api/library?status=published")
        #expect(try filtered.array().isEmpty)
        let deleted = try await server.delete("/api/library/\(id)")
        #expect(deleted.status == 200)
        #expect(try await server.get("/api/library").array().isEmpty)

        let tooLong = try await server.post("/api/clones/terse-tom/generate", json: ["prompt": "x", "words": 10_000_000])
        #expect(tooLong.status == 422)
    }

    @Test func mergeHistoryStatusCheckAndRemotes() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        _ = try server.vault.workspace().dna.analyze("ornate-olive")

        let merged = try await server.post("/api/merge", json: ["sources": ["terse-tom", "ornate-olive"], "weights": [0.7, 0.3], "name": "Blend"])
        #expect(merged.status == 201, "\(merged.text)")
        #expect(try server.vault.workspace().clones.list().contains { $0.slug == "blend" })

        let status = try await server.get("/api/status")
        let statusJSON = try status.json(), kitStatus = try ServerHarness.cliJSON(server.vault.workspace().history.status())
        #expect(jsonEqual(statusJSON, kitStatus), "\(status.text) vs \(kitStatus)")
        let check = try await server.get("/api/check")
        #expect(check.status == 200)
        let log = try await server.get("/api/log?limit=3")
        #expect(try log.array().count == 3)

        let remoteFolder = TemporaryDirectory("serve-remote")
        _ = try ProcessRunner.git(["init", "-q", "--bare", remoteFolder.path], in: remoteFolder.url)
        let added = try await server.post("/api/remotes", json: ["name": "origin", "url": remoteFolder.path])
        #expect(added.status == 201, "\(added.text)")
        #expect(try await server.get("/api/remotes").array().count == 1)
        let synced = try await server.client.send("POST", "/api/sync", headers: [server.bearer])
        #expect(synced.status == 200, "\(synced.text)")
        let removed = try await server.delete("/api/remotes/origin")
        #expect(removed.status == 200)
        let gone = try await server.delete("/api/remotes/origin")
        #expect(gone.status == 404)
    }

    @Test func theOpenAPIDocumentIsServedAsInTheRepository() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let reply = try await server.get("/api/openapi.yaml")
        #expect(reply.status == 200)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try Data(contentsOf: repository.appendingPathComponent("openapi.yaml"))
        #expect(reply.body == file)
        #expect(reply.text.hasPrefix("openapi: 3.1"))
    }
}
