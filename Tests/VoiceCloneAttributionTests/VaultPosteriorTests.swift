import Foundation
import Testing
@testable import VoiceCloneAttribution

/// The vault posterior (issue 16): one text has at most one author among the vault's voices, so the voices'
/// verification probabilities become one distribution over {each voice, none of them}.
@Suite("Vault posterior")
struct VaultPosteriorTests {
    static func near(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) < tolerance }

    @Test func twoHighVoicesCannotBothClaimTheText() {
        // attribute: p = 0.9 and 0.6, odds 9 and 1.5, no closed-set model so the split is the odds' own, 9/10.5 and
        // 1.5/10.5. Weights q·o: 7.714 and 0.214, S = 7.929; P = w / (1 + S): 0.8640 and 0.0240, none 0.1120.
        let posterior = VaultPosterior(probabilities: [0.9, 0.6])
        let q = [9 / 10.5, 1.5 / 10.5], w = [q[0] * 9, q[1] * 1.5], total = 1 + w[0] + w[1]
        #expect(Self.near(posterior.voices[0], w[0] / total))
        #expect(Self.near(posterior.voices[1], w[1] / total))
        #expect(Self.near(posterior.none, 1 / total))
        #expect(Self.near(posterior.voices.reduce(0, +) + posterior.none, 1))
        #expect(posterior.rival(of: 1)?.index == 0)
        // Both at 0.9 with a closed-set model saying 4 : 1 for the second: weights 1.8 and 7.2, total 10.
        let split = VaultPosterior(probabilities: [0.9, 0.9], within: [0.2, 0.8])
        #expect(Self.near(split.voices[0], 0.18) && Self.near(split.voices[1], 0.72) && Self.near(split.none, 0.1))
        // Two close voices, even split: neither question lets both claim the text.
        let close = VaultPosterior(probabilities: [0.9, 0.9], within: [0.5, 0.5])
        #expect(close.voices.allSatisfy { $0 < 0.5 })
        for asked in 0..<2 {
            // match: 9 / (9 + 1 + 9) for either voice.
            #expect(Self.near(VaultPosterior(probabilities: [0.9, 0.9], within: [0.5, 0.5], question: .match(asked)).voices[asked], 9.0 / 19))
        }
    }

    @Test func aClearAuthorDoesNotShrinkAsVoicesAreAdded() {
        // One voice at p = 0.8 that the closed-set model names clearly, the others at p = 0.1 and small shares. With
        // the plain mean of the odds, 25 voices dragged it to about 0.1; now it stays near its own 0.8 for both
        // questions, however many voices there are.
        for n in [2, 5, 25, 50] {
            let p = [0.8] + [Double](repeating: 0.1, count: n - 1)
            let q = [0.9] + [Double](repeating: 0.1 / Double(n - 1), count: n - 1)
            let attribute = VaultPosterior(probabilities: p, within: q)
            let match = VaultPosterior(probabilities: p, within: q, question: .match(0))
            #expect(attribute.voices[0] > 0.74 && attribute.voices[0] < 0.8)
            #expect(match.voices[0] > 0.78 && match.voices[0] < 0.8)
            #expect(Self.near(attribute.voices.reduce(0, +) + attribute.none, 1) && Self.near(match.voices.reduce(0, +) + match.none, 1))
        }
    }

    @Test func aRivalTakesTheAskedVoiceOnlyAsFarAsItsEvidenceIsStronger() {
        // match voice 0 (p = 0.8, odds 4). A weak rival changes little; a rival the closed-set model prefers, with
        // strong evidence of its own, takes the text: P(0) = 4 / (4 + 1 + 9·0.8/0.2) = 4 / 41.
        let weak = VaultPosterior(probabilities: [0.8, 0.2], within: [0.8, 0.2], question: .match(0))
        #expect(weak.voices[0] > 0.78 && weak.voices[0] < 0.8)
        let strong = VaultPosterior(probabilities: [0.8, 0.9], within: [0.2, 0.8], question: .match(0))
        #expect(Self.near(strong.voices[0], 4.0 / 41))
        #expect(strong.rival(of: 0)?.index == 1)
    }

    @Test func aLoneVoiceKeepsItsProbability() {
        for p in [0.03, 0.5, 0.73, 0.99] {
            for question in [VaultPosterior.Question.attribute, .match(0)] {
                let posterior = VaultPosterior(probabilities: [p], question: question)
                #expect(Self.near(posterior.voices[0], p) && Self.near(posterior.none, 1 - p))
                #expect(posterior.rival(of: 0) == nil)
                // A closed-set split has nothing to split with one voice.
                #expect(Self.near(VaultPosterior(probabilities: [p], within: [1], question: question).voices[0], p))
            }
        }
    }

    @Test func allLowMeansNoneOfThem() {
        // Odds 1/9, 1/19, 1/4, split by the odds themselves: S = Σ o² / Σ o, none = 1 / (1 + S), above every voice.
        let posterior = VaultPosterior(probabilities: [0.1, 0.05, 0.2])
        let odds: [Double] = [1.0 / 9, 1.0 / 19, 0.25]
        let s = odds.reduce(0) { $0 + $1 * $1 } / odds.reduce(0, +)
        #expect(Self.near(posterior.none, 1 / (1 + s)))
        #expect(posterior.voices.allSatisfy { $0 < posterior.none })
        #expect(posterior.voices[2] > posterior.voices[0] && posterior.voices[0] > posterior.voices[1])
    }

    @Test func theBandCarriesTheClosedSetSharesUncertaintyToo() {
        // match voice 0 (p = 0.5) beside a rival the closed-set model is nearly sure of: P(0) is tiny whatever voice
        // 0's own probability, so a band from the own probability alone is a point at 0 (what a 26-word text used to
        // show). With the shares' temperature band the posterior can move, and the band says so.
        let p = [0.5, 0.6], q = [0.001, 0.999]
        let lower = [0.25, 0.35], upper = [0.75, 0.85]
        let point = VaultPosterior(probabilities: p, within: q, question: .match(0)).voices[0]
        let fixedShares = VaultPosterior.band(for: 0, lower: lower, upper: upper, within: q, widening: 1, question: .match(0))
        let withShares = VaultPosterior.band(for: 0, lower: lower, upper: upper, within: q, widening: 3, question: .match(0))
        #expect(fixedShares.upper < 0.01)
        #expect(withShares.lower <= fixedShares.lower && withShares.upper >= fixedShares.upper)
        #expect(withShares.lower <= point && point <= withShares.upper)
        #expect(withShares.upper > 0.05)
        // The ends are the corners: own low and rival high for the lower end, with the shares held fixed.
        #expect(Self.near(fixedShares.lower, VaultPosterior(probabilities: [0.25, 0.85], within: q, question: .match(0)).voices[0]))
        #expect(Self.near(fixedShares.upper, VaultPosterior(probabilities: [0.75, 0.35], within: q, question: .match(0)).voices[0]))
        // A lone voice's band is its own.
        let lone = VaultPosterior.band(for: 0, lower: [0.2], upper: [0.7], within: nil, widening: 2, question: .match(0))
        #expect(Self.near(lone.lower, 0.2) && Self.near(lone.upper, 0.7))
    }

    @Test func temperingMovesSharesTheRightWay() {
        // Re-reading softmax shares at twice the temperature flattens them, at half sharpens them, and keeps their order.
        let q = [0.7, 0.2, 0.1]
        let hot = TemperatureFit.tempered(q, factor: 2), cold = TemperatureFit.tempered(q, factor: 0.5)
        #expect(hot[0] < q[0] && hot[2] > q[2] && hot[0] > hot[1] && hot[1] > hot[2])
        #expect(cold[0] > q[0] && cold[2] < q[2])
        // Exactly: shares ∝ q^(1/factor).
        let expected = q.map { $0.squareRoot() }, sum = expected.reduce(0, +)
        for k in q.indices { #expect(Self.near(hot[k], expected[k] / sum)) }
        #expect(zip(TemperatureFit.tempered(q, factor: 1), q).allSatisfy { Self.near($0, $1) })
    }

    @Test func aPerfectlySeparatedHeldOutSetDoesNotGiveCertainty() throws {
        // Ten held-out cases, all attributed correctly with margin 1: unsmoothed, the fitted temperature runs down
        // until the true candidate's probability is 1 to machine precision; with the rule of succession it stays
        // where the true candidate gets 1 − 1/12.
        let cases = (0..<10).map { (truth: $0 % 2, distances: $0 % 2 == 0 ? [0.0, 1.0] : [1.0, 0.0]) }
        let bare = try #require(TemperatureFit.fit(cases))
        let smoothed = try #require(TemperatureFit.fit(cases, smoothing: TemperatureFit.ruleOfSuccession(cases.count)))
        #expect(TemperatureFit.probabilities([0, 1], temperature: bare)[0] > 1 - 1e-9)
        #expect(abs(TemperatureFit.probabilities([0, 1], temperature: smoothed)[0] - (1 - 1.0 / 12)) < 1e-3)
        // With mistakes in the held-out set the data already keep the fit away from certainty, and the smoothing moves
        // a correct case's probability only a little.
        let mixed = cases + [(truth: 0, distances: [1.0, 0.0]), (truth: 1, distances: [0.0, 1.0])]
        let plain = try #require(TemperatureFit.fit(mixed))
        let smoothedMixed = try #require(TemperatureFit.fit(mixed, smoothing: TemperatureFit.ruleOfSuccession(mixed.count)))
        let moved = TemperatureFit.probabilities([0, 1], temperature: smoothedMixed)[0] - TemperatureFit.probabilities([0, 1], temperature: plain)[0]
        #expect(moved < 0 && moved > -0.05)
    }

    /// Two writers who share five of their six sentence templates, and a third: a 26-word text (two or three
    /// sentences) often holds neither of the two's own template and cannot say which of them wrote it; a 400-word
    /// text always does.
    static let sharedTemplates = [
        "We {v} the {n} on Monday and it was {a}.",
        "It was a {a} day so we {v} the {n} early.",
        "The {n} was {a}, and the {n} was {a} too.",
        "After the {n} we {v} the {n} together.",
        "Everyone said the {n} looked {a} this year.",
    ]
    static let neighbours: [(String, PhraseWriter)] = [
        ("north", PhraseWriter(templates: sharedTemplates + ["I think the {n} was {a} - we {v} it anyway."],
                               nouns: PhraseWriter.nouns, adjectives: PhraseWriter.adjectives, verbs: PhraseWriter.verbs)),
        ("south", PhraseWriter(templates: sharedTemplates + ["One might say that the {n} was {a}; however, it was {v} in the end."],
                               nouns: PhraseWriter.nouns, adjectives: PhraseWriter.adjectives, verbs: PhraseWriter.verbs)),
        ("lively", .lively),
    ]
    static func neighbourVault() -> [AttributionCandidate] {
        neighbours.enumerated().map { index, writer in
            AttributionCandidate(name: writer.0, texts: (0..<4).map { writer.1.text(words: 1200, seed: UInt64(7000 + 10 * index + $0)) })
        }
    }

    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    @Test func aShortTextGetsItsOwnBucketAndAHonestBand() throws {
        // 20–30-word texts are scored in the 25-word bucket (calibrated on 25-word chunks), and their band is never a
        // point: it spans at least a factor e in odds against every voice, and more than a percentage point for the
        // writer's own.
        let cache = VoiceVerifierCache(candidates: Self.neighbourVault())
        for (seed, words) in [(0, 20), (1, 26), (2, 30), (3, 24), (4, 28)] {
            let (name, writer) = Self.neighbours[seed % 2]
            let text = writer.text(words: words, seed: UInt64(5100 + seed))
            #expect((20...34).contains(TextFeatures.whole(text).words))
            for clone in Self.neighbours.map(\.0) {
                let result = try #require(try cache.verify(text, clone: clone))
                #expect(result.calibratedOn.contains("25-word chunks"))
                #expect(result.band.lower <= result.probability && result.probability <= result.band.upper)
                #expect(Self.logit(result.band.upper) - Self.logit(result.band.lower) >= 1, "\(clone) on \(words) words: \(result.band)")
                if clone == name { #expect(result.band.upper > result.band.lower + 0.01, "\(clone) on \(words) words: \(result.band)") }
            }
        }
        #expect(try cache.verifier(forWords: 26).chunkWords == 25)
    }

    @Test func aShortTextsClosedSetShareIsLessExtremeThanALongOnes() throws {
        // The same writers' texts at 26 and 400 words: each length's shares are calibrated on held-out chunks of that
        // length, so the short texts' shares for their true writer are lower on average, and not every one is a
        // near-certainty (a calibration borrowed from longer chunks, or fitted without smoothing, would make them so).
        let cache = VoiceVerifierCache(candidates: Self.neighbourVault())
        let short = try cache.verifier(forWords: 26), long = try cache.verifier(forWords: 400)
        var shortShares: [Double] = [], longShares: [Double] = []
        for index in 0..<2 {
            let writer = Self.neighbours[index].1
            for seed in 0..<8 {
                let shortText = writer.text(words: 26, seed: UInt64(5300 + 10 * index + seed))
                shortShares.append(try #require(short.closedSetProbabilities(shortText))[index])
                if seed < 3 {
                    let longText = writer.text(words: 400, seed: UInt64(5400 + 10 * index + seed))
                    longShares.append(try #require(long.closedSetProbabilities(longText))[index])
                }
            }
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        #expect(mean(shortShares) < mean(longShares), "short \(shortShares), long \(longShares)")
        #expect(shortShares.contains { $0 < 0.9 }, "short \(shortShares)")
        #expect(longShares.allSatisfy { $0 > 0.5 }, "long \(longShares)")
    }

    @Test func aLoneVoiceInAVaultIsUnaffected() throws {
        let voice = AttributionCandidate(name: "plain", texts: (0..<4).map { PhraseWriter.plain.text(words: 1200, seed: UInt64($0)) })
        let cache = VoiceVerifierCache(candidates: [voice])
        let text = PhraseWriter.plain.text(words: 300, seed: 901)
        let result = try #require(try cache.verify(text, clone: "plain"))
        #expect(result.voiceProbability == result.probability)
        #expect(result.noneProbability == nil && result.rival == nil)
    }

    @Test func matchPrefersTheRightOfTwoCloseVoices() throws {
        // plain and measured share every noun, adjective and verb; only their phrasing differs. Each text's own
        // voice gets most of the posterior, the other voice little, and the two never add up to more than one.
        let candidates = JudgementTests.candidates().filter { $0.name != "lively" }
        let cache = VoiceVerifierCache(candidates: candidates)
        for (index, writer) in [(0, PhraseWriter.plain), (1, PhraseWriter.measured)] {
            let text = writer.text(words: 300, seed: UInt64(610 + index))
            let own = try #require(try cache.verify(text, clone: candidates[index].name))
            let other = try #require(try cache.verify(text, clone: candidates[1 - index].name))
            #expect(own.probability > 0.7)
            #expect(other.probability < 0.2)
            #expect(own.probability + other.probability <= 1 + 1e-9)
            #expect(other.rival == candidates[index].name)
            // Within one posterior (match's question for the text's own voice) voice, rival and none add up to one;
            // match prints the voice's share through the vault's recalibration, under the word-order cap.
            // (Across the two questions they need not: each question holds a different voice's evidence fixed.)
            let none = try #require(own.noneProbability), rival = try #require(own.rivalProbability)
            #expect(own.rival == candidates[1 - index].name)
            let verifier = try cache.verifier(forWords: 300)
            let cap = verifier.evidence(for: TextFeatures.whole(text, keepSequence: true))[index].cap
            let printed = min(PosteriorRecalibration.apply(verifier.posteriorRecalibration, to: 1 - rival - none), cap)
            #expect(abs(own.probability - printed) < 1e-9)
        }
    }

    @Test func shuffledShortTextIsCappedByWordOrder() throws {
        let cache = VoiceVerifierCache(candidates: JudgementTests.candidates())
        let own = PhraseWriter.plain.text(words: 150, seed: 4242)
        let genuine = try #require(try cache.verify(own, clone: "plain"))
        let shuffled = try #require(try cache.verify(PhraseWriter.shuffled(own, seed: 7), clone: "plain"))
        #expect(shuffled.probability < 0.10)
        #expect(shuffled.probability < genuine.probability)
        let ownShuffled = try #require(shuffled.voiceProbability), ownGenuine = try #require(genuine.voiceProbability)
        #expect(ownShuffled < ownGenuine)
        #expect(shuffled.wordOrder.z < genuine.wordOrder.z)
        // The cap is fitted to rise with fluency.
        let verifier = try cache.verifier(forWords: 150)
        #expect(verifier.orderCap.count == 2 && verifier.orderCap[1] > 0)
    }

    @Test func attributeRefusesThroughThePosterior() throws {
        let vault = JudgementTests.candidates()
        let stranger = PhraseWriter.technical.text(words: 300, seed: 55)
        let own = PhraseWriter.lively.text(words: 300, seed: 58)
        let results = try VoiceAttribution.attribute([stranger, own], candidates: vault)
        let refused = try #require(results[0].openSet)
        let none = try #require(refused.noneProbability)
        #expect(refused.noneOfThese && results[0].author == nil)
        #expect(none > refused.sameWriterProbability && refused.sameWriterProbability < refused.threshold)
        let named = try #require(results[1].openSet)
        #expect(!named.noneOfThese && results[1].author == "lively")
        #expect((named.noneProbability ?? 1) < named.sameWriterProbability)
        // A posterior never gives the best voice and none together more than one.
        for verdict in [refused, named] { #expect(verdict.sameWriterProbability + (verdict.noneProbability ?? 0) <= 1 + 1e-9) }
    }
    @Test func matchAndAttributeAgreeOnOneText() throws {
        // The two commands ask different questions of the same evidence: one length bucket, one verifier, one
        // closed-set model and one posterior function. attribute's figures are the posterior for its question; match's
        // own probability is the same voice probability and its score the posterior for its question.
        let vault = JudgementTests.candidates()
        let cache = VoiceVerifierCache(candidates: vault)
        for (seed, writer) in [(77, PhraseWriter.measured), (78, PhraseWriter.technical)] {
            let text = writer.text(words: 93, seed: UInt64(seed))
            let attribution = try #require(try VoiceAttribution.attribute([text], candidates: vault).first)
            let open = try #require(attribution.openSet)
            let verifier = try cache.verifier(forWords: 93)
            let names = verifier.candidateNames
            let best = try #require(names.firstIndex(of: attribution.best))
            let posterior = verifier.posterior(text, question: .attribute)
            #expect(Self.near(open.sameWriterProbability, posterior.voices[best], 1e-12))
            #expect(Self.near(try #require(open.noneProbability), posterior.none, 1e-12))
            let shares = try #require(verifier.closedSetProbabilities(text))
            for ranked in attribution.ranking {
                let v = try #require(names.firstIndex(of: ranked.clone))
                #expect(Self.near(ranked.probability, shares[v], 1e-12))
                #expect(Self.near(try #require(ranked.writerProbability), posterior.voices[v], 1e-12))
            }
            let own = verifier.voiceProbabilities(text)
            let caps = verifier.evidence(for: TextFeatures.whole(text, keepSequence: true)).map(\.cap)
            for (v, name) in names.enumerated() {
                let match = try #require(try cache.verify(text, clone: name))
                #expect(Self.near(try #require(match.voiceProbability), own[v], 1e-12))
                // match prints the posterior for its question through the vault's recalibration, under the word-order cap.
                let asked = VaultPosterior(probabilities: own, within: shares, question: .match(v))
                let printed = min(PosteriorRecalibration.apply(verifier.posteriorRecalibration, to: asked.voices[v]), caps[v])
                #expect(Self.near(match.probability, printed, 1e-12))
            }
        }
    }
}

/// `attribute` names the voice the posterior favours, not the closest by share alone.
@Suite struct PosteriorNamingTests {
    @Test func theVoiceWithTheHighestPosteriorIsNamedAndListedFirst() {
        var ranking = [RankedCandidate(clone: "marguerite", distance: 1.25, probability: 0.44),
                       RankedCandidate(clone: "dana", distance: 1.27, probability: 0.41),
                       RankedCandidate(clone: "rex", distance: 1.49, probability: 0.15)]
        ranking[0].writerProbability = 0.22
        ranking[1].writerProbability = 0.30
        ranking[2].writerProbability = 0.06
        let closedSet = Attribution(ranking: ranking, best: "marguerite", confidence: .low,
                                    band: ProbabilityBand(lower: 0.38, upper: 0.50), words: 26, warnings: [], drivers: [],
                                    method: .learned)
        let named = VoiceAttribution.namingThePosteriorsWriter(closedSet, shortTextWords: 100)
        #expect(named.best == "dana")
        #expect(named.ranking.map(\.clone) == ["dana", "marguerite", "rex"])
        // The band is around dana's share, widened for a 26-word text, and still contains it.
        #expect(named.band.lower < 0.41 && 0.41 < named.band.upper, "\(named.band)")
        #expect(named.confidence == .low)

        // When the share and the posterior agree, nothing changes.
        var agreeing = closedSet
        agreeing.ranking[0].writerProbability = 0.40
        #expect(VoiceAttribution.namingThePosteriorsWriter(agreeing, shortTextWords: 100) == agreeing)
    }
}
