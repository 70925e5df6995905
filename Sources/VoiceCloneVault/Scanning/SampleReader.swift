import Foundation
import VoiceCloneText
#if canImport(Glibc)
import Glibc
#endif

/// The one reader of sample files, shared by the scanner and every later reader of one command (analysis,
/// `sample show`, attribution, generation): each file is read from disk once, with the scanner's size limit and
/// UTF-8 check, and later calls get the text already read. A file whose size or modification time has changed
/// since (an edit, a sync) is read again, so a cached text is never stale.
package final class SampleReader: @unchecked Sendable {
    package enum Outcome: Sendable {
        case text(String)
        case tooLarge(Int)
        case symbolicLink
        case notRegular
        case unreadable(String)
        case invalid(TextValidation.Problem)
    }

    /// Size and modification time: what tells a file read earlier from an edited one.
    private struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    private let lock = NSLock()
    private var texts: [String: (stamp: Stamp, text: String)] = [:]
    private var reads = 0
    /// Vault-relative folders found to have no symbolic link between them and the vault root since the last scan:
    /// a command that reads thousands of samples checks each folder once, not every folder on every file's path.
    private var linkFreeFolders: Set<String> = []
    package let limit: Int
    /// Whether texts are kept for later readers. A bare scan (`check`-style counting) keeps none, so its memory
    /// stays one sample at a time; a session keeps them for the analysis, scoring and generation that follow.
    package let keepsTexts: Bool

    package init(limit: Int = VaultScanner.maxSampleBytes, keepsTexts: Bool = true) {
        self.limit = limit
        self.keepsTexts = keepsTexts
    }

    /// How many times a sample file has been read from disk (not served from what was already read).
    package var fileReads: Int { lock.withLock { reads } }

    /// How many texts this reader holds for later readers.
    package var keptTexts: Int { lock.withLock { texts.count } }

    /// The text of the sample file at `path` (absolute), read from disk only if it was not read before or has
    /// changed since.
    package func text(atPath path: String) -> Outcome {
        // A reader that keeps nothing has nothing to look up, so it spends no stat before the read.
        let stamp = keepsTexts ? Self.stamp(path) : nil
        if let stamp, let cached = lock.withLock({ texts[path] }), cached.stamp == stamp { return .text(cached.text) }
        let outcome: Outcome
        switch FileReader.read(path, limit: limit) {
        case .tooLarge(let size): outcome = .tooLarge(size)
        case .unreadable(let reason): outcome = .unreadable(reason)
        case .symbolicLink: outcome = .symbolicLink
        case .notRegular: outcome = .notRegular
        case .data(let data):
            switch TextValidation.decode(data) {
            case .success(let text): outcome = .text(text)
            case .failure(let box): outcome = .invalid(box.problem)
            }
        }
        lock.withLock {
            reads += 1
            if keepsTexts, case .text(let text) = outcome, let stamp { texts[path] = (stamp, text) }
        }
        return outcome
    }

    /// The first symbolic link among the folders of `relativePath` (everything before its last `/`), or nil. The
    /// file itself is not checked here: `FileReader` opens it with `O_NOFOLLOW`, so a linked file is refused there.
    package func linkedFolder(of relativePath: String, in vault: Vault) -> String? {
        guard let slash = relativePath.lastIndex(of: "/") else { return nil }
        let folder = String(relativePath[..<slash])
        if lock.withLock({ linkFreeFolders.contains(folder) }) { return nil }
        if let link = ContainedFile.linkedComponent(folder, in: vault) { return link }
        // Remembered only once it is there as a real folder: a missing one could still appear as a link.
        var info = stat()
        if lstat(vault.root.path + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            lock.withLock { _ = linkFreeFolders.insert(folder) }
        }
        return nil
    }

    /// Forgets which folders were link-free: each scan looks at the vault afresh, and the folder checks with it.
    package func forgetFolders() {
        lock.withLock { linkFreeFolders.removeAll() }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        return Stamp(size: Int(info.st_size), seconds: Int(info.st_mtimespec.tv_sec), nanoseconds: Int(info.st_mtimespec.tv_nsec))
        #else
        return Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        #endif
    }
}
