/// An open-addressing hash table from non-zero 64-bit keys to 32-bit values.
///
/// Attribution counts tens of millions of word and character n-gram keys per call; the standard
/// `Dictionary` hashes with SipHash and costs several times more per lookup. Keys here are already
/// well-mixed hashes or packed n-gram bytes, so a multiplicative hash with linear probing is enough.
/// Each key sits beside its value in one slot, so a probe touches one cache line, not two: with a
/// novel's tens of thousands of distinct n-grams the table outgrows the caches and probes are
/// bound by memory. Key `0` marks an empty slot, which is why callers never store it (the scanner
/// guarantees that).
struct CountTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
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
            let existing = slots[index].key
            if existing == key {
                slots[index].value &+= amount
                return
            }
            if existing == 0 {
                slots[index] = Slot(key: key, value: amount)
                count += 1
                if count * 2 > slots.count { grow() }
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
            let existing = slots[index]
            if existing.key == key { return existing.value }
            if existing.key == 0 {
                slots[index] = Slot(key: key, value: value)
                count += 1
                if count * 2 > slots.count { grow() }
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
            let existing = slots[index]
            if existing.key == key { return existing.value }
            if existing.key == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Calls `body` for every stored key and value (in slot order, which is deterministic for equal inserts).
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in slots where slot.key != 0 {
            body(slot.key, slot.value)
        }
    }

    /// Adds every entry of `other` into this table.
    mutating func merge(_ other: CountTable) {
        other.forEach { key, value in add(key, value) }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
        mask = size - 1
        count = 0
        for slot in old where slot.key != 0 {
            add(slot.key, slot.value)
        }
    }
}
