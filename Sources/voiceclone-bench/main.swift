import Foundation

// Benchmarks print measured figures and ratios; they assert nothing. Run in release:
//   swift build -c release && .build/release/voiceclone-bench [scan|all] [options]
let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "scan"
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    return v
}

do {
    switch which {
    case "scan":
        print("== Scanner (issue 2) ==")
        print(try ScanBenchmark.run(samples: option("--samples", 10_000), words: option("--words", 10_000_000),
                                    clones: option("--clones", 50), keep: arguments.contains("--keep")))
    default:
        FileHandle.standardError.write(Data("usage: voiceclone-bench scan [--samples N --words N --clones N --keep]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("voiceclone-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
