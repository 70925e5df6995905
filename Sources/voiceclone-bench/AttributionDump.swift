import Foundation
import VoiceCloneAttribution

/// Every ranking the attribution evaluation produced, at full precision, written to the file named by
/// `VOICECLONE_ATTRIBUTION_DUMP` when it is set. Speed work on attribution must leave results unchanged;
/// two dumps compared with `cmp` show that it did, far more finely than the accuracy figures.
final class AttributionDump: @unchecked Sendable {
    static let shared = AttributionDump()
    private var lines: [String] = []
    private let path = ProcessInfo.processInfo.environment["VOICECLONE_ATTRIBUTION_DUMP"]

    var isEnabled: Bool { path != nil }

    /// Records one attributor's calibration and its results for `label`.
    func record(_ label: String, attributor: Attributor, results: [Attribution]) {
        guard isEnabled else { return }
        let c = attributor.calibration
        lines.append(String(format: "%@ calibration chunks=%d accuracy=%.17g temperature=%.17g", label, c.chunks, c.accuracy, c.temperature))
        for (index, result) in results.enumerated() {
            let ranking = result.ranking.map { String(format: "%@:%.17g:%.17g", $0.clone, $0.distance, $0.probability) }
            let drivers = result.drivers.map { String(format: "%@:%.17g", $0.feature, $0.contribution) }
            lines.append("\(label) #\(index) words=\(result.words) \(ranking.joined(separator: " ")) | \(drivers.joined(separator: " "))")
        }
    }

    /// Records `VoiceAttribution` results for `label`: rankings with the open-set posterior, at full precision.
    func record(_ label: String, results: [Attribution]) {
        guard isEnabled else { return }
        for (index, result) in results.enumerated() {
            let ranking = result.ranking.map {
                String(format: "%@:%.17g:%.17g:%.17g", $0.clone, $0.distance, $0.probability, $0.writerProbability ?? -1)
            }
            let band = String(format: "%.17g..%.17g", result.band.lower, result.band.upper)
            let open = result.openSet.map { String(format: "same=%.17g none=%.17g", $0.sameWriterProbability, $0.noneProbability ?? -1) } ?? "-"
            lines.append("\(label) #\(index) words=\(result.words) author=\(result.author ?? "none") band=\(band) \(open) | \(ranking.joined(separator: " "))")
        }
    }

    /// Writes the dump; does nothing when the variable is unset.
    func write() throws {
        guard let path else { return }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }
}
