import Testing
@testable import VoiceCloneServer

/// What the offline engine cannot show over HTTP: a provider's exemplar samples become links to their pages.
@Suite struct WritePageUnitTests {
    @Test func exemplarSampleIDsLinkToTheirSamplePagesEncoded() {
        let links = WritePage.exemplarLinks(["2026-01-02-notes", "odd id?#"], clone: "terse-tom")
        #expect(links.map { $0["href"] as? String } == ["/voices/terse-tom/samples/2026-01-02-notes", "/voices/terse-tom/samples/odd%20id%3F%23"])
        #expect(links.map { $0["id"] as? String } == ["2026-01-02-notes", "odd id?#"])
    }
}
