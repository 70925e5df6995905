import Foundation
import Testing
import VoiceCloneRewrite
import VoiceCloneServer
import VoiceCloneTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The web app over real HTTP, as a browser without JavaScript uses it: the cookie from the token link, pages with
/// a strict Content-Security-Policy, forms that post and redirect, the Origin check on every form, SVG pictures.
@Suite struct WebPageTests {
    /// A browser session: the cookie the token link gives, and this server's Origin on every post.
    struct Browser {
        let server: ServerHarness
        var cookie: (String, String) { ("Cookie", "voiceclone_token_\(server.port)=\(server.token)") }
        var html: (String, String) { ("Accept", "text/html") }

        func get(_ path: String) async throws -> RawHTTPClient.Reply {
            try await server.client.send("GET", path, headers: [cookie, html])
        }

        func post(_ path: String, _ fields: [(String, String)], origin: String? = nil, withOrigin: Bool = true) async throws -> RawHTTPClient.Reply {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
            var headers = [cookie, html, ("Content-Type", "application/x-www-form-urlencoded")]
            if withOrigin { headers.append(("Origin", origin ?? "http://127.0.0.1:\(server.port)")) }
            return try await server.client.send("POST", path, headers: headers, body: Data(body.utf8))
        }
    }

    static let strictPolicy = "default-src 'none'; script-src 'self'; style-src 'self'"

    /// What a strict CSP would block: inline script, inline style, event-handler attributes.
    /// What a person reads: the tags dropped, the entities the pages use decoded, runs of spaces made one.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
    }

    /// The table row (`<tr>…</tr>`) holding `marker`, if any.
    static func row(containing marker: String, in html: String) -> String? {
        guard let hit = html.range(of: marker), let start = html.range(of: "<tr", options: .backwards, range: html.startIndex..<hit.lowerBound),
              let end = html.range(of: "</tr>", range: hit.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func expectNoInlineCode(_ html: String, _ page: String) {
        #expect(!html.contains("<script>"), "\(page): inline script")
        #expect(html.range(of: "<script(?![^>]*\\bsrc=)", options: .regularExpression) == nil, "\(page): script without src")
        #expect(html.range(of: "\\sstyle=\"", options: .regularExpression) == nil, "\(page): style attribute")
        #expect(!html.contains("<style"), "\(page): style element")
        #expect(html.range(of: "\\son[a-z]+=\"", options: .regularExpression) == nil, "\(page): event handler attribute")
    }

    /// Every `<input>`, `<select>` and `<textarea>` with an id has a `<label for>` (or sits inside a label).
    static func expectLabelledInputs(_ html: String, _ page: String) throws {
        let ids = try NSRegularExpression(pattern: "<(?:input|select|textarea)(?![^>]*type=\"(?:hidden|checkbox|submit)\")[^>]*\\bid=\"([^\"]+)\"")
        let range = NSRange(html.startIndex..., in: html)
        for match in ids.matches(in: html, range: range) {
            let id = String(html[Range(match.range(at: 1), in: html)!])
            #expect(html.contains("<label for=\"\(id)\""), "\(page): input \(id) has no label")
        }
    }

    @Test func theTokenLinkLeadsToTheVoicesPageWithAStrictPolicy() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let browser = Browser(server: server)
        let exchange = try await server.client.send("GET", "/?token=\(server.token)", headers: [browser.html])
        #expect(exchange.status == 303)
        let root = try await browser.get("/")
        #expect(root.status == 303)
        #expect(root.header("Location") == "/voices")
        // Scripts asking for JSON still get the service index.
        #expect(try await server.get("/").object()["openapi"] as? String == "/api/openapi.yaml")

        for path in ["/voices", "/check", "/write", "/library", "/status"] {
            let page = try await browser.get(path)
            #expect(page.status == 200, "\(path): \(page.text.prefix(300))")
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Content-Security-Policy")?.hasPrefix(Self.strictPolicy) == true)
            #expect(page.header("Content-Security-Policy")?.contains("form-action 'self'") == true)
            #expect(page.header("Referrer-Policy") == "same-origin")
            #expect(page.header("Cache-Control") == "no-store")
            #expect(page.text.contains("<main id=\"main\""))
            #expect(page.text.contains("aria-current=\"page\""))
            Self.expectNoInlineCode(page.text, path)
            try Self.expectLabelledInputs(page.text, path)
        }
        let anonymous = try await server.client.send("GET", "/voices", headers: [browser.html])
        #expect(anonymous.status == 401)
        #expect(anonymous.header("Content-Type") == "text/html; charset=utf-8")
        #expect(anonymous.text.contains("Open the link `voiceclone serve` printed"))
        #expect(!anonymous.text.contains(server.token))
    }

    @Test func statusShowsTheVaultAndProvidersButNeverAKey() async throws {
        let key = "sk-test-\(String(repeating: "7", count: 40))"
        let server = try await ServerHarness.start { $0.environment["OPENAI_API_KEY"] = key }
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        let page = try await browser.get("/status")
        #expect(page.status == 200)
        #expect(page.text.contains("Every change is committed."))
        #expect(page.text.contains("openai"))
        #expect(page.text.contains("set (never shown)"))
        #expect(!page.text.contains(key))
        #expect(page.text.contains("samples"), "the log in human terms")
        let sync = try await browser.post("/status/sync", [])
        #expect(sync.status >= 400 && sync.status < 500, "no remote: \(sync.status)")
        #expect(sync.header("Content-Type") == "text/html; charset=utf-8")
    }

    @Test func assetsCarryAContentHashAndLongCacheHeaders() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let browser = Browser(server: server)
        let page = try await browser.get("/voices").text
        let css = try #require(page.range(of: "/assets/app\\.[0-9a-f]{16}\\.css", options: .regularExpression).map { String(page[$0]) })
        let js = try #require(page.range(of: "/assets/app\\.[0-9a-f]{16}\\.js", options: .regularExpression).map { String(page[$0]) })
        let style = try await browser.get(css)
        #expect(style.status == 200)
        #expect(style.header("Content-Type") == "text/css; charset=utf-8")
        #expect(style.header("Cache-Control")?.contains("immutable") == true)
        #expect(style.text.contains("@media (max-width: 480px)"))
        let script = try await browser.get(js)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.text.contains("text/event-stream"))
        #expect(script.text.contains("dataTransfer") && script.text.contains("requestSubmit"), "drop-to-upload enhancement")
        let stale = try await browser.get("/assets/app.0000000000000000.css")
        #expect(stale.status == 404)
    }

    @Test func formsWorkWithoutJavaScriptAndRedirectAfterPosting() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let browser = Browser(server: server)
        let created = try await browser.post("/voices", [("name", "Dana Okafor"), ("description", "Columns & <essays>"), ("tags", "work, blog")])
        #expect(created.status == 303, "\(created.text)")
        #expect(created.header("Location") == "/voices/dana-okafor?notice=created")
        let voice = try await browser.get("/voices/dana-okafor?notice=created")
        #expect(voice.status == 200)
        #expect(voice.text.contains("<h1>Dana Okafor</h1>"))
        #expect(voice.text.contains("Columns &amp; &lt;essays&gt;"), "text from the vault is escaped")
        #expect(voice.text.contains("Voice created."))
        #expect(voice.text.contains("enctype=\"multipart/form-data\""))
        #expect(voice.text.contains("<p id=\"drop-hint\" class=\"muted\" aria-live=\"polite\" hidden>"), "the drop hint shows only with JavaScript")
        #expect(voice.text.contains(".docx"))
        try Self.expectLabelledInputs(voice.text, "voice")

        let list = try await browser.get("/voices")
        #expect(list.text.contains("Dana Okafor"))
        #expect(list.text.contains("not analysed yet"))

        let empty = try await browser.post("/voices", [("name", " ")])
        #expect(empty.status == 422)
        #expect(empty.header("Content-Type") == "text/html; charset=utf-8")
        #expect(empty.text.contains("Give the voice a name."))

        let confirm = try await browser.get("/voices/dana-okafor/delete")
        #expect(confirm.text.contains("Yes, delete Dana Okafor"))
        let notConfirmed = try await browser.post("/voices/dana-okafor/delete", [])
        #expect(notConfirmed.status == 303)
        #expect(try server.vault.workspace().clones.list().count == 1)
        let deleted = try await browser.post("/voices/dana-okafor/delete", [("confirm", "yes")])
        #expect(deleted.header("Location") == "/voices?notice=deleted")
        #expect(try server.vault.workspace().clones.list().isEmpty)
        let missing = try await browser.get("/voices/dana-okafor")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Go back"))
    }

    @Test func formPostsNeedThisServersOrigin() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let browser = Browser(server: server)
        let foreign = try await browser.post("/voices", [("name", "Mallory")], origin: "http://attacker.example")
        #expect(foreign.status == 403)
        let nullOrigin = try await browser.post("/voices", [("name", "Mallory")], origin: "null")
        #expect(nullOrigin.status == 403)
        let none = try await browser.post("/voices", [("name", "Mallory")], withOrigin: false)
        #expect(none.status == 403)
        let crossSite = try await server.client.send("POST", "/voices", headers: [browser.cookie, ("Sec-Fetch-Site", "cross-site"),
                                                                                  ("Content-Type", "application/x-www-form-urlencoded")],
                                                     body: Data("name=Mallory".utf8))
        #expect(crossSite.status == 403)
        #expect(try server.vault.workspace().clones.list().isEmpty)
    }

    @Test func uploadAnalyseAndThePicturesAreWellFormedSVG() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        for voice in ["terse-tom", "ornate-olive"] {
            let analysed = try await browser.post("/voices/\(voice)/analyse", [])
            #expect(analysed.status == 303, "\(analysed.text.prefix(400))")
            #expect(analysed.header("Location") == "/voices/\(voice)?notice=analysed#dna")
        }
        // A DOCX uploaded through the page's multipart form, then a second analysis: DNA version 2.
        let scratch = TemporaryDirectory("web-docx")
        let docxURL = scratch.file("brevity.docx")
        try DOCXWriter(title: "Notes on brevity").write([.paragraph(StyledText.terse(11)), .paragraph(StyledText.terse(12))], to: docxURL)
        let docx = try Data(contentsOf: docxURL)
        let boundary = "----vc-web-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nblog\r\n".utf8)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Notes on brevity.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += docx + Data("\r\n--\(boundary)--\r\n".utf8)
        let upload = try await server.client.send("POST", "/voices/terse-tom/samples", headers: [
            browser.cookie, server.origin, ("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        #expect(upload.status == 303, "\(upload.text.prefix(400))")
        #expect(upload.header("Location") == "/voices/terse-tom?notice=uploaded#samples")

        _ = try await browser.post("/voices/terse-tom/analyse", [])
        let page = try await browser.get("/voices/terse-tom")
        #expect(page.status == 200)
        #expect(page.text.contains("Notes on brevity"))
        #expect(page.text.contains("docx"))
        #expect(page.text.contains("DNA version 2"))
        for id in ["sentence-lengths", "habits", "dna-timeline", "voice-map"] {
            #expect(page.text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" id=\"\(id)\""), "\(id) missing")
        }
        #expect(page.text.contains("typical English"))
        Self.expectNoInlineCode(page.text, "voice")

        for path in ["/voices/terse-tom/sentences.svg", "/voices/terse-tom/habits.svg", "/voices/terse-tom/timeline.svg", "/map.svg"] {
            let svg = try await browser.get(path)
            #expect(svg.status == 200, "\(path)")
            #expect(svg.header("Content-Type") == "image/svg+xml; charset=utf-8")
            let shapes = try SVGShapes(svg.body)
            #expect(shapes.root == "svg", "\(path)")
            #expect(shapes.width >= 300 && shapes.height >= 150, "\(path): \(shapes.width)×\(shapes.height)")
            #expect(shapes.marks > 3, "\(path): \(shapes.marks) marks")
            #expect(!shapes.texts.isEmpty, "\(path): no visible text")
            #expect(shapes.negativeSizes == 0, "\(path)")
        }
        let histogram = try SVGShapes(try await browser.get("/voices/terse-tom/sentences.svg").body)
        #expect(histogram.texts.contains("typical English"))
        #expect(histogram.texts.contains("51+"))
        let map = try SVGShapes(try await browser.get("/map.svg").body)
        #expect(map.texts.contains("Terse Tom") && map.texts.contains("Ornate Olive"))
        let timeline = try SVGShapes(try await browser.get("/voices/terse-tom/timeline.svg").body)
        #expect(timeline.texts.contains("v1") && timeline.texts.contains("v2"))

        let notAnalysed = try await browser.post("/voices", [("name", "Fresh")])
        #expect(notAnalysed.status == 303)
        #expect(try await browser.get("/voices/fresh/habits.svg").status == 404)
    }

    @Test func theVoicePagesKeptFiguresFollowEditsOnDiskUploadsAndRenames() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        for voice in ["terse-tom", "ornate-olive"] { _ = try await browser.post("/voices/\(voice)/analyse", []) }
        let first = try await browser.get("/voices/terse-tom")
        #expect(first.text.contains("Ornate Olive: O1"), "the map names the other voice's samples")
        #expect(try await browser.get("/voices/terse-tom").text == first.text, "a second request, nothing changed: the same page")

        // An edit on disk, not committed: the map shows the new sample on the next request.
        try server.vault.writeSample(clone: "ornate-olive", name: "o9.md",
                                     "---\ntitle: Freshly Dropped\ncontent_type: essay\n---\n" + StyledText.ornate(9))
        #expect(try await browser.get("/voices/terse-tom").text.contains("Ornate Olive: Freshly Dropped"))

        // An upload through the web app (a commit).
        let upload = try await server.upload("/api/clones/ornate-olive/samples", files: [("Late Arrival.md", Data(StyledText.ornate(10).utf8))],
                                             fields: ["type": "essay"])
        #expect(upload.status < 400, "\(upload.text.prefix(300))")
        #expect(try await browser.get("/voices/terse-tom").text.lowercased().contains("ornate olive: late"))

        // A rename: the habits picture and the map use the new name at once.
        _ = try await browser.post("/voices/ornate-olive/rename", [("name", "Olive Renamed")])
        let renamed = try await browser.get("/voices/terse-tom").text
        #expect(renamed.contains("Olive Renamed: O1"))
        #expect(!renamed.contains("Ornate Olive"))
    }

    @Test func mergeBlendsPickedVoicesWithTheirWeightsAndRefusesABadFormInPlace() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        // A third, hostile name: shown escaped, its ANSI escape made visible.
        let hostile = "hostile"
        let folder = server.vault.root.appendingPathComponent("clones/hostile/samples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\nname: \"<script>alert(1)</script> \\e[31mRed\"\ncreated: 2026-01-01\n---\n".write(
            to: server.vault.root.appendingPathComponent("clones/hostile/clone.md"), atomically: true, encoding: .utf8)
        for i in 0..<3 { try server.vault.writeSample(clone: hostile, name: "h\(i).md", StyledText.terse(UInt64(20 + i))) }
        _ = try server.vault.git("add", "-A")
        _ = try server.vault.git("commit", "-qm", "hostile")
        let browser = Browser(server: server)
        let none = try await browser.get("/merge")
        #expect(none.text.contains("Merging needs at least two analysed voices"))
        for voice in ["terse-tom", "ornate-olive", hostile] { _ = try await browser.post("/voices/\(voice)/analyse", []) }

        let page = try await browser.get("/merge")
        #expect(page.status == 200)
        #expect(page.text.contains("<form method=\"post\" action=\"/merge\""))
        #expect(page.text.contains("value=\"terse-tom\"") && page.text.contains("name=\"weight-ornate-olive\""))
        #expect(page.text.contains("type=\"number\""), "plain number inputs without JavaScript")
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\x1b[31mRed"))
        #expect(!page.text.contains("<script>alert") && !page.text.contains("\u{1b}"))
        Self.expectNoInlineCode(page.text, "merge")
        try Self.expectLabelledInputs(page.text, "merge")
        #expect(try await browser.get("/voices").text.contains("href=\"/merge\""))

        // Refusals come back in the form, with what was typed.
        let one = try await browser.post("/merge", [("voice", "terse-tom"), ("weight-terse-tom", "60"), ("name", "Blend")])
        #expect(one.status == 422)
        #expect(one.text.contains("id=\"merge-error\"") && one.text.contains("Pick two to four voices"))
        #expect(one.text.contains("value=\"Blend\""))
        let zero = try await browser.post("/merge", [("voice", "terse-tom"), ("weight-terse-tom", "0"), ("voice", "ornate-olive"),
                                                    ("weight-ornate-olive", "40"), ("name", "Blend")])
        #expect(zero.status == 422)
        #expect(zero.text.contains("Give terse-tom a weight above 0"))
        let taken = try await browser.post("/merge", [("voice", "terse-tom"), ("weight-terse-tom", "60"), ("voice", "ornate-olive"),
                                                     ("weight-ornate-olive", "40"), ("name", "Terse Tom")])
        #expect(taken.status == 409 || taken.status == 422, "\(taken.status)")
        #expect(taken.text.contains("role=\"alert\""))
        let refused = try await browser.post("/merge", [("voice", "terse-tom"), ("weight-terse-tom", "60"), ("voice", "ornate-olive"),
                                                       ("weight-ornate-olive", "40"), ("name", "Mallory")], withOrigin: false)
        #expect(refused.status == 403)
        #expect(try server.vault.workspace().clones.list().count == 3, "nothing refused was created")

        let merged = try await browser.post("/merge", [("voice", "terse-tom"), ("weight-terse-tom", "70"), ("voice", "ornate-olive"),
                                                      ("weight-ornate-olive", "30"), ("name", "Tom and Olive")])
        #expect(merged.status == 303, "\(merged.text.prefix(400))")
        #expect(merged.header("Location") == "/voices/tom-and-olive?notice=merged")
        let voice = try await browser.get("/voices/tom-and-olive?notice=merged")
        #expect(voice.status == 200, "\(voice.text.prefix(400))")
        #expect(voice.text.contains("<h1>Tom and Olive</h1>") && voice.text.contains("blended from its sources"))
        let sources = try #require(try server.vault.workspace().merges.sources(of: "tom-and-olive"))
        #expect(sources.map(\.clone) == ["terse-tom", "ornate-olive"])
        #expect(sources.map { ($0.weight * 100).rounded() } == [70, 30])
        #expect(try server.vault.git("log", "-1", "--format=%s").lowercased().contains("merge"))
    }

    @Test func syncAddsARemoteSyncsAndListsAConflictWithBothCopiesAndWhatToDo() async throws {
        let remote = TemporaryDirectory("web-remote")
        let bare = remote.file("shared.git")
        _ = try ProcessRunner.git(["init", "--bare", "--initial-branch=main", bare.path], in: remote.url)
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        let empty = try await browser.get("/sync")
        #expect(empty.status == 200)
        #expect(empty.text.contains("No remotes yet"))
        Self.expectNoInlineCode(empty.text, "sync")
        try Self.expectLabelledInputs(empty.text, "sync")
        #expect(try await browser.get("/status").text.contains("href=\"/sync\""))

        let foreign = try await browser.post("/sync/remotes", [("name", "origin"), ("url", bare.path)], withOrigin: false)
        #expect(foreign.status == 403)
        let badName = try await browser.post("/sync/remotes", [("name", "-bad"), ("url", bare.path)])
        #expect(badName.status == 400, "\(badName.status)")
        #expect(badName.text.contains("id=\"remote-error\"") && badName.text.contains("value=\"-bad\""))
        #expect(try server.vault.workspace().sync.remotes().isEmpty)
        let added = try await browser.post("/sync/remotes", [("name", "origin"), ("url", bare.path)])
        #expect(added.status == 303)
        #expect(added.header("Location") == "/sync?notice=remote-added")
        let listed = try await browser.get("/sync?notice=remote-added")
        #expect(listed.text.contains("<strong>origin</strong>") && listed.text.contains(bare.path))
        #expect(listed.text.contains("Remote added."))
        try Self.expectLabelledInputs(listed.text, "sync")

        #expect(try await browser.post("/sync", [], withOrigin: false).status == 403)
        let pushed = try await browser.post("/sync", [("remote", "origin")])
        #expect(pushed.status == 200, "\(pushed.text.prefix(400))")
        #expect(pushed.text.contains("data-outcome=\"pushed\""))
        let again = try await browser.post("/sync", [("remote", "origin")])
        #expect(again.text.contains("data-outcome=\"up_to_date\"") && again.text.contains("Up to date with origin"))

        // Another machine edits a sample and pushes; this vault edits the same sample: both copies kept, listed.
        let machine = TemporaryDirectory("web-machine-b")
        let other = machine.file("vault")
        _ = try ProcessRunner.git(["clone", "-q", bare.path, other.path], in: machine.url)
        try SyncFixture.gitCommitAndPush(in: other, file: "clones/terse-tom/samples/t0.md",
                                         text: "---\ntitle: T0\ncontent_type: blog\n---\nThe other machine's words.\n", message: "edit t0 there")
        try server.vault.writeSample(clone: "terse-tom", name: "t0.md", "---\ntitle: T0\ncontent_type: blog\n---\nThis machine's words.\n")
        let merged = try await browser.post("/sync", [("remote", "origin")])
        #expect(merged.status == 200, "\(merged.text.prefix(600))")
        #expect(merged.text.contains("data-outcome=\"merged\""), "\(merged.text)")
        #expect(merged.text.contains("id=\"conflicts\""))
        #expect(merged.text.contains("<code>clones/terse-tom/samples/t0.md</code>"))
        let report = merged.text
        let copy = try #require(report.range(of: "<td><code>(clones/terse-tom/samples/[^<]+)</code></td>", options: .regularExpression))
        let localCopy = String(report[copy]).replacingOccurrences(of: "<td><code>", with: "").replacingOccurrences(of: "</code></td>", with: "")
        #expect(localCopy != "clones/terse-tom/samples/t0.md")
        #expect(report.contains("then sync again"), "what to do")
        let remoteText = try String(contentsOf: server.vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md"), encoding: .utf8)
        let localText = try String(contentsOf: server.vault.root.appendingPathComponent(localCopy), encoding: .utf8)
        #expect(remoteText.contains("The other machine's words.") && localText.contains("This machine's words."), "nothing resolved silently")

        // The voice's sample list says which sample is a conflict copy, in words, with the way to the Sync page; so do
        // the copy's own page and the API's listing (Kit's `conflict_of`). An AI-assisted sample is marked in words too.
        try server.vault.writeSample(clone: "terse-tom", name: "helped.md", "---\ntitle: Helped\nai_assisted: true\n---\n" + StyledText.terse(40))
        let voicePage = try await browser.get("/voices/terse-tom").text
        let copyID = String((localCopy as NSString).lastPathComponent.dropLast(3))
        let copyRow = try #require(Self.row(containing: "/voices/terse-tom/samples/\(copyID)\"", in: voicePage))
        #expect(Self.visibleText(copyRow).contains("T0 Sync conflict copy this vault's text of t0, edited on both sides: choose on the Sync page"),
                "\(Self.visibleText(copyRow))")
        #expect(copyRow.contains("<a href=\"/sync#pending\">choose on the Sync page</a>"))
        let originalRow = try #require(Self.row(containing: "/voices/terse-tom/samples/t0\"", in: voicePage))
        #expect(!originalRow.contains("Sync conflict"), "the remote's copy is the sample itself")
        #expect(Self.visibleText(voicePage).contains("1 sample(s) here are copies a sync kept because both sides edited them"))
        let helpedRow = try #require(Self.row(containing: "/voices/terse-tom/samples/helped\"", in: voicePage))
        #expect(Self.visibleText(helpedRow).contains("Helped AI-assisted"), "\(Self.visibleText(helpedRow))")
        #expect(!helpedRow.contains("Sync conflict"))
        let copyPage = try await browser.get("/voices/terse-tom/samples/\(copyID)").text
        #expect(Self.visibleText(copyPage).contains("Sync conflict copy This is this vault's text of t0, kept beside the remote's because both sides edited it. Choose which text to keep on the Sync page"))
        #expect(copyPage.contains("<dt>Sync conflict copy of</dt><dd>t0</dd>"))
        let apiSamples = try await server.get("/api/clones/terse-tom/samples").array()
        let apiCopy = try #require(apiSamples.first { $0["path"] as? String == localCopy })
        #expect(apiCopy["conflict_of"] as? String == "t0")
        #expect(apiSamples.filter { $0["conflict_of"] != nil }.count == 1)
        try FileManager.default.removeItem(at: server.vault.root.appendingPathComponent("clones/terse-tom/samples/helped.md"))

        // Both texts side by side, with a choice per conflict; choosing "mine" keeps this machine's words.
        let pending = try await browser.get("/sync").text
        #expect(pending.contains("Conflicts to resolve (1)"))
        let differs = #"<div class="sample-text (theirs|mine)"><p class="differs"><strong class="tag">Only in (theirs|mine):</strong> "#
        let theirsColumn = try #require(pending.range(of: differs.replacingOccurrences(of: "(theirs|mine)", with: "theirs") + "The other machine(&#39;|')s words.</p></div>",
                                                      options: .regularExpression))
        let mineColumn = try #require(pending.range(of: differs.replacingOccurrences(of: "(theirs|mine)", with: "mine") + "This machine(&#39;|')s words.</p></div>",
                                                    options: .regularExpression))
        #expect(theirsColumn.lowerBound < mineColumn.lowerBound)
        #expect(pending.contains("<input type=\"hidden\" name=\"copy\" value=\"\(localCopy)\">"))
        for choice in ["mine", "theirs", "both"] {
            #expect(pending.contains("<button type=\"submit\" name=\"keep\" value=\"\(choice)\">Keep \(choice)</button>"), "\(choice)")
        }
        Self.expectNoInlineCode(pending, "sync conflicts")
        let head = try server.vault.git("rev-parse", "HEAD")
        #expect(try await browser.post("/sync/conflicts", [("copy", localCopy), ("keep", "mine")], withOrigin: false).status == 403)
        let notACopy = try await browser.post("/sync/conflicts", [("copy", "clones/terse-tom/samples/t0.md"), ("keep", "mine")])
        #expect(notACopy.status == 404 && notACopy.text.contains("is not a sync conflict copy"), "\(notACopy.status)")
        let noChoice = try await browser.post("/sync/conflicts", [("copy", localCopy), ("keep", "neither")])
        #expect(noChoice.status == 422 && noChoice.text.contains("Choose which text to keep"))
        #expect(try server.vault.git("rev-parse", "HEAD") == head, "refused forms change nothing")
        let resolved = try await browser.post("/sync/conflicts", [("copy", localCopy), ("keep", "mine")])
        #expect(resolved.status == 303)
        #expect(resolved.header("Location") == "/sync?notice=resolved-mine")
        let after = try await browser.get("/sync?notice=resolved-mine").text
        #expect(after.contains("Conflict resolved: this vault&#39;s text") || after.contains("Conflict resolved: this vault's text"))
        #expect(!after.contains("Conflicts to resolve"))
        let kept = try String(contentsOf: server.vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md"), encoding: .utf8)
        #expect(kept == "---\ntitle: T0\ncontent_type: blog\n---\nThis machine's words.\n")
        #expect(!FileManager.default.fileExists(atPath: server.vault.root.appendingPathComponent(localCopy).path))
        let committed = try server.vault.git("show", "--name-only", "--format=%s", "HEAD")
        #expect(committed.contains("terse-tom: resolve sync conflict on t0: kept this vault's text"), "\(committed)")
        #expect(committed.contains("clones/terse-tom/samples/t0.md") && committed.contains(localCopy))
        #expect(try server.vault.git("status", "--porcelain").isEmpty)

        // A hostile remote address is shown escaped, and a password in an address is never shown.
        _ = try server.vault.git("remote", "add", "evil", "https://user:hunter2@example.invalid/<script>alert(1)</script>")
        let hostile = try await browser.get("/sync").text
        #expect(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !hostile.contains("<script>alert"))
        #expect(!hostile.contains("hunter2") && hostile.contains("https://user:…@example.invalid"))
    }

    @Test func writeOffersTheProvidersFoundRefinesWithALocalModelServerAndMarksFlaggedSentences() async throws {
        let model = try LoopbackHTTPServer()
        defer { model.stop() }
        model.route("/v1/models", .json(#"{"object":"list","data":[{"id":"fake-writer","object":"model"}]}"#))
        let formulaic = "In today's fast-paced world, it is important to note that leveraging synergies is crucial."
        model.route("/v1/chat/completions", .openAIChat("Short lines win. " + formulaic + " Readers are busy. Cut the rest.", model: "fake-writer"))
        let server = try await ServerHarness.start {
            $0.environment["VOICECLONE_LOCAL_PORTS"] = "llama.cpp=\(model.port)"
            $0.environment["OPENAI_API_KEY"] = ""
            $0.environment["ANTHROPIC_API_KEY"] = ""
            // Kept for the whole test: on a loaded machine two page loads can be further apart than the default 30 s.
            $0.localServerProbeSeconds = 3600
        }
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        let browser = Browser(server: server)

        let form = try await browser.get("/write?voice=terse-tom").text
        #expect(form.contains("<option value=\"server:\(model.port)\">llama.cpp on this computer, port \(model.port): 1 model(s)</option>"), "\(form)")
        #expect(form.contains("<option value=\"openai\">openai: no key yet: add one on the keys page</option>"))
        #expect(form.contains("<option value=\"local\" selected>local: offline, no model</option>"), "the vault's default provider is chosen")
        #expect(form.contains(">auto: the llama.cpp server at http://127.0.0.1:\(model.port)/v1 (model fake-writer)"))
        #expect(form.contains("Local model servers found: llama.cpp (port \(model.port))."))
        #expect(form.contains("<datalist id=\"model-choices\">") && form.contains("<option value=\"fake-writer\"></option>"))
        #expect(form.contains("<option value=\"2\">2 rounds</option>"))
        try Self.expectLabelledInputs(form, "write")
        // The page keeps the probe's answer a short while: loading it again asks no port; a submit asks again.
        let probes = model.requests(to: "/v1/models").count
        #expect(probes >= 1, "\(probes)")
        #expect(try await browser.get("/write?voice=ornate-olive").text.contains("<option value=\"server:\(model.port)\">"))
        #expect(model.requests(to: "/v1/models").count == probes, "the second page load used the kept probe")

        let written = try await browser.post("/write", [("voice", "terse-tom"), ("platform", "linkedin"), ("prompt", "why short lines work"),
                                                        ("provider", "server:\(model.port)"), ("refine", "2")])
        #expect(written.status == 200, "\(written.text.prefix(600))")
        let page = written.text
        #expect(page.contains("Written by openai-compatible (fake-writer)"), "\(page)")
        #expect(page.contains("<table id=\"refine-rounds\">") && page.contains("<th scope=\"row\">1"), "the rounds are shown")
        #expect(page.contains("<option value=\"server:\(model.port)\" selected>"), "the form keeps the choice")
        #expect(page.contains("<option value=\"2\" selected>2 rounds</option>"))
        let mark = try #require(page.range(of: #"<mark tabindex="0" title="[^"]+" data-hint="[^"]+" aria-describedby="flag-1">"#, options: .regularExpression),
                                "the formulaic sentence is marked in place, focusable, with its reason")
        #expect(page[mark.upperBound...].hasPrefix("In today"))
        #expect(page.contains("<li id=\"flag-1\">"))
        let sent = try #require(model.requests(to: "/v1/chat/completions").first)
        #expect(String(decoding: sent.body, as: UTF8.self).contains("\"fake-writer\""), "the server's first model is used")
        #expect(model.requests(to: "/v1/models").count > probes, "the submit probed again rather than trusting the kept list")
        Self.expectNoInlineCode(page, "write with a local server")

        let gone = try await browser.post("/write", [("voice", "terse-tom"), ("prompt", "x"), ("provider", "server:1")])
        #expect(gone.status == 422 && gone.text.contains("No local model server answers on port 1 now"))
        let tooMany = try await browser.post("/write", [("voice", "terse-tom"), ("prompt", "x"), ("provider", "local"), ("refine", "7")])
        #expect(tooMany.status == 422 && tooMany.text.contains("Refine takes 2, 3 rounds"))
    }

    @Test func settingsSaveTheDefaultProviderModelAndWhoCommitsWhereTheCLIReadsThem() async throws {
        let server = try await ServerHarness.start { $0.environment["OPENAI_API_KEY"] = "" }
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        let secret = "sk-settings-page-never-shows-this-0123456789"
        #expect(try await server.send("PUT", "/api/providers/openai/key", json: ["key": secret]).status == 204)

        let empty = try await browser.get("/settings")
        #expect(empty.status == 200)
        #expect(empty.text.contains("<option value=\"local\" selected>local (offline, no model)</option>"))
        #expect(empty.text.contains("id=\"identity-now\"") && !empty.text.contains("from this vault&#39;s setting") && !empty.text.contains("from this vault's setting"))
        #expect(!empty.text.contains(secret))
        Self.expectNoInlineCode(empty.text, "settings")
        try Self.expectLabelledInputs(empty.text, "settings")
        #expect(try await browser.get("/status").text.contains("href=\"/settings\""))

        let head = try server.vault.git("rev-parse", "HEAD")
        #expect(try await browser.post("/settings", [("provider", "openai")], withOrigin: false).status == 403)
        let halfIdentity = try await browser.post("/settings", [("provider", "openai"), ("model", "gpt-4o-mini"), ("author-name", "Dana <Okafor>")])
        #expect(halfIdentity.status == 422)
        #expect(halfIdentity.text.contains("id=\"settings-error\"") && halfIdentity.text.contains("give both a name and an email"))
        #expect(halfIdentity.text.contains("value=\"Dana &lt;Okafor&gt;\"") && halfIdentity.text.contains("value=\"gpt-4o-mini\""), "what was typed stays")
        let unknown = try await browser.post("/settings", [("provider", "gpt")])
        #expect(unknown.status == 422 && unknown.text.contains("is not a provider"))
        #expect(try server.vault.git("rev-parse", "HEAD") == head, "refused forms change nothing")

        let saved = try await browser.post("/settings", [("provider", "openai"), ("model", "gpt-4o-mini"),
                                                         ("author-name", "Dana Okafor"), ("author-email", "dana@example.test")])
        #expect(saved.status == 303 && saved.header("Location") == "/settings?notice=settings-saved")
        let page = try await browser.get("/settings?notice=settings-saved").text
        #expect(page.contains("Settings saved and committed."))
        #expect(page.contains("<option value=\"openai\" selected>openai</option>") && page.contains("value=\"gpt-4o-mini\""))
        #expect(page.contains("Commits are written now by <strong>Dana Okafor &lt;dana@example.test&gt;</strong>"))
        #expect(!page.contains(secret))
        let workspace = try server.vault.workspace()
        #expect(workspace.config.defaultProvider == "openai" && workspace.config.defaultModel == "gpt-4o-mini")
        #expect(workspace.config.author?.email == "dana@example.test")
        #expect(try server.vault.git("show", "--name-only", "--format=", "HEAD") == ".voiceclone/config.yaml\n")
        // The Write page starts from the new defaults, and the next commit carries the identity.
        let write = try await browser.get("/write?voice=terse-tom").text
        #expect(write.contains("<option value=\"openai\" selected>"))
        #expect(try await browser.post("/voices/terse-tom/edit", [("description", "Short lines")]).status == 303)
        #expect(try server.vault.git("log", "-1", "--format=%an <%ae>") == "Dana Okafor <dana@example.test>\n")
    }

    @Test func voiceCardsCarryAvatarsAndTheVoicesPageDrawsTheirTree() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        let browser = Browser(server: server)
        #expect(!(try await browser.get("/voices").text.contains("id=\"voice-tree\"")), "no voices, no tree")
        try server.addTwoWriters()
        _ = try server.vault.workspace().clones.create(name: "brief <bea>")
        for i in 0..<3 { try server.vault.writeSample(clone: "brief-bea", name: "b\(i).md", StyledText.terse(UInt64(20 + i))) }
        let page = try await browser.get("/voices").text
        // Initials in a circle, hidden from screen readers: the name beside it is the text.
        #expect(page.contains("<div class=\"card-head\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"avatar\" aria-hidden=\"true\""))
        for initials in [">TT</text>", ">OO</text>", ">B&lt;</text>"] { #expect(page.contains(initials), "\(initials)") }
        #expect(page.contains("<h2><a href=\"/voices/terse-tom\">Terse Tom</a></h2>"))
        #expect(page.components(separatedBy: "class=\"avatar\"").count - 1 == 3)
        #expect(page == (try await browser.get("/voices").text), "the same page twice: avatars and tree are deterministic")

        let start = try #require(page.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" id=\"voice-tree\""))
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        let svg = String(page[start.lowerBound..<end.upperBound])
        let shapes = try SVGShapes(Data(svg.utf8))
        #expect(shapes.root == "svg" && shapes.negativeSizes == 0)
        #expect(Set(["Terse Tom", "Ornate Olive", "brief <bea>"]).isSubset(of: Set(shapes.texts)), "\(shapes.texts)")
        #expect(svg.contains("<title id=\"voice-tree-title\">How the voices group</title>"))
        #expect(svg.components(separatedBy: "<title>").count - 1 == 2, "one explanation per join")
        #expect(svg.contains("<title>Terse Tom and brief &lt;bea&gt;: ") || svg.contains("<title>brief &lt;bea&gt; and Terse Tom: "), "\(svg)")

        // Beside the picture, its joins as a table for screen readers and anyone who would rather read the numbers.
        let tableStart = try #require(page.range(of: "<table id=\"voice-tree-table\">"))
        let tableEnd = try #require(page.range(of: "</table>", range: tableStart.upperBound..<page.endIndex))
        let table = String(page[tableStart.lowerBound..<tableEnd.upperBound])
        #expect(table.contains("<caption>The tree&#39;s joins, closest first</caption>") || table.contains("<caption>The tree's joins, closest first</caption>"))
        #expect(table.contains("<th scope=\"col\">Apart (Delta)</th>"))
        let rows = table.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { Self.visibleText("<tr><th>" + $0) }
        #expect(rows.count == 2, "\(rows)")
        let distances = try server.vault.workspace().pictures.voiceMapAndTree(samplesPerVoice: 40).tree.joins.map { String(format: "%.2f", $0.distance) }
        #expect(rows.first?.hasPrefix("1 Terse Tom brief <bea> 2 \(distances[0])") == true || rows.first?.hasPrefix("1 brief <bea> Terse Tom 2 \(distances[0])") == true,
                "\(rows)")
        #expect(rows.last?.contains("group 1 (") == true && rows.last?.contains("Ornate Olive") == true && rows.last?.hasSuffix("3 \(distances[1])") == true,
                "\(rows)")
        // Each distance is one the picture explains on hover.
        for distance in distances { #expect(svg.contains(": \(distance) apart</title>"), "\(distance)") }
        Self.expectNoInlineCode(page, "voices")
    }

    @Test func anyTwoDNARevisionsCompareSideBySide() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        let browser = Browser(server: server)
        #expect(!(try await browser.get("/voices/terse-tom").text.contains("id=\"compare-form\"")), "one revision: nothing to compare")
        try server.vault.writeSample(clone: "terse-tom", name: "t9.md", "---\ntitle: T9\ncontent_type: blog\n---\n" + StyledText.ornate(9))
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        try server.vault.writeSample(clone: "terse-tom", name: "t10.md", "---\ntitle: T10\ncontent_type: blog\n---\n" + StyledText.terse(10))
        _ = try server.vault.workspace().dna.analyze("terse-tom")

        let voice = try await browser.get("/voices/terse-tom").text
        #expect(voice.contains("<form method=\"get\" action=\"/voices/terse-tom/compare\""))
        #expect(voice.contains("<select id=\"compare-from\" name=\"from\"><option value=\"1\">1</option><option value=\"2\" selected>2</option><option value=\"3\">3</option></select>"))
        #expect(voice.contains("<select id=\"compare-to\" name=\"to\"><option value=\"1\">1</option><option value=\"2\">2</option><option value=\"3\" selected>3</option></select>"))
        try Self.expectLabelledInputs(voice, "voice")

        // Chosen newest first, shown oldest on the left; the rows are Kit's diff of version 1 and 3.
        let compared = try await browser.get("/voices/terse-tom/compare?from=3&to=1")
        #expect(compared.status == 200)
        let page = compared.text
        #expect(page.contains("<h1>Terse Tom: DNA version 1 and version 3</h1>"))
        #expect(page.contains("<a href=\"/voices/terse-tom/dna/1\">Version 1</a></th><th scope=\"col\"><a href=\"/voices/terse-tom/dna/3\">Version 3</a>"))
        #expect(page.contains("<tr><th scope=\"row\">Samples</th><td>3</td><td>5</td></tr>"), "\(page)")
        let rows = try server.vault.workspace().dna.diff(of: "terse-tom", from: 1, to: 3).changes.map(\.row)
        #expect(!rows.isEmpty)
        #expect(page.contains("\(rows.count) value(s) differ"))
        for row in rows.prefix(3) {
            #expect(page.contains("<td>\(row.before)</td><td>\(row.after)</td>"), "\(row.feature)")
        }
        #expect(page.contains("<option value=\"1\" selected>1</option>"))
        Self.expectNoInlineCode(page, "compare")

        #expect(try await browser.get("/voices/terse-tom/compare?from=2&to=2").text.contains("That is one revision twice"))
        let missing = try await browser.get("/voices/terse-tom/compare?from=1&to=9")
        #expect(missing.status == 404 && missing.text.contains("9"))
        #expect(try await browser.get("/voices/terse-tom/compare?from=1").status == 400)
    }

    @Test func writeShowsUpToThreeVariantsSideBySideEachWithItsPlatformChecks() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        let browser = Browser(server: server)
        let form = try await browser.get("/write?voice=terse-tom")
        #expect(form.text.contains("<select id=\"variants\" name=\"variants\">"))
        #expect(form.text.contains("<option value=\"3\">3</option>") && !form.text.contains("<option value=\"4\">"))
        try Self.expectLabelledInputs(form.text, "write")

        let written = try await browser.post("/write", [("voice", "terse-tom"), ("platform", "linkedin"), ("variants", "3"),
                                                        ("prompt", "why <short> sentences work"), ("provider", "local")])
        #expect(written.status == 200, "\(written.text.prefix(400))")
        let page = written.text
        #expect(page.contains("3 variants, side by side"))
        for n in 1...3 {
            #expect(page.contains("<article class=\"panel\" id=\"variant-\(n)\""), "variant \(n)")
            #expect(page.contains("aria-label=\"Platform checks for variant \(n)\""))
        }
        #expect(!page.contains("id=\"variant-4\""))
        for check in ["max_chars", "hook", "hashtags"] {
            #expect(page.components(separatedBy: ": \(check) — ").count - 1 == 3, "\(check) shown for each variant")
        }
        #expect(page.contains("<option value=\"3\" selected>3</option>"), "the form keeps the choice")
        #expect(page.contains("why &lt;short&gt; sentences work") && !page.contains("<short>"))
        Self.expectNoInlineCode(page, "write variants")
        #expect(try server.vault.workspace().library.entries().entries.isEmpty, "nothing saved unless asked")

        let single = try await browser.post("/write", [("voice", "terse-tom"), ("platform", "linkedin"), ("variants", "1"),
                                                       ("prompt", "why short sentences work"), ("provider", "local")])
        #expect(single.status == 200)
        #expect(!single.text.contains("variants, side by side") && single.text.contains(": max_chars — "))
        for bad in ["0", "4", "two"] {
            let refused = try await browser.post("/write", [("voice", "terse-tom"), ("variants", bad), ("prompt", "x"), ("provider", "local")])
            #expect(refused.status == 422, "variants \(bad)")
            #expect(refused.text.contains("Ask for 1 to 3 variants."))
        }
        let foreign = try await browser.post("/write", [("voice", "terse-tom"), ("variants", "2"), ("prompt", "x")], withOrigin: false)
        #expect(foreign.status == 403)
    }

    @Test func checkShowsAILikenessMatchAndAttribution() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        _ = try server.vault.workspace().dna.analyze("ornate-olive")
        let browser = Browser(server: server)
        let text = "In today's fast-paced world, it is important to note that leveraging synergies is crucial. " + StyledText.terse(40)
        let result = try await browser.post("/check", [("text", text), ("voice", "terse-tom")])
        #expect(result.status == 200, "\(result.text.prefix(400))")
        #expect(result.text.contains("AI-likeness"))
        #expect(result.text.range(of: "<strong>[0-9]+</strong>/100", options: .regularExpression) != nil)
        #expect(result.text.contains("Sounds like Terse Tom?"))
        #expect(result.text.contains("Who wrote it?"))
        #expect(result.text.contains("Terse Tom"))
        #expect(result.text.contains("<mark tabindex=\"0\" title=\""), "the formulaic opening is flagged in place")
        Self.expectNoInlineCode(result.text, "check")
        let empty = try await browser.post("/check", [("text", "  ")])
        #expect(empty.status == 422)
    }

    @Test func aLibraryPieceIsEditedInPlaceAndCommitted() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        let browser = Browser(server: server)
        // The no-JavaScript Write form: the draft arrives with the page and is saved to the library.
        let written = try await browser.post("/write", [("voice", "terse-tom"), ("platform", "linkedin"),
                                                        ("prompt", "why short sentences work"), ("provider", "local"), ("save", "1")])
        #expect(written.status == 200, "\(written.text.prefix(400))")
        #expect(written.text.contains("Saved to the library as"))
        let id = try #require(try server.vault.workspace().library.entries().entries.first?.id)

        let list = try await browser.get("/library?voice=terse-tom&status=draft")
        #expect(list.text.contains(id))
        let none = try await browser.get("/library?status=published")
        #expect(!none.text.contains(id))
        let piece = try await browser.get("/library/\(id)")
        #expect(piece.status == 200)
        #expect(piece.text.contains("why short sentences work"))
        #expect(piece.text.contains("data-limit=\"3000\""))

        let edited = try await browser.post("/library/\(id)", [("text", "Short. Clear. Mine now.\r\nSecond line & more.")])
        #expect(edited.status == 303)
        #expect(edited.header("Location") == "/library/\(id)?notice=saved")
        let document = try server.vault.workspace().library.document(id)
        #expect(document.text == "Short. Clear. Mine now.\nSecond line & more.")
        #expect(document.entry.prompt == "why short sentences work", "provenance kept")
        let log = try server.vault.git("log", "-1", "--format=%s")
        #expect(log.contains("library: edit \(id)"))
        let status = try server.vault.git("status", "--porcelain")
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "everything committed: \(status)")
        let reread = try await browser.get("/library/\(id)?notice=saved")
        #expect(reread.text.contains("Second line &amp; more."))
        #expect(reread.text.contains("Saved and committed."))

        let approved = try await browser.post("/library/\(id)/status", [("status", "approved")])
        #expect(approved.status == 303)
        #expect(try server.vault.workspace().library.document(id).entry.status.rawValue == "approved")
        let blank = try await browser.post("/library/\(id)", [("text", "   ")])
        #expect(blank.status == 422)
    }
}

extension WebPageTests {
    @Test func aSampleOpensWithItsFrontMatterAndEscapedTextAndIsRemovedOnlyAfterConfirming() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let hostile = "---\ntitle: \"<script>alert(1)</script> \\e[31mRed\"\nsource: https://example.com/<b>post</b>\ncontent_type: blog\n"
            + "tags: [work, \"<i>x</i>\"]\nadded: 2026-11-02\n---\n"
            + "First <img src=x onerror=alert(1)> paragraph \u{1B}[2J here.\nSame paragraph, next line.\n\nSecond paragraph & more.\n"
        try server.vault.writeSample(clone: "terse-tom", name: "hostile.md", hostile)
        _ = try server.vault.git("add", "-A")
        _ = try server.vault.git("commit", "-qm", "hostile sample")
        let browser = Browser(server: server)

        let voice = try await browser.get("/voices/terse-tom")
        #expect(voice.text.contains("<a href=\"/voices/terse-tom/samples/hostile\">&lt;script&gt;"), "the list links to the sample")
        #expect(voice.text.contains("href=\"/voices/terse-tom/samples/hostile/remove\""))
        #expect(!voice.text.contains("<script>alert"))

        let page = try await browser.get("/voices/terse-tom/samples/hostile")
        #expect(page.status == 200, "\(page.text.prefix(400))")
        #expect(page.header("Content-Security-Policy")?.hasPrefix(Self.strictPolicy) == true)
        #expect(page.text.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; \\x1b[31mRed</h1>"), "title escaped, ANSI shown")
        #expect(!page.text.contains("<script>alert") && !page.text.contains("<img src=x") && !page.text.contains("<b>post"))
        #expect(!page.text.unicodeScalars.contains("\u{1B}"), "no raw escape character reaches the page")
        #expect(page.text.contains("First &lt;img src=x onerror=alert(1)&gt; paragraph \\x1b[2J here.\nSame paragraph, next line.</p><p>Second paragraph &amp; more.</p>"),
                "two paragraphs, the line break inside the first kept")
        #expect(page.text.contains("<dt>Tags</dt><dd>work, &lt;i&gt;x&lt;/i&gt;</dd>"))
        #expect(page.text.contains("<dt>Source</dt><dd>https://example.com/&lt;b&gt;post&lt;/b&gt;</dd>"))
        #expect(page.text.contains("<dt>Added</dt><dd>2026-11-02</dd>"))
        #expect(page.text.contains("<dt>Kind of writing</dt><dd>blog</dd>"))
        let words = try server.vault.workspace().samples.show("terse-tom", id: "hostile").sample.words
        #expect(page.text.contains("<dt>Words</dt><dd>\(words)</dd>"))
        #expect(page.text.contains("Back to Terse Tom"))
        Self.expectNoInlineCode(page.text, "sample")
        #expect(try await browser.get("/voices/terse-tom/samples/nothing-here").status == 404)

        let confirm = try await browser.get("/voices/terse-tom/samples/hostile/remove")
        #expect(confirm.status == 200)
        #expect(confirm.text.contains("Yes, remove &lt;script&gt;"))
        let foreign = try await browser.post("/voices/terse-tom/samples/hostile/remove", [("confirm", "yes")], origin: "http://attacker.example")
        #expect(foreign.status == 403)
        let noOrigin = try await browser.post("/voices/terse-tom/samples/hostile/remove", [("confirm", "yes")], withOrigin: false)
        #expect(noOrigin.status == 403)
        let unconfirmed = try await browser.post("/voices/terse-tom/samples/hostile/remove", [])
        #expect(unconfirmed.status == 303)
        #expect(unconfirmed.header("Location") == "/voices/terse-tom/samples/hostile")
        #expect(try server.vault.workspace().samples.list("terse-tom").count == 4, "nothing removed without the confirmation")
        let removed = try await browser.post("/voices/terse-tom/samples/hostile/remove", [("confirm", "yes")])
        #expect(removed.status == 303)
        #expect(removed.header("Location") == "/voices/terse-tom?notice=removed#samples")
        #expect(try server.vault.workspace().samples.list("terse-tom").count == 3)
        #expect(try server.vault.git("log", "-1", "--format=%s").contains("terse-tom: remove sample"))
        #expect(try server.vault.git("status", "--porcelain").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try await browser.get("/voices/terse-tom?notice=removed").text.contains("Sample removed and committed."))
    }

    @Test func aRevisionPageShowsWhatChangedAsATableAndTheTimelineHasItsNumbersInText() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        _ = try await browser.post("/voices/terse-tom/analyse", [])
        try server.vault.writeSample(clone: "terse-tom", name: "long.md", "---\ntitle: Long\n---\n" + StyledText.ornate(5))
        _ = try server.vault.git("add", "-A")
        _ = try server.vault.git("commit", "-qm", "a long one")
        let second = try await browser.post("/voices/terse-tom/analyse", [])
        #expect(second.status == 303)

        let voice = try await browser.get("/voices/terse-tom")
        #expect(voice.text.contains("<a href=\"/voices/terse-tom/dna/2\"><strong>Version 2</strong></a>"))
        #expect(voice.text.contains("<a href=\"/voices/terse-tom/dna/1\"><strong>Version 1</strong></a>"))
        #expect(voice.text.range(of: "Version 2</strong></a> · [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC · <q>", options: .regularExpression) != nil,
                "date and commit message listed")
        #expect(voice.text.contains("id=\"dna-features\""))
        #expect(voice.text.contains("<table id=\"dna-features-table\">"))
        #expect(voice.text.contains("<th scope=\"col\">v1</th><th scope=\"col\">v2</th>"))
        #expect(voice.text.contains("<th scope=\"row\">sentence length</th>"))

        let page = try await browser.get("/voices/terse-tom/dna/2")
        #expect(page.status == 200, "\(page.text.prefix(400))")
        #expect(page.text.contains("Terse Tom: DNA version 2"))
        #expect(page.text.contains("What changed since version 1"))
        #expect(page.text.contains("<table id=\"dna-changes\">"))
        #expect(page.text.contains("<th scope=\"row\">samples added</th><td>—</td><td>long</td>"))
        #expect(page.text.range(of: "<th scope=\"row\">sentence length</th><td>[0-9.]+ words</td><td>[0-9.]+ words</td>", options: .regularExpression) != nil)
        #expect(page.text.contains("rel=\"prev\""))
        Self.expectNoInlineCode(page.text, "revision")
        let first = try await browser.get("/voices/terse-tom/dna/1")
        #expect(first.text.contains("The first revision"))
        #expect(first.text.contains("rel=\"next\""))
        #expect(!first.text.contains("<table id=\"dna-changes\">"))
        #expect(try await browser.get("/voices/terse-tom/dna/9").status == 404)
        #expect(try await browser.get("/voices/terse-tom/dna/latest").status == 404)

        let svg = try await browser.get("/voices/terse-tom/features.svg")
        #expect(svg.status == 200)
        let shapes = try SVGShapes(svg.body)
        #expect(shapes.root == "svg" && shapes.width >= 300 && shapes.height >= 150)
        #expect(shapes.texts.contains("v1") && shapes.texts.contains("v2") && shapes.texts.contains("sentence length"))
        #expect(shapes.negativeSizes == 0)
        #expect(svg.text.components(separatedBy: "<title>sentence length, v").count - 1 == 2, "a title for each point")
    }

    @Test func editAndRenameShowRefusalsInTheFormAndARenameMovesToTheNewAddress() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        let browser = Browser(server: server)
        let edited = try await browser.post("/voices/terse-tom/edit", [("description", "Short & <b>plain</b>"), ("tags", "work, blog"),
                                                                      ("notes", "Writes for busy people.\r\nNo fluff.")])
        #expect(edited.status == 303, "\(edited.text.prefix(400))")
        #expect(edited.header("Location") == "/voices/terse-tom?notice=edited#edit")
        let clone = try server.vault.workspace().clones.show("terse-tom")
        #expect(clone.clone.description == "Short & <b>plain</b>" && clone.clone.tags == ["work", "blog"])
        #expect(clone.notes == "Writes for busy people.\nNo fluff.\n")
        #expect(try server.vault.git("log", "-1", "--format=%s").contains("terse-tom: edit description, tags, notes"))
        let page = try await browser.get("/voices/terse-tom?notice=edited")
        #expect(page.text.contains("Changes saved and committed."))
        #expect(page.text.contains("value=\"Short &amp; &lt;b&gt;plain&lt;/b&gt;\""))
        #expect(page.text.contains("<p>Short &amp; &lt;b&gt;plain&lt;/b&gt;</p>"))
        try Self.expectLabelledInputs(page.text, "voice with edit forms")
        let head = try server.vault.git("rev-parse", "HEAD")
        _ = try await browser.post("/voices/terse-tom/edit", [("description", "Short & <b>plain</b>"), ("tags", "work,blog"),
                                                             ("notes", "Writes for busy people.\nNo fluff.")])
        #expect(try server.vault.git("rev-parse", "HEAD") == head, "an untouched form commits nothing")

        let taken = try await browser.post("/voices/terse-tom/rename", [("name", "Ornate Olive")])
        #expect(taken.status == 409)
        #expect(taken.header("Content-Type") == "text/html; charset=utf-8")
        #expect(taken.text.contains("id=\"rename-error\""))
        #expect(taken.text.contains("value=\"Ornate Olive\" aria-describedby=\"rename-help\" aria-invalid=\"true\""))
        #expect(taken.text.contains("<h1>Terse Tom</h1>"), "the voice's own page, with the refusal in its form")
        let blank = try await browser.post("/voices/terse-tom/rename", [("name", "  ")])
        #expect(blank.status == 422)
        #expect(blank.text.contains("Give the voice its new name."))
        let slash = try await browser.post("/voices/terse-tom/rename", [("name", "a/b")])
        #expect(slash.status == 422)
        #expect(slash.text.contains("path separator"))
        for refused in [taken, blank, slash] {
            #expect(!refused.text.contains("Swift/") && !refused.text.contains("Fatal error") && !refused.text.contains("VaultError"))
        }
        let foreign = try await browser.post("/voices/terse-tom/rename", [("name", "Mallory")], origin: "http://attacker.example")
        #expect(foreign.status == 403)
        #expect(try server.vault.workspace().clones.list().map(\.slug).sorted() == ["ornate-olive", "terse-tom"])

        let renamed = try await browser.post("/voices/terse-tom/rename", [("name", "<b onmouseover=x>Tess")])
        #expect(renamed.status == 303)
        let location = try #require(renamed.header("Location"))
        #expect(location == "/voices/b-onmouseover-x-tess?notice=renamed")
        #expect(try await browser.get("/voices/terse-tom").status == 404)
        let moved = try await browser.get(location)
        #expect(moved.status == 200)
        #expect(moved.text.contains("<h1>&lt;b onmouseover=x&gt;Tess</h1>"))
        #expect(moved.text.contains("Renamed and committed"))
        #expect(!moved.text.contains("<b onmouseover"))
        #expect(try server.vault.git("log", "-1", "--format=%s").contains("rename clone \"Terse Tom\""))
    }
}

extension WebPageTests {
    @Test func aRewriteShowsItsChangesAndScoresAndIsSavedOnlyWhenKept() async throws {
        let server = try await ServerHarness.start()
        defer { Task { await server.stop() } }
        try server.addTwoWriters()
        _ = try server.vault.workspace().dna.analyze("terse-tom")
        let browser = Browser(server: server)
        let write = try await browser.get("/write?voice=terse-tom")
        #expect(write.text.contains("<form method=\"post\" action=\"/write/rewrite\""))
        try Self.expectLabelledInputs(write.text, "write with rewrite")

        // Two machine-sounding sentences, so the rewrite has at least two changes to accept or refuse whatever it
        // does with the ornate paragraph's lengths.
        let draft = "In today's fast-paced world, it is important to note that leveraging synergies is crucial. <script>alert(1)</script>\r\n\r\n"
            + "Moreover, the team will delve into the data to foster a seamless workflow.\r\n\r\n"
            + StyledText.ornate(2)
        let shown = try await browser.post("/write/rewrite", [("voice", "terse-tom"), ("text", draft)])
        #expect(shown.status == 200, "\(shown.text.prefix(600))")
        #expect(shown.text.contains("Rewritten toward Terse Tom"))
        #expect(shown.text.range(of: "<th scope=\"row\">Sounds like Terse Tom</th><td>[0-9]+/100</td><td>[0-9]+/100</td>", options: .regularExpression) != nil)
        #expect(shown.text.range(of: "<th scope=\"row\">AI-likeness \\(lower is better\\)</th><td>[0-9]+/100</td><td>[0-9]+/100</td>", options: .regularExpression) != nil)
        #expect(shown.text.contains("<table class=\"diff\" id=\"rewrite-changes\">"))
        #expect(shown.text.contains("<del>") && shown.text.contains("<ins>") && shown.text.contains("<li>"), "changes highlighted, with reasons")
        #expect(!shown.text.contains("<script>alert") && shown.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(shown.text.contains("<input type=\"hidden\" name=\"text\" value=\"In today&#39;s fast-paced world"))
        #expect(shown.text.contains("<a href=\"/write?voice=terse-tom\" id=\"discard\">Discard</a>"))
        Self.expectNoInlineCode(shown.text, "rewrite")
        #expect(try server.vault.workspace().library.entries().entries.isEmpty, "showing a rewrite saves nothing")

        let normalised = draft.replacingOccurrences(of: "\r\n", with: "\n")
        let foreign = try await browser.post("/write/rewrite/keep", [("voice", "terse-tom"), ("text", normalised)], origin: "http://attacker.example")
        #expect(foreign.status == 403)
        #expect(try server.vault.workspace().library.entries().entries.isEmpty)
        let kept = try await browser.post("/write/rewrite/keep", [("voice", "terse-tom"), ("text", normalised)])
        #expect(kept.status == 303, "\(kept.text.prefix(400))")
        let entry = try #require(try server.vault.workspace().library.entries().entries.first)
        #expect(kept.header("Location") == "/library/\(entry.id)?notice=kept")
        #expect(entry.status.rawValue == "draft")
        let expected = try server.vault.workspace().detection.rewrite(clone: "terse-tom", text: .init(file: "pasted text", text: normalised)).text
        #expect(try server.vault.workspace().library.document(entry.id).text.trimmingCharacters(in: .whitespacesAndNewlines)
                == expected.trimmingCharacters(in: .whitespacesAndNewlines))
        let piece = try await browser.get("/library/\(entry.id)?notice=kept")
        #expect(piece.text.contains("Rewrite kept"))

        // Each change can be refused: an unticked one goes back as the draft had it.
        let changes = try server.vault.workspace().detection.rewrite(clone: "terse-tom", text: .init(file: "pasted text", text: normalised)).diff.changes
        try #require(changes.count >= 2, "the fixture gives the rewrite at least two changes")
        #expect(shown.text.contains("<input type=\"checkbox\" name=\"keep\" value=\"0\" form=\"keep-form\" id=\"keep-change-0\" checked><label for=\"keep-change-0\">change 1</label>"))
        #expect(shown.text.contains("<input type=\"hidden\" name=\"changes\" value=\"\(changes.count)\">"))
        let stale = try await browser.post("/write/rewrite/keep", [("voice", "terse-tom"), ("text", normalised), ("changes", "\(changes.count + 1)"), ("keep", "\(changes.count)")])
        #expect(stale.status == 409, "\(stale.text.prefix(400))")
        #expect(try server.vault.workspace().library.entries().entries.count == 1, "a refused choice saves nothing")
        let ticked = (1..<changes.count).map { ("keep", "\($0)") }
        let partial = try await browser.post("/write/rewrite/keep", [("voice", "terse-tom"), ("text", normalised), ("changes", "\(changes.count)")] + ticked)
        #expect(partial.status == 303, "\(partial.text.prefix(400))")
        let partialEntry = try #require(try server.vault.workspace().library.entries().entries.first { $0.id != entry.id })
        let partialText = try server.vault.workspace().library.document(partialEntry.id).text
        #expect(partialText.contains(changes[0].before.joined(separator: " ")), "the refused change is back as written")
        #expect(!partialText.contains(changes[0].after.joined(separator: " ")) || changes[0].after.isEmpty)
        let expectedPartial = try #require(RewriteDiff.keeping(Set(1..<changes.count), draft: normalised, rewritten: expected))
        #expect(expectedPartial != expected && expectedPartial != normalised)
        #expect(partialText.trimmingCharacters(in: .whitespacesAndNewlines) == expectedPartial.trimmingCharacters(in: .whitespacesAndNewlines),
                "the ticked changes are kept, the rest of the text as rewritten")

        #expect(try await browser.post("/write/rewrite", [("voice", "terse-tom"), ("text", "  ")]).status == 422)
        #expect(try await browser.post("/write/rewrite", [("voice", "ornate-olive"), ("text", "Some words here.")]).status >= 400)
    }
}

/// What an SVG document holds, read with an XML parser (so a malformed picture fails the test).
final class SVGShapes: NSObject, XMLParserDelegate {
    private(set) var root = ""
    private(set) var width = 0.0
    private(set) var height = 0.0
    private(set) var marks = 0
    private(set) var negativeSizes = 0
    private(set) var texts: [String] = []
    private var inText = false
    private var current = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw RawHTTPClient.ClientError("SVG is not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root.isEmpty {
            root = name
            width = Double(attributes["width"] ?? "") ?? 0
            height = Double(attributes["height"] ?? "") ?? 0
        }
        if ["rect", "circle", "polygon", "line", "polyline"].contains(name) { marks += 1 }
        for key in ["width", "height", "r"] where (Double(attributes[key] ?? "0") ?? 0) < 0 { negativeSizes += 1 }
        if name == "text" {
            inText = true
            current = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            inText = false
            texts.append(current)
        }
    }
}
