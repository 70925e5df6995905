/// One versioned word or phrase list of the detector ("tell-words", "transitions", …).
///
/// The lists are data, not code, so a writer or a team can tune them without a release: the bundled file carries a
/// `# version: N` line, and a vault's `.voiceclone/detection/NAME.txt` extends it (plain lines), removes entries
/// (lines starting with `-`) or replaces it outright (a `# replace` line).
public struct DetectionList: Sendable, Equatable {
    public var name: String
    /// The bundled file's version; a vault override that replaces the list keeps its own version line, if any.
    public var version: Int
    /// Lowercased entries in file order, duplicates removed. For `plain-words` each entry is a tell phrase and
    /// `replacements` holds its plain form.
    public var entries: [String]
    public var replacements: [String: String]

    public init(name: String, version: Int, entries: [String], replacements: [String: String] = [:]) {
        self.name = name
        self.version = version
        self.entries = entries
        self.replacements = replacements
    }

    /// Parses a list file. Tab-separated lines give a replacement (`tell<TAB>plain`).
    public static func parse(name: String, text: String) -> DetectionList {
        var list = DetectionList(name: name, version: 0, entries: [])
        list.apply(parseLines(text), replacing: true)
        return list
    }

    /// Applies a vault override file on top of this list.
    public mutating func applyOverride(_ text: String) {
        let parsed = DetectionList.parseLines(text)
        apply(parsed, replacing: parsed.replace)
    }

    struct ParsedLines {
        var version: Int?
        var replace = false
        var added: [(String, String?)] = []
        var removed: [String] = []
    }

    static func parseLines(_ text: String) -> ParsedLines {
        var parsed = ParsedLines()
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
                if body.hasPrefix("version:"), let v = Int(body.dropFirst("version:".count).trimmingCharacters(in: .whitespaces)) {
                    parsed.version = v
                } else if body == "replace" {
                    parsed.replace = true
                }
                continue
            }
            if trimmed.hasPrefix("-") {
                parsed.removed.append(normalize(String(trimmed.dropFirst())))
                continue
            }
            if let tab = line.firstIndex(of: "\t") {
                // Keep the replacement's own spacing: "first, " replaces "first and foremost, " exactly.
                parsed.added.append((normalize(String(line[..<tab])), String(line[line.index(after: tab)...])))
            } else {
                parsed.added.append((normalize(trimmed), nil))
            }
        }
        return parsed
    }

    private mutating func apply(_ parsed: ParsedLines, replacing: Bool) {
        if replacing {
            entries = []
            replacements = [:]
            if let v = parsed.version { version = v }
        }
        var seen = Set(entries)
        for (entry, replacement) in parsed.added where !entry.isEmpty {
            if seen.insert(entry).inserted { entries.append(entry) }
            if let replacement { replacements[entry] = replacement }
        }
        let removed = Set(parsed.removed)
        entries.removeAll { removed.contains($0) }
        for r in removed { replacements[r] = nil }
    }

    /// Lowercase with straight apostrophes, the way the tokenizer sees words. Trailing spaces are kept
    /// (they matter for replacements like "it's worth noting that "), leading ones are not.
    static func normalize(_ s: String) -> String {
        var out = s.lowercased().replacingOccurrences(of: "’", with: "'")
        while out.first == " " { out.removeFirst() }
        return out
    }
}
