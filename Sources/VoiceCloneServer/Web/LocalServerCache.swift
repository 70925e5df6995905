import Foundation
import VoiceCloneKit

/// The local model servers the Write page lists, kept for `lifetime` seconds so that loading the page does not
/// probe every port each time (a probe waits up to its timeout on a port that does not answer). A form's submit
/// probes again and stores what it found (`refreshed`), so a form can only aim at a server that answers now.
final class LocalServerCache: @unchecked Sendable {
    let lifetime: TimeInterval
    private let lock = NSLock()
    private var kept: (scan: LocalServerScan, at: TimeInterval)?
    /// Seconds on a clock that never goes back (the system's uptime), replaceable in tests.
    private let clock: @Sendable () -> TimeInterval

    init(lifetime: TimeInterval = 30, clock: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The kept scan while it is younger than `lifetime`, else `probe()`'s, kept.
    func scan(_ probe: () -> LocalServerScan) -> LocalServerScan {
        let now = clock()
        if let kept = lock.withLock({ kept }), now - kept.at < lifetime, now >= kept.at { return kept.scan }
        return refreshed(probe)
    }

    /// `probe()`'s scan, always asked now, and kept for the next page.
    func refreshed(_ probe: () -> LocalServerScan) -> LocalServerScan {
        let fresh = probe()
        let at = clock()
        lock.withLock { kept = (fresh, at) }
        return fresh
    }
}
