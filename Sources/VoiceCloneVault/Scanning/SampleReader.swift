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

    /// The text of the sample file at `path` (absolute), read from disk only if it was not read before or has
    /// changed since.
    package func text(atPath path: String) -> Outcome {
        let stamp = Self.stamp(path)
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
