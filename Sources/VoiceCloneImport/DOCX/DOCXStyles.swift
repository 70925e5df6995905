/// Which paragraph styles of a document are headings (and their level) or lists, from `word/styles.xml`.
///
/// Style ids are localised ("Überschrift1"), but style names are not ("heading 1"), so names decide.
struct DOCXStyles {
    private var headingLevels: [String: Int] = [:]
    private var listStyles: Set<String> = []

    init() {}

    init(_ styles: MarkupElement) {
        for style in styles.elements(named: "style") {
            guard let id = style.attributes["w:styleId"] ?? style.attributes["styleId"] else { continue }
            let name = (style.first(named: "name")?.attributes["w:val"] ?? "").lowercased()
            if let level = Self.level(fromName: name) { headingLevels[id] = level }
            if let outline = style.first(named: "outlineLvl")?.attributes["w:val"].flatMap(Int.init), outline < 6 {
                headingLevels[id] = headingLevels[id] ?? outline + 1
            }
            if name.contains("list") && !name.contains("table") { listStyles.insert(id) }
        }
    }

    /// Heading level of a paragraph style id, from styles.xml or, without it, from the id itself.
    func headingLevel(_ styleID: String) -> Int? {
        headingLevels[styleID] ?? Self.level(fromName: styleID.lowercased())
    }

    func isList(_ styleID: String) -> Bool {
        listStyles.contains(styleID) || styleID.lowercased().hasPrefix("list")
    }

    private static func level(fromName name: String) -> Int? {
        if name == "title" { return 1 }
        let compact = name.replacingOccurrences(of: " ", with: "")
        guard compact.hasPrefix("heading"), let level = Int(compact.dropFirst("heading".count)), (1...6).contains(level) else { return nil }
        return level
    }
}
