import VoiceCloneVault

/// What `voiceclone check` found.
public struct CheckReport: Encodable, Sendable {
    public var clones: Int
    public var samples: Int
    public var words: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Diagnostic]
    public var ok: Bool { errors == 0 }

    enum CodingKeys: String, CodingKey { case clones, samples, words, errors, warnings, diagnostics, ok }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clones, forKey: .clones)
        try c.encode(samples, forKey: .samples)
        try c.encode(words, forKey: .words)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(ok, forKey: .ok)
    }
}

extension Workspace {
    public func check() -> CheckReport {
        let index = self.index
        let diagnostics = index.diagnostics
        return CheckReport(clones: index.clones.count,
                           samples: index.clones.reduce(0) { $0 + $1.samples.count },
                           words: index.clones.reduce(0) { $0 + $1.words },
                           errors: diagnostics.filter { $0.severity == .error }.count,
                           warnings: diagnostics.filter { $0.severity == .warning }.count,
                           diagnostics: diagnostics)
    }
}
