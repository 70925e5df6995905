import Testing
@testable import VoiceCloneAttribution

/// The pre-scanned path (`ScannedText` → `ScannedCandidate` → `Attributor(scanned:)`) must give exactly
/// what building from the raw texts gives, and its chunk vectors exactly what scanning each chunk
/// with the selected features gives.
@Suite("Pre-scanned samples")
struct ScannedTextTests {
    static let candidates = AttributorTests.candidates()
    static let probes = (0..<6).map { AttributorTests.writers[$0 % 3].1.text(words: 300 + 250 * $0, seed: UInt64(4000 + $0)) }

    @Test func attributorFromScannedSamplesGivesIdenticalResults() throws {
        let fromTexts = try Attributor(candidates: Self.candidates)
        let scanned = Self.candidates.map { ScannedCandidate($0) }
        let fromScans = try Attributor(scanned: scanned)
        #expect(fromScans.calibration == fromTexts.calibration)
        #expect(fromScans.warnings == fromTexts.warnings)
        #expect(fromScans.candidateNames == fromTexts.candidateNames)
        #expect(fromScans.layout.wordKeys == fromTexts.layout.wordKeys)
        #expect(fromScans.layout.ngramKeys == fromTexts.layout.ngramKeys)
        #expect(fromScans.attribute(Self.probes) == fromTexts.attribute(Self.probes))
    }

    @Test func oneScanServesManyAttributorsAsIfEachHadScannedItsTexts() throws {
        let scans = Self.candidates.map { candidate in candidate.texts.map { ScannedText($0) } }
        for left in 0..<3 {
            // Leave sample `left` of the first writer out, as a leave-one-out evaluation does.
            var texts = Self.candidates
            texts[0].texts.remove(at: left)
            var kept = scans[0]
            kept.remove(at: left)
            let scanned = [ScannedCandidate(name: texts[0].name, texts: kept)]
                + (1..<3).map { ScannedCandidate(name: Self.candidates[$0].name, texts: scans[$0]) }
            let reused = try Attributor(scanned: scanned)
            let rebuilt = try Attributor(candidates: texts)
            #expect(reused.calibration == rebuilt.calibration)
            #expect(reused.attribute(Self.probes, top: 2) == rebuilt.attribute(Self.probes, top: 2))
        }
    }

    @Test func chunkVectorsMatchScanningEachSampleWithTheChosenFeatures() throws {
        let settings = AttributionSettings(chunkWords: 400)
        let scanned = Self.candidates.map { ScannedCandidate($0, settings: settings) }
        let data = try TrainingData(candidates: scanned, settings: settings)
        for (c, candidate) in Self.candidates.enumerated() {
            // The reference: scan each sample again, counting only the chosen features, chunk by chunk.
            var expected: [FeatureVector] = []
            for text in candidate.texts {
                var counter = WordCountSink()
                StyleScanner.scan(text, chunkWords: Int.max, into: &counter)
                let pieces = max(1, Int((Double(counter.words) / 400).rounded()))
                var sink = VectorSink(layout: data.layout)
                StyleScanner.scan(text, chunkWords: (counter.words + pieces - 1) / pieces, into: &sink)
                expected += sink.chunks.filter { $0.wordTokens > 0 }
            }
            let actual = data.chunks[c].map { data.vector(c, $0) }
            #expect(actual.count == expected.count)
            #expect(actual.map(\.values) == expected.map(\.values))
            #expect(actual.map(\.wordTokens) == expected.map(\.wordTokens))
            #expect(actual.map(\.ngramTokens) == expected.map(\.ngramTokens))

            // Sums over the sparse chunks equal dense sums, bit for bit.
            var mean = [Double](repeating: 0, count: data.layout.dimension)
            for vector in expected { for j in mean.indices { mean[j] += vector.values[j] } }
            mean = mean.map { $0 * (1 / Double(expected.count)) }
            #expect(data.centroid(of: c) == mean)
            var variance = [Double](repeating: 0, count: data.layout.dimension)
            for vector in expected {
                for j in variance.indices {
                    let d = vector.values[j] - mean[j]
                    variance[j] += d * d / Double(expected.count - 1)
                }
            }
            #expect(data.withinVariance(of: c, centroid: mean) == variance)
        }
    }

    @Test func totalsCountEveryTokenIncludingThoseAfterTheLastChunk() {
        // 20 words in chunks of 10, then punctuation after the last word: in the totals, not in a chunk.
        let input = Array(repeating: "tick tock", count: 10).joined(separator: " ") + " !!!"
        let text = ScannedText(input, settings: AttributionSettings(chunkWords: 10))
        #expect(text.words == 20)
        #expect(text.chunkCount == 2)
        #expect(text.count(ofWord: StyleScanner.hash(of: "tick")) == 10)
        #expect(text.count(ofNgram: 0x21_2121) == 1)  // "!!!"
        #expect(text.chunkWordTokens == [10, 10])
        #expect(text.chunkNgramTokens.reduce(0, +) < text.ngramTokens)
        let empty = ScannedText("   ")
        #expect(empty.words == 0)
        #expect(empty.chunkCount == 0)
    }

    @Test func voiceMatcherFromScannedSamplesGivesIdenticalResults() throws {
        let clone = Self.candidates[0]
        let fromTexts = try VoiceMatcher(clone: clone)
        let fromScans = try VoiceMatcher(scanned: ScannedCandidate(clone))
        #expect(fromScans.typicalDistance == fromTexts.typicalDistance)
        #expect(fromScans.distanceSpread == fromTexts.distanceSpread)
        #expect(fromScans.match(Self.probes) == fromTexts.match(Self.probes))
    }

    @Test func samplesScannedWithAnotherChunkLengthAreRefusedWithAClearError() {
        let scanned = Self.candidates.map { ScannedCandidate($0, settings: AttributionSettings(chunkWords: 500)) }
        let expected = AttributionError.chunkLengthMismatch(name: "formal", scanned: 500, settings: 1000)
        #expect(throws: expected) { try Attributor(scanned: scanned) }
        #expect(throws: expected) { try VoiceMatcher(scanned: scanned[0]) }
        let message = expected.errorDescription ?? ""
        #expect(message.contains("'formal'") && message.contains("500") && message.contains("scan them again"))
        #expect(throws: AttributionError.tooFewCandidates(count: 1)) { try Attributor(scanned: [scanned[0]]) }
        let empty = [ScannedCandidate(Self.candidates[0]), ScannedCandidate(name: "blank", texts: [ScannedText("  ")])]
        #expect(throws: AttributionError.emptyCandidate(name: "blank")) { try Attributor(scanned: empty) }
    }
}
