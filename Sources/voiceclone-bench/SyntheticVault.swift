import Foundation
import VoiceCloneKit
import VoiceCloneText
import VoiceCloneVault

/// A seeded generator of vaults that look like real ones to the scanner: front matter, Markdown,
/// paragraphs, Zipf-distributed words. The same seed always writes the same files.
struct SyntheticVault {
    var clones = 50
    var samples = 10_000
    var totalWords = 10_000_000
    var seed: UInt64 = 42

    func write(to root: URL) throws {
        _ = try VaultInitializer.initialize(at: root)
        var rng = SplitMix64(seed: seed)
        let vocabulary = Self.vocabulary(&rng)
        let wordsPerSample = totalWords / samples
        let types = ContentType.allCases
        for s in 0..<samples {
            let clone = "writer-\(s % clones)"
            let dir = root.appendingPathComponent("clones/\(clone)/samples")
            if s < clones {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try "---\nname: Writer \(s)\ntags: [synthetic]\n---\n".write(to: root.appendingPathComponent("clones/\(clone)/clone.md"), atomically: false, encoding: .utf8)
            }
            // Lengths vary from half to one and a half times the mean, as real samples do.
            let count = wordsPerSample / 2 + Int(rng.next() % UInt64(wordsPerSample))
            var text = "---\ntitle: Sample \(s)\ncontent_type: \(types[s % types.count].rawValue)\nadded: 2026-01-01\nai_assisted: false\n---\n\n# Heading \(s)\n\n"
            text.reserveCapacity(count * 7)
            var sentence = 0
            for w in 0..<count {
                let word = vocabulary[Self.zipfIndex(&rng, vocabulary.count)]
                text += sentence == 0 ? word.capitalized : word
                sentence += 1
                if sentence > 8 && rng.next() % 6 == 0 {
                    text += ". "
                    sentence = 0
                    if rng.next() % 5 == 0 { text += "\n\n" }
                } else {
                    text += (w % 11 == 10) ? ", " : " "
                }
            }
            text += ".\n"
            try text.write(to: dir.appendingPathComponent("sample-\(s).md"), atomically: false, encoding: .utf8)
        }
    }

    static func vocabulary(_ rng: inout SplitMix64) -> [String] {
        let letters = Array("etaoinshrdlucmfwypvbgkjqxz")
        var words = ["the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "was", "for", "on", "are", "with", "as", "I", "his", "they", "be"]
        while words.count < 20_000 {
            let length = 2 + Int(rng.next() % 9)
            words.append(String((0..<length).map { _ in letters[Int(min(rng.next() % 26, rng.next() % 26))] }))
        }
        return words
    }

    static func zipfIndex(_ rng: inout SplitMix64, _ n: Int) -> Int {
        // Inverse-CDF of an approximate Zipf law: frequent words dominate, a long tail follows.
        let u = Double(rng.next() >> 11) / Double(1 << 53)
        return min(n - 1, Int(pow(Double(n), u)) - 1)
    }
}
