import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneVault

/// `MergeService.create` and `reblend` on a copy of the example vault.
@Suite struct MergeTests {
    /// A copy of `example-vault` (three writers) with every clone analysed.
    static func analysedExampleVault() throws -> (TemporaryDirectory, Workspace) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("example-vault")
        let dir = TemporaryDirectory("merge")
        let root = dir.url.appendingPathComponent("vault")
        try FileManager.default.copyItem(at: source, to: root)
        let ws = try Workspace(vault: Vault(root: root), environment: [:])
        for result in try ws.dna.analyzeAll() { _ = try result.get() }
        return (dir, try Workspace(vault: Vault(root: root), environment: [:]))
    }

    static func git(_ ws: Workspace, _ args: String...) throws -> String {
        try ProcessRunner.git(args, in: ws.vault.root)
    }

    @Test func fiftyFiftyMergeLiesBetweenItsSourcesOnEveryNumericTrait() throws {
        let (dir, ws) = try Self.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        let result = try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: [1, 1], name: "Dana Rex")
        let a = try ws.dna.load(of: "dana-okafor"), b = try ws.dna.load(of: "rex-talbot")
        let m = try Workspace(vault: ws.vault, environment: [:]).dna.load(of: result.clone)
        let traits = ["lexical", "sentences", "paragraphs", "punctuation", "function_words", "pronouns", "readability", "formatting", "spelling"]
        let ja = try Self.tree(a), jb = try Self.tree(b), jm = try Self.tree(m)
        var checked = 0
        for section in traits {
            Self.walk(jm[section], ja[section], jb[section], path: section) { path, vm, va, vb in
                checked += 1
                #expect(vm >= min(va, vb) - 1e-4 && vm <= max(va, vb) + 1e-4, "\(path): \(vm) not between \(va) and \(vb)")
            }
        }
        #expect(checked >= 60, "only \(checked) numeric traits compared")
    }

    @Test func mergeWritesManifestAndDNAInOneCommit() throws {
        let (dir, ws) = try Self.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        let before = Int(try Self.git(ws, "rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let result = try ws.merges.create(sources: ["Dana Okafor", "marguerite-holloway"], weights: [7, 3], name: "Brand Voice")
        #expect(result.clone == "brand-voice" && result.weightsNormalised && result.givenWeights == [7, 3] && !result.flattened)
        #expect(result.sources == [MergeSource(clone: "dana-okafor", weight: 0.7, dnaVersion: 1),
                                   MergeSource(clone: "marguerite-holloway", weight: 0.3, dnaVersion: 1)])
        #expect(result.dna.version == 1 && result.dna.path == "clones/brand-voice/dna/v0001.json" && result.dna.commit != nil)
        let after = Int(try Self.git(ws, "rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(after == before + 1)
        let files = try Self.git(ws, "show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init).sorted()
        #expect(files == ["clones/brand-voice/clone.md", "clones/brand-voice/dna/latest.json", "clones/brand-voice/dna/v0001.json"])
        let manifest = try String(contentsOf: ws.vault.root.appendingPathComponent("clones/brand-voice/clone.md"), encoding: .utf8)
        #expect(manifest.contains("clone: dana-okafor") && manifest.contains("weight: 0.7000") && manifest.contains("dna_version: 1"))
        #expect(!FileManager.default.fileExists(atPath: ws.vault.root.appendingPathComponent("clones/brand-voice/samples").path))

        let fresh = try Workspace(vault: ws.vault, environment: [:])
        let summary = try #require(fresh.clones.list().first { $0.slug == "brand-voice" })
        #expect(summary.mergedFrom?.map(\.clone) == ["dana-okafor", "marguerite-holloway"])
        #expect(summary.stale == false && summary.samples == 0 && summary.dnaVersion == 1)
        #expect(try fresh.merges.sources(of: "brand-voice")?.map(\.weight) == [0.7, 0.3])
        #expect(try fresh.merges.sources(of: "dana-okafor") == nil)
        let dna = try fresh.dna.load(of: "brand-voice")
        #expect(dna.merge?.sources.map(\.clone) == ["dana-okafor", "marguerite-holloway"])
    }

    @Test func staleAfterASourceChangesAndReblendCatchesUp() throws {
        let (dir, ws) = try Self.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        _ = try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: nil, name: "Blend")
        // Nothing changed: analyze on the merged clone writes nothing.
        #expect(try Workspace(vault: ws.vault, environment: [:]).dna.analyze("blend").status == .unchanged)
        // A source gains a sample and a new DNA revision: the blend is stale.
        let extra = (0..<40).map { _ in "Ship small changes. Watch the graphs. Roll back fast when p99 climbs." }.joined(separator: " ")
        try extra.write(to: ws.vault.root.appendingPathComponent("clones/dana-okafor/samples/extra.md"), atomically: true, encoding: .utf8)
        #expect(try Workspace(vault: ws.vault, environment: [:]).dna.analyze("dana-okafor").version == 2)
        let stale = try #require(Workspace(vault: ws.vault, environment: [:]).clones.list().first { $0.slug == "blend" })
        #expect(stale.stale == true)
        // analyze re-blends: a new revision built from dana v2, recorded in clone.md, in one commit.
        let reblended = try Workspace(vault: ws.vault, environment: [:]).dna.analyze("blend")
        #expect(reblended.status == .written && reblended.version == 2)
        let files = try Self.git(ws, "show", "--name-only", "--format=", "HEAD").split(separator: "\n").map(String.init).sorted()
        #expect(files == ["clones/blend/clone.md", "clones/blend/dna/latest.json", "clones/blend/dna/v0002.json"])
        let fresh = try Workspace(vault: ws.vault, environment: [:])
        #expect(fresh.clones.list().first { $0.slug == "blend" }?.stale == false)
        #expect(try fresh.dna.load(of: "blend").merge?.sources.first?.dnaVersion == 2)
        #expect(try fresh.merges.reblend(clone: "blend").status == .unchanged)
    }

    @Test func mergedSourcesFlattenToTheOriginalVoices() throws {
        let (dir, ws) = try Self.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        _ = try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: [0.5, 0.5], name: "Inner")
        let outer = try Workspace(vault: ws.vault, environment: [:])
            .merges.create(sources: ["inner", "marguerite-holloway"], weights: [0.6, 0.4], name: "Outer")
        #expect(outer.flattened)
        #expect(outer.sources.map(\.clone) == ["dana-okafor", "rex-talbot", "marguerite-holloway"])
        #expect(outer.sources.map(\.weight) == [0.3, 0.3, 0.4])
    }

    @Test func refusalsSayWhatIsWrong() throws {
        let (dir, ws) = try Self.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: VoiceMergeError.weightCountMismatch(weights: 3, sources: 2)) {
            try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: [1, 2, 3], name: "X")
        }
        #expect(throws: VoiceMergeError.nonPositiveWeight("0.0")) {
            try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: [1, 0], name: "X")
        }
        #expect(throws: VaultError.self) { try ws.merges.create(sources: ["dana-okafor", "nobody"], weights: nil, name: "X") }
        #expect(throws: VoiceMergeError.includesItself(clone: "rex-talbot", path: ["rex-talbot", "rex-talbot"])) {
            try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: nil, name: "Rex Talbot")
        }
        #expect(throws: VoiceMergeError.duplicateSource("rex-talbot")) {
            try ws.merges.create(sources: ["rex-talbot", "Rex Talbot"], weights: nil, name: "X")
        }
        // A source never analysed.
        _ = try ws.clones.create(name: "Fresh")
        do {
            _ = try Workspace(vault: ws.vault, environment: [:]).merges.create(sources: ["dana-okafor", "fresh"], weights: nil, name: "X")
            Issue.record("merged a clone without DNA")
        } catch {
            #expect(error.localizedDescription.contains("voiceclone analyze fresh"))
        }
        // Re-blending an ordinary clone is refused: it has samples to analyse instead.
        #expect(throws: VoiceMergeError.notMerged(clone: "dana-okafor")) {
            try Workspace(vault: ws.vault, environment: [:]).merges.reblend(clone: "dana-okafor")
        }
        #expect(!FileManager.default.fileExists(atPath: ws.vault.root.appendingPathComponent("clones/x").path))
    }

    // MARK: JSON walking

    static func tree(_ dna: VoiceDNA) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: dna.canonicalJSON()) as? [String: Any] ?? [:]
    }

    /// Calls `check` for every number found at the same path in all three trees (arrays of ranked words, whose
    /// positions mean different words, are skipped).
    static func walk(_ m: Any?, _ a: Any?, _ b: Any?, path: String, _ check: (String, Double, Double, Double) -> Void) {
        if let m = m as? [String: Any], let a = a as? [String: Any], let b = b as? [String: Any] {
            for key in m.keys.sorted() { walk(m[key], a[key], b[key], path: path + "." + key, check) }
        } else if let m = m as? [Any], let a = a as? [Any], let b = b as? [Any] {
            if path.hasSuffix("openers") || path.hasSuffix("most_frequent") { return }
            for k in 0..<min(m.count, a.count, b.count) { walk(m[k], a[k], b[k], path: path + "[\(k)]", check) }
        } else if let m = m as? NSNumber, let a = a as? NSNumber, let b = b as? NSNumber {
            check(path, m.doubleValue, a.doubleValue, b.doubleValue)
        }
    }
}
