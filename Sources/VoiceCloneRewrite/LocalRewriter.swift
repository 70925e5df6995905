import Foundation
import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders

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
        // The writer's own lessons first (their replacements and cuts, from `voiceclone learn`).
        let (draft, learned) = EditLessonApplier.apply(guidance.dna.edits, to: draft)
        let document = DetectionDocument(draft)
        let habitual = guidance.baseline?.habitualPhrases ?? []
        let replacer = PhraseReplacer(lexicon: lexicon, habitual: habitual)
        let style = guidance.style
        var edits: [String: Int] = learned > 0 ? ["learned from your edits": learned] : [:]
        var tokenizer = DraftTokenizer()
        _ = tokenizer.sentences(inParagraph: draft)
        let render = DraftAssembler(style: tokenizer.renderStyle)
        let measuredShare = RewriteStyle.contractionShare([draft])
        var rng = SeededGenerator(seed: 0x5EED_0007)

        // First every sentence on its own, then the split/join pass over the edited sentences; each edit replaces a
        // byte range of the draft, so text between sentences (Markdown markers, blank lines) stays as it was.
        let sentences = document.sentences
        var edited: [String] = []
        for sentence in sentences {
            var s = sentence.text
            if sentence.blockKind == .heading {
                if SignalMeter.isTitleCase(s) {
                    s = SentenceFlagger.sentenceCase(s)
                    edits["sentence-case heading", default: 0] += 1
                }
                edited.append(s)
                continue
            }
            let (replaced, n) = replacer.apply(s)
            if n > 0 { s = replaced; edits["plain word", default: 0] += n }
            if let t = SentenceEdits.dropOpeningTransition(s, lexicon: lexicon, habitual: habitual) {
                s = t; edits["dropped connective", default: 0] += 1
            }
            if let u = SentenceEdits.unwindNotJustBut(s) {
                s = u; edits["unwound not-just-but", default: 0] += 1
            }
            if style.emDashRate < 1, let d = SentenceEdits.replaceDashes(s) {
                s = d; edits["dash to comma", default: 0] += 1
            }
            if let use = style.oxfordComma, let o = SentenceEdits.oxfordComma(s, use: use) {
                s = o; edits["oxford comma", default: 0] += 1
            }
            if !LocalRewriter.hasMarkup(s) {
                let tokens = tokenizer.sentences(inParagraph: s).flatMap { $0 }
                var out = tokens
                if let target = style.contractionShare {
                    let contracted = ContractionRewriter(target: target, measured: measuredShare ?? 0.5).rewrite(out, using: &rng)
                    if contracted != out { edits["contraction", default: 0] += 1 }
                    out = contracted
                }
                if let spelling = style.spelling {
                    let spelled = SpellingRewriter(preference: spelling).rewrite(out)
                    if spelled != out { edits["spelling", default: 0] += 1 }
                    out = spelled
                }
                if out != tokens { s = render.renderSentence(out) }
            }
            edited.append(s)
        }
        var replacements: [(range: Range<Int>, text: String)] = []
        var k = 0
        while k < sentences.count {
            let sentence = sentences[k]
            var s = edited[k]
            if sentence.blockKind != .heading {
                if let split = SentenceEdits.split(s, longerThan: style.longSentence) {
                    s = split; edits["split long sentence", default: 0] += 1
                } else if k + 1 < sentences.count, sentences[k + 1].block == sentence.block,
                          sentences[k + 1].blockKind == sentence.blockKind,
                          Double(sentence.words.count) < style.medianSentence,
                          Double(sentences[k + 1].words.count) < style.medianSentence,
                          Double(sentence.words.count + sentences[k + 1].words.count) <= style.longSentence,
                          let joined = SentenceEdits.join(s, edited[k + 1], dash: style.emDashRate >= 3) {
                    replacements.append((sentence.range.lowerBound..<sentences[k + 1].range.upperBound, joined))
                    edits["joined short sentences", default: 0] += 1
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
            active.remove(at: worst)
            edits["reverted to keep content", default: 0] += 1
            text = LocalRewriter.apply(active, to: draft)
        }
        return (text, edits)
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
