import Foundation
import Testing
@testable import VoiceCloneGeneration
import VoiceCloneTestSupport

@Suite struct LocalEngineTests {
    let engine: LocalEngine

    init() throws {
        engine = try LocalEngine(samples: GenerationFixtures.samples)
    }

    private func write(_ prompt: String = "slow mornings and coffee", platform: Platform = .generic,
                       length: LengthTarget? = nil, seed: UInt64 = 42, posts: Int? = nil) throws -> GeneratedPiece {
        try engine.write(GenerationRequest(
            prompt: prompt, platform: platform, length: length, seed: seed, threadPosts: posts))
    }

    @Test func sameSeedGivesSameText() throws {
        let a = try write(seed: 99)
        let b = try write(seed: 99)
        let fresh = try LocalEngine(samples: GenerationFixtures.samples)
        let c = try fresh.write(GenerationRequest(prompt: "slow mornings and coffee", seed: 99))
        #expect(a == b)
        #expect(a.text == c.text)
        #expect(a.seed == 99)
    }

    @Test func differentSeedsGiveDifferentText() throws {
        let texts = try (1...4).map { try write(seed: UInt64($0)).text }
        #expect(Set(texts).count == 4)
    }

    @Test func unseededRequestReportsTheSeedItUsed() throws {
        let piece = try engine.write(GenerationRequest(prompt: "coffee"))
        let seed = try #require(piece.seed)
        let again = try engine.write(GenerationRequest(prompt: "coffee", seed: seed))
        #expect(again.text == piece.text)
    }

    @Test(arguments: Platform.presets.map(\.name))
    func platformLimitsAreMet(name: String) throws {
        let platform = try Platform.preset(named: name)
        for seed in UInt64(1)...3 {
            let piece = try write(platform: platform, seed: seed, posts: name == "x" ? 4 : nil)
            #expect(!piece.text.isEmpty)
            #expect(piece.allChecksPassed, "\(name) seed \(seed): \(piece.checks.filter { !$0.passed })")
            // Measure independently of the engine's own checks.
            if let max = platform.maxChars { #expect(piece.text.count <= max) }
            if let perPost = platform.maxCharsPerPost {
                let posts = piece.text.components(separatedBy: "\n\n")
                #expect(posts.count == 4)
                for (index, post) in posts.enumerated() {
                    #expect(post.count <= perPost)
                    #expect(post.hasSuffix(" \(index + 1)/\(posts.count)"))
                }
            }
            if let hook = platform.hookChars {
                let first = try #require(piece.text.components(separatedBy: "\n\n").first)
                #expect(first.count <= hook)
            }
            if platform.hashtags > 0 {
                let last = try #require(piece.text.components(separatedBy: "\n\n").last)
                let tags = last.split(separator: " ")
                #expect(tags.count == platform.hashtags)
                #expect(tags.allSatisfy { $0.hasPrefix("#") && $0.count > 2 })
            }
            if platform.headings {
                #expect(piece.text.hasPrefix("# "))
                #expect(piece.text.contains("\n\n## "))
            }
            if platform.subjectLine {
                #expect(piece.text.hasPrefix("Subject: "))
                #expect(piece.text.contains("\n\n"))
            }
        }
    }

    @Test func singleXPostFitsInOnePost() throws {
        let piece = try write(platform: .x, seed: 5)
        #expect(!piece.text.contains("\n\n"))
        #expect(piece.text.count <= 280)
        #expect(!piece.text.contains("1/"))
    }

    @Test func characterTargetIsALimit() throws {
        for target in [200, 500, 1200] {
            let piece = try write(length: .characters(target), seed: UInt64(target))
            #expect(piece.text.count <= target)
            #expect(piece.text.count >= target / 2)
        }
    }

    @Test func wordTargetIsRoughlyMet() throws {
        for target in [60, 250] {
            let piece = try write(length: .words(target), seed: 8)
            let words = WordHasher.words(piece.text).count
            #expect(words >= target * 3 / 4 && words <= target * 3 / 2, "\(words) words for \(target)")
        }
    }

    @Test func everyOutputIsCheckedForCopying() throws {
        let piece = try write(platform: .blog, seed: 11)
        let guardCheck = try #require(piece.checks.first { $0.name == "no_copy" })
        let independent = CopyGuard(samples: GenerationFixtures.samples).longestSharedRun(piece.text)
        #expect(piece.longestCopiedRun == independent)
        #expect(independent < 12)
        #expect(guardCheck.passed)
    }

    @Test func thinCloneIsWarnedButStillWrites() throws {
        let fewHundredWords = Array(GenerationFixtures.samples.prefix(2))
        let thin = try LocalEngine(samples: fewHundredWords)
        #expect(thin.sampleWordCount < 400)
        let piece = try thin.write(GenerationRequest(prompt: "coffee", platform: .linkedin, seed: 3))
        #expect(piece.warnings.contains { $0.contains("thin") })
        #expect(piece.allChecksPassed)
        #expect(WordHasher.words(piece.text).count > 50)

        let rich = try LocalEngine(samples: GenerationFixtures.samples, options: LocalEngineOptions(thinCloneWords: 300))
        let fine = try rich.write(GenerationRequest(prompt: "coffee", seed: 3))
        #expect(!fine.warnings.contains { $0.contains("thin") })
    }

    @Test func unusableSamplesGiveClearErrors() {
        #expect(throws: LocalEngineError.noSamples) { try LocalEngine(samples: []) }
        #expect(throws: LocalEngineError.noSamples) { try LocalEngine(samples: ["   ", "# Only a heading"]) }
        #expect(throws: LocalEngineError.tooFewWords(found: 6, needed: 40)) {
            try LocalEngine(samples: ["Just six words in this sample."])
        }
        #expect(throws: LocalEngineError.self) {
            try LocalEngine(samples: GenerationFixtures.samples, options: LocalEngineOptions(order: 7))
        }
        let message = LocalEngineError.tooFewWords(found: 6, needed: 40).errorDescription ?? ""
        #expect(message.contains("6 words") && message.contains("40"))
    }

    @Test func invalidRequestsAreRefused() {
        #expect(throws: LocalEngineError.self) { try write(length: .words(0)) }
        #expect(throws: LocalEngineError.self) {
            try engine.write(GenerationRequest(prompt: "x", temperature: -1, seed: 1))
        }
        #expect(throws: LocalEngineError.self) { try write(platform: .x, posts: 0) }
    }

    @Test func topicWordsAppearAndMissingOnesAreReported() throws {
        let coffee = try write("Write about coffee", seed: 21)
        #expect(coffee.text.lowercased().contains("coffee"))
        let notebooks = try write("A post on notebooks", seed: 21)
        #expect(notebooks.text.lowercased().contains("notebook"))
        let unknown = try write("blockchain governance", seed: 21)
        #expect(unknown.warnings.contains { $0.contains("'blockchain'") && $0.contains("'governance'") })
    }

    @Test func streamingDeliversTheWholeText() async throws {
        final class Collector: @unchecked Sendable {
            private let lock = NSLock()
            private var parts: [String] = []
            func add(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
            var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
        }
        let collector = Collector()
        let provider: any GenerationProvider = engine
        let piece = try await provider.generate(
            GenerationRequest(prompt: "coffee", platform: .blog, seed: 4), onText: { collector.add($0) })
        #expect(collector.text == piece.text)
        #expect(piece.provider == "local")
        #expect(piece.model == "kneser-ney-4gram")
    }
}
