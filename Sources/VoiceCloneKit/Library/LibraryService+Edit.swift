import Foundation
import VoiceCloneText
import VoiceCloneVault

/// Editing a saved piece's text in place (the web app's library editor), committed like every change.
extension LibraryService {
    /// The largest text a piece may be edited to, the same limit as a sample file.
    public static let maxTextBytes = VaultScanner.maxSampleBytes

    /// Replaces the text of piece `id`, keeping its front matter (provenance, status, unknown keys) as it was,
    /// and commits the file. The same text again writes and commits nothing.
    @discardableResult
    public func editText(_ id: String, text: String) throws -> LibraryDocument {
        let body = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw LibraryEditError.emptyText(id: id) }
        guard body.utf8.count <= Self.maxTextBytes else {
            throw LibraryEditError.tooLong(id: id, bytes: body.utf8.count, limit: Self.maxTextBytes)
        }
        return try locking {
            let path = try libraryPath(for: id)
            let (entry, current, fields) = try LibraryFile.read(path, in: vault)
            // A key pasted into the editor must not reach a commit (the library is quoted in later prompts too).
            let cleaned = redactingSecrets(body)
            var updated = entry
            updated.words = WordCount.count(cleaned)
            guard cleaned != current else { return LibraryDocument(entry: entry, text: current) }
            try change { changes in
                try AtomicFile.write(FrontMatter.render(fields: fields, body: cleaned + "\n"),
                                     to: vault.url(forRelativePath: path), mode: .replace)
                changes.touch(path)
                changes.message = "library: edit \(entry.id) (\(updated.words) words)"
            }
            return LibraryDocument(entry: updated, text: cleaned)
        }
    }
}

/// Why a piece's text could not be replaced.
public enum LibraryEditError: LocalizedError, Equatable {
    case emptyText(id: String)
    case tooLong(id: String, bytes: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .emptyText(let id):
            return "the new text of \(id) is empty; to remove the piece, delete it instead."
        case .tooLong(let id, let bytes, let limit):
            return "the new text of \(id) is \(bytes) bytes; a piece holds at most \(limit) bytes."
        }
    }
}
