/// Deterministic English-like prose by made-up writers: sentences built from each writer's own templates, so
/// function words come in a natural order (which shuffling destroys) and two writers can share a topic while
/// differing in habits. Written for the tests; no corpus text.
struct PhraseWriter {
    var templates: [String]
    var nouns: [String]
    var adjectives: [String]
    var verbs: [String]

    static let nouns = ["garden", "letter", "meeting", "river", "kitchen", "project", "train", "market", "window",
                        "report", "school", "bridge", "dinner", "office", "winter", "story"]
    static let adjectives = ["quiet", "late", "long", "small", "early", "cold", "bright", "busy", "strange", "simple"]
    static let verbs = ["finished", "noticed", "opened", "visited", "checked", "painted", "moved", "fixed"]

    /// Plain, first-person, short sentences, "I think", dashes.
    static let plain = PhraseWriter(templates: [
        "I think the {n} was {a} - we {v} it anyway.",
        "We {v} the {n} on Monday and it was {a}.",
        "I really liked the {n}, but the {n} was too {a}.",
        "It was a {a} day so we {v} the {n} early.",
        "Honestly I don't know why the {n} is so {a}.",
        "My sister {v} the {n} and I {v} the {n}.",
    ], nouns: nouns, adjectives: adjectives, verbs: verbs)

    /// The same topics, longer sentences with semicolons and "one", "perhaps", "however".
    static let measured = PhraseWriter(templates: [
        "One might say that the {n} was {a}; however, it was {v} in the end.",
        "Perhaps the {n} of the {n} was never as {a} as it seemed, and yet it was {v} with some care.",
        "The {n}, which had been {a} for a while, was {v} by the people of the {n}.",
        "It is, perhaps, in the {n} that one notices how {a} the {n} has become; nobody {v} it.",
        "However {a} the {n} may be, the {n} was {v} before the {n} closed.",
    ], nouns: nouns, adjectives: adjectives, verbs: verbs)

    /// Exclamations, questions, "you", "so".
    static let lively = PhraseWriter(templates: [
        "You would not believe the {n}! So {a}!",
        "Did you see the {n}? It was so {a}, and they {v} it!",
        "So we {v} the {n} and you know what? The {n} was {a}!",
        "Wow, the {n} at the {n} is {a}!",
    ], nouns: nouns, adjectives: adjectives, verbs: verbs)

    /// A different writer on different subjects: procedures, numbers, imperatives.
    static let technical = PhraseWriter(templates: [
        "Configure the {n} before you restart the {n}.",
        "Step 3: ensure each {n} is {a}, then {v} the {n} (see section 2).",
        "Note: the {n} must be {a}; otherwise the {n} fails.",
        "Run the {n} twice, log the output and {v} the {n}.",
    ], nouns: ["server", "cache", "module", "config", "queue", "driver", "socket", "buffer", "kernel", "parser"],
       adjectives: ["stale", "valid", "enabled", "idle", "nonzero", "mounted"],
       verbs: ["flush", "reload", "compile", "patch", "deploy", "verify"])

    func text(words: Int, seed: UInt64) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var sentences: [String] = [], count = 0
        while count < words {
            var sentence = ""
            var rest = Substring(templates[next(templates.count)])
            while let open = rest.firstIndex(of: "{") {
                sentence += rest[..<open]
                let slot = rest[rest.index(after: open)]
                switch slot {
                case "n": sentence += nouns[next(nouns.count)]
                case "a": sentence += adjectives[next(adjectives.count)]
                default: sentence += verbs[next(verbs.count)]
                }
                rest = rest[rest.index(open, offsetBy: 3)...]
            }
            sentence += rest
            count += sentence.split(separator: " ").count
            sentences.append(sentence)
        }
        return sentences.joined(separator: " ")
    }

    /// The words of `text` in a seeded random order.
    static func shuffled(_ text: String, seed: UInt64) -> String {
        var words = text.split(separator: " ").map(String.init)
        var state = seed | 1
        for i in stride(from: words.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            words.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
        }
        return words.joined(separator: " ")
    }
}
