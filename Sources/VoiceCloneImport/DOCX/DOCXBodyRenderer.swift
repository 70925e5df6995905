/// Walks `w:body` and renders each paragraph as a Markdown block.
struct DOCXBodyRenderer {
    let styles: DOCXStyles

    /// A stretch of text with one formatting.
    private struct Run {
        var text: String
        var bold: Bool
        var italic: Bool
    }

    /// Whether field-code text is being skipped (between `fldChar begin` and `separate`).
    private final class FieldState {
        var depth = 0
        var inCode: [Bool] = []
        var skipping: Bool { inCode.contains(true) }
    }

    func blocks(of body: MarkupElement) -> [String] {
        var blocks: [String] = []
        collectBlocks(body, into: &blocks)
        return blocks
    }

    private func collectBlocks(_ element: MarkupElement, into blocks: inout [String]) {
        for child in element.elements {
            switch child.name {
            case "p":
                if let block = paragraph(child) { blocks.append(block) }
            case "tbl", "sectPr", "del", "moveFrom":
                continue
            case "sdt", "sdtContent", "customXml", "ins", "moveTo":
                collectBlocks(child, into: &blocks)
            default:
                continue
            }
        }
    }

    private func paragraph(_ p: MarkupElement) -> String? {
        let properties = p.elements(named: "pPr").first
        let styleID = properties?.first(named: "pStyle")?.attributes["w:val"] ?? ""
        var level = styles.headingLevel(styleID)
        if level == nil, let outline = properties?.elements(named: "outlineLvl").first?.attributes["w:val"].flatMap(Int.init), outline < 6 {
            level = outline + 1
        }
        let isList = properties?.first(named: "numPr") != nil || styles.isList(styleID)

        var runs: [Run] = []
        let fields = FieldState()
        collectRuns(p, fields: fields, into: &runs)
        if let level {
            let text = MarkdownText.collapseWhitespace(runs.map(\.text).joined()).trimmed()
            return text.isEmpty ? nil : String(repeating: "#", count: level) + " " + text
        }
        let text = Self.inlineMarkdown(runs)
        guard !text.isEmpty else { return nil }
        return isList ? "- " + text : text
    }

    private func collectRuns(_ element: MarkupElement, fields: FieldState, into runs: inout [Run]) {
        for child in element.elements {
            switch child.name {
            case "r":
                run(child, fields: fields, into: &runs)
            case "hyperlink", "smartTag", "ins", "moveTo", "customXml", "sdt", "sdtContent", "fldSimple", "bdo", "dir":
                collectRuns(child, fields: fields, into: &runs)
            default:
                // pPr, del, moveFrom, comment ranges, bookmarks, proofing marks, AlternateContent: not prose.
                continue
            }
        }
    }

    private func run(_ r: MarkupElement, fields: FieldState, into runs: inout [Run]) {
        let properties = r.elements(named: "rPr").first
        let bold = Self.isOn(properties?.elements(named: "b").first)
        let italic = Self.isOn(properties?.elements(named: "i").first)
        for child in r.elements {
            switch child.name {
            case "fldChar":
                switch child.attributes["w:fldCharType"] {
                case "begin": fields.inCode.append(true)
                case "separate": if !fields.inCode.isEmpty { fields.inCode[fields.inCode.count - 1] = false }
                case "end": if !fields.inCode.isEmpty { fields.inCode.removeLast() }
                default: break
                }
            case "t" where !fields.skipping:
                runs.append(Run(text: child.textContent, bold: bold, italic: italic))
            case "tab" where !fields.skipping, "br" where !fields.skipping, "cr" where !fields.skipping:
                runs.append(Run(text: " ", bold: bold, italic: italic))
            case "noBreakHyphen" where !fields.skipping:
                runs.append(Run(text: "-", bold: bold, italic: italic))
            default:
                // instrText (field codes), delText, drawings, footnote and comment references.
                continue
            }
        }
    }

    /// `<w:b/>` or `<w:b w:val="true"/>` is on; `w:val="0"`/`false`/`off` is off.
    private static func isOn(_ element: MarkupElement?) -> Bool {
        guard let element else { return false }
        guard let value = element.attributes["w:val"]?.lowercased() else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    /// Merges runs of equal formatting and wraps bold/italic stretches in Markdown markers,
    /// keeping spaces outside the markers.
    private static func inlineMarkdown(_ runs: [Run]) -> String {
        var merged: [Run] = []
        for run in runs {
            if let last = merged.last, last.bold == run.bold, last.italic == run.italic {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        var output = ""
        for run in merged {
            let text = MarkdownText.collapseWhitespace(run.text)
            let core = text.trimmed()
            guard !core.isEmpty, run.bold || run.italic else {
                output += text
                continue
            }
            let marker = run.bold && run.italic ? "***" : run.bold ? "**" : "*"
            if text.first?.isWhitespace == true { output += " " }
            output += marker + core + marker
            if text.last?.isWhitespace == true { output += " " }
        }
        return MarkdownText.collapseWhitespace(output).trimmed()
    }
}
