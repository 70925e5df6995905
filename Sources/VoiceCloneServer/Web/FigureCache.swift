import Foundation

/// Figures the pages draw from every voice (the voice map, habit comparisons, DNA descriptions and timelines),
/// kept between requests while the vault's voices are unchanged. The key is Kit's `pictures.fingerprint` (HEAD plus
/// every voice file's size and time), taken on each request, so an upload, edit, sync or change on disk is seen
/// at once; a new key drops everything kept under the old one.
final class FigureCache: @unchecked Sendable {
    private let lock = NSLock()
    private var key = ""
    private var values: [String: Any] = [:]

    /// The value stored under `name` for `key`, else `compute()`'s, stored. Errors are not kept.
    func value<T>(_ name: String, key: String, _ compute: () throws -> T) rethrows -> T {
        if let hit = lock.withLock({ self.key == key ? values[name] as? T : nil }) { return hit }
        let fresh = try compute()
        lock.withLock {
            if self.key != key {
                self.key = key
                values = [:]
            }
            values[name] = fresh
        }
        return fresh
    }
}
