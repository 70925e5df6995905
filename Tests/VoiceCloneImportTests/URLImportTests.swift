import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("URL import against the loopback server")
struct URLImportTests {
    let importer = DocumentImporter(options: ImportOptions(connectTimeout: 2, downloadTimeout: 2, maxDownloadBytes: 256 * 1024))

    @Test func importsThePageAndRecordsTheFinalURL() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/old-link", .redirect(to: "/2024/03/green-bicycle", status: 301))
        server.route("/2024/03/green-bicycle", .html(HTMLFixtures.blogPage(FixtureText.essay)))
        let document = try #require(try importer.importSource(server.url("/old-link")).first)
        #expect(document.source == server.url("/2024/03/green-bicycle"))
        #expect(document.sourceType == .url)
        #expect(document.title == FixtureText.title)
        let overlap = WordOverlap(expected: FixtureText.plainText(FixtureText.essay), actual: document.markdown)
        #expect(overlap.recall >= 0.99 && overlap.precision >= 0.99, "\(overlap)")
        #expect(server.requests(to: "/2024/03/green-bicycle").first?.header("Accept")?.contains("text/html") == true)
    }

    @Test func redirectLoopIsReported() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/a"))
        let url = server.url("/a")
        #expect {
            try importer.importSource(url)
        } throws: { error in
            guard case ImportError.download(let reported, let reason)? = error as? ImportError else { return false }
            return reported == url && reason.contains("more than 5 redirects")
        }
    }

    @Test func errorStatusesAreReported() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/gone", .html("<p>not here</p>", status: 404))
        server.route("/broken", .html("<p>oops</p>", status: 500))
        #expect(throws: ImportError.httpStatus(server.url("/gone"), status: 404)) { try importer.importSource(server.url("/gone")) }
        #expect(throws: ImportError.httpStatus(server.url("/broken"), status: 500)) { try importer.importSource(server.url("/broken")) }
        #expect(ImportError.httpStatus(server.url("/gone"), status: 404).localizedDescription.contains("HTTP 404 (not found)"))
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/slow", .slow(["<html><body><p>first part", " of a page that never ends"], interval: 10))
        #expect(throws: ImportError.timedOut(server.url("/slow"), seconds: 2)) { try importer.importSource(server.url("/slow")) }
    }

    @Test func oversizedPageIsRefused() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/huge", .html("<html><body>" + String(repeating: "<p>words and more words</p>", count: 20_000) + "</body></html>"))
        #expect(throws: ImportError.downloadTooLarge(server.url("/huge"), limit: 256 * 1024)) { try importer.importSource(server.url("/huge")) }
    }

    @Test func nonHTMLContentTypeIsRefused() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/paper.pdf", .bytes(Data("%PDF-1.4".utf8), contentType: "application/pdf"))
        server.route("/data.json", .json(#"{"a":1}"#))
        #expect(throws: ImportError.notHTML(server.url("/paper.pdf"), contentType: "application/pdf")) { try importer.importSource(server.url("/paper.pdf")) }
        #expect(throws: ImportError.notHTML(server.url("/data.json"), contentType: "application/json")) { try importer.importSource(server.url("/data.json")) }
    }

    @Test func windows1252PageIsConvertedToUTF8() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/cafe", .bytes(HTMLFixtures.windows1252Page(), contentType: "text/html; charset=windows-1252"))
        // The same bytes served with only the meta tag to go by.
        server.route("/cafe-meta", .bytes(HTMLFixtures.windows1252Page(), contentType: "text/html"))
        for path in ["/cafe", "/cafe-meta"] {
            let document = try #require(try importer.importSource(server.url(path)).first)
            #expect(document.markdown.contains(HTMLFixtures.windows1252Paragraph), "\(path)")
            #expect(document.markdown.contains("caf\u{E9}"))
        }
    }

    @Test func shortPageIsFlaggedNotSaved() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/login", .html("<html><body><form><p>Please sign in to read this article.</p></form><p>Members only.</p></body></html>"))
        #expect {
            try importer.importSource(server.url("/login"))
        } throws: { error in
            guard case ImportError.textTooShort(let url, _, 50)? = error as? ImportError else { return false }
            return url == server.url("/login")
        }
    }

    @Test func unreachableHostsAndSchemesAreReported() throws {
        #expect(throws: ImportError.hostNotFound("http://no-such-host.invalid/post", host: "no-such-host.invalid")) {
            try importer.importSource("http://no-such-host.invalid/post")
        }
        #expect(throws: ImportError.unsupportedURL("ftp://example.com/post.html")) { try importer.importSource("ftp://example.com/post.html") }
        #expect(throws: ImportError.unsupportedURL("file:///etc/hosts")) { try importer.importSource("file:///etc/hosts") }
    }
}
