import VoiceCloneAnalysis
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

extension CheckService {
    /// The scan's findings. Nothing after the scan reads a sample's words, so the scan keeps no text (`countingIndex`).
    public func run() -> CheckReport {
        checkReport(countingIndex)
    }

    func checkReport(_ index: VaultIndex) -> CheckReport {
        var diagnostics = index.diagnostics + dnaDiagnostics(index)
        diagnostics.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return CheckReport(clones: index.clones.count,
                           samples: index.clones.reduce(0) { $0 + $1.samples.count },
                           words: index.clones.reduce(0) { $0 + $1.words },
                           errors: diagnostics.filter { $0.severity == .error }.count,
                           warnings: diagnostics.filter { $0.severity == .warning }.count,
                           diagnostics: diagnostics)
    }
}

extension CheckService {
    /// Every DNA revision that cannot be read back, named with what to do: `analyze` and `dna show` need them whole.
    func dnaDiagnostics(_ index: VaultIndex) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for clone in index.clones {
            for version in clone.dnaVersions {
                let path = session.dna.dnaPath(clone.slug, version)
                do {
                    _ = try VoiceDNA.decode(try ContainedFile.read(path, in: vault, limit: DNAService.maxDNABytes), path: path)
                } catch VaultError.symbolicLink {
                    continue  // reported by the scanner
                } catch {
                    found.append(Diagnostic(.error, path: path,
                        "DNA revision cannot be read (\(Self.firstLine(error))); restore it with `git checkout -- \(path)`, "
                            + "or delete it with `git rm \(path)` and run `voiceclone analyze \(clone.slug)`"))
                }
            }
        }
        return found
    }

    static func firstLine(_ error: any Error) -> String {
        String(error.localizedDescription.split(separator: "\n").first ?? "unreadable").prefix(200).description
    }
}
