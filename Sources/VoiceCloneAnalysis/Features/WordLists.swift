/// The closed word classes that style features are built on.
enum WordLists {
    /// English function words (articles, pronouns, prepositions, conjunctions, auxiliaries, common adverbs and
    /// determiners). Content words are the rest; lexical density is their share.
    static let functionWords: Set<String> = Set("""
    a about above across after afterwards again against all almost alone along already also although always am among \
    amongst an and another any anybody anyhow anyone anything anyway anywhere are around as at back be became because \
    become becomes becoming been before beforehand behind being below beside besides between beyond both but by can \
    cannot could did do does doing done down during each either else elsewhere enough even ever every everybody everyone \
    everything everywhere except few first for former formerly from further had has have having he hence her here \
    hereafter hereby herein hers herself him himself his how however i if in indeed instead into is it its itself just \
    last latter latterly least less many may me meanwhile might mine more moreover most mostly much must my myself \
    namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one \
    only onto or other others otherwise our ours ourselves out over own per perhaps quite rather same several shall she \
    should since so some somebody somehow someone something sometime sometimes somewhere still such than that the their \
    theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those though \
    through throughout thru thus to together too toward towards under unless until up upon us very via was we well were \
    what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while \
    whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves \
    can't cannot couldn't didn't doesn't don't hadn't hasn't haven't he'd he'll he's i'd i'll i'm i've isn't it's \
    let's mightn't mustn't shan't she'd she'll she's shouldn't that's there's they'd they'll they're they've wasn't \
    we'd we'll we're we've weren't what's who's won't wouldn't you'd you'll you're you've upon shall
    """.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })

    static let firstPersonSingular: Set<String> = ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"]
    static let firstPersonPlural: Set<String> = ["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll", "let's"]
    static let secondPerson: Set<String> = ["you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll", "ya", "y'all"]
    static let thirdPersonSingular: Set<String> = ["he", "him", "his", "himself", "she", "her", "hers", "herself", "he's", "she's", "he'd", "she'd", "he'll", "she'll"]
    static let thirdPersonPlural: Set<String> = ["they", "them", "their", "theirs", "themselves", "they're", "they've", "they'd", "they'll"]

    /// Words whose `'s` is "is"/"has"/"us" rather than a possessive, so "it's" counts as a contraction and "John's" does not.
    private static let sContractionHosts: Set<String> = ["it", "that", "there", "here", "what", "who", "where", "how", "let", "he", "she", "when", "why", "everyone", "nobody", "someone", "something", "nothing", "everything"]

    /// Whether a lowercased token (apostrophes normalised to `'`) is a contraction.
    static func isContraction(_ w: String) -> Bool {
        guard let apostrophe = w.lastIndex(of: "'"), apostrophe != w.startIndex else { return false }
        let tail = w[w.index(after: apostrophe)...]
        switch tail {
        case "t": return w[..<apostrophe].hasSuffix("n")
        case "re", "ve", "ll", "d", "m": return true
        case "s": return sContractionHosts.contains(String(w[..<apostrophe]))
        default: return false
        }
    }

    /// US spelling -> UK spelling for words whose variants differ only in spelling.
    static let spellingPairs: [(us: String, uk: String)] = ResourceFile.lines("spelling-variants", "tsv").compactMap {
        let f = $0.split(separator: "\t")
        return f.count == 2 ? (String(f[0]), String(f[1])) : nil
    }
    static let usSpellings: Set<String> = Set(spellingPairs.map(\.us))
    static let ukSpellings: Set<String> = Set(spellingPairs.map(\.uk))

    /// The function words as a `WordTable`, so a word's UTF-8 bytes can be looked up without making a `String`.
    private static let functionWordTable: WordTable = {
        var t = WordTable(capacity: functionWords.count)
        for w in functionWords.sorted() {
            var bytes = Array(w.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { t.intern(UnsafeBufferPointer($0)) }
        }
        return t
    }()

    /// Whether lowercased word bytes are a function word: the same answer as `functionWords.contains`, which for
    /// ASCII is byte equality; other words go through `String` for its Unicode equivalence.
    static func isFunctionWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return functionWords.contains(String(decoding: bytes, as: UTF8.self)) }
        return functionWordTable.find(bytes) != nil
    }
}
