import Testing
@testable import VoiceCloneAttribution

/// The learned attributor's speed work (issue 16) must not change an answer: classes trained side by side in SIMD
/// lanes give each class the weights it would get alone, the radix sorts order keys as `sort()` does, and the
/// verifier's cosines to every voice, computed in one pass over voice-interleaved sums, equal the per-voice ones.
@Suite("Learned attribution: layout and sorting")
struct LearningLayoutTests {
    /// Sparse rows with a few random columns each, from a seeded generator.
    static func rows(count: Int, dimension: Int, seed: UInt64) -> [SparseRow] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let columns = Set((0..<6).map { _ in Int32(random.next() % UInt64(dimension)) }).sorted()
            return SparseRow(indices: columns, values: columns.map { _ in Float(random.next() % 1000) / 500 - 0.5 })
        }
    }

    @Test func eachClassGetsTheWeightsItWouldGetAlone() {
        // Twenty classes train in lanes of shared groups; the same one-vs-rest problem posed as a two-class model
        // trains in a lane of its own. Unbalanced, so the row costs are the same in both.
        let dimension = 40
        let rows = LearningLayoutTests.rows(count: 120, dimension: dimension, seed: 7)
        let labels = rows.indices.map { $0 % 20 }
        var options = LinearModel.Options()
        options.balanced = false
        let shared = LinearModel(rows: rows, labels: labels, classes: 20, dimension: dimension, options: options)
        let probe = SparseRow(indices: [1, 5, 30], values: [0.4, -0.2, 0.9])
        for c in [0, 9, 10, 19] {
            let alone = LinearModel(rows: rows, labels: labels.map { $0 == c ? 0 : 1 }, classes: 2, dimension: dimension,
                                    options: options)
            #expect(shared.weights[c] == alone.weights[0])
            #expect(shared.weights[c].contains { $0 != 0 })
            #expect(shared.scores(probe)[c] == alone.scores(probe)[0])
        }
    }

    @Test func radixSortOrdersKeysAsSortDoes() {
        var random = SeededRandom(seed: 11)
        for count in [0, 1, 63, 65, 1000, 5000] {
            for mask: UInt32 in [0xFF, 0x03FF_FFFF, .max] {
                var keys = (0..<count).map { _ in UInt32(truncatingIfNeeded: random.next()) & mask }
                let expected = keys.sorted()
                RadixSort.sort(&keys)
                #expect(keys == expected)
            }
            // Packed (column, value bits) with distinct columns below the limit.
            let limit = 300_000
            let columns = Set((0..<count).map { _ in UInt64(random.next() % UInt64(limit)) })
            var packed = columns.map { $0 << 32 | (random.next() & 0xFFFF_FFFF) }
            let expected = packed.sorted()
            RadixSort.sortByHighWord(&packed, limit: limit)
            #expect(packed == expected)
        }
    }

    @Test func rowsListEachColumnOnceInAscendingOrder() {
        let texts = JudgementTests.candidates(words: 600, samples: 2).flatMap(\.texts)
        let chunks = texts.flatMap { TextFeatures.chunks(of: $0, chunkWords: 200) }
        let space = TfidfSpace(chunks: chunks)
        let characters = TfidfSpace(chunks: chunks, weights: VaultSpace.weights)
        for chunk in chunks {
            let row = space.row(chunk)
            #expect(!row.indices.isEmpty)
            #expect(zip(row.indices, row.indices.dropFirst()).allSatisfy { $0 < $1 })
            // Unsorted (the verifier's character-only rows), the same pairs in another order.
            let ordered = characters.row(chunk), loose = characters.row(chunk, sorted: false)
            #expect(zip(ordered.indices, ordered.indices.dropFirst()).allSatisfy { $0 < $1 })
            let pairs = zip(loose.indices, loose.values).sorted { $0.0 < $1.0 }
            #expect(pairs.map(\.0) == ordered.indices)
            #expect(pairs.map(\.1) == ordered.values)
        }
    }

    @Test func interleavedCosinesEqualPlainPerVoiceCosinesToTheBit() {
        // Eighteen voices (one full block of sixteen lanes and a partial one), the last with no fitted chunk, a few
        // with only some chunks fitted; chunks of random character n-grams from a small pool, so columns are shared.
        var random = SeededRandom(seed: 23)
        func chunk() -> TextFeatures {
            let keys = Set((0..<40).map { _ in UInt32(random.next() % 2) << 24 | UInt32(random.next() % 120) }).sorted()
            return TextFeatures(keys: keys, counts: keys.map { _ in Float(1 + random.next() % 5) }, words: 50,
                                style: StyleSums(), wordSequence: [])
        }
        let voices = 18
        let chunks = (0..<voices).map { _ in (0..<4).map { _ in chunk() } }
        let used = (0..<voices).map { v in v == voices - 1 ? [] : v % 3 == 0 ? [0, 2] : [0, 1, 2, 3] }
        let vault = VaultSpace(chunks: chunks, used: used)
        #expect(vault.blocks == 2)
        // The plain computation: each voice's sum of its rows in its own dense vector, then one dot product per voice.
        let dimension = vault.space.dimension
        let sums: [[Float]] = (0..<voices).map { v in
            var sum = [Float](repeating: 0, count: dimension)
            for k in used[v] {
                let row = vault.space.row(chunks[v][k], sorted: false)
                for (j, value) in zip(row.indices, row.values) { sum[Int(j)] += value }
            }
            return sum
        }
        for v in 0..<voices { #expect(vault.sum(voice: v) == sums[v]) }
        let probes = (0..<6).map { _ in vault.space.row(chunk(), sorted: false) } + [SparseRow(indices: [], values: [])]
        for row in probes {
            let plain: [Double] = (0..<voices).map { v in
                guard !used[v].isEmpty else { return 0 }
                var dot: Float = 0
                for (j, value) in zip(row.indices, row.values) { dot += value * sums[v][Int(j)] }
                let squaredNorm = sums[v].reduce(0) { $0 + $1 * $1 }
                let denominator = (row.squaredNorm * squaredNorm).squareRoot()
                return denominator > 0 ? Double(dot / denominator) : 0
            }
            let interleaved = vault.cosines(row)
            #expect(interleaved.map(\.bitPattern) == plain.map(\.bitPattern))
            #expect(row.indices.isEmpty || plain.contains { $0 > 0 })
        }
        // Two voices sharing no n-gram: no n-gram column survives `min_df = 2`, every cosine 0. No voice at all: an
        // empty table, no cosine.
        func single(_ key: UInt32) -> TextFeatures {
            TextFeatures(keys: [1 << 24 | key], counts: [1], words: 50, style: StyleSums(), wordSequence: [])
        }
        let disjoint = VaultSpace(chunks: [[single(1)], [single(2)]], used: [[0], [0]])
        #expect(disjoint.space.hashedCount == 0)
        #expect(disjoint.cosines(disjoint.space.row(single(1), sorted: false)) == [0, 0])
        let none = VaultSpace(chunks: [], used: [])
        #expect(none.table.isEmpty && none.cosines(SparseRow(indices: [], values: [])).isEmpty)
    }
}
