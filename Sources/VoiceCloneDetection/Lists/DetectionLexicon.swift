import Foundation

/// All the detector's lists: the bundled versions, optionally extended or overridden by a vault.
public struct DetectionLexicon: Sendable {
    /// The list names, each a file `Resources/detection/NAME.txt` (or `.tsv` for `plain-words`).
    public static let listNames = ["tell-words", "tell-phrases", "transitions", "hedges", "signposts", "plain-words"]

    public private(set) var lists: [String: DetectionList]

    let tellWords: PhraseMatcher
    let tellPhrases: PhraseMatcher
    package let transitions: PhraseMatcher
    let hedges: PhraseMatcher
    let signposts: PhraseMatcher
    /// Tell phrase → plain replacement, longest first (rewrite applies them in this order).
    package let plainWords: [(tell: String, plain: String)]

    /// The bundled lists.
    public static let bundled = DetectionLexicon(lists: DetectionLexicon.loadBundled())

    /// The bundled lists with a vault's override files applied, keyed by list name (file contents as text).
    /// Unknown names are ignored by design: a vault may hold notes next to its lists.
    public static func withOverrides(_ overrides: [String: String]) -> DetectionLexicon {
        var lists = bundled.lists
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) where lists[name] != nil {
            lists[name]?.applyOverride(text)
        }
        return DetectionLexicon(lists: lists)
    }

    public init(lists: [String: DetectionList]) {
        self.lists = lists
        func entries(_ name: String) -> [String] { lists[name]?.entries ?? [] }
        tellWords = PhraseMatcher(entries("tell-words"))
        tellPhrases = PhraseMatcher(entries("tell-phrases"))
        transitions = PhraseMatcher(entries("transitions"))
        hedges = PhraseMatcher(entries("hedges"))
        signposts = PhraseMatcher(entries("signposts"))
        let plain = lists["plain-words"]
        plainWords = (plain?.entries ?? []).compactMap { tell in
            plain?.replacements[tell].map { (tell, $0) }
        }.sorted { $0.tell.count != $1.tell.count ? $0.tell.count > $1.tell.count : $0.tell < $1.tell }
    }

    /// Every word of the replaceable entries: what a rewrite may remove without losing content.
    public var styleWords: Set<String> {
        var words = Set<String>()
        let names = ["tell-words", "transitions", "hedges", "signposts"]
        for name in names { for e in lists[name]?.entries ?? [] { words.formUnion(e.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)) } }
        for (tell, _) in plainWords { words.formUnion(tell.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)) }
        return words
    }

    /// The versions of the lists in use, for reports ("tell-words v1").
    public var versions: [String: Int] { lists.mapValues(\.version) }

    /// The plain replacement of a tell word or phrase, if the data has one.
    public func plainWord(for tell: String) -> String? {
        lists["plain-words"]?.replacements[DetectionList.normalize(tell)]
    }

    private static func loadBundled() -> [String: DetectionList] {
        var lists: [String: DetectionList] = [:]
        for name in listNames {
            let ext = name == "plain-words" ? "tsv" : "txt"
            let text = DetectionResource.text(name, ext) ?? ""
            lists[name] = DetectionList.parse(name: name, text: text)
        }
        return lists
    }
}
