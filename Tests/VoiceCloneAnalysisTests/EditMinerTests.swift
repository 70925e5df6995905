import Foundation
import Testing
@testable import VoiceCloneAnalysis

/// Mining a writer's edits: hand-made before/after pairs, the support threshold, determinism, and the offline
/// application of what was learned.
@Suite struct EditMinerTests {
    static func piece(_ n: Int, _ draft: String, _ final: String, platform: String = "blog") -> EditedPiece {
        EditedPiece(id: String(format: "2026-01-%02d-piece", n), platform: platform, draft: draft, final: final)
    }

    // MARK: - The word diff

    @Test func wordDiffShowsDeletionsAndInsertionsInPlace() {
        let diff = WordDiff(before: "We should leverage our tools. So, it works.", after: "We should use our tools. It works.")
        #expect(diff.inlineText == "We should [-leverage-] {+use+} our tools. [-So,-] It works.")
        #expect(diff.segments.map(\.kind) == [.same, .deleted, .inserted, .same, .deleted, .same])
        let counts = diff.wordCounts
        #expect(counts.before == 8 && counts.after == 7 && counts.kept == 6)
        #expect(abs(diff.changedShare - 0.25) < 1e-9)
    }

    @Test func identicalTextsHaveNoHunks() {
        let diff = WordDiff(before: "Same words here.\n\nAnd a second paragraph.", after: "Same words here.\n\nAnd a second paragraph.")
        #expect(diff.hunks.isEmpty && diff.changedShare == 0)
        #expect(diff.segments == [.init(kind: .same, text: "Same words here.\n\nAnd a second paragraph.")])
    }

    @Test func capitalsMovedBySplittingAreNotEdits() {
        let diff = WordDiff(before: "It rained, and we stayed in.", after: "It rained. We stayed in.")
        #expect(diff.hunks.count == 1)
        #expect(diff.inlineText == "It rained[-, and-]{+.+} We stayed in.")
    }

    // MARK: - Lessons from hand-made pairs

    @Test func replacedWordBecomesALessonWithSupportAndExamples() throws {
        let pieces = [
            Self.piece(1, "We leverage the cache to go faster.", "We use the cache to go faster."),
            Self.piece(2, "Teams leverage feedback every week.", "Teams use feedback every week."),
            Self.piece(3, "You can leverage this habit daily.", "You can use this habit daily."),
        ]
        let lessons = EditMiner.lessons(from: pieces)
        let replace = try #require(lessons.lessons(of: .replace).first)
        #expect(replace.before == "leverage" && replace.after == "use")
        #expect(replace.support == 3 && replace.opportunities == 3)
        #expect(replace.examples.count == 2)
        #expect(replace.examples[0] == EditExample(piece: "2026-01-01-piece", before: "We leverage the cache to go faster.",
                                                   after: "We use the cache to go faster."))
        #expect(replace.plainDescription == "you replaced 'leverage' with 'use' in 3 of 3 drafts that had it")
        #expect(lessons.pieces == 3 && lessons.editedPieces == 3)
    }

    @Test func aPatternFromOnePieceIsNoLesson() {
        let pieces = [
            Self.piece(1, "We leverage the cache to go faster.", "We use the cache to go faster."),
            Self.piece(2, "Nothing changed in this one at all.", "Nothing changed in this one at all."),
            Self.piece(3, "Or in this one, honestly.", "Or in this one, honestly."),
        ]
        let lessons = EditMiner.lessons(from: pieces)
        #expect(lessons.lessons.isEmpty)
        #expect(lessons.pieces == 3 && lessons.editedPieces == 1)
    }

    @Test func minSupportIsConfigurableButNeverBelowTwo() {
        let pieces = [
            Self.piece(1, "We leverage the cache.", "We use the cache."),
            Self.piece(2, "Teams leverage feedback.", "Teams use feedback."),
        ]
        #expect(EditMiner.lessons(from: pieces, options: EditMiningOptions(minSupport: 2)).lessons(of: .replace).count == 1)
        #expect(EditMiner.lessons(from: pieces, options: EditMiningOptions(minSupport: 3)).lessons(of: .replace).isEmpty)
        #expect(EditMiningOptions(minSupport: 1).minSupport == 2)
    }

    @Test func aChangeMadeInFewOfTheDraftsThatHadTheWordIsNoHabit() {
        // "very" was cut in 2 drafts but kept in 4 others that had it: 2 of 6 is below half.
        var pieces = [
            Self.piece(1, "It was a very good day.", "It was a good day."),
            Self.piece(2, "A very long week ended.", "A long week ended."),
        ]
        for n in 3...6 { pieces.append(Self.piece(n, "This was very fine, really.", "This was very fine, really.")) }
        #expect(EditMiner.lessons(from: pieces).lessons(of: .cut).isEmpty)
        #expect(EditMiner.lessons(from: Array(pieces.prefix(3))).lessons(of: .cut).first?.before == "very")
    }

    @Test func sentenceInitialCutsAreToldApartFromCutsAnywhere() throws {
        let pieces = [
            Self.piece(1, "So, we shipped it on Friday. It held.", "We shipped it on Friday. It held."),
            Self.piece(2, "It broke. So we fixed it fast.", "It broke. We fixed it fast."),
            Self.piece(3, "Coffee first. So the day starts well.", "Coffee first. The day starts well."),
        ]
        let lessons = EditMiner.lessons(from: pieces)
        let cut = try #require(lessons.lessons(of: .cutSentenceStart).first)
        #expect(cut.before == "so" && cut.support == 3 && cut.opportunities == 3)
        #expect(cut.examples[0].before == "So, we shipped it on Friday." && cut.examples[0].after == "We shipped it on Friday.")
        #expect(lessons.lessons(of: .cut).isEmpty)
        #expect(cut.plainDescription == "you cut 'so' at the start of a sentence in 3 of 3 drafts that had it")
    }

    static let longSentence = "The release went out late on a Friday because the review took longer than we planned, "
        + "and the team stayed online until every alarm was quiet again and the dashboards were green for an hour."
    static let splitSentence = "The release went out late on a Friday because the review took longer than we planned. "
        + "The team stayed online until every alarm was quiet again and the dashboards were green for an hour."

    @Test func splitsOfLongSentencesGiveALengthThreshold() throws {
        let short = "We kept this one as it was, with its twelve words intact."
        let pieces = (1...3).map { n in
            Self.piece(n, short + " " + Self.longSentence, short + " " + Self.splitSentence)
        }
        let lessons = EditMiner.lessons(from: pieces)
        let split = try #require(lessons.lessons(of: .split).first)
        // The highest threshold that separates the 35-word sentences they split from the 12-word ones they kept.
        #expect(split.value == 34)
        #expect(split.support == 3 && split.opportunities == 3)
        #expect(split.examples.first?.before == Self.longSentence)
        #expect(split.examples.first?.after == Self.splitSentence)
        #expect(split.plainDescription == "you split sentences over 34 words in 3 of 3 drafts that had one")
        // The ", and" that went with the split is not a word the writer cut.
        #expect(lessons.lessons(of: .cut).isEmpty)
    }

    @Test func splitThresholdIsTheHighestThatSeparatesSplitFromKept() {
        #expect(EditMiner.splitThreshold(split: [28, 31, 40], kept: [10, 25, 18]) == 27)
        #expect(EditMiner.splitThreshold(split: [26, 31, 40], kept: [10, 25, 18]) == 25)
        #expect(EditMiner.splitThreshold(split: [], kept: [10]) == nil)
        // One odd split of a short sentence does not drag the threshold down.
        #expect(EditMiner.splitThreshold(split: [8, 26, 35], kept: [10, 12, 20, 25]) == 25)
    }

    @Test func aWordChangedAtASplitIsStillAReplacement() throws {
        let pieces = (1...2).map { n in
            Self.piece(n, "The handover should feel seamless, and nobody should have to ask who owns the next step.",
                       "The handover should feel smooth. Nobody should have to ask who owns the next step.")
        }
        let lessons = EditMiner.lessons(from: pieces)
        #expect(lessons.lessons(of: .replace).first.map { [$0.before, $0.after] } == [Optional("seamless"), Optional("smooth")])
        #expect(lessons.lessons(of: .split).first?.support == 2)
    }

    @Test func contractionAndPunctuationShifts() throws {
        let pieces = [
            Self.piece(1, "We do not ship on Fridays — ever.", "We don't ship on Fridays, ever."),
            Self.piece(2, "They do not read the docs — sadly.", "They don't read the docs, sadly."),
        ]
        let lessons = EditMiner.lessons(from: pieces)
        let contract = try #require(lessons.lessons(of: .contract).first)
        #expect(contract.before == "do not" && contract.after == "don't" && contract.support == 2)
        let punctuation = try #require(lessons.lessons(of: .punctuation).first)
        #expect(punctuation.before == "—" && punctuation.after == ",")
        #expect(punctuation.plainDescription == "you changed '—' to ',' in 2 of 2 drafts that had it")
    }

    @Test func openingsClosingsAndLengthPerPlatform() throws {
        let pieces = (1...3).map { n in
            Self.piece(n, "In today's world, everything moves fast. We moved our build to a new runner. It is twice as quick now. "
                       + "In conclusion, change is good for everyone involved.",
                       "Our build was slow. We moved our build to a new runner. It is twice as quick now.", platform: "LinkedIn")
        }
        let lessons = EditMiner.lessons(from: pieces)
        #expect(lessons.lessons(of: .opening).first?.support == 3)
        let closing = try #require(lessons.lessons(of: .closing).first)
        #expect(closing.examples.first?.after == "", "the closing was cut, not rewritten")
        let length = try #require(lessons.lessons(of: .length).first)
        #expect(length.platform == "linkedin" && length.value! < -0.2 && length.support == 3)
        #expect(length.plainDescription.hasPrefix("you made linkedin pieces 3"))
    }

    @Test func oddPairsNeverCrash() {
        let texts = ["", ".", "...", "A.", "So.", "\n\n\n", "# Title\n\nBody text here.", "One. Two. Three.",
                     "Words without an end", "So, so, so. So!", "“Quoted.” Then more — dashes; and: colons?",
                     "It rained, and we stayed in. It rained. We stayed in, and it rained.", "don't do not can't"]
        var pieces: [EditedPiece] = []
        for (i, a) in texts.enumerated() {
            for (j, b) in texts.enumerated() {
                pieces.append(EditedPiece(id: "p\(i)-\(j)", platform: "x", draft: a, final: b))
                _ = WordDiff(before: a, after: b).inlineText
            }
        }
        let lessons = EditMiner.lessons(from: pieces)
        #expect(lessons.pieces == texts.count * texts.count)
    }

    // MARK: - Determinism

    @Test func theSamePiecesInAnyOrderGiveTheSameBytes() throws {
        let pieces = [
            Self.piece(1, "So, we leverage tools. " + Self.longSentence, "We use tools. " + Self.splitSentence),
            Self.piece(2, "So we leverage people.", "We use people."),
            Self.piece(3, "Teams leverage data. " + Self.longSentence, "Teams use data. " + Self.splitSentence),
            Self.piece(4, "Nothing to see.", "Nothing to see."),
        ]
        let a = try CanonicalJSON.encode(EditMiner.lessons(from: pieces))
        let b = try CanonicalJSON.encode(EditMiner.lessons(from: pieces.reversed()))
        let c = try CanonicalJSON.encode(EditMiner.lessons(from: [pieces[2], pieces[0], pieces[3], pieces[1]]))
        #expect(a == b && b == c)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("\"kind\": \"replace\"") && text.contains("\"kind\": \"cut_sentence_start\""))
        #expect(text.contains("\"min_support\": 2"))
    }

    @Test func dnaWithoutEditsKeepsItsBytes() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        #expect(dna.edits == nil)
        #expect(!String(decoding: try dna.canonicalJSON(), as: UTF8.self).contains("\"edits\""))
        var withEdits = dna
        withEdits.edits = EditLessons(pieces: 1, editedPieces: 0, minSupport: 2, lessons: [])
        let decoded = try VoiceDNA.decode(try withEdits.canonicalJSON())
        #expect(decoded.edits == withEdits.edits)
    }

    // MARK: - Applying lessons offline

    static let learned = EditLessons(pieces: 3, editedPieces: 3, minSupport: 2, lessons: [
        EditLesson(kind: .replace, before: "leverage", after: "use", support: 3, opportunities: 3, examples: []),
        EditLesson(kind: .replace, before: "in order to", after: "to", support: 2, opportunities: 2, examples: []),
        EditLesson(kind: .cut, before: "very", support: 2, opportunities: 3, examples: []),
        EditLesson(kind: .cutSentenceStart, before: "so", support: 3, opportunities: 3, examples: []),
        EditLesson(kind: .split, value: 25, support: 3, opportunities: 3, examples: []),
    ])

    @Test func applierMakesTheWritersReplacementsAndCuts() {
        let (text, changes) = EditLessonApplier.apply(Self.learned, to:
            "Leverage the cache in order to win. So, we did. It was very fast.\nso the end came. Also soup.")
        #expect(text == "Use the cache to win. We did. It was fast.\nThe end came. Also soup.")
        #expect(changes == 5)
        #expect(EditLessonApplier.apply(nil, to: "So leverage it.") == ("So leverage it.", 0))
    }
}
