import Foundation

/// Problems finding or changing a saved piece.
public enum LibraryError: LocalizedError, Equatable {
    case notFound(id: String)
    case ambiguous(id: String, matches: [String])
    case invalidFile(path: String, reason: String)
    case deleteNotConfirmed(id: String)
    case emptySearch
    case noSavedDraft(id: String)
    case notApproved(id: String, status: LibraryStatus)

    public var errorDescription: String? {
        switch self {
        case .notFound(let id):
            return "the library has no piece \"\(id)\". List them with `voiceclone library list`."
        case .ambiguous(let id, let matches):
            return "\"\(id)\" matches several pieces (\(matches.prefix(5).joined(separator: ", "))); give more of the id."
        case .invalidFile(let path, let reason):
            return "\(path): \(reason). Fix its front matter by hand (see `voiceclone library show` on another piece)."
        case .deleteNotConfirmed(let id):
            return "deleting \(id) needs --yes (git history keeps the file, but the library will no longer list it)."
        case .emptySearch:
            return "give some text to search for."
        case .noSavedDraft(let id):
            return "\(id) has no saved draft in the vault's history (it was never committed, or was added by hand); "
                + "only pieces saved with `voiceclone generate --save` can be compared."
        case .notApproved(let id, let status):
            return "\(id) is \(status.rawValue): only an approved or published piece can become a sample. "
                + "Mark it with `voiceclone library set-status \(id) approved` first."
        }
    }
}
