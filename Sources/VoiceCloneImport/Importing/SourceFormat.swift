import VoiceCloneText

/// The file formats import understands, recognised by extension.
public enum SourceFormat: String, Sendable, CaseIterable {
    case pdf, docx, epub, html, text, markdown

    /// Extensions per format, lowercase, without the dot.
    public var extensions: [String] {
        switch self {
        case .pdf: return ["pdf"]
        case .docx: return ["docx"]
        case .epub: return ["epub"]
        case .html: return ["html", "htm", "xhtml"]
        case .text: return TextFileExtensions.plain
        case .markdown: return TextFileExtensions.markdown
        }
    }

    public init?(pathExtension: String) {
        let ext = pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = format
    }

    public var sourceType: SourceType {
        switch self {
        case .pdf: return .pdf
        case .docx: return .docx
        case .epub: return .epub
        case .html: return .html
        case .text: return .text
        case .markdown: return .markdown
        }
    }

    /// Every supported extension with its dot, for messages: ".pdf, .docx, ...".
    public static var supportedList: String {
        allCases.flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")
    }
}
