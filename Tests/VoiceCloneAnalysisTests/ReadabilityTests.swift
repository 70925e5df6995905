import Testing
import VoiceCloneAnalysis

/// The seven formulas against values worked out by hand from the published coefficients.
@Suite struct ReadabilityTests {
    @Test func sevenFormulasFromCounts() {
        // 100 words, 5 sentences (20 words each), 150 syllables (1.5 per word), 10 polysyllables, 450 letters,
        // 12 difficult words.
        let r = ReadabilityScores(words: 100, sentences: 5, syllables: 150, polysyllables: 10, letters: 450, difficultWords: 12)
        #expect(approx(r.wordsPerSentence, 20) && approx(r.syllablesPerWord, 1.5))
        // 206.835 - 1.015 * 20 - 84.6 * 1.5 = 206.835 - 20.3 - 126.9
        #expect(approx(r.fleschReadingEase, 59.635))
        // 0.39 * 20 + 11.8 * 1.5 - 15.59 = 7.8 + 17.7 - 15.59
        #expect(approx(r.fleschKincaidGrade, 9.91))
        // 0.4 * (20 + 100 * 10 / 100)
        #expect(approx(r.gunningFog, 12))
        // 1.043 * sqrt(10 * 30 / 5) + 3.1291 = 1.043 * 7.745967 + 3.1291
        #expect(approx(r.smogIndex, 11.208143, 1e-6))
        // L = 450 letters per 100 words, S = 5 sentences per 100 words: 0.0588 * 450 - 0.296 * 5 - 15.8
        #expect(approx(r.colemanLiauIndex, 9.18))
        // 4.71 * 4.5 + 0.5 * 20 - 21.43
        #expect(approx(r.automatedReadabilityIndex, 9.765))
        // 12% difficult (> 5%): 0.1579 * 12 + 0.0496 * 20 + 3.6365
        #expect(approx(r.daleChallScore, 6.5233))
        #expect(approx(r.difficultWordShare, 0.12))
    }

    @Test func daleChallAddsNoConstantAtOrBelowFivePercent() {
        // 5 of 100 difficult: 0.1579 * 5 + 0.0496 * 20 = 0.7895 + 0.992
        let r = ReadabilityScores(words: 100, sentences: 5, syllables: 150, polysyllables: 0, letters: 450, difficultWords: 5)
        #expect(approx(r.daleChallScore, 1.7815))
        // No polysyllables: SMOG is its constant.
        #expect(approx(r.smogIndex, 3.1291))
    }

    @Test func noWordsGivesZeros() {
        let r = ReadabilityScores(words: 0, sentences: 0, syllables: 0, polysyllables: 0, letters: 0, difficultWords: 0)
        #expect(r.fleschReadingEase == 0 && r.fleschKincaidGrade == 0 && r.smogIndex == 0 && r.daleChallScore == 0)
        #expect(r.wordsPerSentence == 0 && r.syllablesPerWord == 0)
    }

    @Test func fleschOnARealText() {
        // "The cat sat. The dog ran far away. Did it stop? It did not." 14 words, 4 sentences; every word has one
        // syllable except "away" (2) = 15 syllables.
        // FRE = 206.835 - 1.015 * 3.5 - 84.6 * 15 / 14 = 112.6396; FK = 0.39 * 3.5 + 11.8 * 15 / 14 - 15.59 = -1.5821.
        let r = VoiceAnalyzer().stats(of: "The cat sat. The dog ran far away. Did it stop? It did not.").readability
        #expect(approx(r.syllablesPerWord, 15.0 / 14))
        #expect(approx(r.fleschReadingEase, 206.835 - 1.015 * 3.5 - 84.6 * 15 / 14))
        #expect(approx(r.fleschKincaidGrade, 0.39 * 3.5 + 11.8 * 15 / 14 - 15.59))
        // Letters 42: ARI = 4.71 * 3 + 0.5 * 3.5 - 21.43 = -5.55; CLI = 0.0588 * 300 - 0.296 * 28.571 - 15.8.
        #expect(approx(r.automatedReadabilityIndex, -5.55))
        #expect(approx(r.colemanLiauIndex, 0.0588 * 300 - 0.296 * (400.0 / 14) - 15.8))
        // Every word is on the Dale-Chall list of familiar words.
        #expect(r.difficultWordShare == 0)
    }

    @Test func harderTextScoresHarder() {
        let easy = VoiceAnalyzer().stats(of: "We went out. The sun was hot. We sat down and had a drink.").readability
        let hard = VoiceAnalyzer().stats(of: "Institutional considerations notwithstanding, the administration's comprehensive reorganisation necessitated extraordinary deliberation.").readability
        #expect(easy.fleschReadingEase > 90 && hard.fleschReadingEase < 0)
        #expect(hard.fleschKincaidGrade > easy.fleschKincaidGrade + 10)
        #expect(hard.gunningFog > easy.gunningFog && hard.smogIndex > easy.smogIndex && hard.daleChallScore > easy.daleChallScore)
        #expect(hard.difficultWordShare > 0.5)
    }
}
