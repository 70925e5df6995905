import Testing
@testable import VoiceCloneAttribution

@Suite("Delta distances on hand-checked vectors")
struct DeltaTests {
    @Test func cosineOfOrthogonalParallelAndDiagonalVectors() {
        #expect(abs(Delta.cosine([1, 0], [0, 1]) - 1) < 1e-12)
        #expect(abs(Delta.cosine([1, 2], [2, 4])) < 1e-12)
        #expect(abs(Delta.cosine([1, 0], [1, 1]) - (1 - 1 / 2.0.squareRoot())) < 1e-12)
        #expect(abs(Delta.cosine([1, 0], [-1, 0]) - 2) < 1e-12)
        #expect(Delta.cosine([0, 0], [1, 1]) == 1)
    }

    @Test func burrowsIsMeanAbsoluteDifference() {
        #expect(abs(Delta.burrows([1, 2, 3], [2, 2, 1]) - 1) < 1e-12)
        #expect(Delta.burrows([], []) == 0)
    }

    @Test func zScoredDistancesUseMeanAndScalesOverTheRange() {
        // z(x) = ([3,1] - [2,2]) * [1, 0.5] = [1, -0.5]; z(y) = [-1, 0.5]: opposite vectors.
        let x: [Double] = [3, 1, 99], y: [Double] = [1, 3, -99]
        let mean: [Double] = [2, 2, 0], scales: [Double] = [1, 0.5, 1]
        let cosine = Delta.distance(.cosineDelta, x, y, mean: mean, inverseScales: scales, range: 0..<2)
        #expect(abs(cosine - 2) < 1e-12)
        // |3-1|*1 + |1-3|*0.5 = 3, over 2 features.
        let burrows = Delta.distance(.burrowsDelta, x, y, mean: mean, inverseScales: scales, range: 0..<2)
        #expect(abs(burrows - 1.5) < 1e-12)
        #expect(Delta.distance(.cosineDelta, x, y, mean: mean, inverseScales: scales, range: 0..<0) == 0)
    }

    @Test func temperatureFitSharpensWhenDistancesSeparateAndProbabilitiesSumToOne() throws {
        let clear = (0..<20).map { (truth: $0 % 2, distances: $0 % 2 == 0 ? [0.1, 0.9] : [0.9, 0.1]) }
        let muddled = (0..<20).map { (truth: $0 % 2, distances: $0 % 4 < 2 ? [0.4, 0.6] : [0.6, 0.4]) }
        let sharp = try #require(TemperatureFit.fit(clear))
        let flat = try #require(TemperatureFit.fit(muddled))
        #expect(sharp < flat)
        let p = TemperatureFit.probabilities([0.2, 0.5, 0.9], temperature: 0.1)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        #expect(p[0] > p[1] && p[1] > p[2])
        #expect(TemperatureFit.fit([]) == nil)
    }
}

@Suite("Delta against many profiles")
struct DeltaManyTests {
    @Test func distancesToManyEqualDistanceToEachBitForBit() {
        let x = [0.5, 0.0, 2.0, 1.5, 0.25, 3.0]
        let ys = [[0.4, 0.1, 1.0, 1.5, 0.5, 2.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 2.0, 3.0, 0.0, 1.0, 0.5]]
        let mean = [0.3, 0.3, 1.2, 1.0, 0.4, 1.8]
        let scales = [1.0, 2.0, 0.5, 0.0, 4.0, 1.5]
        for kind in [DistanceKind.cosineDelta, .burrowsDelta] {
            for range in [0..<6, 1..<4, 2..<2] {
                let many = Delta.distances(kind, x, to: ys, mean: mean, inverseScales: scales, range: range)
                let each = ys.map { Delta.distance(kind, x, $0, mean: mean, inverseScales: scales, range: range) }
                #expect(many == each)
            }
        }
    }
}
