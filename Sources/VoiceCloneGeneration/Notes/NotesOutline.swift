import Foundation

/// A writer's notes, read line by line: what the piece must say, in their order.
///
/// - `subject:`, `title:`, `to:` and `tags:` lines (any case) set the email subject, the blog title, who an email
///   greets and hashtags to use.
/// - `# Heading` / `## Heading` lines become section headings (blogs) or paragraph breaks (elsewhere).
/// - Top-level bullets (`-`, `*`, `•`, `1.`) and plain lines are points; each becomes one or more sentences.
/// - Indented bullets under a point stay a list; a blank line starts a new paragraph.
public struct NotesOutline: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case point(String)
        case listItem(String)
        case heading(String)
    }

    public var subject: String?
    public var title: String?
    public var recipient: String?
    public var tags: [String]
    /// Paragraph groups, in the notes' order.
    public var groups: [[Line]]

    public init(subject: String? = nil, title: String? = nil, recipient: String? = nil, tags: [String] = [],
                groups: [[Line]] = []) {
        self.subject = subject
        self.title = title
        self.recipient = recipient
        self.tags = tags
        self.groups = groups
    }

    /// Every point, list item and heading, in order.
    public var lines: [Line] { groups.flatMap { $0 } }

    /// The notes' words a reader would call content (for recall): everything in points, list items, headings,
    /// subject and title.
    public var contentText: String {
        var parts: [String] = [subject, title].compactMap { $0 }
        for line in lines {
            switch line {
            case .point(let s), .listItem(let s), .heading(let s): parts.append(s)
            }
        }
        return parts.joined(separator: "\n")
    }

    /// True when `text` reads as notes rather than a one-line topic: two or more bullet lines or non-empty lines.
    public static func looksLikeNotes(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let bullets = lines.filter { bulletBody($0) != nil }
        return bullets.count >= 2 || (bullets.count == 1 && lines.count >= 2) || lines.count >= 3
    }

    public static func parse(_ text: String) -> NotesOutline {
        var outline = NotesOutline()
        var group: [Line] = []
        func close() {
            if !group.isEmpty { outline.groups.append(group) }
            group = []
        }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        for raw in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { close(); continue }
            if let (key, value) = field(trimmed) {
                switch key {
                case "subject": outline.subject = value
                case "title": outline.title = value
                case "to": outline.recipient = value
                default:
                    outline.tags += value.split(whereSeparator: { $0 == "," || $0 == " " })
                        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "#")) }.filter { !$0.isEmpty }
                }
                continue
            }
            if trimmed.hasPrefix("#"), let space = trimmed.firstIndex(of: " "),
               trimmed[..<space].allSatisfy({ $0 == "#" }) {
                let heading = trimmed[space...].trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("# "), outline.title == nil, outline.groups.isEmpty, group.isEmpty {
                    outline.title = heading
                } else {
                    close()
                    group.append(.heading(heading))
                }
                continue
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if let body = bulletBody(trimmed) {
                group.append(indent >= 2 && !group.isEmpty ? .listItem(body) : .point(body))
            } else {
                group.append(.point(trimmed))
            }
        }
        close()
        return outline
    }

    private static func field(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].lowercased()
        guard ["subject", "title", "to", "tags"].contains(key) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : (key, value)
    }

    /// The text after a bullet marker (`-`, `*`, `•`, `1.`, `1)`), or `nil` when the line is not a bullet.
    static func bulletBody(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "– "] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return rest.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
