import Foundation
import VoiceCloneAnalysis
import VoiceCloneAttribution
import VoiceCloneGeneration

/// Issue 6's measurement: one clone per british_fiction_small author from 2,000-word samples, pieces generated
/// offline by the local engine, and Voice Clone's own attribution asked who wrote each piece. Also reports the
/// longest run of words any piece shares with any sample (the no-copy guard's promise: under 12).
func runGenerationEvaluation(corpora: URL, samplesPerAuthor: Int, pieces: Int, words: Int) throws -> String {
    let root = corpora.appendingPathComponent("british_fiction_small")
    let rows = try AttributionCorpus.readCSV(root.appendingPathComponent("metadata.csv"))
    var byAuthor: [String: [String]] = [:]
    for row in rows {
        guard let author = row["author"], let file = row["file"] else { continue }
        byAuthor[author, default: []].append(file)
    }
    let authors = byAuthor.keys.sorted()
    // Samples spread evenly over each author's novels: "a few novels' worth", capped to keep the run short.
    var samples: [String: [String]] = [:]
    for author in authors {
        let files = byAuthor[author]!.sorted()
        let perBook = max(1, samplesPerAuthor / files.count)
        for file in files {
            let text = try AttributionCorpus.read(root.appendingPathComponent(file))
            samples[author, default: []].append(contentsOf: AttributionCorpus.chunks(of: text, size: 2_000, count: perBook))
        }
    }
    let prompts = ["a letter about money and marriage", "an evening visit that goes badly", "news from the town",
                   "a quarrel between old friends", "the weather and a journey", "a confession of feeling",
                   "a walk in the garden", "a dinner with difficult guests", "an inheritance", "an apology"]

    var out = "british_fiction_small: \(authors.count) authors, up to \(samplesPerAuthor) samples of 2,000 words each, "
        + "\(pieces) pieces of \(words) words per author, local engine, seeds 1…\(pieces)\n"
    var train = 0.0, generate = 0.0
    var generated: [(author: String, text: String)] = []
    var longest = 0
    for author in authors {
        let texts = samples[author]!
        var engine: LocalEngine!
        train += try Measure.seconds {
            // Steered by the clone's DNA, as `voiceclone generate` does.
            let dna = try VoiceAnalyzer().analyze(texts.enumerated().map {
                AnalysisSample(id: String(format: "%04d", $0.offset), text: $0.element, contentType: .book)
            })
            engine = try LocalEngine(samples: texts, style: StyleTargets(dna: dna))
        }
        generate += try Measure.seconds {
            for seed in 1...pieces {
                let request = GenerationRequest(prompt: prompts[(seed - 1) % prompts.count], platform: .generic,
                                                length: .words(words), seed: UInt64(seed))
                let piece = try engine.write(request)
                longest = max(longest, piece.longestCopiedRun ?? 0)
                generated.append((author, piece.text))
            }
        }
    }
    var attributor: Attributor!
    let profile = try Measure.seconds {
        attributor = try Attributor(candidates: authors.map { AttributionCandidate(name: $0, texts: samples[$0]!) })
    }
    var answers: [Attribution] = []
    let attribute = Measure.seconds { answers = attributor.attribute(generated.map(\.text)) }
    var perAuthor: [String: (right: Int, total: Int)] = [:]
    for (g, a) in zip(generated, answers) {
        perAuthor[g.author, default: (0, 0)].total += 1
        if a.best == g.author { perAuthor[g.author, default: (0, 0)].right += 1 }
    }
    let right = perAuthor.values.reduce(0) { $0 + $1.right }
    for author in authors {
        let p = perAuthor[author] ?? (0, 0)
        out += "  \(author.padding(toLength: 11, withPad: " ", startingAt: 0)) \(p.right)/\(p.total)\n"
    }
    out += String(format: "attributed to the intended author: %d/%d = %.1f%% (target ≥ 90%%)\n", right, generated.count,
                  100 * Double(right) / Double(max(1, generated.count)))
    out += "longest run of words copied from any sample: \(longest) (target < 12)\n"
    out += String(format: "time: training %.1f s, generating %.1f s (%.0f ms per piece), profiles %.1f s, attribution %.2f s\n",
                  train, generate, 1000 * generate / Double(max(1, generated.count)), profile, attribute)
    return out
}
