import Testing
@testable import VoiceCloneKit

/// `rewrite` on a short text: a lower voice match that the draft's own band spans is said to be noise.
@Suite struct RewriteVoiceBandTests {
    @Test func aFallInsideTheDraftsBandIsCalledNoiseAndOnlyThen() throws {
        // A 52-word Dana post went 27 → 18 after one split; the draft's band was 12–51%.
        let warning = try #require(DetectionService.voiceFallWithinBand(before: 27, after: 18, band: 12...51, words: 52,
                                                                         writer: "dana-okafor"))
        #expect(warning.contains("27 → 18") && warning.contains("12–51%") && warning.contains("52 words"))
        // Not when the score rose or held, fell past the band, or no band is known.
        #expect(DetectionService.voiceFallWithinBand(before: 27, after: 30, band: 12...51, words: 52, writer: "d") == nil)
        #expect(DetectionService.voiceFallWithinBand(before: 27, after: 27, band: 12...51, words: 52, writer: "d") == nil)
        #expect(DetectionService.voiceFallWithinBand(before: 60, after: 8, band: 12...81, words: 52, writer: "d") == nil)
        #expect(DetectionService.voiceFallWithinBand(before: 27, after: 18, band: nil, words: 52, writer: "d") == nil)
    }
}
