import Foundation

/// Reads the data files bundled in `Resources/`.
enum ResourceFile {
    /// The file's text, or nil when the bundle lacks it (analysis then falls back to rules and says so nowhere fatal).
    static func text(_ name: String, _ ext: String) -> String? {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: ext)
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Non-empty, non-comment lines of a resource.
    static func lines(_ name: String, _ ext: String) -> [Substring] {
        guard let text = text(name, ext) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
    }
}
