import Foundation
import VoiceCloneAnalysis
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// The AI-likeness evaluation of issue 7, and the fit that produces `Resources/detection/model.tsv`.
///
/// Split: the model is fitted on the OUTFOX `valid` split only (500 human essays, 1,500 machine essays from
/// gpt-3.5-turbo, text-davinci-003 and flan-t5-xxl); every AUROC below is on the `test` split, which the fit never saw.
/// False positives are measured on human texts from elsewhere (Federalist papers, British novels, example-vault).
enum DetectionEvaluation {
    struct Essay {
        var label: String
        var model: String
        var split: String
        var text: String
    }

    static func outfox(_ corpora: URL) throws -> [Essay] {
        let root = corpora.appendingPathComponent("ai_vs_human_outfox")
        let rows = try AttributionCorpus.readCSV(root.appendingPathComponent("labels.csv"))
        return try rows.compactMap { row in
            guard let file = row["file"], let label = row["label"], let split = row["split"], !file.isEmpty,
                  ["human", "machine", "machine_attacked"].contains(label) else { return nil }
            return Essay(label: label, model: row["model"] ?? "", split: split,
                         text: try AttributionCorpus.read(root.appendingPathComponent(file)))
        }
    }

    /// Area under the ROC curve: the chance a random positive outscores a random negative (ties count half).
    static func auroc(positives: [Double], negatives: [Double]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return .nan }
        let all = (positives.map { ($0, true) } + negatives.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSum = 0.0
        var i = 0
        while i < all.count {
            var j = i
            while j + 1 < all.count && all[j + 1].0 == all[i].0 { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j where all[k].1 { rankSum += rank }
            i = j + 1
        }
        let n1 = Double(positives.count), n0 = Double(negatives.count)
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0)
    }

    static func measure(_ texts: [String], detector: Detector) -> [TextMeasurement] {
        detector.measure(texts)
    }

    /// The scores `detect` gives (signals and style evidence, no writer baseline).
    static func judge(_ texts: [String], detector: Detector) -> [(score: Int, logit: Double)] {
        detector.measureWithStyle(texts).map { m in
            let j = detector.model.judge(inputs: m.measurement.inputs, style: m.style)
            return (j.score, j.logit)
        }
    }

    static func exampleVaultSamples(_ vault: URL) -> [(clone: String, text: String)] {
        let clones = vault.appendingPathComponent("clones")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: clones.path)) ?? []).sorted()
        var out: [(String, String)] = []
        for name in names {
            let dir = clones.appendingPathComponent(name).appendingPathComponent("samples")
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where file.hasSuffix(".md") {
                guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
                out.append((name, text))
            }
        }
        return out
    }
}

/// Fits the score model on the OUTFOX valid split and writes it to `output`.
func runDetectionFit(corpora: URL, output: URL) throws -> String {
    let essays = try DetectionEvaluation.outfox(corpora).filter { $0.split == "valid" && $0.label != "machine_attacked" }
    let detector = Detector(model: DetectionModel(
        version: 0, intercept: 0, weights: DetectionModel.priors, humanReference: [:], fitted: [], threshold: 50, trainedOn: ""))
    let start = Date()
    let measured = DetectionEvaluation.measure(essays.map(\.text), detector: detector)
    let examples = zip(essays, measured).map { LogisticFit.Example(inputs: $0.1.inputs, machine: $0.0.label != "human", words: $0.1.words) }
    let model = LogisticFit.fit(examples, trainedOn: "OUTFOX valid split: \(examples.filter { !$0.machine }.count) human, \(examples.filter(\.machine).count) machine essays")
    try Data(model.serialized().utf8).write(to: output, options: .atomic)
    var report = String(format: "fitted on %d essays in %.1f s; wrote %@\n", examples.count, Date().timeIntervalSince(start), output.path)
    report += model.serialized()
    return report
}

/// Prints AUROC on the held-out OUTFOX test split and false-positive rates on other human writing.
func runDetectionEvaluation(corpora: URL, vault: URL, verbose: Bool = false) throws -> String {
    let detector = Detector()
    let model = detector.model
    var report = "Detector model v\(model.version), threshold \(model.threshold) (trained on: \(model.trainedOn))\n"
    let start = Date()
    let essays = try DetectionEvaluation.outfox(corpora).filter { $0.split == "test" }
    let measured = DetectionEvaluation.measure(essays.map(\.text), detector: detector)
    let judged = DetectionEvaluation.judge(essays.map(\.text), detector: detector)
    let logits = judged.map(\.logit)
    let scores = judged.map(\.score)
    func select(_ keep: (DetectionEvaluation.Essay) -> Bool) -> [Double] {
        zip(essays, logits).filter { keep($0.0) }.map(\.1)
    }
    let human = select { $0.label == "human" }
    report += "OUTFOX test split (held out; the fit used only the valid split):\n"
    report += String(format: "  AUROC human vs machine (all 3 models):   %.3f  (%d vs %d)\n",
                     DetectionEvaluation.auroc(positives: select { $0.label == "machine" }, negatives: human),
                     select { $0.label == "machine" }.count, human.count)
    for model in Set(essays.filter { $0.label != "human" }.map(\.model)).sorted() {
        let pos = select { $0.model == model }
        report += String(format: "    %-45@ %.3f  (%d)\n", model as NSString, DetectionEvaluation.auroc(positives: pos, negatives: human), pos.count)
    }
    report += String(format: "  AUROC human vs attacked machine (all):   %.3f\n",
                     DetectionEvaluation.auroc(positives: select { $0.label == "machine_attacked" }, negatives: human))
    let humanScores = zip(essays, scores).filter { $0.0.label == "human" }.map(\.1)
    let machineScores = zip(essays, scores).filter { $0.0.label == "machine" }.map(\.1)
    report += String(format: "  at threshold %d: human essays flagged %.1f%%, machine essays caught %.1f%%\n", detector.model.threshold,
                     100 * Double(humanScores.filter { $0 >= detector.model.threshold }.count) / Double(max(1, humanScores.count)),
                     100 * Double(machineScores.filter { $0 >= detector.model.threshold }.count) / Double(max(1, machineScores.count)))
    report += "  per-signal AUROC (human vs machine, input alone):\n"
    for kind in DetectionSignalKind.allCases {
        let pos = zip(essays, measured).filter { $0.0.label == "machine" }.map { $0.1.inputs[kind] ?? 0 }
        let neg = zip(essays, measured).filter { $0.0.label == "human" }.map { $0.1.inputs[kind] ?? 0 }
        report += String(format: "    %-22@ %.3f  weight %.3f\n", kind.rawValue as NSString,
                         DetectionEvaluation.auroc(positives: pos, negatives: neg), model.weights[kind] ?? 0)
    }

    // False positives on human writing the fit never saw.
    func falsePositives(_ name: String, _ texts: [String]) -> String {
        let measured = DetectionEvaluation.measure(texts, detector: detector)
        let s = DetectionEvaluation.judge(texts, detector: detector).map(\.score)
        let flagged = s.filter { $0 >= model.threshold }.count
        let mean = Double(s.reduce(0, +)) / Double(max(1, s.count))
        var line = String(format: "  %-44@ %5.1f%% flagged (%d of %d), mean score %.1f\n", name as NSString,
                          100 * Double(flagged) / Double(max(1, s.count)), flagged, s.count, mean)
        if verbose {
            let parts = DetectionSignalKind.allCases.map { k in
                (k, measured.reduce(0.0) { $0 + (model.weights[k] ?? 0) * ($1.inputs[k] ?? 0) } / Double(max(1, measured.count)))
            }.filter { $0.1 > 0.05 }.map { String(format: "%@ %.2f", $0.0.rawValue, $0.1) }
            line += "      mean logit contributions: " + parts.joined(separator: ", ") + "\n"
        }
        return line
    }
    report += "False-positive rate at the default threshold (\(model.threshold)) on human writing:\n"
    let federalist = corpora.appendingPathComponent("federalist")
    let papers = try AttributionCorpus.readCSV(federalist.appendingPathComponent("labels.csv")).compactMap { row -> String? in
        guard let file = row["file"], !file.isEmpty else { return nil }
        return try? AttributionCorpus.read(federalist.appendingPathComponent(file))
    }
    report += falsePositives("Federalist papers", papers)
    let fiction = corpora.appendingPathComponent("british_fiction_small")
    let chunks = try AttributionCorpus.readCSV(fiction.appendingPathComponent("metadata.csv")).flatMap { row -> [String] in
        guard let file = row["file"], !file.isEmpty,
              let text = try? AttributionCorpus.read(fiction.appendingPathComponent(file)) else { return [] }
        return AttributionCorpus.chunks(of: text, size: 2000, count: 20)
    }
    report += falsePositives("British novels, 2,000-word chunks (20/novel)", chunks)
    let samples = DetectionEvaluation.exampleVaultSamples(vault)
    report += falsePositives("example-vault samples", samples.map(\.text))
    report += falsePositives("OUTFOX human essays (test split)", zip(essays, measured).filter { $0.0.label == "human" }.map(\.0.text))
    report += String(format: "time: %.1f s\n", Date().timeIntervalSince(start))
    return report
}

extension DetectionEvaluation {
    /// Up to `count` evenly spaced chunks of about `words` words that keep the novel's line breaks (so paragraphs
    /// and dialogue stay as the author laid them out, unlike a whitespace-joined chunk).
    static func paragraphChunks(of text: String, words: Int, count: Int) -> [String] {
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var chunks: [String] = []
        var current: [String] = []
        var n = 0
        for p in paragraphs {
            current.append(p)
            n += p.split(whereSeparator: \.isWhitespace).count
            if n >= words {
                chunks.append(current.joined(separator: "\n\n"))
                current = []
                n = 0
            }
        }
        guard chunks.count > count else { return chunks }
        return (0..<count).map { chunks[$0 * chunks.count / count] }
    }
}

/// Rewrites 50 machine essays from the OUTFOX test split (every 30th, all three models) toward one example-vault
/// clone, and prints mean AI-likeness and voice match before and after, and content-word recall.
func runRewriteEvaluation(corpora: URL, vault: URL, clone: String) throws -> String {
    let samples = DetectionEvaluation.exampleVaultSamples(vault).filter { $0.clone == clone }.map { DetectionEvaluation.body($0.text) }
    guard !samples.isEmpty else { throw BenchError("No samples for \(clone) under \(vault.path)/clones; pass --vault and --clone.") }
    var options = AnalysisOptions()
    options.minimumWords = 1
    var dna = try VoiceAnalyzer(options: options).analyze(samples.enumerated().map { AnalysisSample(id: "s\($0.offset)", text: $0.element) })
    dna.clone = clone
    let detector = Detector()
    let baseline = DetectionBaseline(clone: clone, samples: samples, detector: detector, dna: dna)
    let style = RewriteStyle(dna: dna, samples: samples)
    let matcher = try VoiceMatcher(clone: AttributionCandidate(name: clone, texts: samples))
    let machine = try DetectionEvaluation.outfox(corpora).filter { $0.split == "test" && $0.label == "machine" }
    let essays = stride(from: 0, to: machine.count, by: max(1, machine.count / 50)).prefix(50).map { machine[$0].text }
    let start = Date()
    var aiBefore = 0.0, aiAfter = 0.0, aiPlainBefore = 0.0, aiPlainAfter = 0.0, voiceBefore = 0.0, voiceAfter = 0.0
    var recalls: [Double] = [], rawRecalls: [Double] = []
    var distanceBefore = 0.0, distanceAfter = 0.0
    var edits: [String: Int] = [:]
    for essay in essays {
        let before = detector.detect(essay, baseline: baseline)
        let guidance = RewriteGuidance(dna: dna, style: style, detection: before, baseline: baseline)
        let (text, made) = LocalRewriter().rewriteWithCounts(essay, guidance: guidance)
        for (k, v) in made { edits[k, default: 0] += v }
        aiBefore += Double(before.score)
        aiAfter += Double(detector.detect(text, baseline: baseline).score)
        aiPlainBefore += Double(detector.detect(essay).score)
        aiPlainAfter += Double(detector.detect(text).score)
        let m = matcher.match([essay, text])
        voiceBefore += Double(m[0].score)
        voiceAfter += Double(m[1].score)
        distanceBefore += m[0].distance
        distanceAfter += m[1].distance
        recalls.append(ContentRecall.measure(draft: essay, rewritten: text))
        rawRecalls.append(ContentRecall.raw(draft: essay, rewritten: text))
    }
    let n = Double(essays.count)
    var report = "Rewrite of \(essays.count) OUTFOX machine essays (test split, every \(max(1, machine.count / 50))th) toward \(clone):\n"
    report += String(format: "  AI-likeness (judged against %@): %.1f → %.1f\n", clone as NSString, aiBefore / n, aiAfter / n)
    report += String(format: "  AI-likeness (no baseline):        %.1f → %.1f\n", aiPlainBefore / n, aiPlainAfter / n)
    report += String(format: "  voice match to %@: %.1f → %.1f (distance %.2f → %.2f; the clone's own samples: %.2f)\n", clone as NSString,
                     voiceBefore / n, voiceAfter / n, distanceBefore / n, distanceAfter / n, matcher.typicalDistance)
    report += String(format: "  content-word recall: mean %.3f, min %.3f (all non-function words: mean %.3f, min %.3f)\n",
                     recalls.reduce(0, +) / n, recalls.min() ?? 0, rawRecalls.reduce(0, +) / n, rawRecalls.min() ?? 0)
    report += "  edits: " + edits.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + "\n"
    report += String(format: "  time: %.1f s\n", Date().timeIntervalSince(start))
    return report
}

extension DetectionEvaluation {
    /// A sample file's body: the text after its `---` front matter block, if any.
    static func body(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else { return text }
        return String(text[end.upperBound...])
    }
}

/// Everything `voiceclone-bench detection` prints: the detector evaluation, then the rewrite evaluation toward each
/// clone (all three example-vault voices unless one is named).
func runDetectionBenchmark(corpora: URL, vault: URL, clones: [String] = ["dana-okafor", "marguerite-holloway", "rex-talbot"],
                           verbose: Bool = false) throws -> String {
    var report = try runDetectionEvaluation(corpora: corpora, vault: vault, verbose: verbose) + "\n"
    for clone in clones { report += try runRewriteEvaluation(corpora: corpora, vault: vault, clone: clone) + "\n" }
    return report
}
