/// Turns poppler's per-page lines into paragraphs: running headers, footers and page numbers removed,
/// hyphenated line breaks undone, wrapped lines joined.
///
/// Works on the text alone (no coordinates), so it relies on two signals typesetting leaves in text:
/// lines that repeat at the top or bottom of most pages are furniture, and a line clearly shorter than
/// the text width ends a paragraph (or is a heading).
struct PDFTextCleaner {
    /// How many lines at each end of a page may be furniture.
    var edgeLines = 2
    /// Fraction of pages a line must repeat on (digits ignored) to count as a running header or footer.
    var repeatFraction = 0.5

    func paragraphs(pages: [String]) -> [String] {
        var pageLines = pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmed() }
        }
        removeFurniture(&pageLines)
        let width = typicalWidth(pageLines)
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let text = current.trimmed()
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }
        for lines in pageLines {
            for line in lines {
                if line.isEmpty {
                    flush()
                    continue
                }
                let isListItem = Self.listMarker(line) != nil
                if isListItem { flush() }
                let normalized = isListItem ? "- " + String(line.dropFirst(Self.listMarker(line) ?? 0)).trimmed() : line
                append(normalized, to: &current)
                if line.count < Int(Double(width) * 0.7) { flush() }
            }
        }
        flush()
        return paragraphs
    }

    /// Joins a line to the paragraph, undoing "exam-" + "ple" when the break split one word.
    private func append(_ line: String, to current: inout String) {
        if current.isEmpty {
            current = line
            return
        }
        if let last = current.last, last == "-" || last == "\u{00AD}" || last == "\u{2010}",
           current.dropLast().last?.isLetter == true, line.first?.isLowercase == true {
            current.removeLast()
            current += line
        } else {
            current += " " + line
        }
    }

    /// Removes page numbers and lines repeated at page edges across most pages.
    private func removeFurniture(_ pages: inout [[String]]) {
        var counts: [String: Int] = [:]
        for lines in pages {
            var seen = Set<String>()
            for index in edgeIndices(lines) {
                let key = Self.furnitureKey(lines[index])
                if !key.isEmpty, seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
        }
        let threshold = max(2, Int((Double(pages.count) * repeatFraction).rounded(.up)))
        for pageIndex in pages.indices {
            let lines = pages[pageIndex]
            var drop = Set<Int>()
            for index in edgeIndices(lines) {
                let line = lines[index]
                if Self.isPageNumber(line) { drop.insert(index); continue }
                if pages.count >= 3, (counts[Self.furnitureKey(line)] ?? 0) >= threshold { drop.insert(index) }
            }
            if !drop.isEmpty {
                pages[pageIndex] = lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            }
        }
    }

    /// Indices of the first and last `edgeLines` non-empty lines of a page.
    private func edgeIndices(_ lines: [String]) -> [Int] {
        let nonEmpty = lines.indices.filter { !lines[$0].isEmpty }
        return Array(Set(nonEmpty.prefix(edgeLines) + nonEmpty.suffix(edgeLines))).sorted()
    }

    private static func furnitureKey(_ line: String) -> String {
        String(line.lowercased().map { $0.isNumber ? "#" : $0 })
    }

    /// "12", "- 12 -", "Page 12", "page 3 of 40", "xii".
    static func isPageNumber(_ line: String) -> Bool {
        let lower = line.lowercased().trimmed()
        if lower.isEmpty { return false }
        let core = lower.trimmingCharacters(in: ["-", "–", "—", " ", "[", "]", "(", ")"])
        if !core.isEmpty, core.allSatisfy(\.isNumber) { return true }
        if !core.isEmpty, core.count <= 6, core.allSatisfy({ "ivxlc".contains($0) }) { return true }
        let words = core.split(separator: " ")
        if words.first == "page", words.count >= 2, words[1].allSatisfy(\.isNumber) {
            return words.count == 2 || (words.count == 4 && words[2] == "of" && words[3].allSatisfy(\.isNumber))
        }
        return false
    }

    /// The typical full line length: a high percentile, so short last lines do not drag it down.
    private func typicalWidth(_ pages: [[String]]) -> Int {
        var lengths = pages.flatMap { $0 }.map(\.count).filter { $0 > 0 }
        guard !lengths.isEmpty else { return 0 }
        lengths.sort()
        return lengths[min(lengths.count - 1, Int(Double(lengths.count) * 0.9))]
    }

    /// Length of a bullet marker at the start of a line ("- ", "• ", "* "), or nil.
    static func listMarker(_ line: String) -> Int? {
        for marker in ["- ", "• ", "* ", "◦ ", "▪ "] where line.hasPrefix(marker) { return marker.count }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
