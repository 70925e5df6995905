import Foundation
import VoiceCloneKit
import VoiceCloneAnalysis
let args = CommandLine.arguments
if args.count > 2 && args[1] == "stats" {
    for f in args.dropFirst(2) {
        let t = try String(contentsOfFile: f, encoding: .utf8)
        print(String(decoding: try CanonicalJSON.encode(VoiceAnalyzer().stats(of: t)), as: UTF8.self))
    }
} else if args.count > 2 && args[1] == "dna" {
    let files = args.dropFirst(2).map { URL(fileURLWithPath: $0) }
    let samples = try files.map { AnalysisSample(id: $0.lastPathComponent, text: try String(contentsOf: $0, encoding: .utf8), contentType: .book) }
    print(String(decoding: try CanonicalJSON.encode(VoiceAnalyzer().analyze(samples)), as: UTF8.self))
} else {
    print(try runAnalysisBenchmark(corpus: URL(fileURLWithPath: args[1])))
}
