import Testing
@testable import VoiceCloneDetection

@Suite("Detection lists and model")
struct ListAndModelTests {
    @Test func bundledListsAreVersioned() {
        let lexicon = DetectionLexicon.bundled
        for name in DetectionLexicon.listNames {
            #expect(lexicon.versions[name] ?? 0 >= 1, "\(name) has no version line")
            #expect(!(lexicon.lists[name]?.entries.isEmpty ?? true), "\(name) is empty")
        }
        #expect(lexicon.plainWord(for: "Delve into") == "look at")
    }

    @Test func aVaultCanExtendRemoveAndReplace() {
        let lexicon = DetectionLexicon.withOverrides([
            "tell-words": "synergize\n-delve\n",
            "transitions": "# replace\n# version: 7\nanyway\n",
            "not-a-list": "ignored",
        ])
        let detector = Detector(lexicon: lexicon)
        #expect(lexicon.lists["tell-words"]?.entries.contains("synergize") == true)
        #expect(lexicon.lists["tell-words"]?.entries.contains("delve") == false)
        #expect(lexicon.lists["transitions"]?.entries == ["anyway"])
        #expect(lexicon.versions["transitions"] == 7)
        let m = detector.measure("We synergize daily. We delve deeply.").measurements.first { $0.kind == .aiVocabulary }!
        #expect(m.value == 100.0 / 6.0)
        let t = detector.measure("Anyway, it works. Moreover, it ships.").measurements.first { $0.kind == .stackedTransitions }!
        #expect(t.value == 0.5)
    }

    @Test func modelFileRoundTrips() throws {
        let model = DetectionModel.bundled
        #expect(model.version >= 1)
        #expect(!model.fitted.isEmpty)
        let again = try DetectionModel.parse(model.serialized())
        #expect(again.serialized() == model.serialized())
        #expect(throws: DetectionError.self) { try DetectionModel.parse("signal\tai_vocabulary\tabc\t0\tfitted\n") }
        #expect(DetectionModel.bundled.weights.values.allSatisfy { $0 >= 0 })
    }

    @Test func fitFindsTheInformativeSignalAndIgnoresNoise() {
        var examples: [LogisticFit.Example] = []
        for i in 0..<200 {
            let machine = i % 2 == 0
            let noise = Double((i * 37) % 11) / 10
            examples.append(.init(inputs: [.stackedTransitions: machine ? 0.3 + noise * 0.1 : noise * 0.05,
                                           .ruleOfThree: noise], machine: machine))
        }
        let model = LogisticFit.fit(examples, trainedOn: "synthetic")
        #expect((model.weights[.stackedTransitions] ?? 0) > 1)
        #expect((model.weights[.ruleOfThree] ?? 0) < 0.5)
        #expect(model.fitted.contains(.stackedTransitions))
        #expect(!model.fitted.contains(.emojiBullets))
        #expect(model.weights[.emojiBullets] == DetectionModel.priors[.emojiBullets])
        #expect(model.threshold >= 50)
        // Deterministic: the same data gives the same file.
        #expect(LogisticFit.fit(examples, trainedOn: "synthetic").serialized() == model.serialized())
    }
}
