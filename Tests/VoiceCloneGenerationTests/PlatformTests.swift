import Foundation
import Testing
@testable import VoiceCloneGeneration
import VoiceCloneTestSupport

@Suite struct PlatformTests {
    @Test func presetsHaveTheDocumentedLimits() throws {
        #expect(try Platform.preset(named: "LinkedIn").maxChars == 3000)
        #expect(try Platform.preset(named: "linkedin").hookChars == 210)
        #expect(try Platform.preset(named: "x").maxCharsPerPost == 280)
        #expect(try Platform.preset(named: "twitter") == .x)
        #expect(try Platform.preset(named: "instagram").maxChars == 2200)
        #expect(try Platform.preset(named: "instagram").hashtags > 0)
        #expect(try Platform.preset(named: "blog").headings)
        #expect(try Platform.preset(named: "email").subjectLine)
        #expect(Set(Platform.presets.map(\.name)) == ["linkedin", "x", "blog", "newsletter", "email", "instagram", "generic"])
    }

    @Test func unknownPresetNamesTheKnownOnes() {
        #expect(throws: PlatformError.self) { try Platform.preset(named: "myspace") }
        let message = PlatformError.unknownPreset(name: "myspace", known: ["x", "blog"]).errorDescription ?? ""
        #expect(message.contains("myspace") && message.contains("x, blog") && message.contains("vault config"))
    }

    @Test func userPresetsDecodeFromConfigAndOverride() throws {
        let json = #"""
        [{"name": "mastodon", "max_chars": 500, "hashtags": 2},
         {"name": "linkedin", "max_chars": 1300, "hook_chars": 140, "default_words": 120}]
        """#
        let custom = try JSONDecoder().decode([Platform].self, from: Data(json.utf8))
        let mastodon = try Platform.preset(named: "Mastodon", custom: custom)
        #expect(mastodon.maxChars == 500 && mastodon.hashtags == 2 && !mastodon.headings && mastodon.defaultWords == 250)
        #expect(try Platform.preset(named: "linkedin", custom: custom).maxChars == 1300)

        let engine = try LocalEngine(samples: GenerationFixtures.samples)
        let piece = try engine.write(GenerationRequest(prompt: "coffee", platform: mastodon, length: .words(300), seed: 1))
        #expect(piece.text.count <= 500)
        #expect(piece.allChecksPassed, "\(piece.checks)")
        #expect(piece.platform == "mastodon")
    }

    @Test func invalidUserPresetsAreRejected() {
        for bad in [#"{"name": "tiny", "max_chars": 3}"#, #"{"name": " "}"#, #"{"name": "t", "hashtags": -1}"#,
                    #"{"max_chars": 300}"#] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Platform.self, from: Data(bad.utf8)) }
        }
        let message = PlatformError.invalidPreset(name: "tiny", reason: "max_chars must be at least 20, got 3")
            .errorDescription ?? ""
        #expect(message.contains("tiny") && message.contains("max_chars"))
    }

    @Test func piecesEncodeWithSnakeCaseKeys() throws {
        let piece = GeneratedPiece(text: "Hi.", provider: "local", model: "m", platform: "x",
                                   checks: [PlatformCheck(name: "no_copy", passed: true, detail: "0")],
                                   longestCopiedRun: 0, seed: 3)
        let json = String(decoding: try JSONEncoder().encode(piece), as: UTF8.self)
        #expect(json.contains("\"longest_copied_run\":0"))
        #expect(try JSONDecoder().decode(GeneratedPiece.self, from: Data(json.utf8)) == piece)
    }
}
