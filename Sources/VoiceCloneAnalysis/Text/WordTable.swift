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
    /// Each slot holds the high 32 bits of the hash and `id + 1` (0 = empty), so most probes touch one array.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
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

    /// The id of `bytes`, adding the word when it is new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = WordTable.hash(bytes)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let v = slots[slot]
                        if v == 0 { return nil }
                        if v & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(v & 0xFFFF_FFFF) - 1
                            let s = Int(starts[id]), e = Int(starts[id + 1])
                            if e - s == bytes.count {
                                var same = true
                                var i = 0
                                while i < bytes.count {
                                    if arena[s + i] != bytes[i] { same = false; break }
                                    i += 1
                                }
                                if same { return Int32(id) }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(h)
        slots[slot] = tag | UInt64(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<hashes.count {
            let h = hashes[id]
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }

    /// The word for `id` as a `String`.
    func word(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }
}
