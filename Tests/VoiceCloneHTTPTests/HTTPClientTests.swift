import Foundation
import Testing
import VoiceCloneHTTP
import VoiceCloneTestSupport

@Suite("HTTPClient against the loopback server")
struct HTTPClientTests {
    let client = HTTPClient()

    @Test func getReturnsStatusHeadersAndBody() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/hello", LoopbackResponse.text("hi there", contentType: "text/html; charset=ISO-8859-1").with(header: "X-Trace", "abc"))
        let response = try client.send(HTTPRequest(url: server.url("/hello"), headers: ["Accept": "text/html"]))
        #expect(response.status == 200)
        #expect(response.text == "hi there")
        #expect(response.headers["x-trace"] == "abc")
        #expect(response.contentType == "text/html")
        #expect(response.charset == "iso-8859-1")
        #expect(response.finalURL == server.url("/hello"))
        let recorded = try #require(server.requests(to: "/hello").first)
        #expect(recorded.method == "GET")
        #expect(recorded.header("accept") == "text/html")
    }

    @Test func postSendsBodyAndHeaders() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat", .json(#"{"ok":true}"#))
        let request = HTTPRequest.postJSON(url: server.url("/v1/chat"), body: Data(#"{"model":"m"}"#.utf8), headers: ["Authorization": "Bearer sk-test"])
        let response = try client.send(request)
        #expect(response.status == 200)
        let recorded = try #require(server.requests(to: "/v1/chat").first)
        #expect(recorded.method == "POST")
        #expect(recorded.bodyText == #"{"model":"m"}"#)
        #expect(recorded.header("Content-Type") == "application/json")
        #expect(recorded.header("Authorization") == "Bearer sk-test")
        #expect(recorded.header("Expect") == nil)
    }

    @Test func followsRedirectsAndReportsFinalURL() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: server.url("/c")))
        server.route("/c", .html("<p>end</p>"))
        let response = try client.send(HTTPRequest(url: server.url("/a")))
        #expect(response.status == 200)
        #expect(response.finalURL == server.url("/c"))
        #expect(response.text == "<p>end</p>")
        #expect(response.headers["Location"] == nil)
    }

    @Test func redirectLoopIsReported() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/ping", .redirect(to: "/pong"))
        server.route("/pong", .redirect(to: "/ping"))
        #expect(throws: HTTPError.tooManyRedirects(url: server.url("/ping"), limit: 5)) {
            try client.send(HTTPRequest(url: server.url("/ping")))
        }
        #expect(server.requests.count == 6)
    }

    @Test func errorStatusesAreResponsesNotErrors() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/boom", .text("internal", status: 500))
        #expect(try client.send(HTTPRequest(url: server.url("/boom"))).status == 500)
        let missing = try client.send(HTTPRequest(url: server.url("/nowhere")))
        #expect(missing.status == 404)
        #expect(!missing.isSuccess)
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/slow", .stall(5))
        let request = HTTPRequest(url: server.url("/slow"), connectTimeout: 2, totalTimeout: 0.5)
        #expect(throws: HTTPError.timedOut(url: server.url("/slow"), seconds: 0.5)) { try client.send(request) }
    }

    @Test func stalledStreamIsAbandonedByIdleTimeout() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/stream", LoopbackResponse(
            headers: [("Content-Type", "text/event-stream")],
            parts: [.bytes(Data("data: 1\n\n".utf8)), .pause(10), .bytes(Data("data: 2\n\n".utf8))],
            chunked: true))
        var chunks: [String] = []
        let request = HTTPRequest(url: server.url("/stream"), totalTimeout: nil, idleTimeout: 1)
        #expect(throws: HTTPError.stalled(url: server.url("/stream"), seconds: 1)) {
            _ = try client.stream(request) { chunks.append(String(decoding: $0, as: UTF8.self)); return true }
        }
        #expect(chunks == ["data: 1\n\n"])
    }

    @Test func oversizedBodyIsRefused() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/big", .bytes(Data(repeating: 65, count: 300_000), contentType: "text/html"))
        server.route("/bigchunked", .slow([String(repeating: "x", count: 200_000), String(repeating: "y", count: 200_000)], interval: 0))
        for path in ["/big", "/bigchunked"] {
            #expect(throws: HTTPError.bodyTooLarge(url: server.url(path), limit: 100_000)) {
                try client.send(HTTPRequest(url: server.url(path), maxBodyBytes: 100_000))
            }
        }
    }

    @Test func streamingDeliversChunksAsTheyArrive() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/sse", .sse(["data: one\n\n", "data: tw", "o\n\n", "data: [DONE]\n\n"], interval: 0.15))
        let start = Date()
        var arrivals: [(String, TimeInterval)] = []
        let response = try client.stream(HTTPRequest(url: server.url("/sse"))) { chunk in
            arrivals.append((String(decoding: chunk, as: UTF8.self), Date().timeIntervalSince(start)))
            return true
        }
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(arrivals.map(\.0).joined() == "data: one\n\ndata: two\n\ndata: [DONE]\n\n")
        #expect(arrivals.count >= 3)
        // The first event arrived well before the last one was sent: it was delivered, not buffered.
        #expect(arrivals[0].1 < arrivals[arrivals.count - 1].1)
    }

    @Test func streamingErrorStatusKeepsBody() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/sse", .json(#"{"error":{"message":"bad key"}}"#, status: 401))
        var calls = 0
        let response = try client.stream(HTTPRequest(url: server.url("/sse"))) { _ in calls += 1; return true }
        #expect(response.status == 401)
        #expect(calls == 0)
        #expect(response.text.contains("bad key"))
    }

    @Test func handlerReturningFalseCancels() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/sse", .sse(["data: 1\n\n", "data: 2\n\n", "data: 3\n\n"], interval: 0.3))
        var seen = 0
        #expect(throws: HTTPError.cancelled(url: server.url("/sse"))) {
            _ = try client.stream(HTTPRequest(url: server.url("/sse"))) { _ in seen += 1; return false }
        }
        #expect(seen == 1)
    }

    @Test func cancellationFlagStopsASilentTransfer() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/quiet", .stall(20))
        let cancellation = HTTPCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel() }
        let start = Date()
        #expect(throws: HTTPError.cancelled(url: server.url("/quiet"))) {
            try client.send(HTTPRequest(url: server.url("/quiet"), totalTimeout: 15), cancellation: cancellation)
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func sequenceRoutesAnswerInOrder() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/flaky", sequence: [.text("busy", status: 500), .text("ok")])
        #expect(try client.send(HTTPRequest(url: server.url("/flaky"))).status == 500)
        #expect(try client.send(HTTPRequest(url: server.url("/flaky"))).status == 200)
        #expect(try client.send(HTTPRequest(url: server.url("/flaky"))).status == 200)
    }

    @Test func unsupportedSchemesAreRefusedBeforeConnecting() {
        #expect(throws: HTTPError.unsupportedScheme(url: "file:///etc/passwd", scheme: "file", allowed: ["http", "https"])) {
            try client.send(HTTPRequest(url: "file:///etc/passwd"))
        }
        #expect(throws: HTTPError.unsupportedScheme(url: "ftp://example.com/x", scheme: "ftp", allowed: ["http", "https"])) {
            try client.send(HTTPRequest(url: "ftp://example.com/x"))
        }
        #expect(throws: HTTPError.invalidURL("not a url")) { try client.send(HTTPRequest(url: "not a url")) }
    }

    @Test func redirectToAForbiddenSchemeIsRefused() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/sneaky", .redirect(to: "file:///etc/passwd"))
        #expect(throws: HTTPError.self) { try client.send(HTTPRequest(url: server.url("/sneaky"))) }
    }

    @Test func unresolvableHostAndClosedPortAreReported() throws {
        #expect(throws: HTTPError.hostNotFound(url: "http://no-such-host.invalid/", host: "no-such-host.invalid")) {
            try client.send(HTTPRequest(url: "http://no-such-host.invalid/", connectTimeout: 3))
        }
        // A port that was just free: bind a server, note its port, stop it.
        let server = try LoopbackHTTPServer()
        let url = server.url("/")
        server.stop()
        #expect(throws: HTTPError.couldNotConnect(url: url)) { try client.send(HTTPRequest(url: url, connectTimeout: 3)) }
    }

    @Test func errorMessagesNameTheURLButNeverHeadersOrCredentials() {
        let error = HTTPError.timedOut(url: "https://user:sk-secret@api.example.com/v1", seconds: 30)
        let message = error.localizedDescription
        #expect(message.contains("api.example.com/v1"))
        #expect(!message.contains("sk-secret"))
    }
}

@Suite("LoopbackHTTPServer")
struct LoopbackServerTests {
    @Test func stopIsPromptWhileARouteIsStalling() throws {
        let server = try LoopbackHTTPServer()
        server.route("/hang", .stall(30))
        let finished = DispatchSemaphore(value: 0)
        let url = server.url("/hang")
        Thread {
            _ = try? HTTPClient().send(HTTPRequest(url: url, totalTimeout: 20))
            finished.signal()
        }.start()
        // Wait (bounded) until the request has arrived, then stop.
        let deadline = Date().addingTimeInterval(5)
        while server.requests.isEmpty, Date() < deadline { usleep(10_000) }
        #expect(server.requests.count == 1)
        let start = Date()
        server.stop()
        #expect(finished.wait(timeout: .now() + 5) == .success, "the client was not released by stop()")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func recordsMethodTargetHeadersAndChunkedBodies() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/echo") { request in .text("\(request.method) \(request.target) \(request.bodyText)") }
        var request = HTTPRequest(url: server.url("/echo?x=1"), method: "PUT", headers: ["X-One": "1"], body: Data("payload".utf8))
        request.headers.add("x-two", "2")
        let response = try HTTPClient().send(request)
        #expect(response.text == "PUT /echo?x=1 payload")
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/echo")
        #expect(recorded.header("X-ONE") == "1")
        #expect(recorded.header("X-Two") == "2")
        #expect(recorded.rawHeaderText.contains("X-One: 1"))
    }
}
