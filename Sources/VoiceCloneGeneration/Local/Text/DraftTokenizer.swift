/// Splits prose into the tokens the n-gram model learns: words (with internal apostrophes, hyphens and dots),
/// punctuation marks as tokens of their own, sentences, and paragraphs.
///
/// Quotes and apostrophes are normalised (“ ” ‘ ’ and straight forms become canonical tokens) and the writer's
/// typographic choices are tallied so the assembler can render them back the way the writer types them.
package struct DraftTokenizer {
    /// Canonical quote tokens.
    package static let openDouble = "“", closeDouble = "”", openSingle = "‘", closeSingle = "’"
    package static let terminalCharacters: Set<Character> = [".", "!", "?"]
    /// Words whose period always stays on the word, whatever follows. Not Analysis's `Abbreviations`: that
    /// sentence splitter knows more words but decides by context ("No. 10" vs "No. I won't", "etc. and" vs
    /// "etc. Then"); this tokenizer has no context rules, so it keeps a short list of the common ones.
    package static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "cf", "no", "fig", "approx",
        "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
        "u.k", "a.m", "p.m",
    ]

    private(set) var curlyQuotes = 0, straightQuotes = 0, curlyApostrophes = 0, straightApostrophes = 0
    private(set) var spacedDashes = 0, tightDashes = 0, ellipsisChars = 0, ellipsisDots = 0

    package init() {}

    package var renderStyle: RenderStyle {
        RenderStyle(
            curlyQuotes: curlyQuotes, straightQuotes: straightQuotes, curlyApostrophes: curlyApostrophes,
            straightApostrophes: straightApostrophes, spacedDashes: spacedDashes, tightDashes: tightDashes,
            ellipsisChars: ellipsisChars, ellipsisDots: ellipsisDots)
    }

    /// Tokens of one paragraph, grouped into sentences.
    package mutating func sentences(inParagraph text: String) -> [[String]] {
        let tokens = tokenize(Array(text.unicodeScalars))
        var sentences: [[String]] = []
        var current: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            current.append(token)
            i += 1
            guard DraftTokenizer.isTerminal(token) else { continue }
            while i < tokens.count, DraftTokenizer.isCloser(tokens[i]) {
                current.append(tokens[i])
                i += 1
            }
            let next = i < tokens.count ? tokens[i] : nil
            if next == nil || DraftTokenizer.startsSentence(next!, after: token) {
                sentences.append(current)
                current.removeAll()
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences.filter { $0.contains(where: DraftTokenizer.isWord) }
    }

    package static func isWord(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        return first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "$"
    }

    package static func isTerminal(_ token: String) -> Bool {
        token == "…" || (token.first.map { terminalCharacters.contains($0) } ?? false)
    }

    package static func isCloser(_ token: String) -> Bool { token == ")" || token == closeDouble || token == closeSingle }
    package static func isOpener(_ token: String) -> Bool { token == "(" || token == openDouble || token == openSingle }

    private static func startsSentence(_ token: String, after terminal: String) -> Bool {
        if token == openDouble || token == openSingle || token == "(" { return true }
        guard let first = token.first else { return false }
        if terminal == "…" { return first.isUppercase }
        return first.isUppercase || first.isNumber
    }

    private mutating func tokenize(_ chars: [Unicode.Scalar]) -> [String] {
        var tokens: [String] = []
        var word = ""
        var openSingles = 0
        var i = 0
        func flush() {
            if !word.isEmpty { tokens.append(word); word = "" }
        }
        func at(_ k: Int) -> Unicode.Scalar? { k >= 0 && k < chars.count ? chars[k] : nil }
        func isWordChar(_ c: Unicode.Scalar?) -> Bool { c.map(WordHasher.isWordScalar) ?? false }
        func isSpace(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c == " " || c == "\n" || c == "\t" || (c.value >= 0x80 && c.properties.isWhitespace)
        }
        let scalarTerminals: Set<Unicode.Scalar> = [".", "!", "?"]

        while i < chars.count {
            let c = chars[i]
            if WordHasher.isWordScalar(c) || ((c == "$" || c == "£" || c == "€") && isWordChar(at(i + 1))) {
                word.unicodeScalars.append(c)
            } else if c == "%", let last = word.unicodeScalars.last, last.properties.numericType != nil {
                word.unicodeScalars.append(c)
            } else if (c == "'" || c == "’") && !word.isEmpty && isWordChar(at(i + 1)) {
                word.append("'")
                if c == "’" { curlyApostrophes += 1 } else { straightApostrophes += 1 }
            } else if (c == "-" || c == "‑") && !word.isEmpty && isWordChar(at(i + 1)) {
                word.append("-")
            } else if (c == "," || c == ":"), let last = word.unicodeScalars.last, last.properties.numericType != nil,
                      let next = at(i + 1), next.properties.numericType != nil {
                // 2,400 and 4:55 are one token: split, they would come back as "2, 400" and "4: 55".
                word.unicodeScalars.append(c)
            } else if c == "/" && !word.isEmpty && isWordChar(at(i + 1)) {
                word.append("/")  // and/or, 24/7
            } else if c == "." && !word.isEmpty && isWordChar(at(i + 1)) {
                word.append(".")
            } else if c == "." && !word.isEmpty && at(i + 1) != "."
                        && (DraftTokenizer.abbreviations.contains(word.lowercased())
                            || word.contains(".")
                            || (word.unicodeScalars.count == 1 && word.unicodeScalars.first?.properties.isUppercase == true)) {
                word.append(".")
                flush()
            } else {
                flush()
                if isSpace(c) {
                    i += 1
                    continue
                }
                switch c {
                case ".", "!", "?":
                    var run = String(c)
                    while let n = at(i + 1), scalarTerminals.contains(n) {
                        run.unicodeScalars.append(n)
                        i += 1
                    }
                    if run.hasPrefix("...") {
                        tokens.append("…")
                        ellipsisDots += 1
                    } else {
                        tokens.append(run)
                    }
                case "…":
                    tokens.append("…")
                    ellipsisChars += 1
                case "—", "―":
                    tokens.append("—")
                    if isSpace(at(i - 1)) { spacedDashes += 1 } else { tightDashes += 1 }
                case "-":
                    if at(i + 1) == "-" {
                        while at(i + 1) == "-" { i += 1 }
                        tokens.append("—")
                        if isSpace(at(i + 1)) { spacedDashes += 1 } else { tightDashes += 1 }
                    } else if isSpace(at(i - 1)) && isSpace(at(i + 1)) {
                        tokens.append("—")
                        spacedDashes += 1
                    }
                case "–":
                    tokens.append("–")
                case ",", ";", ":":
                    tokens.append(String(c))
                case "(", "[":
                    tokens.append("(")
                case ")", "]":
                    tokens.append(")")
                case "“":
                    tokens.append(DraftTokenizer.openDouble)
                    curlyQuotes += 1
                case "”":
                    tokens.append(DraftTokenizer.closeDouble)
                    curlyQuotes += 1
                case "\"":
                    let prev = at(i - 1)
                    let opening = prev == nil || isSpace(prev) || prev == "(" || prev == "—"
                    tokens.append(opening ? DraftTokenizer.openDouble : DraftTokenizer.closeDouble)
                    straightQuotes += 1
                case "‘", "'", "’":
                    let prev = at(i - 1)
                    let opening = (prev == nil || isSpace(prev) || prev == "(" || prev == "“" || prev == "\"")
                        && isWordChar(at(i + 1))
                    if opening {
                        tokens.append(DraftTokenizer.openSingle)
                        openSingles += 1
                    } else if openSingles > 0 {
                        tokens.append(DraftTokenizer.closeSingle)
                        openSingles -= 1
                    } else if let last = tokens.last, DraftTokenizer.isWord(last), last.hasSuffix("s") {
                        tokens[tokens.count - 1] = last + "'"
                    }
                case "&":
                    tokens.append("&")
                default:
                    break
                }
            }
            i += 1
        }
        flush()
        return tokens
    }
}
