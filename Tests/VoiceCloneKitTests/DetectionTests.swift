import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneDetection
import VoiceCloneProviders
import VoiceCloneRewrite

/// Kit's detection calls: vault word lists, clone baselines, the `check --samples` hook, the ai_assisted list, and
/// the provider slot of `rewrite`.
@Suite struct DetectionKitTests {
    /// Over 80 words: shorter texts get no verdict.
    static let machine = """
        In today's fast-paced world, effective teamwork is more important than ever. Moreover, strong teams foster trust, build momentum, and deliver meaningful results. Furthermore, they navigate the complex landscape of modern work. Additionally, it is essential to embrace feedback, which is a testament to continuous improvement. In conclusion, teamwork is not just a process, but a mindset that helps teams thrive. Ultimately, collaboration serves as a cornerstone of organizational success. By fostering open communication, leveraging diverse perspectives, and prioritizing shared goals, teams can unlock their full potential and drive sustainable growth in an ever-evolving landscape.
        """

    static func vault() throws -> TestVault {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Terse Tom")
        for i in 0..<3 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", "---\ntitle: T\(i)\ncontent_type: blog\n---\n" + StyledText.terse(UInt64(i)))
        }
        try vault.writeSample(clone: "terse-tom", name: "ghost.md", "---\ntitle: Ghost\n---\n" + machine)
        try vault.writeSample(clone: "terse-tom", name: "helped.md", "---\ntitle: Helped\nai_assisted: true\n---\n" + machine + " Again.")
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    @Test func checkHookWarnsAboutMachineLikeSamplesOnly() throws {
        let vault = try Self.vault()
        let ws = try vault.workspace()
        let warnings = try ws.detection.sampleWarnings()
        #expect(warnings.map(\.sample) == ["ghost"])
        #expect(warnings.first?.clone == "terse-tom")
        #expect(warnings.first?.path == "clones/terse-tom/samples/ghost.md")
        #expect(warnings.first?.message.contains("ai_assisted: true") == true)
        #expect(try ws.detection.aiAssistedSamples().map(\.id) == ["helped"])
        #expect(try ws.detection.aiAssistedSamples(clone: "terse-tom").count == 1)
        #expect(throws: (any Error).self) { try ws.detection.aiAssistedSamples(clone: "nobody") }
    }

    @Test func vaultListsExtendTheBundledOnes() throws {
        let vault = try Self.vault()
        try vault.directory.write(".voiceclone/detection/tell-words.txt", "# our house list\nsynergize\n")
        let ws = try vault.workspace()
        let report = try ws.detection.detect(texts: [NamedText(file: "x", text: "We synergize daily. We synergize weekly.")])
        let vocab = report[0].detection.signals.first { $0.name == "ai_vocabulary" }
        #expect((vocab?.value ?? 0) > 0)
        #expect(report[0].detection.flags.first?.reasons.first?.contains("synergize") == true)
    }

    @Test func detectAgainstACloneAndReadFailures() throws {
        let vault = try Self.vault()
        let ws = try vault.workspace()
        let results = try ws.detection.detect(inputs: ["-", "/no/such.md"], clone: "terse-tom", standardInput: { Data(Self.machine.utf8) })
        #expect(results.count == 2)
        let first = try results[0].get()
        #expect(first.file == "standard input")
        #expect(first.detection.baseline == "terse-tom")
        guard case .failure(let failure) = results[1] else { Issue.record("expected a failure"); return }
        #expect(failure.error.contains("/no/such.md"))
        #expect(throws: DetectionError.self) { try ws.detection.detect(texts: [], threshold: 100) }
    }

    struct EchoProvider: DraftRewriting {
        func rewrite(_ draft: String, guidance: RewriteGuidance) throws -> String {
            // A stand-in for a language model: it sees the DNA and the flags, and answers plainly.
            precondition(!guidance.detection.flags.isEmpty)
            return "Teams work better when they trust each other. Feedback helps. I'd keep it simple."
        }
    }

    @Test func rewriteWithTheLocalEngineOrAProvider() throws {
        let vault = try Self.vault()
        let ws = try vault.workspace()
        #expect(throws: (any Error).self) { try ws.detection.rewrite(clone: "terse-tom", text: NamedText(file: "d", text: Self.machine)) }
        _ = try ws.dna.analyze("terse-tom")
        let local = try ws.detection.rewrite(clone: "terse-tom", text: NamedText(file: "d", text: Self.machine))
        #expect(local.engine == "local")
        #expect(local.contentWordRecall >= 0.95)
        #expect(local.after.aiLikeness < local.before.aiLikeness)
        // The stand-in drops most of the draft: refused, naming the file, the recall and what went missing.
        do {
            _ = try ws.detection.rewrite(clone: "terse-tom", text: NamedText(file: "d.md", text: Self.machine), rewriter: EchoProvider(), engineName: "echo")
            Issue.record("a rewrite that drops content must be refused")
        } catch let error as ContentLossError {
            #expect(error.recall < 0.95 && error.engine == "echo" && !error.missing.isEmpty)
            let message = error.localizedDescription
            #expect(message.contains("d.md") && message.contains("The draft is unchanged"))
        }
    }
}
