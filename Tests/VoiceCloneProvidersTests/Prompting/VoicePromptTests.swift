import Foundation
import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

@Suite struct VoicePromptTests {
    static let samples = GenerationFixtures.samples.enumerated().map { AnalysisSample(id: "s\($0.offset)", text: $0.element) }
    static let dna = try! VoiceAnalyzer().analyze(samples)

    func prompt(_ platform: Platform = .linkedin) -> VoicePrompt {
        VoicePrompt(writer: "Dana Okafor", dna: Self.dna, samples: Self.samples, platform: platform)
    }

    @Test func systemMessageStatesMeasuredHabits() throws {
        let messages = try prompt().messages(prompt: "Why I grind coffee by hand", length: .words(120), threadPosts: nil)
        #expect(messages.map(\.role) == [.system, .user])
        let system = messages[0].content
        let p25 = Int(Self.dna.sentences.percentiles.p25.rounded())
        #expect(system.contains("Sentences: most run \(p25) to"))
        #expect(system.contains("em dashes (—) in a piece this long (120 words)"), "\(system)")
        #expect(system.contains("Contractions: yes"))
        #expect(!system.contains("grade") && !system.contains("per 1,000 words"), "no rules a model cannot act on")
        #expect(system.contains("Do not invent facts"))
        #expect(system.contains("delve"))
        #expect(system.contains("At most 3000 characters"))
        #expect(system.contains("first 210 characters"))
        #expect(!system.contains("{{") && !messages[1].content.contains("{{"))
        #expect(!system.lowercased().contains("write like"))
    }

    @Test func excerptsAreRelevantShortAndStable() throws {
        let selector = ExcerptSelector(maxExcerpts: 2, maxWords: 40)
        let excerpts = selector.select(from: Self.samples, prompt: "a post about coffee grinders and the ritual")
        #expect(excerpts.count == 2)
        #expect(excerpts[0].text.lowercased().contains("coffee") || excerpts[0].text.lowercased().contains("grinder"))
        #expect(excerpts[0].keywordHits >= 1)
        #expect(Set(excerpts.map(\.sampleID)).count == 2, "one excerpt per sample first")
        for excerpt in excerpts { #expect(excerpt.text.split(separator: " ").count <= 41) }
        #expect(selector.select(from: Self.samples.reversed(), prompt: "a post about coffee grinders and the ritual") == excerpts)

        let messages = try prompt().messages(prompt: "a post about coffee grinders", length: nil, threadPosts: nil)
        #expect(messages[1].content.contains("<example source=\"s1\">\n" + GenerationFixtures.samples[1].trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(messages[1].content.hasSuffix("a post about coffee grinders"))
        #expect(try prompt().messages(prompt: "a post about coffee grinders", length: nil, threadPosts: nil) == messages)
    }

    @Test func threadAndEmailRules() throws {
        let x = try prompt(.x).messages(prompt: "morning pages", length: nil, threadPosts: 4)
        #expect(x[0].content.contains("exactly 4 posts, each at most 280 characters"))
        #expect(x[1].content.contains("a thread of 4 posts"))
        let email = try prompt(.email).messages(prompt: "invite to a writing session", length: .characters(900), threadPosts: nil)
        #expect(email[0].content.contains("Subject:"))
        #expect(email[1].content.contains("at most 900 characters"))
    }

    @Test func emptyPromptIsRefused() {
        #expect(throws: PromptError.emptyPrompt) { try prompt().messages(prompt: "  \n", length: nil, threadPosts: nil) }
    }

    @Test func styleTargetsFromDNA() {
        let targets = StyleTargets(dna: Self.dna)
        #expect(targets.sentenceLength?.mean == Self.dna.sentences.meanLength)
        #expect(targets.punctuationPer1000Words.emDash == Self.dna.punctuation.emDash)
        #expect(targets.sentencesPerParagraph == Self.dna.paragraphs.meanSentences)
        let shares = targets.sentenceLength?.histogram?.reduce(0) { $0 + $1.share } ?? 0
        #expect(abs(shares - 1) < 0.01)
        #expect(targets.sentenceLength?.histogram?.allSatisfy { $0.lower <= $0.upper } == true)
        #expect(!targets.openers.isEmpty)
    }

    @Test func localEngineSteeredByDNAStillWrites() throws {
        let engine = try LocalEngine(samples: GenerationFixtures.samples, style: StyleTargets(dna: Self.dna))
        let request = GenerationRequest(prompt: "coffee and notebooks", platform: .linkedin, seed: 7)
        let a = try engine.write(request), b = try engine.write(request)
        #expect(a.text == b.text)
        #expect(a.allChecksPassed || a.checks.filter { !$0.passed }.allSatisfy { $0.name == "length" })
    }

    @Test func pieceInspectionForRemoteText() {
        let thread = "1/2 First post here.\n\n2/2 Second post, a little longer."
        let checks = PlatformTextChecks.checks(text: thread, platform: .x, length: nil, threadPosts: 2,
                                            copyGuard: CopyGuard(samples: GenerationFixtures.samples))
        #expect(checks.first { $0.name == "posts" }?.passed == true)
        #expect(checks.first { $0.name == "post_2_chars" }?.passed == true)
        #expect(checks.first { $0.name == "no_copy" }?.passed == true)
        let long = String(repeating: "word ", count: 700)
        #expect(PlatformTextChecks.checks(text: long, platform: .linkedin, length: nil, threadPosts: nil)
            .first { $0.name == "max_chars" }?.passed == false)
    }

    /// A skeleton's `#[topic1]` stands for a tag; "#" before a space, a heading's "# " and "#1" in prose stay apart.
    @Test func aSkeletonsTagPlaceholdersCountAsHashtags() {
        let hashtags = { (text: String) in
            PlatformTextChecks.checks(text: text, platform: .linkedin, length: nil, threadPosts: nil)
                .first { $0.name == "hashtags" }
        }
        #expect(hashtags("[hook]\n\n[close]\n\n#[topic1] #[topic2]")?.passed == true)
        #expect(hashtags("[hook]\n\n[close]\n\n#[topic1] #[topic2]")?.detail.hasPrefix("2 hashtags") == true)
        #expect(hashtags("[hook]\n\n[close]")?.passed == false)
        #expect(hashtags("# A heading\n\nWe shipped # things.")?.detail.hasPrefix("0 hashtags") == true)
    }
}
