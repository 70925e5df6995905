import Testing
import VoiceCloneAnalysis

/// Weights and flattening: the rules that decide what a merge blends.
@Suite struct MergeRulesTests {
    @Test func weightsParseAndNormalise() throws {
        #expect(try MergeWeights.parse("0.7, 0.3") == [0.7, 0.3])
        #expect(try MergeWeights.normalise([7, 3], sources: 2) == [0.7, 0.3])
        #expect(try MergeWeights.normalise(nil, sources: 4) == [0.25, 0.25, 0.25, 0.25])
        #expect(MergeWeights.sumToOne([0.7, 0.3]) && !MergeWeights.sumToOne([7, 3]))
    }

    @Test func badWeightsAreRefusedWithAReason() {
        #expect(throws: VoiceMergeError.nonPositiveWeight("0")) { try MergeWeights.parse("0.5,0") }
        #expect(throws: VoiceMergeError.nonPositiveWeight("-1")) { try MergeWeights.parse("-1,2") }
        #expect(throws: VoiceMergeError.unreadableWeight("abc")) { try MergeWeights.parse("abc,1") }
        #expect(throws: VoiceMergeError.unreadableWeight("")) { try MergeWeights.parse("0.5,") }
        #expect(throws: VoiceMergeError.weightCountMismatch(weights: 3, sources: 2)) { try MergeWeights.normalise([1, 1, 1], sources: 2) }
        #expect(VoiceMergeError.weightCountMismatch(weights: 3, sources: 2).localizedDescription.contains("one weight per source"))
        #expect(VoiceMergeError.nonPositiveWeight("0").localizedDescription.contains("greater than 0"))
    }

    @Test func quantisedWeightsSumToOneInTenThousandths() {
        let q = MergeWeights.quantise([1, 1, 1])
        #expect(q == [0.3334, 0.3333, 0.3333])
        #expect(MergeWeights.quantise(q) == q)   // reading them back changes nothing
        #expect(MergeWeights.quantise([0.7, 0.3]) == [0.7, 0.3])
    }

    /// m = 0.5 a + 0.5 b; n = 0.5 m + 0.5 c.
    static let merged: [String: [(clone: String, weight: Double)]] = [
        "m": [("a", 0.5), ("b", 0.5)],
        "n": [("m", 0.5), ("c", 0.5)],
    ]
    static var flattener: MergeFlattener { MergeFlattener { merged[$0] } }

    @Test func mergedSourcesFlattenWithMultipliedWeights() throws {
        let flat = try Self.flattener.flatten([("m", 0.6), ("c", 0.4)], into: "new")
        #expect(flat.map(\.clone) == ["a", "b", "c"])
        #expect(flat.map(\.weight) == [0.3, 0.3, 0.4])
        // Two levels deep, and a voice reached twice is combined: 0.5 n (= 0.25 a + 0.25 b + 0.5 c) + 0.5 a.
        let deep = try Self.flattener.flatten([("n", 0.5), ("a", 0.5)], into: "new")
        #expect(deep.map(\.clone) == ["a", "b", "c"])
        #expect(deep.map(\.weight) == [0.625, 0.125, 0.25])
    }

    @Test func selfInclusionIsRefused() {
        // Directly…
        #expect(throws: VoiceMergeError.includesItself(clone: "new", path: ["new", "new"])) {
            try Self.flattener.flatten([("new", 0.5), ("a", 0.5)], into: "new")
        }
        // …and through another merged clone: re-blending m from n, which contains m.
        #expect(throws: VoiceMergeError.includesItself(clone: "m", path: ["m", "n", "m"])) {
            try Self.flattener.flatten([("n", 1)], into: "m")
        }
        #expect(VoiceMergeError.includesItself(clone: "m", path: ["m", "n", "m"]).localizedDescription.contains("m → n → m"))
    }

    @Test func loopsAreRefused() {
        let loop = MergeFlattener { ["x": [("y", 1.0)], "y": [("x", 1.0)]][$0] }
        #expect(throws: VoiceMergeError.cycle(["new", "x", "y", "x"])) { try loop.flatten([("x", 1)], into: "new") }
    }
}
