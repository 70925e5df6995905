import Foundation
import VoiceCloneVoice

let dir = "../shared/corpora/british_fiction_small/texts/"
let args = CommandLine.arguments.dropFirst()
let files = args.isEmpty ? ["Austen_Emma.txt", "Austen_Pride.txt"] : Array(args)
var samples: [String] = []
for f in files {
    let text = try String(contentsOfFile: dir + f, encoding: .utf8)
    // 2,000-word samples, as the issue's measurement builds clones.
    let words = text.split(separator: " ", omittingEmptySubsequences: false)
    var i = 0
    while i < words.count { samples.append(words[i..<min(i + 2000, words.count)].joined(separator: " ")); i += 2000 }
}
let wall = ContinuousClock()
var engine: LocalEngine!
let c0 = clock()
let train = wall.measure { engine = try! LocalEngine(samples: samples) }
print("train cpu", Double(clock() - c0) / Double(CLOCKS_PER_SEC))
if CommandLine.arguments.contains("--train-only") || ProcessInfo.processInfo.environment["TRAIN_ONLY"] != nil { exit(0) }
print("samples \(samples.count), words \(engine.sampleWordCount), train \(train)")
for (name, prompt) in [("blog", "a letter about marriage and fortune"), ("linkedin", "patience and good sense")] {
    var piece: GeneratedPiece!
    let t = wall.measure { piece = try! engine.write(GenerationRequest(prompt: prompt, platform: try! Platform.preset(named: name), seed: 1)) }
    print("==== \(name) (\(t))\n\(piece.text)\n\(piece.checks.map { "\($0.name)=\($0.passed) \($0.detail)" })\n\(piece.warnings)")
}
var longest = 0
let t = wall.measure {
    for seed in UInt64(1)...20 {
        let p = try! engine.write(GenerationRequest(prompt: "", length: .words(500), seed: seed))
        longest = max(longest, p.longestCopiedRun ?? 0)
    }
}
print("20 pieces of 500 words: \(t), longest copied run \(longest)")
