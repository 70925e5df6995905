import Foundation
import VoiceCloneKit
import VoiceCloneVault
import VoiceCloneAttribution

/// Batch attribution through the app API, as `voiceclone attribute FILE...` runs it: a temporary vault
/// with `clones` voices (samples cut from one novel per author of `british_fiction_small`), and
/// `files` texts of `words` words cut from a different novel of the same authors, attributed in one
/// `workspace.attribution.attribute` call. Prints wall times (median of 3), throughput and, as a sanity check,
/// how many files went to their author. Needs the corpora beside the repository.
func runBatchAttributionBenchmark(
    corpora: URL, files: Int = 2000, words: Int = 500, clones: Int = 3, samplesPerClone: Int = 30,
    sampleWords: Int = 2000
) throws -> String {
    let folder = corpora.appendingPathComponent("british_fiction_small")
    let rows = try AttributionCorpus.readCSV(folder.appendingPathComponent("metadata.csv"))
    let byAuthor = Dictionary(grouping: rows.compactMap { row -> (author: String, file: String)? in
        guard let author = row["author"], let file = row["file"] else { return nil }
        return (author, file)
    }, by: \.author)
    let authors = byAuthor.keys.filter { (byAuthor[$0]?.count ?? 0) >= 2 }.sorted().prefix(clones)
    guard authors.count == clones, clones >= 2 else {
        throw BenchError("\(folder.path) has fewer than \(max(clones, 2)) authors with two novels; pass --corpora with british_fiction_small in it.")
    }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vc-batch-\(UUID().uuidString.prefix(6))")
    defer { try? FileManager.default.removeItem(at: root) }
    let vaultURL = root.appendingPathComponent("vault"), inputsURL = root.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputsURL, withIntermediateDirectories: true)
    _ = try VaultInitializer.initialize(at: vaultURL)
    let setup = try Workspace(vault: Vault(root: vaultURL))

    var sampleCount = 0, sampleTotal = 0
    var tests: [[String]] = []
    var slugs: [String] = []
    for author in authors {
        let novels = byAuthor[author] ?? []
        let slug = try setup.clones.create(name: author).slug
        slugs.append(slug)
        let training = try AttributionCorpus.read(folder.appendingPathComponent(novels[0].file))
        let samples = AttributionCorpus.chunks(of: training, size: sampleWords, count: samplesPerClone)
        let dir = vaultURL.appendingPathComponent("clones/\(slug)/samples")
        for (index, sample) in samples.enumerated() {
            let text = "---\ntitle: \(author) sample \(index + 1)\ncontent_type: fiction\nadded: 2026-01-01\nai_assisted: false\n---\n\n\(sample)\n"
            try text.write(to: dir.appendingPathComponent("sample-\(index + 1).md"), atomically: false, encoding: .utf8)
            sampleTotal += sampleWords
        }
        sampleCount += samples.count
        let other = try AttributionCorpus.read(folder.appendingPathComponent(novels[1].file))
        tests.append(AttributionCorpus.chunks(of: other, size: words, count: (files + clones - 1) / clones))
    }
    // Round-robin over the authors; a novel too short for its share is reused from its start.
    var paths: [String] = [], truth: [String] = []
    for index in 0..<files {
        let author = index % clones
        let pool = tests[author]
        guard !pool.isEmpty else { throw BenchError("A test novel of \(authors[author]) has fewer than \(words) words.") }
        let path = inputsURL.appendingPathComponent(String(format: "file-%05d.txt", index)).path
        try pool[(index / clones) % pool.count].write(toFile: path, atomically: false, encoding: .utf8)
        paths.append(path)
        truth.append(slugs[author])
    }

    var correct = 0
    let seconds = try Measure.median(runs: 3) {
        // A fresh workspace per run, as each `voiceclone attribute` call scans the vault anew.
        let workspace = try Workspace(vault: Vault(root: vaultURL))
        let results = try workspace.attribution.attribute(paths)
        correct = zip(results, truth).filter { result, expected in (try? result.get().attribution.best) == expected }.count
    }

    // The same work split in two, in memory: building the profiles, then attributing the texts.
    let candidates = try slugs.map { slug in
        let dir = vaultURL.appendingPathComponent("clones/\(slug)/samples")
        let texts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        return AttributionCandidate(name: slug, texts: texts)
    }
    let texts = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
    var attributor: Attributor?
    let build = try Measure.median(runs: 3) { attributor = try Attributor(candidates: candidates) }
    let attribute = Measure.median(runs: 3) { _ = attributor?.attribute(texts) }

    var lines: [String] = []
    lines.append("vault: \(clones) clones (\(authors.joined(separator: ", "))), \(sampleCount) samples, ~\(sampleTotal) words of samples")
    lines.append("inputs: \(files) files of \(words) words (~\(files * words) words), from other novels of the same authors")
    lines.append(String(format: "workspace.attribution.attribute, %d files: %.2f s (median of 3) = %.0f files/s, %.1f M words/s",
                        files, seconds, Double(files) / seconds, Double(files * words) / seconds / 1e6))
    lines.append(String(format: "  of which, in memory: building the %d profiles %.3f s; attributing the texts %.3f s (%.0f µs per file)",
                        clones, build, attribute, attribute / Double(files) * 1e6))
    lines.append(String(format: "  attributed to their author: %d of %d (%.1f%%); most frequent words used: %d",
                        correct, files, 100 * Double(correct) / Double(files), attributor?.calibration.mostFrequentWords ?? 0))
    return lines.joined(separator: "\n")
}
