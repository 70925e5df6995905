import Foundation

/// Deterministic texts in two clearly different styles, long enough to analyse and attribute, so tests
/// never depend on text from elsewhere. `terse` writes short first-person sentences with contractions;
/// `ornate` writes long, comma- and semicolon-heavy third-person sentences.
public enum StyledText {
    public static func terse(_ seed: UInt64, words: Int = 400) -> String {
        var rng = Generator(seed)
        let subjects = ["I", "We", "The build", "The cache", "Our team", "The deploy", "It", "The test"]
        let verbs = ["broke", "shipped", "failed", "worked", "passed", "stalled", "ran", "held"]
        let tails = ["at noon.", "again.", "on Friday.", "in prod.", "twice.", "fine.", "by morning.", "last week."]
        let extras = ["I didn't mind.", "That's fine.", "We're fixing it.", "Don't panic.", "It's logged.", "Ship it."]
        return build(words: words) { out in
            if rng.next() % 4 == 0 { out.append(extras[Int(rng.next() % UInt64(extras.count))]) }
            out.append("\(subjects[Int(rng.next() % 8)]) \(verbs[Int(rng.next() % 8)]) \(tails[Int(rng.next() % 8)])")
        }
    }

    public static func ornate(_ seed: UInt64, words: Int = 400) -> String {
        var rng = Generator(seed)
        let openings = ["In the long evenings of that autumn", "Whatever the village may have thought of her",
                        "Beneath the quiet of the orchard", "When the letters finally came from the coast",
                        "Although the season had been unkind"]
        let middles = ["the old gardener, who had seen a great many winters, walked slowly between the hedges",
                       "his sister considered, with some amusement and a little sorrow, the state of the household",
                       "the visitors, tired and cold and hungry, gathered about the great hearth",
                       "she wrote, as was her habit, a long and careful account of the day"]
        let endings = ["; and nobody, least of all the vicar, remarked upon it.", ", for there was nothing else to be done.",
                       "; yet the house remained as silent as it had always been.", ", and the matter was considered closed."]
        return build(words: words) { out in
            out.append("\(openings[Int(rng.next() % 5)]), \(middles[Int(rng.next() % 4)])\(endings[Int(rng.next() % 4)])")
        }
    }

    private static func build(words: Int, _ sentence: (inout [String]) -> Void) -> String {
        var paragraphs: [String] = []
        var count = 0
        while count < words {
            var sentences: [String] = []
            for _ in 0..<4 { sentence(&sentences) }
            let p = sentences.joined(separator: " ")
            count += p.split(separator: " ").count
            paragraphs.append(p)
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// SplitMix64: the same text on every machine.
    struct Generator {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
