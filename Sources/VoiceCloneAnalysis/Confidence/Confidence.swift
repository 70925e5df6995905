import Foundation
import VoiceCloneText

/// How far to trust a DNA, 0-100, with the breakdown and plain advice on what to add.
public struct Confidence: Codable, Sendable, Equatable {
    public var score: Int
    public var breakdown: ConfidenceBreakdown
    public var advice: [String]

    static let fullWords = 20_000.0
    static let floorWords = 300.0

    init(_ c: CorpusCounts, contentTypes: [ContentTypeCount]) {
        let words = Double(c.words)
        let wordPoints = 30 * min(1, max(0, log(words / Self.floorWords) / log(Self.fullWords / Self.floorWords)))
        let samplePoints = 20 * min(1, (Double(c.samples) / 20).squareRoot())
        let kinds = contentTypes.filter { $0.type != .other }.count
        let varietyPoints = 20 * min(1, Double(max(kinds, contentTypes.isEmpty ? 0 : 1)) / 3)
        let lengths = c.perSample.map { Double($0.words) }
        var spreadPoints = 0.0
        if lengths.count >= 2 {
            let cv = Stats.standardDeviation(lengths) / max(Stats.mean(lengths), 1)
            spreadPoints = 15 * min(1, cv / 0.5)
        }
        var consistencyPoints = 0.0
        let usable = c.perSample.filter { $0.words >= 100 }
        if usable.count >= 2 {
            func cv(_ xs: [Double]) -> Double { Stats.standardDeviation(xs) / max(Stats.mean(xs), 1e-9) }
            let spread = (cv(usable.map(\.meanSentenceLength)) + cv(usable.map(\.commasPerThousand)) + cv(usable.map(\.functionWordShare))) / 3
            consistencyPoints = 15 * max(0, min(1, 1 - (spread - 0.1) / 0.5))
        }
        breakdown = ConfidenceBreakdown(wordCount: wordPoints, samples: samplePoints, variety: varietyPoints,
                                        lengthSpread: spreadPoints, consistency: consistencyPoints)
        score = Int((wordPoints + samplePoints + varietyPoints + spreadPoints + consistencyPoints).rounded())

        var advice: [String] = []
        let present = Set(contentTypes.map(\.type))
        let missing = [ContentType.email, .blog, .social, .article, .newsletter, .essay, .speech].filter { !present.contains($0) }
        let nextWords = [2_000, 5_000, 10_000, 20_000].first { Double($0) > words }
        if let next = nextWords {
            let more = Self.roundUp(next - c.words)
            if kinds < 3, let type = missing.first {
                advice.append("Add \(NumberText.grouped(more)) more words of \(type.rawValue) to reach \(NumberText.grouped(next)) words across more kinds of writing.")
            } else {
                advice.append("Add \(NumberText.grouped(more)) more words to reach \(NumberText.grouped(next)).")
            }
        } else if kinds < 3, let type = missing.first {
            advice.append("Add a few samples of \(type.rawValue) (about 2,000 words) so the voice covers more kinds of writing.")
        }
        if c.samples < 20 {
            advice.append("Split long pieces or add more samples: \(c.samples) sample\(c.samples == 1 ? "" : "s") now, 20 or more is best.")
        }
        if lengths.count >= 2, spreadPoints < 10 {
            advice.append("Mix short and long pieces: the samples are all of similar length.")
        }
        if usable.count >= 2, consistencyPoints < 8 {
            advice.append("The samples differ a lot in style; check that they are all by this writer and not edited by others or by AI.")
        }
        self.advice = advice
    }

    static func roundUp(_ n: Int) -> Int { max(100, ((n + 99) / 100) * 100) }
}
