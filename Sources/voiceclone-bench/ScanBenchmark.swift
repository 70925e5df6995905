import Foundation
import VoiceCloneVault

/// Issue 2's benchmark: the scanner over a synthetic vault beside `wc -w` over the same files.
/// Targets: scan at most 2x the time of `wc -w`; peak memory under 200 MB.
enum ScanBenchmark {
    static func run(samples: Int, words: Int, clones: Int, keep: Bool) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vc-bench-\(UUID().uuidString.prefix(6))")
        defer { if !keep { try? FileManager.default.removeItem(at: root) } }
        var lines: [String] = []
        let genTime = try Measure.seconds {
            try SyntheticVault(clones: clones, samples: samples, totalWords: words).write(to: root)
        }
        lines.append("synthetic vault: \(samples) samples, ~\(words) words, \(clones) clones (written in \(Measure.format(genTime)))")

        // One list of files for wc, so it reads exactly what the scanner reads.
        let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("clones").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") && $0.contains("/samples/") }
            .map { root.appendingPathComponent("clones").appendingPathComponent($0).path }
        let list = root.appendingPathComponent(".voiceclone/files0")
        try Data(files.map { $0 + "\0" }.joined().utf8).write(to: list)
        let wc = Measure.which("wc") ?? "/usr/bin/wc"
        _ = try Measure.command(wc, ["-w", "--files0-from=\(list.path)"]) // warm the page cache

        var wcTimes: [Double] = [], scanTimes: [Double] = [], cliTimes: [Double] = []
        var wcCPU: [Double] = [], scanCPU: [Double] = []
        var peak = 0.0
        var wcWords = ""
        let vault = Vault(root: root)
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("voiceclone").path
        var scannedWords = 0
        for _ in 0..<3 {
            let w = try Measure.command(wc, ["-w", "--files0-from=\(list.path)"])
            wcTimes.append(w.seconds)
            wcCPU.append(w.cpu)
            let cpuBefore = Measure.processCPU()
            wcWords = w.stdout.split(separator: "\n").last.map(String.init) ?? ""
            scanTimes.append(Measure.seconds {
                let index = VaultScanner(vault: vault).scan()
                scannedWords = index.clones.reduce(0) { $0 + $1.words }
            })
            scanCPU.append(Measure.processCPU() - cpuBefore)
            if FileManager.default.isExecutableFile(atPath: cli) {
                let c = try Measure.command(cli, ["check", "--json", "--vault", root.path])
                cliTimes.append(c.seconds)
                peak = max(peak, c.peakMB)
            }
        }
        let wcMedian = wcTimes.sorted()[1], scanMedian = scanTimes.sorted()[1]
        lines.append("wc -w:                \(Measure.format(wcMedian))   (\(wcWords.trimmingCharacters(in: .whitespaces)))")
        lines.append("scanner (in process): \(Measure.format(scanMedian))   (\(scannedWords) words)   ratio \(String(format: "%.2f", scanMedian / wcMedian))x wc -w  [target <= 2x]")
        let wcCPUMedian = wcCPU.sorted()[1], scanCPUMedian = scanCPU.sorted()[1]
        lines.append("CPU time:             scanner \(Measure.format(scanCPUMedian)) (both cores) vs wc -w \(Measure.format(wcCPUMedian)): "
            + "\(String(format: "%.2f", scanCPUMedian / wcCPUMedian))x the work; load average \(Measure.loadAverage())")
        if !cliTimes.isEmpty {
            let cliMedian = cliTimes.sorted()[cliTimes.count / 2]
            lines.append("voiceclone check:     \(Measure.format(cliMedian))   ratio \(String(format: "%.2f", cliMedian / wcMedian))x wc -w; peak memory \(String(format: "%.1f", peak)) MB  [target < 200 MB]")
        } else {
            lines.append("(build the voiceclone product in the same configuration to measure peak memory)")
        }
        if keep { lines.append("vault kept at \(root.path)") }
        return lines.joined(separator: "\n")
    }
}
