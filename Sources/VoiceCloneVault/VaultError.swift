import Foundation

/// Every failure a vault operation can report. Each message names the path, what is wrong and what to do.
public enum VaultError: Error, Equatable, Sendable {
    case notAVault(String)
    case alreadyAVault(String)
    case fileExists(String)
    case notWritable(String)
    case io(String, String)
    case invalidName(String, reason: String)
    case cloneExists(String, slug: String)
    case cloneNotFound(String, available: [String])
    case sampleNotFound(clone: String, id: String)
    /// `id` is the prefix of several samples' ids or hashes.
    case ambiguousSample(clone: String, id: String, matches: [String])
    case sourceNotFound(String)
    case invalidSample(String, reason: String)
    case locked(String)
    case invalidConfig(String, reason: String)
    case unsupportedFormatVersion(String, found: Int, supported: Int)
    /// A path inside the vault that is a symbolic link (or lies under one): never followed.
    case symbolicLink(String)
    /// A file the user named is a symbolic link; they can name its target instead.
    case linkedInput(String, target: String?)
    case tooLarge(String, bytes: Int, limit: Int)
}

extension VaultError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notAVault(let path):
            return "no vault found at or above \(path). Run `voiceclone init` to create one, or pass --vault DIR / set VOICECLONE_VAULT."
        case .alreadyAVault(let path):
            return "\(path) is already a vault (it has .voiceclone/config.yaml); nothing was changed."
        case .fileExists(let path):
            return "\(path) already exists; it was left untouched. Remove or rename it first if you mean to replace it."
        case .notWritable(let path):
            return "cannot write in \(path): permission denied or read-only file system. Check the folder's permissions."
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .invalidName(let name, let reason):
            return "invalid clone name \"\(name)\": \(reason)"
        case .cloneExists(let name, let slug):
            return "a clone with the folder name \"\(slug)\" already exists (asked for \"\(name)\"). Pick another name."
        case .cloneNotFound(let name, let available):
            let list = available.isEmpty ? "there are no clones yet; create one with `voiceclone clone create NAME`" : "known clones: \(available.map(ShellWord.quoted).joined(separator: ", "))"
            return "no clone named \"\(name)\"; \(list)."
        case .sampleNotFound(let clone, let id):
            return "clone \"\(clone)\" has no sample \"\(id)\" (a sample is named by its id, a prefix of it, or a prefix of "
                + "\(SampleIDRules.minimumHashPrefix)+ characters of its hash). List them with `voiceclone sample list \(ShellWord.quoted(clone))`."
        case .ambiguousSample(let clone, let id, let matches):
            let shown = matches.prefix(5).joined(separator: ", ") + (matches.count > 5 ? " and \(matches.count - 5) more" : "")
            return "\"\(id)\" names \(matches.count) samples of \"\(clone)\" (\(shown)); type more of the id."
        case .sourceNotFound(let path):
            return "\(path): no such file or directory; check the path (a relative path starts from the current folder)."
        case .invalidSample(let path, let reason):
            return "\(path): \(reason)"
        case .locked(let path):
            return "the vault is busy: another voiceclone command holds \(path). Wait for it to finish; if none is running, delete that file."
        case .invalidConfig(let path, let reason):
            return "\(path): \(reason). Fix that line by hand (the file is plain YAML; see docs/vault-format.md)."
        case .unsupportedFormatVersion(let path, let found, let supported):
            return "\(path): vault format version \(found) is newer than this voiceclone understands (\(supported)). Upgrade voiceclone."
        case .symbolicLink(let path):
            return "\(path) is a symbolic link; voiceclone never reads through links inside a vault (one could expose a file outside it). Replace it with the real file, or remove it (`git rm \(path)`)."
        case .linkedInput(let path, let target):
            let to = target.map { " to \($0)" } ?? ""
            return "\(path) is a symbolic link\(to); links are not followed. Name the file it points to directly if you mean to use it."
        case .tooLarge(let path, let bytes, let limit):
            return "\(path) is over the \(limit / 1_048_576) MB limit (\(bytes >= limit ? "more than \(limit) bytes" : "\(bytes) bytes")); split it into smaller files."
        }
    }
}
