import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Each sample file is read from disk once per command: the scan and every later reader share the session's
/// `SampleReader`, and an edited file is read again.
@Suite struct SampleReadsTests {
    /// Three clones of three samples each, written by hand into samples/.
    static func threeWriters() throws -> TestVault {
        let vault = try TestVault()
        let ws = try vault.workspace()
        for name in ["Terse Tom", "Ornate Olive", "Plain Pat"] { _ = try ws.clones.create(name: name) }
        for i in 0..<3 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", StyledText.terse(UInt64(i)))
            try vault.writeSample(clone: "ornate-olive", name: "o\(i).md", StyledText.ornate(UInt64(i)))
            try vault.writeSample(clone: "plain-pat", name: "p\(i).md", StyledText.terse(UInt64(100 + i)) + "\n\n" + StyledText.ornate(UInt64(100 + i), words: 100))
        }
        return vault
    }

    @Test func analyzeAllReadsEverySampleOnce() throws {
        let vault = try Self.threeWriters()
        let ws = try vault.workspace()
        let results = try ws.dna.analyzeAll()
        #expect(results.count == 3)
        #expect(results.allSatisfy { (try? $0.get())?.status == .written })
        // Nine samples, nine reads: not one for the scan, one per analysis and one per background, nor a rescan
        // after each DNA commit.
        #expect(ws.sampleReader.fileReads == 9)
        // Attribution in the same session reads nothing again.
        let dir = TemporaryDirectory("texts")
        let text = try dir.write("unknown.md", StyledText.terse(999, words: 400))
        _ = try ws.attribution.attribute([text.path])
        #expect(ws.sampleReader.fileReads == 9)
    }

    /// `check` reads nothing after its scan, so the session keeps no text (at 10,000 samples keeping them doubled
    /// its peak memory); `check --samples` judges the texts next, so it keeps them and reads each file once.
    @Test func checkKeepsNoTextUnlessItJudgesTheSamples() throws {
        let vault = try Self.threeWriters()
        let ws = try vault.workspace()
        let report = ws.checks.run()
        #expect(report.samples == 9)
        #expect(ws.sampleReader.keptTexts == 0)
        let judging = try vault.workspace()
        let output = try judging.checks.run(samples: true)
        #expect(output.report.samples == 9 && output.sampleWarnings != nil)
        #expect(judging.sampleReader.keptTexts == 9)
        #expect(judging.sampleReader.fileReads == 9)
    }

    @Test func anEditedSampleIsReadAgain() throws {
        let vault = try Self.threeWriters()
        let ws = try vault.workspace()
        _ = try ws.dna.analyze("terse-tom")
        let before = ws.sampleReader.fileReads
        #expect(before == 9)
        try vault.writeSample(clone: "terse-tom", name: "t0.md", StyledText.terse(42, words: 500))
        let samples = try ws.dna.analysisSamples(of: "terse-tom")
        #expect(ws.sampleReader.fileReads == before + 1)
        #expect(samples.first { $0.id == "t0" }?.text.contains(StyledText.terse(42, words: 500).prefix(40)) == true)
    }
}
