/// An open-addressing hash table that interns lowercased word bytes into dense integer ids.
///
/// Why not `[String: Int]`: building a `String` for each of millions of tokens dominates the cost of analysis.
/// Here a token is hashed and compared as raw UTF-8 bytes, and a `String` is made once per distinct word.
struct WordTable {
    /// All distinct words, back to back.
    private(set) var arena: [UInt8] = []
    /// `starts[id]..<starts[id + 1]` is the word's slice of `arena`.
    private(set) var starts: [Int32] = [0]
    /// A 64-bit FNV-1a hash of each word; stable across runs, so phrase keys built from it are comparable between workers.
    private(set) var hashes: [UInt64] = []
    /// Two words per slot, side by side so one probe touches one cache line: `meta` (0 = empty) holds the high 24 bits
    /// of the hash, the word's length (255 = 255 or more) and `id + 1`; `prefix` holds the word's first 8 bytes.
    /// Most words are 8 bytes or fewer, so a hit is decided in the slot without reading `starts` or `arena`,
    /// which were the cache misses that made interning a fifth of analysis.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size * 2)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    var count: Int { hashes.count }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    @inline(__always) private static func meta(_ h: UInt64, _ length: Int, _ id: Int) -> UInt64 {
        (h & 0xFFFF_FF00_0000_0000) | (UInt64(min(length, 255)) << 32) | UInt64(id + 1)
    }

    @inline(__always) private static func home(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    /// The FNV-1a hash and the first 8 bytes (little-endian) of a word, in one pass.
    @inline(__always) private static func hashAndPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefix: UInt64 = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
            if i < 8 { prefix |= UInt64(b) << UInt64(i &* 8) }
            i += 1
        }
        return (h, prefix)
    }

    /// The id of `bytes` if present, else nil, with the slot where it would go.
    @inline(__always) private func probe(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt64, _ prefix: UInt64) -> (Int32?, Int) {
        let n = bytes.count
        let want = WordTable.meta(h, n, -1) & 0xFFFF_FFFF_0000_0000
        let mask = self.mask
        var slot = WordTable.home(h, mask)
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let v = slots[slot &* 2]
                if v == 0 { return nil }
                if v & 0xFFFF_FFFF_0000_0000 == want, slots[slot &* 2 &+ 1] == prefix {
                    let id = Int(v & 0xFFFF_FFFF) - 1
                    if n <= 8 || sameTail(id, bytes) { return Int32(id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        return (found, slot)
    }

    /// The id of `bytes`, or nil when the word is not in the table.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (h, prefix) = WordTable.hashAndPrefix(bytes)
        return probe(bytes, h, prefix).0
    }

    /// The id of `bytes`, adding the word when it is new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (h, prefix) = WordTable.hashAndPrefix(bytes)
        let n = bytes.count
        let (found, slot) = probe(bytes, h, prefix)
        if let found { return found }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(h)
        slots[slot * 2] = WordTable.meta(h, n, Int(id))
        slots[slot * 2 + 1] = prefix
        if hashes.count * 2 > mask + 1 { grow() }
        return id
    }

    /// Whether word `id` (whose length and first 8 bytes already match) equals `bytes` after the 8th byte.
    private func sameTail(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[id]), e = Int(starts[id + 1])
        guard e - s == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            var i = 8
            while i < bytes.count {
                if arena[s + i] != bytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var fresh = [UInt64](repeating: 0, count: size * 2)
        let mask = size - 1
        for id in 0..<hashes.count {
            var slot = WordTable.home(hashes[id], mask)
            while fresh[slot * 2] != 0 { slot = (slot + 1) & mask }
            let s = Int(starts[id]), e = Int(starts[id + 1])
            var prefix: UInt64 = 0
            for k in 0..<min(e - s, 8) { prefix |= UInt64(arena[s + k]) << UInt64(k * 8) }
            fresh[slot * 2] = WordTable.meta(hashes[id], e - s, id)
            fresh[slot * 2 + 1] = prefix
        }
        slots = fresh
        self.mask = mask
    }

    /// The word for `id` as a `String`.
    func word(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }
}
