/// Where a sample's text came from, recorded as `source_type` in its front matter.
public enum SourceType: String, Codable, CaseIterable, Sendable {
    case text, markdown, pdf, docx, epub, html, url, stdin, manual
}
