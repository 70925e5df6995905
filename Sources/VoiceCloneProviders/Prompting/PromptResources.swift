import Foundation

/// The prompt templates and word lists in `Resources/prompts/`: readable text files, so a user reading the
/// source (or a reviewer of a change) sees exactly what is said to a language model.
package enum PromptResources {
    /// The text of `prompts/<name>`; a missing file is a packaging bug, reported by the caller.
    package static func text(_ name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let ext = parts.count == 2 ? parts[1] : nil
        let url = Bundle.module.url(forResource: parts[0], withExtension: ext, subdirectory: "Resources/prompts")
            ?? Bundle.module.url(forResource: parts[0], withExtension: ext, subdirectory: "prompts")
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A template, or a ``PromptError`` naming the missing file.
    package static func template(_ name: String) throws -> PromptTemplate {
        guard let text = text(name) else { throw PromptError.missingTemplate(name) }
        return PromptTemplate(text: text)
    }

    /// `avoid.txt`: the phrases and their plain alternatives, comments dropped.
    package static func avoidList() -> [(phrase: String, instead: String?)] {
        guard let text = text("avoid.txt") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let parts = trimmed.components(separatedBy: " | ")
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }
}
