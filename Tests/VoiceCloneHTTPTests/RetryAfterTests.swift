import Foundation
import Testing
import VoiceCloneHTTP

@Suite struct RetryAfterTests {
    @Test func parsesSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.delay(from: "120", now: now) == 120)
        #expect(RetryAfter.delay(from: " 0 ", now: now) == 0)
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:29:30 GMT", now: now) == 90)
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:28:10 GMT", now: now) == 10)
        #expect(RetryAfter.delay(from: "Wed Oct 21 07:28:05 2015", now: now) == 5)
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.delay(from: "soon", now: now) == nil)
        let response = HTTPResponse(status: 429, headers: ["retry-after": "7"], body: Data(), finalURL: "http://x/")
        #expect(RetryAfter.delay(for: response) == 7)
    }

    @Test func headersLookUpIgnoringCase() {
        var headers: HTTPHeaders = ["Content-Type": "text/html"]
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        #expect(headers["content-type"] == "text/html")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers.set("SET-COOKIE", "c=3")
        #expect(headers.values(for: "set-cookie") == ["c=3"])
        #expect(MediaType(parsing: "text/html; charset=\"Windows-1252\"") == MediaType(parsing: "TEXT/HTML;charset=windows-1252"))
    }
}
