/// Turns poppler's per-page lines into paragraphs: running headers, footers and page numbers removed,
/// hyphenated line breaks undone, wrapped lines joined.
///
/// Paragraph breaks are read from what typesetting leaves behind: a larger gap between two lines than
/// the usual line pitch, a first-line indent, or a line clearly shorter than the text width. Lines that
/// repeat at the top or bottom of most pages (digits ignored) are running headers and footers.
struct PDFTextCleaner {
    /// How many lines at each end of a page may be furniture.
    var edgeLines = 2
    /// Fraction of pages a line must repeat on (digits ignored) to count as a running header or footer.
    var repeatFraction = 0.5

    /// Text-only entry point (one string per page), for callers without positions.
    func paragraphs(pages: [String]) -> [String] {
        paragraphs(lines: pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { PDFLine(text: String($0)) }
        })
    }

    func paragraphs(lines pagesIn: [[PDFLine]]) -> [String] {
        var pages = pagesIn.map { page in
            page.map { line -> PDFLine in
                var copy = line
                copy.text = line.text.trimmed()
                return copy
            }
        }
        removeFurniture(&pages)
        let width = typicalWidth(pages)
        let geometry = Geometry(pages)
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let text = current.trimmed()
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }
        for lines in pages {
            var previous: PDFLine?
            for (index, line) in lines.enumerated() {
                if line.text.isEmpty {
                    flush()
                    previous = nil
                    continue
                }
                if let previous, geometry.startsParagraph(line, after: previous) { flush() }
                // A short line with no closing punctuation, set off from what follows, is a heading.
                if index + 1 < lines.count, geometry.startsParagraph(lines[index + 1], after: line),
                   line.text.count < Int(Double(width) * 0.85), !Self.endsSentence(line.text) {
                    flush()
                }
                if let marker = Self.listMarker(line.text) {
                    flush()
                    append("- " + String(line.text.dropFirst(marker)).trimmed(), to: &current)
                } else {
                    append(line.text, to: &current)
                }
                if line.text.count < Int(Double(width) * 0.6) { flush() }
                previous = line
            }
            // A page that ends clearly above where pages usually end closes its last paragraph there.
            if let last = lines.last(where: { !$0.text.isEmpty }), geometry.endsPageEarly(last) { flush() }
        }
        flush()
        return paragraphs
    }

    /// Line pitch, left margin and line height of the body text, for telling paragraph breaks apart.
    private struct Geometry {
        var pitch: Double?
        var margin: Double?
        var lineHeight: Double = 10
        /// Where the last line of a page usually sits (the lowest last line seen).
        var usualLastTop: Double?

        init(_ pages: [[PDFLine]]) {
            var pitches: [Double] = []
            var margins: [Int: Int] = [:]
            var heights: [Double] = []
            var lastTops: [Double] = []
            for lines in pages {
                if let top = lines.last(where: { !$0.text.isEmpty })?.top { lastTops.append(top) }
                var previousTop: Double?
                for line in lines where !line.text.isEmpty {
                    guard let top = line.top, let x = line.x else { continue }
                    if let previousTop, top > previousTop { pitches.append(top - previousTop) }
                    previousTop = top
                    margins[Int(x.rounded()), default: 0] += 1
                    if let bottom = line.bottom, bottom > top { heights.append(bottom - top) }
                }
            }
            pitch = Self.median(pitches)
            margin = margins.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { Double($0.key) }
            lineHeight = Self.median(heights) ?? 10
            usualLastTop = lastTops.max()
        }

        func endsPageEarly(_ last: PDFLine) -> Bool {
            guard let pitch, let usualLastTop, let top = last.top else { return false }
            return usualLastTop - top > pitch * 1.35
        }

        func startsParagraph(_ line: PDFLine, after previous: PDFLine) -> Bool {
            if let pitch, let top = line.top, let previousTop = previous.top, top > previousTop,
               top - previousTop > pitch * 1.35 {
                return true
            }
            if let margin, let x = line.x, let previousX = previous.x,
               x > margin + 0.8 * lineHeight, previousX <= margin + 0.3 * lineHeight {
                return true
            }
            return false
        }

        private static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            return values.sorted()[values.count / 2]
        }
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
    private func removeFurniture(_ pages: inout [[PDFLine]]) {
        var counts: [String: Int] = [:]
        for lines in pages {
            var seen = Set<String>()
            for index in edgeIndices(lines) {
                let key = Self.furnitureKey(lines[index].text)
                if !key.isEmpty, seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
        }
        let threshold = max(2, Int((Double(pages.count) * repeatFraction).rounded(.up)))
        for pageIndex in pages.indices {
            let lines = pages[pageIndex]
            var drop = Set<Int>()
            for index in edgeIndices(lines) {
                let line = lines[index].text
                if Self.isPageNumber(line) { drop.insert(index); continue }
                // Two pages are enough to see a running header, but then only a short line counts: a sentence
                // repeated at the edge of both pages is more likely the writer's than the typesetter's.
                let repeats = (counts[Self.furnitureKey(line)] ?? 0) >= threshold
                if pages.count >= 3 ? repeats : (pages.count == 2 && repeats && line.split(separator: " ").count <= 12) {
                    drop.insert(index)
                }
            }
            if !drop.isEmpty {
                pages[pageIndex] = lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            }
        }
    }

    /// Indices of the first and last `edgeLines` non-empty lines of a page.
    private func edgeIndices(_ lines: [PDFLine]) -> [Int] {
        let nonEmpty = lines.indices.filter { !lines[$0].text.isEmpty }
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
    private func typicalWidth(_ pages: [[PDFLine]]) -> Int {
        var lengths = pages.flatMap { $0 }.map(\.text.count).filter { $0 > 0 }
        guard !lengths.isEmpty else { return 0 }
        lengths.sort()
        return lengths[min(lengths.count - 1, Int(Double(lengths.count) * 0.9))]
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".!?;:,\"'\u{201D}\u{2019})]".contains(last)
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
