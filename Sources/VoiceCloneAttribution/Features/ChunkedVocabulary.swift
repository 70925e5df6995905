/// One token stream (words or character n-grams) of a text being scanned: gives every distinct key a
/// dense id in order of first appearance and counts ids per chunk, so a chunk is stored as a short
/// sparse list of `(id, count)` however large the vocabulary grows.
///
/// The per-token work is one hash probe and one array increment; totals are only added up when a
/// chunk closes, from the ids the chunk touched.
struct ChunkedVocabulary {
    private(set) var index: CountTable
    private(set) var keys: [UInt64] = []
    private(set) var totals: [Int32] = []
    private var chunkCounts: [Int32] = []
    private var touched: [Int32] = []
    private(set) var tokens = 0
    private(set) var chunkTokens = 0

    init(capacity: Int) {
        index = CountTable(capacity: capacity)
    }

    /// Counts one occurrence of `key`; returns whether it was the key's first occurrence.
    @inline(__always)
    @discardableResult
    mutating func count(_ key: UInt64) -> Bool {
        let next = Int32(truncatingIfNeeded: keys.count)
        let id = index.valueOrInsert(key, next)
        let fresh = id == next
        if fresh {
            keys.append(key)
            totals.append(0)
            chunkCounts.append(0)
        }
        let slot = Int(id)
        if chunkCounts[slot] == 0 { touched.append(id) }
        chunkCounts[slot] &+= 1
        chunkTokens += 1
        return fresh
    }

    /// Ends the current chunk: adds its counts to the totals, appends its `(id << 32) | count` entries
    /// to `entries` when `keep` is set, and starts a new chunk. Returns the chunk's token count.
    @discardableResult
    mutating func closeChunk(into entries: inout [UInt64], keep: Bool) -> Int {
        for id in touched {
            let slot = Int(id)
            let amount = chunkCounts[slot]
            totals[slot] &+= amount
            if keep { entries.append(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(UInt32(bitPattern: amount))) }
            chunkCounts[slot] = 0
        }
        touched.removeAll(keepingCapacity: true)
        let count = chunkTokens
        tokens += chunkTokens
        chunkTokens = 0
        return count
    }
}
