import Foundation
import Testing
import VoiceCloneKit
@testable import VoiceCloneServer

/// What the offline engine cannot show over HTTP: a provider's exemplar samples become links to their pages.
@Suite struct WritePageUnitTests {
    @Test func exemplarSampleIDsLinkToTheirSamplePagesEncoded() {
        let links = WritePage.exemplarLinks(["2026-01-02-notes", "odd id?#"], clone: "terse-tom")
        #expect(links.map { $0["href"] as? String } == ["/voices/terse-tom/samples/2026-01-02-notes", "/voices/terse-tom/samples/odd%20id%3F%23"])
        #expect(links.map { $0["id"] as? String } == ["2026-01-02-notes", "odd id?#"])
    }

    @Test func theLocalServerProbeIsKeptThirtySecondsAndASubmitAlwaysProbesAgain() {
        final class Clock: @unchecked Sendable { var now: TimeInterval = 100 }
        let clock = Clock()
        let cache = LocalServerCache(lifetime: 30, clock: { clock.now })
        var probes = 0
        func probe() -> LocalServerScan { probes += 1; return LocalServerScan(servers: [], probedPorts: [probes]) }
        #expect(cache.scan(probe).probedPorts == [1])
        clock.now += 29
        #expect(cache.scan(probe).probedPorts == [1], "kept")
        #expect(cache.refreshed(probe).probedPorts == [2], "a submit asks now")
        #expect(cache.scan(probe).probedPorts == [2], "and keeps what it found")
        clock.now += 30
        #expect(cache.scan(probe).probedPorts == [3], "too old: asked again")
        #expect(probes == 3)
    }
}
