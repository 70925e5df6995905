import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneTestSupport
import VoiceCloneText
@testable import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
@testable import VoiceCloneRewrite

/// The follow-up message of `generate --refine` and the provider rewrite's request, against the templates.
@Suite struct RefineFeedbackTests {
    let detector = Detector()

    func dna() throws -> VoiceDNA {
        var options = AnalysisOptions()
        options.minimumWords = 10
        return try VoiceAnalyzer(options: options).analyze([AnalysisSample(id: "a", text: DetectionFixtures.human)])
    }

    func guidance(_ draft: String) throws -> RewriteGuidance {
        let dna = try dna()
        return RewriteGuidance(dna: dna, style: RewriteStyle(dna: dna), detection: detector.detect(draft))
    }

    @Test func feedbackCarriesScoresDifferencesFlagsAndInstructions() throws {
        let draft = DetectionFixtures.machine
        let detection = detector.detect(draft)
        let flag = try #require(detection.flags.first)
        let feedback = RefineFeedback(
            writer: "Dana", voiceMatch: 41, aiLikeness: 88, minVoiceMatch: 70, maxAILikeness: 49,
            differences: ["your sentences run 40% longer than Dana's (12.0 vs 7.1 words)"],
            failedChecks: ["max_chars: 3,412 of 3,000 characters"], detection: detection,
            guidance: try guidance(draft), platform: .generic, length: .words(120), threadPosts: nil)
        let text = try feedback.message()
        #expect(text.hasPrefix("Your draft scored 41/100 for sounding like Dana (aim: 70 or more) and 88/100 for reading "
            + "as machine-written (aim: 49 or less)."))
        #expect(text.contains("It breaks these rules; fix them first:\n- max_chars: 3,412 of 3,000 characters\n\nWhere it differs most from Dana's measured voice:\n- your sentences run 40% longer"))
        #expect(text.contains("The writer's habits, measured from their samples:"))
        #expect(text.contains("\"\(flag.sentence)\"") && text.contains(flag.suggestion))
        #expect(text.contains("keep it to about 120 words"))
        #expect(!text.contains("{{"))

        let original = [GenerationMessage(role: .system, content: "S"), GenerationMessage(role: .user, content: "U")]
        let messages = try feedback.messages(after: original, draft: draft)
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user])
        #expect(messages[2].content == draft && messages[3].content == text)
    }

    @Test func withoutADNATheFlagsAreListedAndNothingIsLeftUnfilled() throws {
        let detection = detector.detect(DetectionFixtures.machine)
        let feedback = RefineFeedback(
            writer: "Dana", voiceMatch: nil, aiLikeness: 80, minVoiceMatch: 70, maxAILikeness: 49, differences: [],
            detection: detection, guidance: nil, platform: .generic, length: nil, threadPosts: nil)
        let text = try feedback.message()
        #expect(text.contains("(not measurable) for sounding like Dana"))
        #expect(text.contains("Sentences that read as machine-written, with what to change:"))
        #expect(!text.contains("Where it differs most") && !text.contains("breaks these rules") && !text.contains("{{"))
    }

    @Test func providerRewriteRequestHoldsTheInstructionsAndTheDraft() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let provider = OpenAIProvider(settings: ProviderTestSupport.settings(.openai, server: server, key: ProviderTestSupport.openAIKey))
        let draft = DetectionFixtures.machine
        let request = try ProviderRewriter(provider: provider, temperature: 0.3).request(draft: draft, guidance: try guidance(draft), writer: "Dana")
        #expect(request.messages.map(\.role) == [.system, .user])
        #expect(request.messages[0].content.contains("read as if Dana wrote them"))
        #expect(request.messages[0].content.contains("The writer's habits, measured from their samples:"))
        #expect(request.messages[1].content.hasSuffix(draft.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(request.temperature == 0.3)
        if case .words(let n)? = request.length { #expect(n >= WordCount.count(draft)) } else { Issue.record("no length") }
    }

    @Test func chattyPrefaceIsDroppedButRealTextIsNot() {
        #expect(ProviderRewriter.dropPreface("Here is the rewritten draft:\n\nIt rained.") == "It rained.")
        #expect(ProviderRewriter.dropPreface("Here we go: the rain.\n\nIt rained.") == "Here we go: the rain.\n\nIt rained.")
        #expect(ProviderRewriter.dropPreface("It rained:\n\nall day.") == "It rained:\n\nall day.")
        #expect(ProviderRewriter.dropPreface("Here's the list:") == "Here's the list:")
    }
}
