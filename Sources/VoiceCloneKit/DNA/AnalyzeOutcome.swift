/// One clone's entry in `analyze --all --json` (and the API's analyse-all job): the result, or the error.
public struct AnalyzeOutcome: Encodable, Sendable {
    public var result: DNAStoreResult?
    public var failure: AnalyzeFailure?

    public init(_ r: Result<DNAStoreResult, AnalyzeFailure>) {
        switch r {
        case .success(let s): result = s
        case .failure(let f): failure = f
        }
    }

    public var failed: Bool { failure != nil }

    public func encode(to encoder: any Encoder) throws {
        if let result { try result.encode(to: encoder) }
        if let failure {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(failure.clone, forKey: .clone)
            try c.encode("failed", forKey: .status)
            try c.encode(failure.message, forKey: .error)
        }
    }

    enum Keys: String, CodingKey { case clone, status, error }
}
