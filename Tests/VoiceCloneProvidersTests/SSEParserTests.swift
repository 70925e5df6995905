import Foundation
import Testing
@testable import VoiceCloneProviders

@Suite struct SSEParserTests {
    let stream = "event: greet\r\ndata: {\"text\":\"héllo — wörld\"}\r\n\r\n: comment\n\ndata: line one\ndata: line two\nid: 7\n\ndata:[DONE]\n\n"
    let expected = [
        SSEEvent(event: "greet", data: "{\"text\":\"héllo — wörld\"}"),
        SSEEvent(event: nil, data: "line one\nline two", id: "7"),
        SSEEvent(event: nil, data: "[DONE]", id: "7"),
    ]

    @Test func wholeStream() {
        var parser = SSEParser()
        #expect(parser.feed(Data(stream.utf8)) + parser.finish() == expected)
    }

    /// Every way of cutting the stream in two, including inside CRLF and inside multi-byte characters.
    @Test func splitAtEveryByte() {
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var parser = SSEParser()
            let events = parser.feed(Data(bytes[..<cut])) + parser.feed(Data(bytes[cut...])) + parser.finish()
            #expect(events == expected, "cut at byte \(cut)")
        }
    }

    @Test func oneByteAtATime() {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for byte in stream.utf8 { events += parser.feed(Data([byte])) }
        #expect(events + parser.finish() == expected)
    }

    @Test func lastEventWithoutBlankLineIsDeliveredAtEnd() {
        var parser = SSEParser()
        #expect(parser.feed(Data("data: tail".utf8)).isEmpty)
        #expect(parser.finish() == [SSEEvent(data: "tail")])
    }

    @Test func eventWithoutDataIsNotDispatched() {
        var parser = SSEParser()
        #expect(parser.feed(Data("event: ping\n\nretry: 100\n\n".utf8)).isEmpty)
    }
}
