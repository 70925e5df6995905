import Foundation
import VoiceCloneAnalysis
import VoiceCloneText
import VoiceCloneVault

/// The texts a voice is written and judged from. For an ordinary clone, its own samples. A merged clone has no
/// samples of its own: it draws on its sources' samples in proportion to the weights, so the offline engine,
/// the language-model excerpts and the voice-match score all hear the blend, not one source.
extension SampleService {
    public func voiceSamples(of clone: String) throws -> [AnalysisSample] {
        let record = try index.requireClone(clone)
        guard let sources = try session.merges.sources(of: record.slug) else {
            return try session.dna.analysisSamples(of: record.slug).filter { !$0.aiAssisted }
        }
        let pools = try sources.map { source -> (weight: Double, samples: [(sample: AnalysisSample, words: Int)]) in
            let samples = try session.dna.analysisSamples(of: source.clone).filter { !$0.aiAssisted }.map {
                (AnalysisSample(id: "\(source.clone)/\($0.id)", text: $0.text, contentType: $0.contentType), WordCount.count($0.text))
            }
            return (source.weight, samples)
        }
        // The largest total that keeps every source at its weight without repeating any text.
        let total = pools.compactMap { pool -> Double? in
            let words = pool.samples.reduce(0) { $0 + $1.words }
            return pool.weight > 0 && words > 0 ? Double(words) / pool.weight : nil
        }.min() ?? 0
        var drawn: [AnalysisSample] = []
        for pool in pools {
            var budget = Int((total * pool.weight).rounded())
            for (sample, count) in pool.samples where budget > 0 {
                if count <= budget {
                    drawn.append(sample)
                } else {
                    drawn.append(AnalysisSample(id: sample.id, text: Self.firstWords(budget, of: sample.text), contentType: sample.contentType))
                }
                budget -= count
            }
        }
        return drawn
    }

    /// The first `n` words of a text, cut at a paragraph or sentence end when one is near.
    static func firstWords(_ n: Int, of text: String) -> String {
        var seen = 0
        var end = text.endIndex
        var inWord = false
        for i in text.indices {
            let space = text[i].isWhitespace
            if !space && !inWord { seen += 1; if seen > n { end = i; break } }
            inWord = !space
        }
        let cut = text[..<end]
        if let stop = cut.lastIndex(where: { ".!?".contains($0) }), cut.distance(from: stop, to: cut.endIndex) < 200 {
            return String(cut[...stop])
        }
        return String(cut)
    }
}
