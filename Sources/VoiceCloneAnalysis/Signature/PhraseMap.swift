/// Counts of 2-4-word phrases keyed by a 64-bit hash of their words, with where each was first seen.
///
/// Open addressing on integer keys keeps phrase counting cheap enough for multi-million-word clones; the text of a
/// phrase is only rebuilt for the few that end up in the signature.
struct PhraseMap {
    /// One slot: key (0 = empty), count, first occurrence and length side by side, so a probe and the update it
    /// leads to touch one cache line rather than one in each of four arrays (merging maps was a cache-miss loop).
    struct Slot {
        var key: UInt64 = 0
        /// `sample << 32 | token position` of the first occurrence; the smallest wins when maps merge, so it is deterministic.
        var first: UInt64 = 0
        var count: UInt32 = 0
        var length: UInt8 = 0
    }
    private(set) var slots: [Slot]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    @inline(__always) mutating func add(_ key: UInt64, length: Int, count c: UInt32 = 1, first: UInt64) {
        let mask = self.mask
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        let added: Bool = slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let k = slots[slot].key
                if k == key {
                    slots[slot].count &+= c
                    if first < slots[slot].first { slots[slot].first = first }
                    return false
                }
                if k == 0 { break }
                slot = (slot &+ 1) & mask
            }
            slots[slot] = Slot(key: key, first: first, count: c, length: UInt8(length))
            return true
        }
        guard added else { return }
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        old.withUnsafeBufferPointer { old in
            for s in old where s.key != 0 { add(s.key, length: Int(s.length), count: s.count, first: s.first) }
        }
    }

    mutating func merge(_ other: PhraseMap) {
        other.slots.withUnsafeBufferPointer { theirs in
            for s in theirs where s.key != 0 { add(s.key, length: Int(s.length), count: s.count, first: s.first) }
        }
    }

    func count(of key: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let k = slots[slot].key
            if k == key { return slots[slot].count }
            if k == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Every entry as (key, length, count, first).
    var entries: [(key: UInt64, length: Int, count: UInt32, first: UInt64)] {
        var out: [(key: UInt64, length: Int, count: UInt32, first: UInt64)] = []
        out.reserveCapacity(count)
        for s in slots where s.key != 0 { out.append((s.key, Int(s.length), s.count, s.first)) }
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
