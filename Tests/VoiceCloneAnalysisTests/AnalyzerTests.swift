import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneVault

/// The analyzer as a whole: what it refuses, what the corpus summary records, the signature and confidence.
@Suite struct AnalyzerTests {
    @Test func tooFewWordsSaysHowManyAreNeeded() throws {
        let sample = AnalysisSample(id: "a", text: WriterFixtures.text(WriterFixtures.marmaladeSentences, words: 50))
        let found = Tokenizer.wordCount(sample.text)
        #expect(throws: AnalysisError.tooFewWords(found: found, needed: 300)) { try VoiceAnalyzer().analyze([sample]) }
        let message = AnalysisError.tooFewWords(found: found, needed: 300).localizedDescription
        #expect(message.contains("\(found) words") && message.contains("at least 300") && message.contains("add \(300 - found) more"))
    }

    @Test func noSamplesAndOnlyAIAssisted() throws {
        #expect(throws: AnalysisError.noSamples(excludedAIAssisted: 0)) { try VoiceAnalyzer().analyze([]) }
        var samples = WriterFixtures.marmaladeSamples(2)
        for k in samples.indices { samples[k].aiAssisted = true }
        #expect(throws: AnalysisError.noSamples(excludedAIAssisted: 2)) { try VoiceAnalyzer().analyze(samples) }
        #expect(AnalysisError.noSamples(excludedAIAssisted: 2).localizedDescription.contains("--include-ai-assisted"))
        #expect(AnalysisError.noSamples(excludedAIAssisted: 0).localizedDescription.contains("voiceclone sample add"))
        let dna = try VoiceAnalyzer().analyze(samples, includeAIAssisted: true)
        #expect(dna.corpus.samples == 2 && dna.corpus.excludedAiAssisted == 0)
    }

    @Test func aiAssistedSamplesAreLeftOutAndCounted() throws {
        var samples = WriterFixtures.marmaladeSamples(3)
        samples.append(AnalysisSample(id: "z-ai", text: WriterFixtures.text(WriterFixtures.formalSentences, words: 300), aiAssisted: true))
        let dna = try VoiceAnalyzer().analyze(samples)
        #expect(dna.corpus.samples == 3 && dna.corpus.excludedAiAssisted == 1)
        #expect(dna.corpus.sampleIds == ["m0", "m1", "m2"])
        // Apart from the count of excluded samples, the DNA is exactly that of the three human samples.
        let without = String(decoding: try VoiceAnalyzer().analyze(Array(samples.prefix(3))).canonicalJSON(), as: UTF8.self)
        let with = String(decoding: try dna.canonicalJSON(), as: UTF8.self)
        #expect(with == without.replacingOccurrences(of: "\"excluded_ai_assisted\": 0", with: "\"excluded_ai_assisted\": 1"))
    }

    @Test func corpusSummaryAddsUp() throws {
        let samples = WriterFixtures.marmaladeSamples(3)
        let dna = try VoiceAnalyzer().analyze(samples)
        let words = samples.map { Tokenizer.wordCount($0.text) }
        #expect(dna.corpus.words == words.reduce(0, +))
        #expect(dna.corpus.samples == 3 && dna.corpus.sentences == dna.sentences.count)
        // m0 and m2 are blog posts, m1 an email; types listed alphabetically.
        #expect(dna.corpus.contentTypes.map(\.type) == [.blog, .email])
        #expect(dna.corpus.contentTypes.map(\.samples) == [2, 1])
        #expect(dna.corpus.contentTypes.map(\.words) == [words[0] + words[2], words[1]])
        #expect(dna.clone == "" && dna.version == 0 && dna.merge == nil && dna.qualitative == nil)
    }

    @Test func signatureAgainstAnotherClone() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples(), background: ["formal": WriterFixtures.formalSamples()])
        let sig = dna.signature
        #expect(sig.comparedWith == ["formal"])
        // Words the other clone never uses come first, compared with the clones.
        #expect(sig.distinctiveWords.first?.against == "clones")
        #expect(sig.distinctiveWords.contains { $0.term == "marmalade" && $0.against == "clones" })
        // "the" is common in the other clone and in English, so it is never distinctive here.
        #expect(!sig.distinctiveWords.contains { $0.term == "the" })
        #expect(sig.distinctivePhrases.contains { $0.term == "to be honest" && $0.against == "clones" })
        // This writer never writes "the": the most common English word is avoided.
        let the = try #require(sig.avoidedWords.first { $0.term == "the" })
        #expect(the.count == 0 && the.score < -2 && the.against == "english")
        // The formal writer's phrase is not this writer's.
        #expect(!sig.distinctivePhrases.contains { $0.term.contains("accordance") })
    }

    @Test func signatureWithoutOtherClonesUsesEnglishAndOwnPhrases() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        #expect(dna.signature.comparedWith.isEmpty)
        #expect(dna.signature.distinctiveWords.allSatisfy { $0.against == "english" })
        #expect(dna.signature.distinctiveWords.contains { $0.term == "marmalade" })
        #expect(dna.signature.distinctivePhrases.allSatisfy { $0.against == "self" })
        #expect(dna.signature.distinctivePhrases.contains { $0.term == "to be honest" })
        // Shorter phrases swallowed by a longer, as frequent one are dropped ("be honest" inside "to be honest").
        #expect(!dna.signature.distinctivePhrases.contains { $0.term == "be honest" })
    }

    @Test func confidenceBreakdownAddsUpAndAdvises() throws {
        // One sample of 600 words of type "other": words 30 * ln(600/300) / ln(20000/300) = 30 * 0.6931 / 4.1997
        // = 4.951; samples 20 * sqrt(1/20) = 4.472; variety 20 / 3 = 6.667 (one kind); spread and consistency need
        // two or more samples: 0. Total 16.09 -> 16.
        let sample = AnalysisSample(id: "one", text: (0..<60).map { _ in "We walked to the shop and bought some fresh bread." }.joined(separator: " "))
        let dna = try VoiceAnalyzer().analyze([sample])
        #expect(dna.corpus.words == 600)
        let b = dna.confidence.breakdown
        #expect(approx(b.wordCount, 30 * log(2) / log(20_000.0 / 300), 1e-9))
        #expect(approx(b.samples, 20 * (1.0 / 20).squareRoot()))
        #expect(approx(b.variety, 20.0 / 3))
        #expect(b.lengthSpread == 0 && b.consistency == 0)
        #expect(dna.confidence.score == 16)
        #expect(dna.confidence.score == Int((b.wordCount + b.samples + b.variety + b.lengthSpread + b.consistency).rounded()))
        // Advice names the words to add (2,000 - 600 = 1,400) and a kind of writing, and asks for more samples.
        #expect(dna.confidence.advice.first == "Add 1,400 more words of email to reach 2,000 words across more kinds of writing.")
        #expect(dna.confidence.advice.contains { $0.contains("1 sample now") })
    }

    @Test func confidenceStaysWithinItsMaxima() throws {
        let samples = WriterFixtures.marmaladeSamples(6, words: 400) + WriterFixtures.formalSamples(2, words: 300)
        let dna = try VoiceAnalyzer().analyze(samples)
        let b = dna.confidence.breakdown
        #expect((0...30).contains(b.wordCount) && (0...20).contains(b.samples) && (0...20).contains(b.variety))
        #expect((0...15).contains(b.lengthSpread) && (0...15).contains(b.consistency))
        #expect(b.variety == 20)   // blog, email, article
        #expect(dna.confidence.score == Int((b.wordCount + b.samples + b.variety + b.lengthSpread + b.consistency).rounded()))
        #expect((0...100).contains(dna.confidence.score))
    }
}
