import Foundation
import VoiceCloneAttribution

/// The tuning run behind the default `AttributionSettings`: leave-one-book-out on
/// faststylometry's sample novels (a corpus the evaluation never uses), over a small grid.
/// Kept in the project so the choice of defaults can be re-checked.
func runAttributionTuning(corpora: URL, grid: [(String, AttributionSettings)] = attributionTuningGrid) throws -> String {
    let folder = corpora.appendingPathComponent("faststylometry_sample")
    let rows = try AttributionCorpus.readCSV(folder.appendingPathComponent("metadata.csv"))
    let books = try rows.compactMap { row -> AttributionCorpus.Book? in
        guard let file = row["file"], let author = row["true_author"] else { return nil }
        return AttributionCorpus.Book(
            author: author, title: file, text: try AttributionCorpus.read(folder.appendingPathComponent(file)))
    }
    var report = "tuning on faststylometry_sample (leave-one-book-out, authors with 2+ books, 20 chunks per book)\n"
    for (name, settings) in grid {
        let result = try leaveOneBookOut(
            books: books, sizes: [2000, 500, 200], chunksPerBook: 20, settings: settings, distractors: true)
        let label = name.padding(toLength: 44, withPad: " ", startingAt: 0)
        report += label + String(format: " 2000w %.1f%%  500w %.1f%%  200w %.1f%%  (%.1f s)\n",
                                 (result.accuracy[2000] ?? 0) * 100, (result.accuracy[500] ?? 0) * 100,
                                 (result.accuracy[200] ?? 0) * 100, result.seconds)
    }
    return report
}

/// The defaults and one-at-a-time variations around them.
let attributionTuningGrid: [(String, AttributionSettings)] = {
    func variant(_ change: (inout AttributionSettings) -> Void) -> AttributionSettings {
        var settings = AttributionSettings.standard
        change(&settings)
        return settings
    }
    return [
        ("defaults", .standard),
        ("all MFW (no word-count fit)", variant { $0.fitWordCount = false }),
        ("MFW 500, no word-count fit", variant { $0.mostFrequentWords = 500; $0.fitWordCount = false }),
        ("MFW 250, no word-count fit", variant { $0.mostFrequentWords = 250; $0.fitWordCount = false }),
        ("words only", variant { $0.characterWeight = 0; $0.styleWeight = 0 }),
        ("characters only", variant { $0.wordWeight = 0; $0.styleWeight = 0 }),
        ("style only", variant { $0.wordWeight = 0; $0.characterWeight = 0; $0.styleWeight = 1 }),
        ("style weight 0", variant { $0.styleWeight = 0 }),
        ("style weight 1", variant { $0.styleWeight = 1 }),
        ("character weight 2", variant { $0.characterWeight = 2 }),
        ("MFW 500", variant { $0.mostFrequentWords = 500 }),
        ("MFW 2000", variant { $0.mostFrequentWords = 2000 }),
        ("n-grams 1000", variant { $0.characterNgrams = 1000 }),
        ("n-grams 4000", variant { $0.characterNgrams = 4000 }),
        ("culling 0", variant { $0.culling = 0 }),
        ("culling 1", variant { $0.culling = 1 }),
        ("no pronouns", variant { $0.countPronouns = false }),
        ("fixed scale (not length-adaptive)", variant { $0.lengthAdaptive = false }),
        ("Burrows' Delta", variant { $0.distance = .burrowsDelta }),
        ("chunks of 500 words", variant { $0.chunkWords = 500 }),
        ("chunks of 2000 words", variant { $0.chunkWords = 2000 }),
        ("style 0.25", variant { $0.styleWeight = 0.25 }),
        ("style 0 + chars 0.5", variant { $0.styleWeight = 0; $0.characterWeight = 0.5 }),
        ("style 0 + chars 0.5 + MFW 2000", variant { $0.styleWeight = 0; $0.characterWeight = 0.5; $0.mostFrequentWords = 2000 }),
        ("style 0 + chunks 500", variant { $0.styleWeight = 0; $0.chunkWords = 500 }),
        ("style 0 + no pronouns", variant { $0.styleWeight = 0; $0.countPronouns = false }),
        ("style 0 + culling 0", variant { $0.styleWeight = 0; $0.culling = 0 }),
        ("style 0 + fixed scale", variant { $0.styleWeight = 0; $0.lengthAdaptive = false }),
        ("words only + MFW 2000", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.mostFrequentWords = 2000 }),
        ("words only + MFW 500", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.mostFrequentWords = 500 }),
        ("words only + fixed scale", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.lengthAdaptive = false }),
        ("words only + no pronouns", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.countPronouns = false }),
        ("fitted weights", variant { $0.fitFamilyWeights = true }),
        ("fitted weights + MFW 2000", variant { $0.fitFamilyWeights = true; $0.mostFrequentWords = 2000 }),
        ("fitted weights + MFW 2000 + chunks 500", variant { $0.fitFamilyWeights = true; $0.mostFrequentWords = 2000; $0.chunkWords = 500 }),
        ("style 0 + chars 0.25 + MFW 2000", variant { $0.styleWeight = 0; $0.characterWeight = 0.25; $0.mostFrequentWords = 2000 }),
        ("style 0.25 + chars 0.5 + MFW 2000", variant { $0.styleWeight = 0.25; $0.characterWeight = 0.5; $0.mostFrequentWords = 2000 }),
        ("words only + MFW 3000", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.mostFrequentWords = 3000 }),
        ("words only + chunks 500", variant { $0.characterWeight = 0; $0.styleWeight = 0; $0.chunkWords = 500 }),
    ]
}()
