import Foundation
import Testing
@testable import VoiceCloneDetection
import VoiceCloneTestSupport

@Suite("Detection flags and spans")
struct FlagTests {
    let detector = Detector()

    @Test func spansPointAtTheSentenceInTheOriginalText() throws {
        let text = "---\ntitle: Café notes ☕\n---\n\nWe met at the café — twice. Moreover, it is essential to embrace feedback. The coffee was cold.\n"
        let result = detector.detect(text)
        let flag = try #require(result.flags.first { $0.sentence.hasPrefix("Moreover") })
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[flag.span.start..<flag.span.end], as: UTF8.self) == flag.sentence)
        let scalars = Array(text.unicodeScalars)
        var chars = String.UnicodeScalarView()
        chars.append(contentsOf: scalars[flag.span.startCharacter..<flag.span.endCharacter])
        #expect(String(chars) == flag.sentence)
        #expect(flag.signals.contains("stacked_transitions"))
        #expect(flag.reasons.contains { $0.contains("Moreover") })
        #expect(flag.suggestion.contains("Drop"))
        // Front matter is not judged.
        #expect(!result.flags.contains { $0.sentence.contains("title") })
        #expect(!result.flags.contains { $0.sentence == "The coffee was cold." })
    }

    @Test func eachKindOfFlagHasAReasonAndASuggestion() {
        let result = detector.detect(DetectionFixtures.machine)
        let signals = Set(result.flags.flatMap(\.signals))
        for expected in ["ai_vocabulary", "stacked_transitions", "rule_of_three", "not_just_but", "hedging_signposting"] {
            #expect(signals.contains(expected), "no \(expected) flag")
        }
        for flag in result.flags {
            #expect(!flag.reasons.isEmpty && !flag.suggestion.isEmpty)
        }
        let tapestry = result.flags.first { $0.sentence.contains("tapestry") }
        #expect(tapestry?.suggestion.contains("“rich tapestry” → “mix”") == true)
    }

    @Test func headingsAndEmojiBulletsAreFlagged() {
        let text = "# Five Ways to Ship Faster\n\nWe ship weekly.\n\n- 🚀 Smaller changes\n- Tests first\n"
        let result = detector.detect(text)
        let heading = result.flags.first { $0.signals.contains("title_case_headings") }
        #expect(heading?.sentence == "Five Ways to Ship Faster")
        #expect(heading?.suggestion.contains("“Five ways to ship faster”") == true)
        #expect(result.flags.contains { $0.signals.contains("emoji_bullets") && $0.sentence == "Smaller changes" })
    }

    @Test func humanProseRaisesFewFlags() {
        #expect(detector.detect(DetectionFixtures.human).flags.count <= 1)
    }
}
