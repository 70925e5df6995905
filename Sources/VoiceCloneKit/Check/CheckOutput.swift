/// `check --json` (and `GET /api/check`): the scan report, plus `sample_warnings` when samples were judged.
public struct CheckOutput: Encodable, Sendable {
    public var report: CheckReport
    public var sampleWarnings: [SampleAIWarning]?

    public init(report: CheckReport, sampleWarnings: [SampleAIWarning]?) {
        self.report = report
        self.sampleWarnings = sampleWarnings
    }

    enum CodingKeys: String, CodingKey { case sampleWarnings = "sample_warnings" }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(sampleWarnings, forKey: .sampleWarnings)
    }
}

extension CheckService {
    /// `check [--samples [--clone C] [--threshold N]]`: the scan, and with `samples` the samples not marked
    /// ai_assisted that read as machine-written.
    public func run(samples: Bool, clone: String? = nil, threshold: Int? = nil) throws -> CheckOutput {
        // Judging the samples reads their words next: then the scan keeps them (`index`), so each is read once.
        let report = samples ? checkReport(index) : run()
        return CheckOutput(report: report, sampleWarnings: samples ? try session.detection.sampleWarnings(clone: clone, threshold: threshold) : nil)
    }
}
