import Foundation
import Testing
import VoiceCloneHTTP
import VoiceCloneTestSupport

@Suite("Header injection")
struct HeaderInjectionTests {
    @Test func aHeaderValueWithALineBreakIsNeverSent() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat", .json(#"{"ok":true}"#))
        let request = HTTPRequest.postJSON(url: server.url("/v1/chat"), body: Data("{}".utf8),
                                           headers: ["Authorization": "Bearer sk-abc\r\nX-Injected: yes"])
        #expect {
            _ = try HTTPClient().send(request)
        } throws: { error in
            let message = error.localizedDescription
            return message.contains("control character") && !message.contains("sk-abc")
        }
        #expect(server.requests.isEmpty)
    }
}
