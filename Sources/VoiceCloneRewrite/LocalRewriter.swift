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
/// dashes → commas for writers who do not use them; the writer's Oxford-comma habit; contractions at the writer's
/// rate (`ContractionPlanner`: safe sites only, spread through the text) and US/UK spelling; then splits and joins
/// planned over the whole text against the writer's sentence-length distribution (`LengthPlanner`, see
/// ``planLengths(sentences:edited:shaper:joiner:target:longest:counts:log:)``). A sentence containing Markdown markup keeps
/// its markup: only the string-level steps touch it. If the draft's content-word recall would fall below 95%, the
/// sentences that lost the most content are put back until it does not.
public struct LocalRewriter: DraftRewriting {
    public let lexicon: DetectionLexicon
    /// The recall floor; 0.95 by default, as the issue promises.
    public var minimumRecall: Double
    /// The judges asked before a sentence's edits are kept (``EditGuard``); `nil` keeps every edit the parser and
    /// the punctuation guard allow (no voice to score against).
    public var scorer: (any EditScoring)?
    public var guardRule: EditGuard

    public init(lexicon: DetectionLexicon = .bundled, minimumRecall: Double = 0.95, scorer: (any EditScoring)? = nil,
                guardRule: EditGuard = EditGuard()) {
        self.lexicon = lexicon
        self.minimumRecall = minimumRecall
        self.scorer = scorer
        self.guardRule = guardRule
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
        let shaper = SentenceShaper(grammar: grammar, writerOpeners: style.sentenceOpeners)

        // Tries one step on `s`: kept when it doubles no mark and does not turn a sentence the parser did not reject
        // into one it rejects.
        func attempt(_ kind: String, _ reason: String, _ s: inout String, wasFull: Bool, _ step: (String) -> String?) {
            guard let candidate = step(s), candidate != s else { return }
            if PunctuationGuard.doublesMark(before: s, after: candidate) {
                counts["refused: doubled punctuation", default: 0] += 1
                return
            }
            if wasFull, let grammar, grammar.parse(SentenceShaper.plain(candidate)) == .fragment {
                counts["refused: would make a fragment", default: 0] += 1
                return
            }
            log.append(ShapingEdit(kind: kind, before: s, after: candidate, reason: reason))
            counts[kind, default: 0] += 1
            s = candidate
        }

        // Contractions are planned over the whole text: how many of its safe sites to contract to reach the
        // writer's rate (none when they contract under half the places they could), spread evenly through it.
        let contractionPlan: (total: Int, wanted: Int, reason: String)? = {
            guard let share = style.contractionShare, share >= 0.5 else { return nil }
            let editable = document.sentences.filter { $0.blockKind != .heading && !LocalRewriter.hasMarkup($0.text) }
            let total = editable.reduce(0) { $0 + ContractionPlanner.sites(in: $1.text).count }
            let words = document.sentences.reduce(0) { $0 + SentenceShaper.words($1.text) }
            let rate = guidance.dna.lexical.contractionsPerThousand
            let wanted = ContractionPlanner.wanted(sites: total, existing: ContractionPlanner.contractedCount(in: draft),
                                                   words: words, ratePerThousand: rate, share: share)
            guard wanted > 0 else { return nil }
            return (total, wanted, "this writer contracts \(Int((share * 100).rounded()))% of the places they could, "
                        + "\(Int(rate.rounded())) per 1,000 words")
        }()
        var contractionSite = 0

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
            // Guarded unless the parser already reads it as a fragment. A sentence too long for the parser (over 40
            // words) or one it ran out of time on is guarded too: an edit that shortens it ("there is" → "there's")
            // can bring it under the limit, and it must then parse, or a fragment nobody checked appears.
            let wasFull = grammar.map { $0.parse(SentenceShaper.plain(s)) != .fragment } ?? false
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
                if let plan = contractionPlan {
                    let start = contractionSite
                    contractionSite += ContractionPlanner.sites(in: s).count
                    attempt("contraction", plan.reason, &s, wasFull: wasFull) { current in
                        var k = start
                        let out = ContractionPlanner.apply(current, next: &k) {
                            ContractionPlanner.spread($0, of: plan.total, n: plan.wanted)
                        }
                        return out == current ? nil : out
                    }
                } else if let target = style.contractionShare, target < (measuredShare ?? 0.5) - 0.02 {
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
        let joiner: SentenceShaper.Joiner = style.emDashRate >= 3 ? .dash : .commaAnd
        // The marks this writer joins clauses with, per 1,000 words: a join takes the one furthest below its rate.
        var joinRates: [SentenceShaper.Joiner: Double] = [:]
        if style.emDashRate >= 1 { joinRates[.dash] = style.emDashRate }
        if guidance.dna.punctuation.semicolon >= 1 { joinRates[.semicolon] = guidance.dna.punctuation.semicolon }
        let replacements = LocalRewriter.planLengths(sentences: sentences, edited: edited, shaper: shaper, joiner: joiner,
                                                     joinRates: joinRates,
                                                     target: LengthDistribution(guidance.dna.sentences),
                                                     longest: style.longSentence,
                                                     counts: &counts, log: &log)
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
        // Keep the voice promise, in two stages over the changed stretches (a sentence with all its edits, or the
        // sentences a split or a join made), each scored in text order:
        //   1. the tells taken out (a stretch's edits up to its last tell edit, when tells come first in its chain),
        //      which answer to AI-likeness alone (`EditGuard.filter` says why);
        //   2. then each stretch's full set of edits, kept only when it neither lowers the voice match nor raises
        //      AI-likeness; a stretch refused here keeps its tells from stage 1.
        if let scorer, !active.isEmpty {
            let groups = active.sorted { $0.range.lowerBound < $1.range.lowerBound }
            // The edits inside a stretch, followed along their chain: the first starts from the draft's text, each
            // next one from the previous one's result, the last ends in the replacement.
            func edits(in group: (range: Range<Int>, text: String)) -> [Int] {
                var reached = [String(decoding: Array(draft.utf8)[group.range], as: UTF8.self)]
                var found: [Int] = []
                for k in log.indices where !log[k].kind.hasPrefix("not kept") {
                    let edit = log[k]
                    guard group.text.contains(edit.after) || reached.contains(where: { $0.contains(edit.before) })
                    else { continue }
                    reached.append(edit.after)
                    found.append(k)
                }
                return found
            }
            let chains = groups.map(edits(in:))
            let isTell = { (k: Int) in LocalRewriter.tellKinds.contains(log[k].kind) }
            // Stage 1's text for each stretch: all of it when it is tells only; the result of its leading tell edits
            // when the chain runs edit to edit from the draft's sentence (no split or join in between); else none.
            let tellText: [String?] = groups.indices.map { i in
                let chain = chains[i]
                guard let first = chain.first, isTell(first) else { return nil }
                if chain.allSatisfy(isTell) { return groups[i].text }
                let original = String(decoding: Array(draft.utf8)[groups[i].range], as: UTF8.self)
                var at = original
                for k in chain {
                    guard log[k].before == at else { return nil }
                    at = log[k].after
                }
                guard at == groups[i].text, let lastTell = chain.prefix(while: isTell).last else { return nil }
                return log[lastTell].after
            }
            let tellStage = tellText.indices.filter { tellText[$0] != nil }
            let tells = guardRule.filter(groups: tellStage.count, scorer: scorer, judgedOnVoice: { _ in false }) { kept in
                LocalRewriter.apply(kept.map { (groups[tellStage[$0]].range, tellText[tellStage[$0]]!) }, to: draft)
            }
            let keptTells = Set(tells.kept.map { tellStage[$0] })
            let voiceStage = groups.indices.filter { !chains[$0].allSatisfy(isTell) }
            func render(_ full: Set<Int>) -> String {
                LocalRewriter.apply(groups.indices.compactMap { i in
                    full.contains(i) ? groups[i] : keptTells.contains(i) ? (groups[i].range, tellText[i]!) : nil
                }, to: draft)
            }
            let voice = guardRule.filter(groups: voiceStage.count, scorer: scorer, start: tells.score) { kept in
                render(Set(kept.map { voiceStage[$0] }))
            }
            let keptFull = Set(voice.kept.map { voiceStage[$0] })
            // What was not kept, edit by edit, with the reason of the stage that refused it.
            var reasons: [Int: String] = [:]
            for (index, reason) in tells.refused {
                for k in chains[tellStage[index]] where isTell(k) { reasons[k] = reason }
            }
            for (index, reason) in voice.refused {
                let i = voiceStage[index]
                for k in chains[i] where !(keptTells.contains(i) && isTell(k)) { reasons[k] = reasons[k] ?? reason }
            }
            for (_, reason) in tells.refused + voice.refused {
                // Lower case: `--json` writes these keys snake-cased, which would make "AI" "_ai_".
                counts["not kept: " + (reason.hasPrefix("lowered") ? "lowered voice match" : "raised ai-likeness"), default: 0] += 1
            }
            for (k, reason) in reasons.sorted(by: { $0.key < $1.key }) {
                let edit = log[k]
                if let n = counts[edit.kind] { counts[edit.kind] = n > 1 ? n - 1 : nil }
                log[k] = ShapingEdit(kind: "not kept: " + edit.kind, before: edit.before, after: edit.after,
                                     reason: reason + "; it was made because " + edit.reason)
            }
            text = render(keptFull)
        }
        return (text, counts, log)
    }

    /// The edits that only take out a machine tell; a stretch made of nothing else answers to AI-likeness alone
    /// (``EditGuard/filter(groups:scorer:start:judgedOnVoice:render:)`` says why).
    static let tellKinds: Set<String> = ["plain word", "dropped connective", "unwound not-just-but", "sentence-case heading"]

    /// One sentence of the text while lengths are planned: its words now, and which of the draft's sentences
    /// (`lo..<hi`) it came from. Pieces of one split share their origin; a join covers two.
    struct Piece {
        var text: String
        var lo: Int
        var hi: Int
        var editable: Bool
        var joined = false
        var words: Int { SentenceShaper.words(text) }
    }

    enum PlanStep {
        case split(Int, SentenceShaper.Joint)
        case join(Int)
    }

    /// Splits and joins planned against the writer's whole distribution of sentence lengths: each round weighs
    /// every split at a clause joint and every join of two adjacent sentences of a paragraph by how much it would
    /// bring the text's distribution closer to the writer's (``LengthPlanner``), then asks the parser about the
    /// best one first and makes the first that keeps full sentences (both halves of a split, the joined whole).
    /// Stops when no edit brings the distributions closer. Returns the byte-range replacements of the draft.
    static func planLengths(sentences: [DetectionSentence], edited: [String], shaper: SentenceShaper,
                            joiner: SentenceShaper.Joiner, joinRates: [SentenceShaper.Joiner: Double] = [:],
                            target: LengthDistribution, longest: Double,
                            counts: inout [String: Int], log: inout [ShapingEdit])
        -> [(range: Range<Int>, text: String)] {
        var pieces = sentences.indices.map { k in
            Piece(text: edited[k], lo: k, hi: k + 1,
                  editable: sentences[k].blockKind != .heading && !hasMarkup(edited[k]))
        }
        let planner = LengthPlanner(target: target)
        var current = planner.distance(pieces.map(\.words))
        var refused = Set<String>()
        let extra = joiner == .commaAnd ? 1 : joiner == .dash ? 1 : 0
        func whole(_ i: Int) -> Bool {
            !pieces[i].joined && pieces[i].hi - pieces[i].lo == 1
                && (i == 0 || pieces[i - 1].lo != pieces[i].lo) && (i + 1 == pieces.count || pieces[i + 1].lo != pieces[i].lo)
        }
        for _ in 0..<400 {
            let lengths = pieces.map(\.words)
            var options: [(distance: LengthPlanner.Distance, step: PlanStep, key: String)] = []
            for i in pieces.indices where pieces[i].editable && !pieces[i].joined {
                for joint in shaper.joints(in: pieces[i].text, minimumWords: 3, joints: SentenceShaper.extendedJoints)
                where !closesList(pieces[i].text, joint) {
                    let key = "s\(joint.offset)|" + pieces[i].text
                    if refused.contains(key) { continue }
                    var ls = lengths
                    ls[i] = joint.leftWords
                    ls.append(joint.rightWords)
                    let d = planner.distance(ls)
                    if d < current { options.append((d, .split(i, joint), key)) }
                }
                // A join never makes a sentence longer than this writer's long ones: merging two long sentences
                // also raises the share of short ones, which the distance would reward, but it is not their habit.
                if i + 1 < pieces.count, pieces[i + 1].editable, whole(i), whole(i + 1),
                   Double(lengths[i] + lengths[i + 1] + extra) <= longest,
                   sentences[pieces[i].lo].block == sentences[pieces[i + 1].lo].block,
                   sentences[pieces[i].lo].blockKind == sentences[pieces[i + 1].lo].blockKind {
                    let key = "j|" + pieces[i].text + "|" + pieces[i + 1].text
                    if refused.contains(key) { continue }
                    var ls = lengths
                    ls[i] = lengths[i] + lengths[i + 1] + extra
                    ls.remove(at: i + 1)
                    let d = planner.distance(ls)
                    if d < current { options.append((d, .join(i), key)) }
                }
            }
            // Ties go to the earlier edit in the text, so the plan is the same on every run.
            options = options.enumerated().sorted {
                $0.element.distance < $1.element.distance
                    || (!($1.element.distance < $0.element.distance) && $0.offset < $1.offset)
            }.map(\.element)
            var made = false
            for option in options {
                switch option.step {
                case .split(let i, let joint):
                    guard let split = shaper.candidateSplit(pieces[i].text, at: joint) else {
                        refused.insert(option.key)
                        continue
                    }
                    if shaper.openerNotUsed(by: split) != nil {
                        counts["refused: opener this writer does not use", default: 0] += 1
                        refused.insert(option.key)
                        continue
                    }
                    log.append(ShapingEdit(kind: "split sentence", before: pieces[i].text, after: split.first + " " + split.second,
                        reason: "brings the text's sentence lengths closer to this writer's (KS \(String(format: "%.2f", current.ks)) → \(String(format: "%.2f", option.distance.ks))); cut at \"\(split.joint)\", both halves full sentences"))
                    counts["split sentence", default: 0] += 1
                    var second = pieces[i]
                    second.text = split.second
                    pieces[i].text = split.first
                    pieces.insert(second, at: i + 1)
                case .join(let i):
                    // The writer's own joining marks at their measured rates: the mark whose count in the text so far
                    // is furthest below this writer's rate; ", and" once every mark is at its rate (or for a writer
                    // who uses neither).
                    var joiner = joiner
                    var why = ""
                    if !joinRates.isEmpty {
                        let all = pieces.map(\.text).joined(separator: " ")
                        let words = Double(max(1, pieces.reduce(0) { $0 + $1.words }))
                        func used(_ j: SentenceShaper.Joiner) -> Double {
                            Double(all.components(separatedBy: j == .dash ? "—" : ";").count - 1) * 1000 / words
                        }
                        let behind = joinRates.filter { used($0.key) < $0.value }
                            .min { used($0.key) / $0.value < used($1.key) / $1.value
                                || (used($0.key) / $0.value == used($1.key) / $1.value && $0.key.rawValue < $1.key.rawValue) }
                        joiner = behind?.key ?? .commaAnd
                        if let b = behind {
                            why = "; this writer uses \(b.key == .dash ? "dashes" : "semicolons") "
                                + "\(String(format: "%.1f", b.value)) times per 1,000 words, the text \(String(format: "%.1f", used(b.key)))"
                        }
                    }
                    guard let joined = shaper.join(pieces[i].text, pieces[i + 1].text, with: joiner) else {
                        refused.insert(option.key)
                        continue
                    }
                    log.append(ShapingEdit(kind: "joined sentences", before: pieces[i].text + " " + pieces[i + 1].text, after: joined,
                        reason: "brings the text's sentence lengths closer to this writer's (KS \(String(format: "%.2f", current.ks)) → \(String(format: "%.2f", option.distance.ks))); joined with \"\(joiner.rawValue.trimmingCharacters(in: .whitespaces))\" into one full sentence\(why)"))
                    counts["joined sentences", default: 0] += 1
                    pieces[i] = Piece(text: joined, lo: pieces[i].lo, hi: pieces[i + 1].hi, editable: true, joined: true)
                    pieces.remove(at: i + 1)
                }
                current = option.distance
                made = true
                break
            }
            if !made { break }
        }
        var replacements: [(range: Range<Int>, text: String)] = []
        var i = 0
        while i < pieces.count {
            var j = i + 1
            while j < pieces.count, pieces[j].lo == pieces[i].lo { j += 1 }
            let (lo, hi) = (pieces[i].lo, pieces[j - 1].hi)
            let text = pieces[i..<j].map(\.text).joined(separator: " ")
            if hi - lo != 1 || text != sentences[lo].text {
                replacements.append((sentences[lo].range.lowerBound..<sentences[hi - 1].range.upperBound, text))
            }
            i = j
        }
        return replacements
    }

    /// True when `joint` is the ", and"/", or" that closes a list ("apples, pears, and plums"): cut there, the
    /// parser may still accept both halves ("We bought apples, pears." / "Plums at the market, and we ate them."),
    /// but the list is broken. The same test the Oxford-comma step uses: the last comma before the joint is within
    /// five words of it and the words up to it read as a list of three or more.
    static func closesList(_ sentence: String, _ joint: SentenceShaper.Joint) -> Bool {
        guard [", and ", ", or ", " and "].contains(joint.joint) else { return false }
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard joint.offset <= trimmed.count else { return false }
        let left = trimmed.prefix(joint.offset)
        guard let comma = left.lastIndex(of: ","), left[left.index(after: comma)...].split(separator: " ").count <= 5 else {
            return false
        }
        return SignalMeter.triads(in: (String(left) + joint.joint).lowercased() + "x", longerLists: true) > 0
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
