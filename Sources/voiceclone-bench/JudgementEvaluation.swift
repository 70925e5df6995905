import Foundation
import VoiceCloneAttribution

/// Issue 16's evaluation: closed-set accuracy of the learned attributor (and Cosine Delta) on the splits
/// `scripts/judgement_splits.py` wrote, verification quality (AUC, c@1, F1, ECE) on same/different-writer
/// pairs, shuffled-word texts, the Federalist checks, open-set refusals and speed. Prints figures only; the
/// scikit-learn reference on the same splits is printed beside them by `scripts/eval-judgement`.
///
/// Verification pairs come from the test splits of ebg_adversarial and enron_pan11_emails, as
/// `scripts/judgement_splits.py` drew them (`<corpus>.pairs.tsv`, read by the reference too): writers are split
/// in two by name order (even: in the vault, odd: outside it); a test text of a vault writer against its own
/// voice is a same-writer pair, a test text of an outside writer against a vault voice a different-writer pair
/// (its true writer is nowhere in the vault, as when someone pastes a stranger's text). british_fiction_small
/// is left out of every verification figure: the shipped background was built from it.
struct JudgementEvaluation {
    struct Item: Decodable {
        var file: String
        var author: String
        var split: String
        var start: Int?
        var words: Int?
        var number: String?
    }

    let corpora: URL
    let splits: URL
    var lines: [String] = []
    /// Each open-set rule's mean rate on each corpus's development split (`openSetDevelopment`).
    var developmentScores: [String: [Double]] = [:]

    init(corpora: URL, splits: URL) {
        self.corpora = corpora
        self.splits = splits
    }

    func items(_ corpus: String) throws -> [Item] {
        let url = splits.appendingPathComponent(corpus + ".json")
        guard let data = try? Data(contentsOf: url) else {
            throw BenchError("No split file \(url.path): run scripts/judgement_splits.py CORPORA \(splits.path) first.")
        }
        return try JSONDecoder().decode([Item].self, from: data)
    }

    func text(_ corpus: String, _ item: Item) throws -> String {
        let full = try AttributionCorpus.read(corpora.appendingPathComponent(corpus).appendingPathComponent(item.file))
        guard item.words != nil || (item.start ?? 0) > 0 else { return full }
        let words = full.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let start = min(item.start ?? 0, words.count)
        let end = item.words.map { min(words.count, start + $0) } ?? words.count
        return words[start..<end].joined(separator: " ")
    }

    func candidates(_ corpus: String, _ items: [Item], only: Set<String>? = nil) throws -> [AttributionCandidate] {
        var texts: [String: [String]] = [:]
        for item in items where item.split == "train" && (only?.contains(item.author) ?? true) {
            texts[item.author, default: []].append(try text(corpus, item))
        }
        return texts.keys.sorted().map { AttributionCandidate(name: $0, texts: texts[$0]!) }
    }

    mutating func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        lines.append(line)
    }

    mutating func run() throws {
        say("-- closed-set attribution (accuracy; learned = default, delta = --method delta) --")
        var learnedScores: [String: Double] = [:]
        for corpus in ["federalist", "british_fiction_small", "faststylometry_sample", "enron_pan11_emails", "ebg_adversarial"] {
            let items = try self.items(corpus)
            let voices = try candidates(corpus, items)
            for split in Set(items.map(\.split)).subtracting(["train"]).sorted() {
                let tests = items.filter { $0.split == split }
                let texts = try tests.map { try text(corpus, $0) }
                var row = "\(corpus) \(split) (\(texts.count) texts, \(voices.count) voices):"
                for method in [AttributionMethod.learned, .delta] {
                    let started = Date()
                    let results = try VoiceAttribution.attribute(texts, candidates: voices, method: method, openSetThreshold: nil)
                    let seconds = Date().timeIntervalSince(started)
                    let correct = zip(results, tests).filter { $0.0.best == $0.1.author }.count
                    let accuracy = 100 * Double(correct) / Double(max(1, tests.count))
                    if method == .learned { learnedScores["\(corpus) \(split)"] = accuracy }
                    row += String(format: " %@=%.1f%% (%.2f s)", method.rawValue, accuracy, seconds)
                    if corpus == "federalist" && method == .learned {
                        let madison = results.filter { $0.best == "madison" }.count
                        let lowest = results.map { $0.ranking.first { $0.clone == "madison" }?.probability ?? 0 }.min() ?? 0
                        row += " [disputed to Madison \(madison)/\(results.count), lowest p(Madison) \(String(format: "%.2f", lowest))]"
                    }
                }
                say(row)
            }
        }
        try verification()
        try federalist()
        try speed()
    }

    /// Closed-set accuracy of the learned attributor on the development folds `scripts/judgement_development_splits.py`
    /// carved from the training texts only (`<corpus>@<fold>.json` in the splits folder: split "train" trains, split
    /// "development" is attributed), overall and by `match`'s length bucket, so settings are chosen without test texts.
    /// The scikit-learn reference on the same folds: `scripts/judgement_reference.py CORPORA SPLITS` (it reads them too).
    mutating func development() throws {
        say("-- closed-set attribution on development folds (training texts only) --")
        let names = try FileManager.default.contentsOfDirectory(atPath: splits.path)
            .filter { $0.contains("@") && $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        guard !names.isEmpty else {
            throw BenchError("No development folds in \(splits.path): run scripts/judgement_development_splits.py CORPORA \(splits.path).")
        }
        var byCorpus: [String: (correct: Int, count: Int)] = [:]
        for name in names {
            let corpus = String(name.split(separator: "@")[0])
            let items = try self.items(name)
            let voices = try candidates(corpus, items)
            let tests = items.filter { $0.split == "development" }
            let texts = try tests.map { try text(corpus, $0) }
            let started = Date()
            let results = try VoiceAttribution.attribute(texts, candidates: voices, method: .learned, openSetThreshold: nil)
            let seconds = Date().timeIntervalSince(started)
            let right = zip(results, tests).map { $0.0.best == $0.1.author }
            var buckets: [Int: (correct: Int, count: Int)] = [:]
            for (result, isRight) in zip(results, right) {
                let bucket = VoiceVerifierCache.bucket(forWords: result.words)
                buckets[bucket, default: (0, 0)].count += 1
                if isRight { buckets[bucket, default: (0, 0)].correct += 1 }
            }
            let correct = right.filter { $0 }.count
            byCorpus[corpus, default: (0, 0)].correct += correct
            byCorpus[corpus, default: (0, 0)].count += tests.count
            let parts = buckets.keys.sorted().map { b in
                String(format: "%d: %.1f%% of %d", b, 100 * Double(buckets[b]!.correct) / Double(buckets[b]!.count), buckets[b]!.count)
            }
            say(String(format: "development %@: learned=%.1f%% (%d texts, %d voices, %.2f s) [by bucket %@]", name,
                       100 * Double(correct) / Double(max(1, tests.count)), tests.count, voices.count, seconds,
                       parts.joined(separator: ", ")))
        }
        for corpus in byCorpus.keys.sorted() {
            let total = byCorpus[corpus]!
            say(String(format: "development %@ all folds: learned=%.2f%% (%d texts)", corpus,
                       100 * Double(total.correct) / Double(max(1, total.count)), total.count))
        }
    }

    /// AUC, c@1, F1 (PAN 2020), ECE, shuffled-word scores and open-set refusals.
    mutating func verification() throws {
        say("-- verification (pairs from test splits; vault = writers at even positions by name) --")
        var random = SplitMix64(seed: 16)
        for (corpus, split) in [("ebg_adversarial", "test"), ("enron_pan11_emails", "test")] {
            let items = try self.items(corpus)
            let authors = Set(items.filter { $0.split == "train" }.map(\.author)).sorted()
            let known = Set(authors.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            let voices = try candidates(corpus, items, only: known)
            let cache = VoiceVerifierCache(candidates: voices)
            var probabilities: [Double] = [], truths: [Bool] = [], shuffled: [Double] = [], own: [Double] = []
            var bands: [ProbabilityBand] = [], lengths: [Int] = [], verified: [Verification] = []
            var calibratedOn = ""
            let started = Date()
            let tests = items.filter { $0.split == split }
            for pair in try pairs(corpus) {
                let item = items[pair.index]
                let text = try self.text(corpus, item)
                let isKnown = pair.same
                let target = pair.target
                guard let result = try cache.verify(text, clone: target) else { continue }
                probabilities.append(result.probability)
                verified.append(result)
                bands.append(result.band)
                lengths.append(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).count)
                own.append(result.voiceProbability ?? result.probability)
                truths.append(isKnown)
                calibratedOn = result.calibratedOn
                if isKnown {
                    var words = text.split(separator: " ", omittingEmptySubsequences: true).flatMap { $0.split(separator: "\n") }
                    for i in stride(from: words.count - 1, to: 0, by: -1) { words.swapAt(i, Int(random.next() % UInt64(i + 1))) }
                    if let s = try cache.verify(words.joined(separator: " "), clone: target) { shuffled.append(s.probability) }
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let metrics = VerificationMetrics(probabilities: probabilities, truths: truths)
            say(String(format: "%@ %@: %d same / %d different pairs: AUC=%.3f c@1=%.3f F1=%.3f ECE=%.3f; mean p same %.2f, different %.2f; %.1f s",
                       corpus, split, truths.filter { $0 }.count, truths.filter { !$0 }.count, metrics.auc, metrics.cAt1,
                       metrics.f1, metrics.ece, metrics.meanPositive, metrics.meanNegative, seconds))
            let single = VerificationMetrics(probabilities: own, truths: truths)
            say(String(format: "%@ %@ the voice's own probability before the vault posterior: AUC=%.3f c@1=%.3f F1=%.3f ECE=%.3f; mean p same %.2f, different %.2f",
                       corpus, split, single.auc, single.cAt1, single.f1, single.ece, single.meanPositive, single.meanNegative))
            // By length: calibration, and whether the band covers the outcome rate of texts given about the same
            // probability (`BandCoverage`).
            for (name, range) in [("under 36 words (25-word bucket)", 0..<36), ("36-70 words (50)", 36..<71),
                                  ("71-140 words (100)", 71..<141), ("over 140 words", 141..<Int.max)] {
                let picked = lengths.indices.filter { range.contains(lengths[$0]) }
                guard !picked.isEmpty else { continue }
                let metrics = VerificationMetrics(probabilities: picked.map { probabilities[$0] }, truths: picked.map { truths[$0] })
                let coverage = BandCoverage(probabilities: picked.map { probabilities[$0] }, bands: picked.map { bands[$0] },
                                            truths: picked.map { truths[$0] })
                say(String(format: "  %@: %d pairs (%d same), AUC=%.3f ECE=%.3f; band covers the outcome rate for %.1f%% of %d pairs in decile bins of 5+; mean band width %.2f",
                           name, picked.count, picked.filter { truths[$0] }.count, metrics.auc, metrics.ece, 100 * coverage.covered,
                           coverage.counted, coverage.meanWidth))
            }
            for line in BandCoverage(probabilities: probabilities, bands: bands, truths: truths).deciles {
                say("  all lengths, probability " + line)
            }
            // Reliability: by probability decile, how many pairs, the mean probability given and the share that were
            // the same writer, for the number `match` prints (the posterior) and for the voice's own probability
            // (against a stranger alone), over all lengths and per length bucket. A user reading "30%" needs this.
            say("  reliability (decile: pairs, mean predicted -> observed same-writer rate; the pair set is \(String(format: "%.0f", 100 * Double(truths.filter { $0 }.count) / Double(max(1, truths.count))))% same-writer):")
            for (name, range) in [("all lengths", 0..<Int.max), ("under 36 words", 0..<36), ("36-70 words", 36..<71),
                                  ("71-140 words", 71..<141), ("over 140 words", 141..<Int.max)] {
                let picked = lengths.indices.filter { range.contains(lengths[$0]) }
                guard !picked.isEmpty else { continue }
                let raw = verified.map { PriorDiagnosis.reread($0, prior: (1, 1, 1)) }
                for (label, values) in [("match (printed)", probabilities), ("posterior before recalibration", raw), ("own", own)] {
                    let table = ReliabilityTable(probabilities: picked.map { values[$0] }, truths: picked.map { truths[$0] })
                    say("    \(name), \(label) (ECE \(String(format: "%.3f", table.ece))): " + table.rows.joined(separator: " | "))
                }
            }
            // Where the posterior's gap comes from: the same evidence read under other priors over {the voice asked
            // about, a stranger, another voice of the vault}, before the final recalibration (a diagnosis, not a fit:
            // nothing here is chosen on these pairs). 1:1:1 is the posterior's prior; 1:1:0 is the voice's own
            // probability (no vault-mate hypothesis: the pair set has no vault-mates' texts); 2:1:1 is even odds
            // between the voice and the other two.
            for (label, prior) in [("1:1:1 (the posterior's)", (1.0, 1.0, 1.0)), ("2:1:1", (2.0, 1.0, 1.0)), ("1:1:0 (own)", (1.0, 1.0, 0.0))] {
                let reread = verified.map { PriorDiagnosis.reread($0, prior: prior) }
                let metrics = VerificationMetrics(probabilities: reread, truths: truths)
                say(String(format: "  prior voice:stranger:other voices %@: AUC=%.3f ECE=%.3f; mean p same %.2f, different %.2f",
                           label, metrics.auc, metrics.ece, metrics.meanPositive, metrics.meanNegative))
            }
            // What each length bucket's calibration learned (fitted on the vault's training samples only).
            for words in [25, 50, 100, 200, 400, 700, 1000] {
                guard let verifier = try? cache.verifier(forWords: words) else { continue }
                say("  bucket \(words): logistic [bias, cosine, margin, order] = "
                    + verifier.coefficients.map { String(format: "%.2f", $0) }.joined(separator: ", ")
                    + "; word-order cap [a, b] = " + verifier.orderCap.map { String(format: "%.2f", $0) }.joined(separator: ", ")
                    + "; posterior recalibration [a, b] = " + verifier.posteriorRecalibration.map { String(format: "%.2f", $0) }.joined(separator: ", "))
            }
            say(String(format: "%@ shuffled-word own texts: mean match score %.1f (n=%d)", corpus,
                       100 * shuffled.reduce(0, +) / Double(max(1, shuffled.count)), shuffled.count))
            say("  calibrated on: \(calibratedOn)")
            try openSetDevelopment(corpus, items: items, authors: authors, known: known)
            // Open set: the vault's writers' texts should be named, outsiders' refused.
            let texts = try tests.map { try self.text(corpus, $0) }
            let results = try VoiceAttribution.attribute(texts, candidates: voices, openSetThreshold: VoiceAttribution.defaultOpenSetThreshold)
            var namedRight = 0, knownCount = 0, refusedOutside = 0, outside = 0, refusedKnown = 0
            for (item, result) in zip(tests, results) {
                if known.contains(item.author) {
                    knownCount += 1
                    if result.author == item.author { namedRight += 1 }
                    if result.author == nil { refusedKnown += 1 }
                } else {
                    outside += 1
                    if result.author == nil { refusedOutside += 1 }
                }
            }
            say(String(format: "%@ open set (threshold %.2f): vault writers' texts named correctly %.1f%%, refused %.1f%%; outsiders' texts refused %.1f%%",
                       corpus, VoiceAttribution.defaultOpenSetThreshold, 100 * Double(namedRight) / Double(max(1, knownCount)),
                       100 * Double(refusedKnown) / Double(max(1, knownCount)), 100 * Double(refusedOutside) / Double(max(1, outside))))
        }
        openSetDevelopmentSummary()
    }

    /// The open-set decision rule measured on a development split carved from the training texts only (never the
    /// test texts): the vault is the test's vault writers with the last quarter of each one's training texts held
    /// out (their texts to be named), and the outsiders' texts are the last quarter of each other training writer's
    /// texts (to be refused). Every rule reads the same `attribute` posteriors; the shipped rule
    /// (`OpenSetVerdict`) was chosen here, by the mean of the two rates (named correctly, outsiders refused).
    mutating func openSetDevelopment(_ corpus: String, items: [Item], authors: [String], known: Set<String>) throws {
        var samples: [Item] = [], texts: [String] = [], truths: [String?] = []
        for author in authors {
            let own = items.filter { $0.split == "train" && $0.author == author }
            let held = max(1, own.count / 4)
            let heldOut = own.suffix(held)
            if known.contains(author) { samples += own.prefix(own.count - held) }
            for item in heldOut {
                texts.append(try text(corpus, item))
                truths.append(known.contains(author) ? author : nil)
            }
        }
        let voices = try candidates(corpus, samples)
        let results = try VoiceAttribution.attribute(texts, candidates: voices, openSetThreshold: VoiceAttribution.defaultOpenSetThreshold)
        let insiders = truths.filter { $0 != nil }.count, outsiders = truths.count - insiders
        say("\(corpus) open-set development split (training texts only: \(insiders) held-out texts of the \(voices.count) vault writers, \(outsiders) of the \(authors.count - known.count) others):")
        var rules: [(String, (Double, Double) -> Bool)] = [("most probable of {voices, none} (MAP)", { top, none in top >= none })]
        for t in stride(from: 0.10, through: 0.901, by: 0.05) {
            rules.append((String(format: "best voice >= %.2f", t), { top, _ in top >= t }))
            rules.append((String(format: "best voice >= %.2f or MAP", t), { top, none in top >= t || top >= none }))
            rules.append((String(format: "best voice >= %.2f and MAP", t), { top, none in top >= t && top >= none }))
        }
        var best: (name: String, score: Double)?
        for (name, names) in rules {
            var namedRight = 0, refused = 0
            for (truth, result) in zip(truths, results) {
                let top = result.openSet?.sameWriterProbability ?? 1, none = result.openSet?.noneProbability ?? 0
                let named = names(top, none)
                if let truth { if named && result.best == truth { namedRight += 1 } } else if !named { refused += 1 }
            }
            let rateNamed = Double(namedRight) / Double(max(1, insiders)), rateRefused = Double(refused) / Double(max(1, outsiders))
            let score = (rateNamed + rateRefused) / 2
            if best == nil || score > best!.score + 1e-12 { best = (name, score) }
            developmentScores[name, default: []].append(score)
            say(String(format: "  %@: named correctly %.1f%%, outsiders refused %.1f%%, mean %.1f%%", name, 100 * rateNamed, 100 * rateRefused, 100 * score))
        }
        var shippedRight = 0, shippedRefused = 0
        for (truth, result) in zip(truths, results) {
            if let truth { if result.author == truth { shippedRight += 1 } } else if result.author == nil { shippedRefused += 1 }
        }
        say(String(format: "  best on this split: %@ (mean %.1f%%); the shipped rule here: named correctly %.1f%%, outsiders refused %.1f%%",
                   best?.name ?? "-", 100 * (best?.score ?? 0), 100 * Double(shippedRight) / Double(max(1, insiders)),
                   100 * Double(shippedRefused) / Double(max(1, outsiders))))
    }

    /// The five rules with the best mean over the corpora's development splits (ties by name).
    mutating func openSetDevelopmentSummary() {
        var ranked: [(name: String, mean: Double)] = []
        for (name, scores) in developmentScores {
            let mean: Double = scores.reduce(0, +) / Double(max(1, scores.count))
            ranked.append((name, mean))
        }
        ranked.sort { a, b in a.mean != b.mean ? a.mean > b.mean : a.name < b.name }
        for rule in ranked.prefix(5) {
            say(String(format: "open-set development, mean over corpora: %@ %.1f%%", rule.name, 100 * rule.mean))
        }
    }

    /// The verification pairs judgement_splits.py wrote: index into the corpus's items, target voice, same writer.
    func pairs(_ corpus: String) throws -> [(index: Int, target: String, same: Bool)] {
        let url = splits.appendingPathComponent(corpus + ".pairs.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw BenchError("No pairs file \(url.path): run scripts/judgement_splits.py CORPORA \(splits.path) first.")
        }
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let index = Int(fields[0]) else { throw BenchError("Malformed line in \(url.path): \(line)") }
            return (index, String(fields[1]), fields[2] == "1")
        }
    }

    /// Federalist No. 10 (Madison) against Hamilton with Madison in the vault (No. 10 left out of his samples).
    mutating func federalist() throws {
        let items = try self.items("federalist")
        let kept = items.filter { $0.number != "10" }
        let voices = try candidates("federalist", kept)
        guard let paper = items.first(where: { $0.number == "10" }) else { return }
        let text = try self.text("federalist", paper)
        let cache = VoiceVerifierCache(candidates: voices)
        let hamilton = try cache.verify(text, clone: "hamilton")?.probability ?? .nan
        let madison = try cache.verify(text, clone: "madison")?.probability ?? .nan
        say(String(format: "federalist No. 10 (left out of Madison's samples): match hamilton %.0f, match madison %.0f", 100 * hamilton, 100 * madison))
    }

    /// How the vault posterior splits "one of these voices" between Hamilton, Madison and Jay, on the Federalist
    /// training papers only (never No. 10 or the disputed papers): each of Madison's other known papers and as many
    /// of Hamilton's, left out of its author's samples, scored with three splits: the learned attributor's
    /// probabilities, Cosine Delta's, and the independence model's own (the voices' odds). Prints the mean
    /// log-loss of the true author's posterior and the mean posterior of the wrong one.
    mutating func federalistSplits() throws {
        let items = try self.items("federalist")
        let train = items.filter { $0.split == "train" && $0.number != "10" }
        let madison = train.filter { $0.author == "madison" }
        let hamilton = Array(train.filter { $0.author == "hamilton" }.prefix(madison.count))
        var loss = [String: Double](), wrong = [String: Double](), count = 0
        for paper in madison + hamilton {
            let kept = items.filter { $0.split == "train" && $0.file != paper.file && $0.number != "10" }
            let voices = try candidates("federalist", kept)
            let text = try self.text("federalist", paper)
            let verifier = try VoiceVerifier(candidates: voices, textWords: text.split(separator: " ").count)
            let names = verifier.candidateNames
            guard let truth = names.firstIndex(of: paper.author) else { continue }
            let other = names.firstIndex(of: paper.author == "madison" ? "hamilton" : "madison")!
            let p = verifier.voiceProbabilities(text)
            let delta = try Attributor(candidates: voices).attribute(text).ranking
            let deltaQ = names.map { name in delta.first { $0.clone == name }?.probability ?? 0 }
            // `closedSetProbabilities` is whichever closed-set model the verifier chose (lower held-out log-loss);
            // the run quoted in the README was made when it was always the learned attributor.
            let options: [(String, [Double]?)] = [("chosen (\(verifier.closedSetName ?? "none"))", verifier.closedSetProbabilities(text)), ("delta", deltaQ),
                                                  ("independence", p.map { min(1 - 1e-6, max(1e-6, $0)) }.map { $0 / (1 - $0) })]
            for (name, q) in options {
                let posterior = VaultPosterior(probabilities: p, within: q)
                loss[name, default: 0] -= log(max(1e-6, posterior.voices[truth]))
                wrong[name, default: 0] += posterior.voices[other]
            }
            count += 1
        }
        for name in loss.keys.sorted() {
            say(String(format: "federalist training papers (%d, left out one at a time): split %@: mean log-loss of the true author %.3f, mean posterior of the other %.3f",
                       count, name, (loss[name] ?? 0) / Double(max(1, count)), (wrong[name] ?? 0) / Double(max(1, count))))
        }
    }

    /// 2,500 texts of 500 words among 50 voices (the Enron writers' training emails), open-set check included.
    mutating func speed(breakdown: Bool = false) throws {
        let enron = try self.items("enron_pan11_emails")
        let voices = try candidates("enron_pan11_emails", enron)
        var texts: [String] = []
        for item in try self.items("british_fiction_small") where item.split == "train" {
            let full = try text("british_fiction_small", item)
            texts += AttributionCorpus.chunks(of: full, size: 500, count: 170)
            if texts.count >= 2500 { break }
        }
        texts = Array(texts.prefix(2500))
        let started = Date()
        let results = try VoiceAttribution.attribute(texts, candidates: voices)
        let seconds = Date().timeIntervalSince(started)
        AttributionDump.shared.record("judgement-speed", results: results)
        try AttributionDump.shared.write()
        if breakdown {
            // The same work in its parts, timed one after another (each part repeats what it needs).
            var t = Date()
            let lengths = texts.map { $0.split(separator: " ").count }.sorted()
            let median = lengths[lengths.count / 2]
            let attributor = try LearnedAttributor(candidates: voices, textWords: median)
            say(String(format: "  learned model training: %.2f s", Date().timeIntervalSince(t))); t = Date()
            let named = attributor.attribute(texts)
            say(String(format: "  learned attribution of %d texts: %.2f s", texts.count, Date().timeIntervalSince(t))); t = Date()
            let verifier = try VoiceVerifier(candidates: voices, textWords: median)
            say(String(format: "  verifier construction (calibration): %.2f s", Date().timeIntervalSince(t))); t = Date()
            _ = verifier.verify(zip(texts, named).map { (text: $0.0, clone: $0.1.best) })
            say(String(format: "  open-set verification of %d texts: %.2f s", texts.count, Date().timeIntervalSince(t)))
        }
        say(String(format: "speed: %d texts of 500 words among %d voices (training, attribution and open-set check): %.2f s (%.2f s per 1,000 texts); %d refused as none of these",
                   results.count, voices.count, seconds, seconds * 1000 / Double(max(1, results.count)), results.filter { $0.author == nil }.count))
    }
}

/// PAN 2020 verification measures over probabilities of "same writer".
struct VerificationMetrics {
    var auc = 0.0, cAt1 = 0.0, f1 = 0.0, ece = 0.0, meanPositive = 0.0, meanNegative = 0.0

    init(probabilities p: [Double], truths y: [Bool]) {
        let positives = p.indices.filter { y[$0] }, negatives = p.indices.filter { !y[$0] }
        guard !positives.isEmpty, !negatives.isEmpty else { return }
        var wins = 0.0
        for i in positives { for j in negatives { wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0 } }
        auc = wins / Double(positives.count * negatives.count)
        // c@1: 0.5 exactly is a non-answer, credited at the rate of correct answers.
        let answered = p.indices.filter { p[$0] != 0.5 }
        let correct = Double(answered.filter { (p[$0] > 0.5) == y[$0] }.count)
        let n = Double(p.count)
        cAt1 = (correct + (n - Double(answered.count)) * correct / n) / n
        let tp = Double(answered.filter { p[$0] > 0.5 && y[$0] }.count)
        let fp = Double(answered.filter { p[$0] > 0.5 && !y[$0] }.count)
        let fn = Double(positives.count) - tp
        f1 = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0
        var bins = [(sum: Double, hits: Double, count: Double)](repeating: (0, 0, 0), count: 10)
        for i in p.indices {
            let b = min(9, Int(p[i] * 10))
            bins[b].sum += p[i]; bins[b].hits += y[i] ? 1 : 0; bins[b].count += 1
        }
        ece = bins.reduce(0) { $0 + ($1.count > 0 ? abs($1.sum - $1.hits) / n : 0) }
        meanPositive = positives.reduce(0) { $0 + p[$1] } / Double(positives.count)
        meanNegative = negatives.reduce(0) { $0 + p[$1] } / Double(negatives.count)
    }
}

/// A reliability table: pairs by decile of their probability, each decile's mean probability and the share of
/// same-writer pairs in it, and the expected calibration error they add up to (as `VerificationMetrics.ece`).
struct ReliabilityTable {
    var rows: [String] = []
    var ece = 0.0

    init(probabilities p: [Double], truths y: [Bool]) {
        var bins = [(sum: Double, hits: Double, count: Double)](repeating: (0, 0, 0), count: 10)
        for i in p.indices {
            let b = min(9, Int(p[i] * 10))
            bins[b].sum += p[i]; bins[b].hits += y[i] ? 1 : 0; bins[b].count += 1
        }
        let n = Double(max(1, p.count))
        ece = bins.reduce(0) { $0 + ($1.count > 0 ? abs($1.sum - $1.hits) / n : 0) }
        rows = bins.enumerated().filter { $0.element.count > 0 }.map { b, bin in
            String(format: "%d: %d, %.2f -> %.2f", b, Int(bin.count), bin.sum / bin.count, bin.hits / bin.count)
        }
    }
}

/// `match`'s posterior re-read under another prior over {the voice asked about, a stranger, another voice}, from
/// what a `Verification` reports: the voice's own odds o, and P(none) = 1 / (o + 1 + R) gives the rivals' weight R.
enum PriorDiagnosis {
    static func reread(_ v: Verification, prior: (voice: Double, stranger: Double, others: Double)) -> Double {
        guard let own = v.voiceProbability, let none = v.noneProbability, none > 0 else { return v.probability }
        let p = min(1 - 1e-6, max(1e-6, own)), odds = p / (1 - p)
        let rivals = max(0, 1 / none - 1 - odds)
        return prior.voice * odds / (prior.voice * odds + prior.stranger + prior.others * rivals)
    }
}

/// How honest the bands are: pairs are put in deciles of their probability, and a pair's band covers when the
/// share of same-writer pairs in its decile (the outcome rate of texts given about the same probability) lies inside
/// it. Deciles with fewer than 5 pairs have no rate worth the name and are not counted.
struct BandCoverage {
    var covered = 0.0, counted = 0, meanWidth = 0.0
    /// Per decile with pairs: its range, pairs, same-writer rate, mean probability, mean band and share covered.
    var deciles: [String] = []

    init(probabilities p: [Double], bands: [ProbabilityBand], truths y: [Bool]) {
        guard !p.isEmpty else { return }
        let decile = { (value: Double) in min(9, Int(value * 10)) }
        var bins = [(hits: Double, count: Double, sum: Double, lower: Double, upper: Double, inside: Double)](
            repeating: (0, 0, 0, 0, 0, 0), count: 10)
        for i in p.indices {
            let b = decile(p[i])
            bins[b].hits += y[i] ? 1 : 0; bins[b].count += 1; bins[b].sum += p[i]
            bins[b].lower += bands[i].lower; bins[b].upper += bands[i].upper
        }
        var inside = 0
        for i in p.indices {
            let b = decile(p[i])
            guard bins[b].count >= 5 else { continue }
            let rate = bins[b].hits / bins[b].count
            counted += 1
            if bands[i].lower <= rate && rate <= bands[i].upper { inside += 1; bins[b].inside += 1 }
        }
        covered = counted > 0 ? Double(inside) / Double(counted) : 0
        meanWidth = zip(bands, p).reduce(0) { $0 + $1.0.upper - $1.0.lower } / Double(p.count)
        deciles = bins.enumerated().filter { $0.element.count > 0 }.map { b, bin in
            String(format: "%.1f-%.1f: %d pairs, same-writer rate %.2f, mean p %.2f, mean band %.2f-%.2f, covered %@",
                   Double(b) / 10, Double(b + 1) / 10, Int(bin.count), bin.hits / bin.count, bin.sum / bin.count,
                   bin.lower / bin.count, bin.upper / bin.count,
                   bin.count >= 5 ? String(format: "%.0f%%", 100 * bin.inside / bin.count) : "(under 5 pairs)")
        }
    }
}

/// `judgement-background`: builds Resources/judgement/background.tsv from british_fiction_small.
func runJudgementBackground(corpora: URL, output: URL) throws -> String {
    let folder = corpora.appendingPathComponent("british_fiction_small")
    var byAuthor: [String: [String]] = [:]
    for row in try AttributionCorpus.readCSV(folder.appendingPathComponent("metadata.csv")) {
        guard let file = row["file"], let author = row["author"] else { continue }
        byAuthor[author, default: []].append(try AttributionCorpus.read(folder.appendingPathComponent(file)))
    }
    let names = byAuthor.keys.sorted()
    let background = VerificationBackground.build(
        names: names, texts: names.map { byAuthor[$0]! },
        source: "british_fiction_small: 26 public-domain 18th/19th-century novels by 11 British authors")
    try Data(background.tsv().utf8).write(to: output, options: .atomic)
    return "wrote \(output.path): \(names.count) writers"
}
