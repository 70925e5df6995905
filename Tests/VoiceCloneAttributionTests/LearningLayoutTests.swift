import Testing
@testable import VoiceCloneAttribution

/// The learned attributor's speed work (issue 16) must not change an answer: classes trained side by side in SIMD
/// lanes give each class the weights it would get alone, and the radix sorts order keys as `sort()` does.
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
}
