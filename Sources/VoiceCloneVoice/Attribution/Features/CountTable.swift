/// An open-addressing hash table from non-zero 64-bit keys to 32-bit values.
///
/// Attribution counts tens of millions of word and character n-gram keys per call; the standard
/// `Dictionary` hashes with SipHash and costs several times more per lookup. Keys here are already
/// well-mixed hashes or packed n-gram bytes, so a multiplicative hash with linear probing is enough.
/// Key `0` marks an empty slot, which is why callers never store it (the scanner guarantees that).
struct CountTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Adds `amount` to the value stored under `key`, inserting it first when absent.
    @inline(__always)
    mutating func add(_ key: UInt64, _ amount: Int32 = 1) {
        var index = slot(key)
        while true {
            let existing = keys[index]
            if existing == key {
                values[index] &+= amount
                return
            }
            if existing == 0 {
                keys[index] = key
                values[index] = amount
                count += 1
                if count * 2 > keys.count { grow() }
                return
            }
            index = (index + 1) & mask
        }
    }

    /// The value stored under `key`; when `key` is absent, stores `value` under it and returns that.
    /// Lets a caller hand out dense ids (`value` = the next free id) with one probe per token.
    @inline(__always)
    mutating func valueOrInsert(_ key: UInt64, _ value: Int32) -> Int32 {
        var index = slot(key)
        while true {
            let existing = keys[index]
            if existing == key { return values[index] }
            if existing == 0 {
                keys[index] = key
                values[index] = value
                count += 1
                if count * 2 > keys.count { grow() }
                return value
            }
            index = (index + 1) & mask
        }
    }

    /// The value stored under `key`, or `nil`.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        var index = slot(key)
        while true {
            let existing = keys[index]
            if existing == key { return values[index] }
            if existing == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Calls `body` for every stored key and value (in slot order, which is deterministic for equal inserts).
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for index in keys.indices where keys[index] != 0 {
            body(keys[index], values[index])
        }
    }

    /// Adds every entry of `other` into this table.
    mutating func merge(_ other: CountTable) {
        other.forEach { key, value in add(key, value) }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        count = 0
        for index in oldKeys.indices where oldKeys[index] != 0 {
            add(oldKeys[index], oldValues[index])
        }
    }
}
