/// Counts of 2-4-word phrases keyed by a 64-bit hash of their words, with where each was first seen.
///
/// Open addressing on integer keys keeps phrase counting cheap enough for multi-million-word clones; the text of a
/// phrase is only rebuilt for the few that end up in the signature.
struct PhraseMap {
    private(set) var keys: [UInt64]
    private(set) var counts: [UInt32]
    /// `sample << 32 | token position` of the first occurrence; the smallest wins when maps merge, so it is deterministic.
    private(set) var firsts: [UInt64]
    private(set) var lengths: [UInt8]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        firsts = Array(repeating: 0, count: size)
        lengths = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) mutating func add(_ key: UInt64, length: Int, count c: UInt32 = 1, first: UInt64) {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let k = keys[slot]
            if k == key {
                counts[slot] &+= c
                if first < firsts[slot] { firsts[slot] = first }
                return
            }
            if k == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        counts[slot] = c
        firsts[slot] = first
        lengths[slot] = UInt8(length)
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let old = (keys, counts, firsts, lengths)
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        firsts = Array(repeating: 0, count: size)
        lengths = Array(repeating: 0, count: size)
        mask = size - 1
        count = 0
        for i in 0..<old.0.count where old.0[i] != 0 {
            add(old.0[i], length: Int(old.3[i]), count: old.1[i], first: old.2[i])
        }
    }

    mutating func merge(_ other: PhraseMap) {
        for i in 0..<other.keys.count where other.keys[i] != 0 {
            add(other.keys[i], length: Int(other.lengths[i]), count: other.counts[i], first: other.firsts[i])
        }
    }

    func count(of key: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let k = keys[slot]
            if k == key { return counts[slot] }
            if k == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Every entry as (key, length, count, first).
    var entries: [(key: UInt64, length: Int, count: UInt32, first: UInt64)] {
        var out: [(key: UInt64, length: Int, count: UInt32, first: UInt64)] = []
        out.reserveCapacity(count)
        for i in 0..<keys.count where keys[i] != 0 { out.append((keys[i], Int(lengths[i]), counts[i], firsts[i])) }
        return out
    }

    /// The key of an `n`-word phrase from its words' `WordTable` hashes (the last `n` of `a b c d`).
    @inline(__always) static func key(_ n: Int, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        var k: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(n)
        if n >= 4 { k = (k ^ a) &* 0xBF58_476D_1CE4_E5B9; k ^= k >> 27 }
        if n >= 3 { k = (k ^ b) &* 0xBF58_476D_1CE4_E5B9; k ^= k >> 27 }
        k = (k ^ c) &* 0xBF58_476D_1CE4_E5B9; k ^= k >> 27
        k = (k ^ d) &* 0xBF58_476D_1CE4_E5B9; k ^= k >> 27
        return k == 0 ? 1 : k
    }

    /// The key of a phrase given as lowercased words (used to look phrases up across clones).
    static func key(words: [String]) -> UInt64 {
        let h = words.map { w -> UInt64 in
            var bytes = Array(w.utf8)
            return bytes.withUnsafeMutableBufferPointer { WordTable.hash(UnsafeBufferPointer($0)) }
        }
        let padded = [UInt64](repeating: 0, count: max(0, 4 - h.count)) + h
        return key(h.count, padded[padded.count - 4], padded[padded.count - 3], padded[padded.count - 2], padded[padded.count - 1])
    }
}
