import Foundation
import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneGrammar

/// The offline rewrite: moves a draft toward a writer's habits and away from machine tells, sentence by sentence,
/// and never at the cost of content.
///
/// Steps, in order: tell words and stock phrases → plain words (`plain-words.tsv`); opening connectives dropped;
/// dashes → commas for writers who do not use them; the writer's Oxford-comma habit; overlong sentences split and
/// runs of short ones joined toward the writer's sentence lengths; contractions and US/UK spelling through the
/// generation engine's `ContractionRewriter` and `SpellingRewriter`. A sentence containing Markdown markup keeps
/// its markup: only the string-level steps touch it. If the draft's content-word recall would fall below 95%, the
/// sentences that lost the most content are put back until it does not.
public struct LocalRewriter: DraftRewriting {
    public let lexicon: DetectionLexicon
    /// The recall floor; 0.95 by default, as the issue promises.
    public var minimumRecall: Double

    public init(lexicon: DetectionLexicon = .bundled, minimumRecall: Double = 0.95) {
        self.lexicon = lexicon
        self.minimumRecall = minimumRecall
    }

    public func rewrite(_ draft: String, guidance: RewriteGuidance) throws -> String {
        rewriteWithCounts(draft, guidance: guidance).text
    }

    /// The rewritten text and how many edits of each kind were made.
    public func rewriteWithCounts(_ draft: String, guidance: RewriteGuidance) -> (text: String, edits: [String: Int]) {
        let result = rewriteWithEdits(draft, guidance: guidance)
        return (result.text, result.counts)
    }

    /// The rewritten text, the counts by kind, and every edit with its reason (for `rewrite --diff`).
    ///
    /// Each step is tried on its own and kept only when it passes two guards: it doubles no punctuation mark
    /// (",," ", ," ".,") and, when the sentence was a full sentence to the link grammar parser, it still is one.
    /// Splits need both halves to be full sentences; joins need the joined sentence to be one. A word swap keeps
    /// the word class the parser gave the original word, and never touches a capitalised word inside a sentence
    /// (part of a name).
    public func rewriteWithEdits(_ draft: String, guidance: RewriteGuidance)
        -> (text: String, counts: [String: Int], edits: [ShapingEdit]) {
        // The writer's own lessons first (their replacements and cuts, from `voiceclone learn`).
        let (draft, learned) = EditLessonApplier.apply(guidance.dna.edits, to: draft)
        let document = DetectionDocument(draft)
        let habitual = guidance.baseline?.habitualPhrases ?? []
        let replacer = PhraseReplacer(lexicon: lexicon, habitual: habitual)
        let style = guidance.style
        var counts: [String: Int] = learned > 0 ? ["learned from your edits": learned] : [:]
        var log: [ShapingEdit] = []
        var tokenizer = DraftTokenizer()
        _ = tokenizer.sentences(inParagraph: draft)
        let render = DraftAssembler(style: tokenizer.renderStyle)
        let measuredShare = RewriteStyle.contractionShare([draft])
        var rng = SeededGenerator(seed: 0x5EED_0007)
        let grammar = try? LinkGrammar.english()
        let shaper = SentenceShaper(grammar: grammar)

        // Tries one step on `s`: kept when it doubles no mark and does not turn a full sentence into a fragment.
        func attempt(_ kind: String, _ reason: String, _ s: inout String, wasFull: Bool, _ step: (String) -> String?) {
            guard let candidate = step(s), candidate != s else { return }
            if PunctuationGuard.doublesMark(before: s, after: candidate) {
                counts["refused: doubled punctuation", default: 0] += 1
                return
            }
            if wasFull, !shaper.isFullSentence(candidate) {
                counts["refused: would make a fragment", default: 0] += 1
                return
            }
            log.append(ShapingEdit(kind: kind, before: s, after: candidate, reason: reason))
            counts[kind, default: 0] += 1
            s = candidate
        }

        // First every sentence on its own, then the split/join pass over the edited sentences; each edit replaces a
        // byte range of the draft, so text between sentences (Markdown markers, blank lines) stays as it was.
        let sentences = document.sentences
        var edited: [String] = []
        for sentence in sentences {
            var s = sentence.text
            if sentence.blockKind == .heading {
                if SignalMeter.isTitleCase(s) {
                    let cased = SentenceFlagger.sentenceCase(s)
                    log.append(ShapingEdit(kind: "sentence-case heading", before: s, after: cased,
                                           reason: "Title Case headings read as machine-written"))
                    s = cased
                    counts["sentence-case heading", default: 0] += 1
                }
                edited.append(s)
                continue
            }
            let wasFull = shaper.isFullSentence(s)
            attempt("plain word", "a word the detector counts as a machine tell, swapped for a plain one of the same word class",
                    &s, wasFull: wasFull) { current in
                let (replaced, n) = replacer.apply(current, keepingClassWith: grammar)
                return n > 0 ? replaced : nil
            }
            attempt("dropped connective", "an opening connective this writer does not use", &s, wasFull: wasFull) {
                SentenceEdits.dropOpeningTransition($0, lexicon: lexicon, habitual: habitual)
            }
            attempt("unwound not-just-but", "\"not just X but Y\" is a machine tell; both halves kept", &s, wasFull: wasFull) {
                SentenceEdits.unwindNotJustBut($0)
            }
            if style.emDashRate < 1 {
                attempt("dash to comma", "this writer rarely uses dashes", &s, wasFull: wasFull) { SentenceEdits.replaceDashes($0) }
            }
            if let use = style.oxfordComma {
                attempt("oxford comma", use ? "this writer puts a comma before the last item of a list"
                                            : "this writer leaves out the comma before the last item of a list",
                        &s, wasFull: wasFull) { SentenceEdits.oxfordComma($0, use: use, grammar: grammar) }
            }
            if !LocalRewriter.hasMarkup(s) {
                if let target = style.contractionShare {
                    attempt("contraction", "this writer's contraction rate", &s, wasFull: wasFull) { current in
                        let tokens = tokenizer.sentences(inParagraph: current).flatMap { $0 }
                        guard render.renderSentence(tokens) == current else { return nil }
                        let out = ContractionRewriter(target: target, measured: measuredShare ?? 0.5).rewrite(tokens, using: &rng)
                        return out == tokens ? nil : render.renderSentence(out)
                    }
                }
                if let spelling = style.spelling {
                    attempt("spelling", "this writer's \(spelling.rawValue.uppercased()) spelling", &s, wasFull: wasFull) { current in
                        let tokens = tokenizer.sentences(inParagraph: current).flatMap { $0 }
                        guard render.renderSentence(tokens) == current else { return nil }
                        let out = SpellingRewriter(preference: spelling).rewrite(tokens)
                        return out == tokens ? nil : render.renderSentence(out)
                    }
                }
            }
            edited.append(s)
        }
        var replacements: [(range: Range<Int>, text: String)] = []
        let joiner: SentenceShaper.Joiner = style.emDashRate >= 3 ? .dash : .commaAnd
        var k = 0
        while k < sentences.count {
            let sentence = sentences[k]
            var s = edited[k]
            if sentence.blockKind != .heading, !LocalRewriter.hasMarkup(s) {
                if Double(sentence.words.count) > style.longSentence, let split = shaper.split(s, minimumWords: 5) {
                    let joined = split.first + " " + split.second
                    log.append(ShapingEdit(kind: "split long sentence", before: s, after: joined,
                        reason: "longer than this writer's long sentences (\(Int(style.longSentence)) words); cut at \"\(split.joint)\", both halves full sentences"))
                    s = joined
                    counts["split long sentence", default: 0] += 1
                } else if k + 1 < sentences.count, sentences[k + 1].block == sentence.block,
                          sentences[k + 1].blockKind == sentence.blockKind,
                          Double(sentence.words.count) < style.medianSentence,
                          Double(sentences[k + 1].words.count) < style.medianSentence,
                          Double(sentence.words.count + sentences[k + 1].words.count) <= style.longSentence,
                          !LocalRewriter.hasMarkup(edited[k + 1]),
                          let joined = shaper.join(s, edited[k + 1], with: joiner) {
                    log.append(ShapingEdit(kind: "joined short sentences", before: s + " " + edited[k + 1], after: joined,
                        reason: "both shorter than this writer's median (\(Int(style.medianSentence)) words); joined with \"\(joiner.rawValue.trimmingCharacters(in: .whitespaces))\" into one full sentence"))
                    replacements.append((sentence.range.lowerBound..<sentences[k + 1].range.upperBound, joined))
                    counts["joined short sentences", default: 0] += 1
                    k += 2
                    continue
                }
            }
            if s != sentence.text { replacements.append((sentence.range, s)) }
            k += 1
        }
        var text = LocalRewriter.apply(replacements, to: draft)
        // Keep the content promise: put back the sentences that lost the most content words first.
        var active = replacements
        let styleWords = lexicon.styleWords
        while ContentRecall.recall(draft: draft, rewritten: text, ignoring: styleWords) < minimumRecall, !active.isEmpty {
            let worst = active.indices.max { a, b in
                LocalRewriter.lost(draft, active[a], styleWords) < LocalRewriter.lost(draft, active[b], styleWords)
            }!
            let removed = active.remove(at: worst)
            log.removeAll { removed.text.contains($0.after) }
            counts["reverted to keep content", default: 0] += 1
            text = LocalRewriter.apply(active, to: draft)
        }
        return (text, counts, log)
    }

    static func apply(_ replacements: [(range: Range<Int>, text: String)], to draft: String) -> String {
        var bytes = Array(draft.utf8)
        for r in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(r.range, with: Array(r.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Content words a replacement drops from its stretch of the draft.
    static func lost(_ draft: String, _ r: (range: Range<Int>, text: String), _ ignoring: Set<String>) -> Int {
        let original = String(decoding: Array(draft.utf8)[r.range], as: UTF8.self)
        let before = ContentRecall.contentCounts(original).filter { !ignoring.contains($0.key) }
        let after = ContentRecall.contentCounts(r.text)
        return before.reduce(0) { $0 + max(0, $1.value - (after[$1.key] ?? 0)) }
    }

    static func hasMarkup(_ s: String) -> Bool {
        s.contains { "*_`[]<>#|\\".contains($0) } || s.contains("http")
    }
}
