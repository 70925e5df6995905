/// Converts between US and UK spellings of common words, so a blended or corrected voice spells consistently.
package struct SpellingRewriter {
    private static let irregular: [(us: String, uk: String)] = [
        ("color", "colour"), ("colors", "colours"), ("colored", "coloured"), ("favorite", "favourite"),
        ("favorites", "favourites"), ("honor", "honour"), ("humor", "humour"), ("labor", "labour"),
        ("neighbor", "neighbour"), ("neighbors", "neighbours"), ("behavior", "behaviour"), ("behaviors", "behaviours"),
        ("flavor", "flavour"), ("harbor", "harbour"), ("rumor", "rumour"), ("endeavor", "endeavour"),
        ("center", "centre"), ("centers", "centres"), ("theater", "theatre"), ("fiber", "fibre"), ("liter", "litre"),
        ("defense", "defence"), ("offense", "offence"), ("catalog", "catalogue"), ("dialog", "dialogue"),
        ("analog", "analogue"), ("traveling", "travelling"), ("traveled", "travelled"), ("traveler", "traveller"),
        ("canceled", "cancelled"), ("canceling", "cancelling"), ("labeled", "labelled"), ("modeling", "modelling"),
        ("gray", "grey"), ("fulfill", "fulfil"), ("enroll", "enrol"), ("mom", "mum"), ("jewelry", "jewellery"),
        ("aluminum", "aluminium"), ("skeptical", "sceptical"), ("pajamas", "pyjamas"), ("plow", "plough"),
        ("mustache", "moustache"), ("aging", "ageing"), ("judgment", "judgement"), ("analyze", "analyse"),
        ("analyzed", "analysed"), ("analyzing", "analysing"), ("paralyze", "paralyse"),
    ]
    private static let izeStems = [
        "organ", "real", "recogn", "apolog", "priorit", "optim", "emphas", "summar", "critic", "memor", "minim",
        "maxim", "util", "custom", "special", "final", "standard", "character", "author", "visual", "categor",
        "familiar", "modern", "personal", "capital", "symbol", "revolution", "central", "general", "normal",
    ]
    package static let usToUK: [String: String] = {
        var map: [String: String] = [:]
        for pair in irregular { map[pair.us] = pair.uk }
        for stem in izeStems {
            for (us, uk) in [("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"),
                             ("ization", "isation"), ("izations", "isations")] {
                map[stem + us] = stem + uk
            }
        }
        return map
    }()
    package static let ukToUS: [String: String] = Dictionary(uniqueKeysWithValues: usToUK.map { ($0.value, $0.key) })

    /// Counts US and UK forms, to measure a writer's preference.
    package static func counts(in tokens: [String]) -> (us: Int, uk: Int) {
        var us = 0, uk = 0
        for token in tokens {
            let lower = token.lowercased()
            if usToUK[lower] != nil { us += 1 } else if ukToUS[lower] != nil { uk += 1 }
        }
        return (us, uk)
    }

    package let preference: SpellingPreference

    package init(preference: SpellingPreference) {
        self.preference = preference
    }

    package func rewrite(_ tokens: [String]) -> [String] {
        let map = preference == .uk ? SpellingRewriter.usToUK : SpellingRewriter.ukToUS
        return tokens.map { token in
            guard let replaced = map[token.lowercased()] else { return token }
            return token.first?.isUppercase == true ? replaced.prefix(1).uppercased() + replaced.dropFirst() : replaced
        }
    }
}
