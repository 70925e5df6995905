/// Counts only the selected features of a text, producing one `FeatureVector` per chunk.
struct VectorSink: ScanSink {
    let layout: FeatureLayout
    private(set) var chunks: [FeatureVector] = []
    private var counts: [Double]
    private var wordTokens = 0
    private var ngramTokens = 0

    init(layout: FeatureLayout) {
        self.layout = layout
        counts = [Double](repeating: 0, count: layout.dimension)
    }

    mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {
        wordTokens += 1
        if let index = layout.wordIndex.value(hash) { counts[Int(index)] += 1 }
    }

    mutating func ngram(_ code: UInt64) {
        ngramTokens += 1
        if let index = layout.ngramIndex.value(code) { counts[Int(index)] += 1 }
    }

    mutating func chunkEnd(style: StyleSums) {
        var values = counts
        let wordScale = wordTokens > 0 ? 1 / Double(wordTokens) : 0
        for index in layout.wordRange { values[index] *= wordScale }
        let ngramScale = ngramTokens > 0 ? 1 / Double(ngramTokens) : 0
        for index in layout.characterRange { values[index] *= ngramScale }
        let rates = style.rates()
        for (offset, index) in layout.styleRange.enumerated() { values[index] = rates[offset] }
        chunks.append(FeatureVector(values: values, wordTokens: wordTokens, ngramTokens: ngramTokens))
        for index in counts.indices { counts[index] = 0 }
        wordTokens = 0
        ngramTokens = 0
    }
}
