import Foundation

/// A readable title from a file name when the document carries none: `why-i-left_v2.docx` → `why i left v2`.
enum FileTitle {
    static func fromPath(_ path: String) -> String {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let spaced = stem.map { $0 == "-" || $0 == "_" ? " " : $0 }
        let title = MarkdownText.collapseWhitespace(String(spaced)).trimmed()
        return title.isEmpty ? stem : title
    }
}
