/// Least-significant-digit radix sort for the integer keys of the learned attributor's hot paths: every chunk's
/// n-gram keys (`TextFeatures`) and every row's packed columns (`TfidfSpace.row`). The result is the same ascending
/// order `sort()` gives (integers have no ties to break), in a few linear passes instead of a comparison sort,
/// which was about a sixth of `attribute`'s time (issue 16, speed).
enum RadixSort {
    /// Bits per pass: 2,048 buckets, so the counts stay in the first-level cache.
    private static let digitBits = 11

    /// Sorts `keys` ascending.
    static func sort(_ keys: inout [UInt32]) {
        guard keys.count > 64 else { keys.sort(); return }
        var used: UInt32 = 0
        for key in keys { used |= key }
        sort(&keys, significantBits: 32 - used.leadingZeroBitCount)
    }

    /// Sorts `packed` ascending by its high 32 bits, which the caller guarantees are distinct (then the order is
    /// the one `sort()` gives); `limit` bounds the high word (exclusive).
    static func sortByHighWord(_ packed: inout [UInt64], limit: Int) {
        guard packed.count > 64 else { packed.sort(); return }
        let bits = 64 - UInt64(max(1, limit)).leadingZeroBitCount
        sort(&packed, significantBits: 32 + bits, lowestBit: 32)
    }

    private static func sort(_ keys: inout [UInt32], significantBits: Int) {
        var scratch = [UInt32](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt32(1 << digitBits - 1)
        var shift = 0
        while shift < significantBits {
            sortPass(&keys, into: &scratch, counts: &counts) { Int(($0 >> UInt32(shift)) & mask) }
            swap(&keys, &scratch)
            shift += digitBits
        }
    }

    private static func sort(_ keys: inout [UInt64], significantBits: Int, lowestBit: Int) {
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt64(1 << digitBits - 1)
        var shift = lowestBit
        while shift < significantBits {
            sortPass(&keys, into: &scratch, counts: &counts) { Int(($0 >> UInt64(shift)) & mask) }
            swap(&keys, &scratch)
            shift += digitBits
        }
    }

    /// One stable counting pass of `keys` into `scratch` by `bucket`.
    @inline(__always)
    private static func sortPass<T>(_ keys: inout [T], into scratch: inout [T], counts: inout [Int], bucket: (T) -> Int) {
        counts.withUnsafeMutableBufferPointer { c in
            for i in c.indices { c[i] = 0 }
            keys.withUnsafeBufferPointer { k in
                for key in k { c[bucket(key)] += 1 }
                var total = 0
                for i in c.indices {
                    let n = c[i]
                    c[i] = total
                    total += n
                }
                scratch.withUnsafeMutableBufferPointer { s in
                    for key in k {
                        let b = bucket(key)
                        s[c[b]] = key
                        c[b] += 1
                    }
                }
            }
        }
    }
}
