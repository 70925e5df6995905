import Foundation
import VoiceCloneText

/// The column space of the learned attributor, fitted on the training chunks: sublinear TF-IDF
/// (1 + ln tf, smoothed idf) over the hashed n-gram families, each family L2-normalised on its own and
/// weighted, plus the DNA style rates z-scored over the training chunks.
///
/// Features seen in fewer than two training chunks are dropped (`min_df = 2`), and each family keeps
/// at most `limit` columns, the most widespread first, which bounds memory and time on large vaults.
struct TfidfSpace: Sendable {
    struct Weights: Sendable, Equatable {
        var shortCharacters: Float = 0.5
        var longCharacters: Float = 1
        var words: Float = 0.6
        var wordPairs: Float = 0.4
        var style: Float = 0.25

        func weight(_ family: TextFeatures.Family) -> Float {
            switch family {
            case .shortCharacters: return shortCharacters
            case .longCharacters: return longCharacters
            case .words: return words
            case .wordPairs: return wordPairs
            }
        }
    }

    let columns: ColumnTable
    let idf: [Float]
    let weights: Weights
    let styleMean: [Double]
    let styleScale: [Double]
    /// Columns for hashed features; the style rates follow them.
    let hashedCount: Int
    var dimension: Int { hashedCount + styleMean.count }

    init(chunks: [TextFeatures], weights: Weights = Weights(), limit: Int = 120_000) {
        // Families weighted 0 get no columns at all (the verifier's space is character n-grams only).
        let skipped = TextFeatures.Family.allCases.map { weights.weight($0) <= 0 }
        let frequency = TfidfSpace.documentFrequencies(chunks, skipped: skipped)
        var byFamily = [[(key: UInt32, df: Int32)]](repeating: [], count: TextFeatures.Family.allCases.count)
        frequency.forEach { stored, df in
            guard df >= 2 else { return }
            let key = UInt32(truncatingIfNeeded: stored)
            byFamily[Int(TextFeatures.family(of: key).rawValue)].append((key, df))
        }
        var columns: [UInt32: Int32] = [:]
        var idf: [Float] = []
        let n = Float(chunks.count)
        for var family in byFamily {
            family.sort { $0.df != $1.df ? $0.df > $1.df : $0.key < $1.key }
            for item in family.prefix(limit) {
                columns[item.key] = Int32(idf.count)
                idf.append(log((1 + n) / (1 + Float(item.df))) + 1)
            }
        }
        let rates = chunks.map { $0.style.rates() }
        let count = StyleFeature.allCases.count
        var mean = [Double](repeating: 0, count: count), scale = [Double](repeating: 1, count: count)
        if !rates.isEmpty {
            for j in 0..<count {
                let m = rates.reduce(0) { $0 + $1[j] } / Double(rates.count)
                let v = rates.reduce(0) { $0 + ($1[j] - m) * ($1[j] - m) } / Double(rates.count)
                mean[j] = m
                scale[j] = v > 1e-12 ? 1 / v.squareRoot() : 0
            }
        }
        self.columns = ColumnTable(columns)
        self.idf = idf
        self.weights = weights
        self.styleMean = mean
        self.styleScale = scale
        self.hashedCount = idf.count
    }

    /// In how many chunks each key occurs (keys stored as `UInt64(key) | 1 << 32`, since `CountTable` reserves 0).
    /// Counted in parallel shards and merged: counts are integers, so the result does not depend on the sharding,
    /// and the caller orders the keys itself (issue 16, speed: the standard dictionary's hashing of every key of
    /// every chunk was a large share of fitting a space).
    static func documentFrequencies(_ chunks: [TextFeatures], skipped: [Bool]) -> CountTable {
        let shards = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunks.count / 64))
        var tables = ParallelMap.map(shards) { s -> CountTable in
            var table = CountTable(capacity: 1 << 17)
            for c in (s * chunks.count / shards)..<((s + 1) * chunks.count / shards) {
                for key in chunks[c].keys where !skipped[Int(TextFeatures.family(of: key).rawValue)] {
                    table.add(UInt64(key) | 1 << 32)
                }
            }
            return table
        }
        var total = tables.removeFirst()
        for table in tables { total.merge(table) }
        return total
    }

    /// 1 + ln(count) for the small counts nearly every feature has: the same `log` call, made once per count.
    static let sublinearCounts: [Float] = (0..<64).map { $0 == 0 ? 0 : 1 + log(Float($0)) }

    /// The chunk as a row of this space. `sorted: false` leaves the columns in the order the keys came (each column
    /// still once): enough for the verifier, which only adds rows into dense centroids and takes dot products with
    /// them, and it skips a sort of every row of every cross-fitted space (issue 16, speed).
    func row(_ chunk: TextFeatures, sorted: Bool = true) -> SparseRow {
        let keyCount = chunk.keys.count
        // First every key's column and idf (-1 and 0 when it has none, or its family is switched off), in tight loops
        // of independent lookups: the table and the idf are too large for the caches, and loops this small let the
        // processor wait for many of their misses at once (issue 16, speed).
        let familyOn = TextFeatures.Family.allCases.map { weights.weight($0) > 0 }
        var found = [Int32](repeating: -1, count: keyCount)
        var foundIdf = [Float](repeating: 0, count: keyCount)
        chunk.keys.withUnsafeBufferPointer { keys in
            found.withUnsafeMutableBufferPointer { f in
                for k in 0..<keyCount where familyOn[Int(TextFeatures.family(of: keys[k]).rawValue)] {
                    f[k] = columns[keys[k]] ?? -1
                }
            }
        }
        idf.withUnsafeBufferPointer { idf in
            found.withUnsafeBufferPointer { f in
                foundIdf.withUnsafeMutableBufferPointer { out in
                    for k in 0..<keyCount where f[k] >= 0 { out[k] = idf[Int(f[k])] }
                }
            }
        }
        var indices: [Int32] = [], values: [Float] = []
        indices.reserveCapacity(keyCount + styleMean.count)
        values.reserveCapacity(keyCount + styleMean.count)
        var start = 0
        // Keys are sorted, so each family is one contiguous run; normalise each run on its own.
        while start < keyCount {
            let family = TextFeatures.family(of: chunk.keys[start])
            var end = start
            if weights.weight(family) <= 0 {
                while end < keyCount && TextFeatures.family(of: chunk.keys[end]) == family { end += 1 }
                start = end
                continue
            }
            let first = values.count
            var norm: Float = 0
            while end < keyCount && TextFeatures.family(of: chunk.keys[end]) == family {
                let column = found[end]
                if column >= 0 {
                    let count = chunk.counts[end]
                    let small = count >= 1 && count < 64 && Float(Int(count)) == count
                    let sublinear = small ? TfidfSpace.sublinearCounts[Int(count)] : 1 + log(count)
                    let value = sublinear * foundIdf[end]
                    indices.append(column)
                    values.append(value)
                    norm += value * value
                }
                end += 1
            }
            if norm > 0 {
                let factor = weights.weight(family) / norm.squareRoot()
                for k in first..<values.count { values[k] *= factor }
            }
            start = end
        }
        if !sorted && weights.style <= 0 { return SparseRow(indices: indices, values: values) }
        // Columns of different families interleave in hash order; the model needs them ascending. Columns are
        // distinct, so sorting (column, value bits) packed in one integer sorts the pairs.
        var packed = [UInt64](repeating: 0, count: indices.count)
        for k in indices.indices { packed[k] = UInt64(UInt32(bitPattern: indices[k])) << 32 | UInt64(values[k].bitPattern) }
        RadixSort.sortByHighWord(&packed, limit: hashedCount)
        var row = SparseRow(indices: packed.map { Int32(truncatingIfNeeded: $0 >> 32) },
                            values: packed.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) })
        if weights.style > 0 {
            let rates = chunk.style.rates()
            let factor = Double(weights.style) / Double(max(1, rates.count)).squareRoot()
            for j in rates.indices where styleScale[j] > 0 {
                let z = max(-4, min(4, (rates[j] - styleMean[j]) * styleScale[j]))
                row.indices.append(Int32(hashedCount + j))
                row.values.append(Float(z * factor))
            }
        }
        return row
    }
}

/// A read-only map from feature key to column, open-addressed with linear probing: `TfidfSpace.row` looks up every
/// key of every text, and the standard dictionary's seeded hashing dominated attribution time. Each slot packs the key
/// (high 32 bits) beside its column (low 32 bits), so a probe touches one cache line, not one per array.
struct ColumnTable: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    private let shift: UInt32
    let count: Int
    /// Never a key: the top byte of a key names one of four families.
    private static let empty = UInt32.max

    init(_ dictionary: [UInt32: Int32]) {
        var capacity = 16
        while capacity < 2 * dictionary.count { capacity <<= 1 }
        var slots = [UInt64](repeating: ColumnTable.pack(ColumnTable.empty, -1), count: capacity)
        let bits = UInt32(capacity.trailingZeroBitCount)
        let shift = 32 - bits
        for (key, value) in dictionary {
            var slot = ColumnTable.slot(key, shift: shift)
            while ColumnTable.key(slots[slot]) != ColumnTable.empty { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = ColumnTable.pack(key, value)
        }
        self.slots = slots
        self.mask = capacity - 1
        self.shift = shift
        self.count = dictionary.count
    }

    @inline(__always) private static func pack(_ key: UInt32, _ value: Int32) -> UInt64 {
        UInt64(key) << 32 | UInt64(UInt32(bitPattern: value))
    }

    @inline(__always) private static func key(_ slot: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: slot >> 32) }

    @inline(__always) private static func slot(_ key: UInt32, shift: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> shift)
    }

    subscript(key: UInt32) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            var slot = ColumnTable.slot(key, shift: shift)
            while true {
                let found = s[slot]
                let foundKey = ColumnTable.key(found)
                if foundKey == key { return Int32(bitPattern: UInt32(truncatingIfNeeded: found)) }
                if foundKey == ColumnTable.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
