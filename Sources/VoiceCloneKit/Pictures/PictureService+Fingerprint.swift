import Foundation
import VoiceCloneHistory

extension PictureService {
    /// A key for figures derived from the voices (the map, habits, DNA timelines): the HEAD commit id plus every
    /// file under `clones/` with its size and modification time, so a commit, a sync or an edit on disk that is
    /// not yet committed each give a new key. Costs one stat per file, no reads.
    public func fingerprint() -> String {
        let head = (try? GitRepository.open(at: vault.root))?.headID()?.description ?? "no-commit"
        var files: [String] = []
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        let base = vault.clonesURL.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(at: vault.clonesURL, includingPropertiesForKeys: keys) {
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let path = String(url.standardizedFileURL.path.dropFirst(base.count))
                let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                files.append("\(path)\t\(values.fileSize ?? -1)\t\(modified)")
            }
        }
        // FNV-1a over the sorted listing: a short key that differs whenever any line does.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in files.sorted().joined(separator: "\n").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\(head)-\(files.count)-\(String(hash, radix: 16))"
    }
}
