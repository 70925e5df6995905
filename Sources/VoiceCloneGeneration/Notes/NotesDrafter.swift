import Foundation
import VoiceCloneAnalysis
import VoiceCloneGrammar
import VoiceCloneText

/// The offline default for `generate`: the writer gives the content as notes, the engine writes it in their voice
/// and the platform's shape.
///
/// Every content word comes from the notes, so the draft says what the writer meant and reads coherently from one
/// sentence to the next. The engine adds only the writer's own framing, measured from their samples of the same kind
/// of writing: greeting and sign-off, paragraphing, sentence lengths (split and joined only where the parser says
/// both sides are full sentences), connective openers, contractions, spelling variant, emoji, hashtags from the
/// notes' topics, thread numbering and the email subject. It cannot invent content: for free-form writing use a
/// local model server (`--provider openai-compatible`). Without notes it returns a skeleton of how the writer builds
/// that kind of piece, with `[placeholders]`.
public struct NotesDrafter: GenerationProvider {
    public let name = "local"
    public let model = "notes-draft"
    /// The `model` a skeleton is labelled with: its `[placeholders]` are not writing, so nothing scores them.
    public static let skeletonModel = "notes-skeleton"
    let samples: [AnalysisSample]
    let style: StyleTargets
    let shaper: SentenceShaper
    public let copyGuard: CopyGuard

    /// - Parameter grammar: the parser used for the no-fragment guarantee; `nil` (dictionary missing) means no
    ///   sentence is split, joined or given an opener, and a warning says so.
    public init(samples: [AnalysisSample], style: StyleTargets = .fromSamples,
                grammar: LinkGrammar? = try? LinkGrammar.english()) {
        self.samples = samples
        self.style = style
        self.shaper = SentenceShaper(grammar: grammar)
        self.copyGuard = CopyGuard(samples: samples.map(\.text))
    }

    public func generate(_ request: GenerationRequest, onText: (@Sendable (String) -> Void)?) async throws -> GeneratedPiece {
        let piece = try write(request)
        onText?(piece.text)
        return piece
    }

    /// A draft when the request's text reads as notes, else a skeleton about it as a topic.
    public func write(_ request: GenerationRequest) throws -> GeneratedPiece {
        try request.platform.validate()
        let text = request.userText
        if NotesOutline.looksLikeNotes(text) {
            return draft(NotesOutline.parse(text), request: request).piece
        }
        return skeleton(topic: text, request: request)
    }

    /// The notes as a plain reader would write them out with no voice at all: each point a sentence, one paragraph.
    /// The reference a draft's verification probability is measured against.
    public static func plainRendering(_ notes: NotesOutline) -> String {
        var lines: [String] = []
        if let subject = notes.subject { lines.append(subject) }
        if let title = notes.title { lines.append(title) }
        lines += notes.lines.map { line in
            switch line {
            case .point(let s), .listItem(let s), .heading(let s): return NotesDrafter.asSentence(s)
            }
        }
        return lines.joined(separator: " ")
    }

    /// A draft and every shaping edit it made.
    public struct Draft: Sendable {
        public var piece: GeneratedPiece
        public var edits: [ShapingEdit]
        /// Sentences of the body that the parser found complete, and all the body's sentences.
        public var fullSentences: Int
        public var sentences: Int
    }

    /// The draft with only the shaping edits the judges do not mark down: each edit whose result stands in the
    /// text once (a later edit did not build on it) is put back to the notes' wording unless keeping it leaves the
    /// voice match within ``EditGuard``'s tolerance and AI-likeness no higher (``EditGuard/filter(groups:scorer:start:judgedOnVoice:render:)``,
    /// starting from the text with all of them put back). A contraction or a join follows a measured habit, but the
    /// verifier weighs every feature together, and a habit applied at a rate the writer does not have at that place
    /// moves the whole text away from them.
    public static func guarded(_ draft: Draft, scorer: any EditScoring, rule: EditGuard = EditGuard()) -> Draft {
        let text = draft.piece.text
        func occurrences(_ s: String) -> Int { s.isEmpty ? 0 : text.components(separatedBy: s).count - 1 }
        var candidates = draft.edits.indices.filter { occurrences(draft.edits[$0].after) == 1 }
        // Two edits whose results overlap cannot be put back independently.
        candidates = candidates.filter { i in
            !candidates.contains { j in j != i && (draft.edits[j].after.contains(draft.edits[i].after)
                                                    || draft.edits[i].after.contains(draft.edits[j].after)) }
        }
        guard !candidates.isEmpty else { return draft }
        func render(_ kept: Set<Int>) -> String {
            var out = text
            for (k, i) in candidates.enumerated() where !kept.contains(k) {
                if let r = out.range(of: draft.edits[i].after) { out.replaceSubrange(r, with: draft.edits[i].before) }
            }
            return out
        }
        let verdict = rule.filter(groups: candidates.count, scorer: scorer, render: render)
        var result = draft
        result.piece.text = render(verdict.kept)
        for (k, reason) in verdict.refused {
            let i = candidates[k]
            result.edits[i].kind = "not kept: " + result.edits[i].kind
            result.edits[i].reason = reason + "; it was made because " + result.edits[i].reason
        }
        return result
    }

    public func draft(_ notes: NotesOutline, request: GenerationRequest) -> Draft {
        let platform = request.platform
        let kind = Self.contentType(for: platform)
        let habits = WriterHabits(samples: samples, kind: kind)
        let seed = request.seed ?? 0x5EED_2323
        var rng = SeededGenerator(seed: seed)
        var edits: [ShapingEdit] = []
        var warnings: [String] = []
        if shaper.grammar == nil {
            warnings.append("The link grammar parser is not available, so sentences were left as the notes wrote them "
                + "(install link-grammar; see scripts/install-deps.sh).")
        }
        if request.length != nil {
            warnings.append("A notes draft is as long as the notes; --words/--chars apply to free writing only.")
        }
        if kind != nil, habits.kindSamples == 0 {
            warnings.append("No samples of this kind of writing (\(platform.name)); greetings and sign-offs are left out "
                + "and the rest follows all the samples.")
        }
        let target = style.sentenceLength?.mean ?? habits.medianSentenceWords
        let measured = Self.contractionShare(notes.contentText)
        let wordEditor = WordHabitEditor(contractionTarget: style.contractionRate ?? habits.contractionShare,
                                         measuredContractions: measured,
                                         spelling: style.spelling)

        // 1. Points → sentences, grouped as the notes group them; list items and headings stay what they are. Each
        //    sentence remembers the note it came from and its topic words, so only related sentences are joined or
        //    share a paragraph.
        enum Block { case prose([Unit]), list([String]), heading(String) }
        var blocks: [Block] = []
        var noteIndex = 0
        for group in notes.groups {
            var sentences: [Unit] = []
            var list: [String] = []
            func flushProse() { if !sentences.isEmpty { blocks.append(.prose(sentences)); sentences = [] } }
            func flushList() { if !list.isEmpty { blocks.append(.list(list)); list = [] } }
            for line in group {
                switch line {
                case .heading(let h):
                    flushList(); flushProse(); blocks.append(.heading(h))
                case .listItem(let item):
                    flushProse(); list.append(item)
                case .point(let point):
                    flushList()
                    noteIndex += 1
                    for raw in SentenceSplitter.sentences(in: Self.asSentence(point)) {
                        var s = raw.trimmingCharacters(in: .whitespaces)
                        if shaper.grammar != nil, lacksSubject(s), let withSubject = addSubject(s, habits) {
                            edits.append(ShapingEdit(kind: "subject", before: s, after: withSubject,
                                reason: "the note has no subject; \"\(habits.subjectPronoun)\" is who this writer's sentences are about"))
                            s = withSubject
                        }
                        sentences.append(Unit(text: s, notes: [noteIndex], topics: Self.topicWords(s)))
                    }
                }
            }
            flushList(); flushProse()
        }

        // 2. Sentence lengths toward the writer's: split long ones, join runs of short ones, both only into full sentences.
        for b in blocks.indices {
            guard case .prose(let sentences) = blocks[b] else { continue }
            var shaped: [Unit] = []
            for unit in sentences {
                let s = unit.text
                if Double(SentenceShaper.words(s)) > max(target * 1.6, 18), let split = shaper.split(s) {
                    edits.append(ShapingEdit(kind: "split", before: s, after: split.first + " " + split.second,
                        reason: "longer than this writer's sentences (about \(Int(target)) words); split at \"\(split.joint)\", both halves full sentences"))
                    shaped += [Unit(text: split.first, notes: unit.notes, topics: unit.topics),
                               Unit(text: split.second, notes: unit.notes, topics: unit.topics)]
                } else {
                    shaped.append(unit)
                }
            }
            var joined: [Unit] = []
            var k = 0
            while k < shaped.count {
                let a = shaped[k]
                if k + 1 < shaped.count {
                    let b = shaped[k + 1]
                    let (wa, wb) = (Double(SentenceShaper.words(a.text)), Double(SentenceShaper.words(b.text)))
                    // Two notes about different things stay two sentences, however short.
                    if wa < target * 0.6, wb < target * 0.6, wa + wb <= target * 1.25, a.isRelated(to: b),
                       let j = shaper.join(a.text, b.text, with: habits.joiner) {
                        edits.append(ShapingEdit(kind: "join", before: a.text + " " + b.text, after: j,
                            reason: "two sentences on the same thing, shorter than this writer's (about \(Int(target)) words), joined with their \"\(habits.joiner.rawValue.trimmingCharacters(in: .whitespaces))\""))
                        joined.append(Unit(text: j, notes: a.notes.union(b.notes), topics: a.topics.union(b.topics)))
                        k += 2
                        continue
                    }
                }
                joined.append(a)
                k += 1
            }
            blocks[b] = .prose(joined)
        }

        // 3. Openers, contractions and spelling.
        let totalSentences = blocks.reduce(0) { n, block in if case .prose(let s) = block { return n + s.count }; return n }
        var openerBudget = habits.openers.first.map { Int((Double(totalSentences) * $0.share).rounded()) } ?? 0
        for b in blocks.indices {
            guard case .prose(var sentences) = blocks[b] else { continue }
            for i in sentences.indices {
                let before = sentences[i].text
                let (edited, kinds) = wordEditor.apply(before, rng: &rng)
                if !kinds.isEmpty, shaper.grammar == nil || shaper.isFullSentence(edited) || !shaper.isFullSentence(before) {
                    sentences[i].text = edited
                    edits.append(ShapingEdit(kind: kinds.joined(separator: "+"), before: before, after: edited,
                        reason: kinds.contains("contraction") ? "this writer's contraction rate" : "this writer's spelling"))
                }
                // A connective ("So", "And") only between sentences on the same thing.
                if i > 0, openerBudget > 0, let opener = habits.openers.first, rng.unit() < 0.5,
                   sentences[i].isRelated(to: sentences[i - 1]),
                   let withOpener = addOpener(opener.word, to: sentences[i].text) {
                    edits.append(ShapingEdit(kind: "opener", before: sentences[i].text, after: withOpener,
                        reason: "this writer opens \(Int((opener.share * 100).rounded()))% of sentences with \"\(opener.word.capitalized)\""))
                    sentences[i].text = withOpener
                    openerBudget -= 1
                }
            }
            blocks[b] = .prose(sentences)
        }

        // 4. Paragraphs and the platform's frame.
        let breaker = ParagraphBreaker(usualWords: habits.paragraphWords, maxSentences: platform.maxSentencesPerParagraph)
        var paragraphs: [String] = []
        var headings = 0
        var bodySentences: [String] = []
        for block in blocks {
            switch block {
            case .heading(let h):
                if platform.headings { paragraphs.append("## " + h); headings += 1 } else { paragraphs.append(Self.asSentence(h)) }
            case .list(let items):
                paragraphs.append(items.enumerated().map { index, item in
                    (habits.listMarker == "1." ? "\(index + 1). " : "- ") + item
                }.joined(separator: "\n"))
            case .prose(let units):
                bodySentences += units.map(\.text)
                var rest = units[...]
                // The hook: a platform that shows only the first lines gets the first sentence on its own.
                if platform.hookChars != nil, paragraphs.isEmpty, let first = rest.first {
                    paragraphs.append(first.text)
                    rest = rest.dropFirst()
                }
                paragraphs += breaker.paragraphs(Array(rest)).map { $0.map(\.text).joined(separator: " ") }
            }
        }
        if kind == .social, habits.emojiShare >= 0.5, let emoji = habits.emoji, !paragraphs.isEmpty,
           !paragraphs[0].contains(emoji) {
            paragraphs[0] += " " + emoji
        }
        var head: [String] = []
        var title: String?
        if platform.headings {
            title = Self.sentenceCase(notes.title ?? Self.shortLine(from: bodySentences.first ?? "Notes"))
            head.append("# " + title!)
        }
        if platform.subjectLine {
            head.append("Subject: " + (notes.subject ?? Self.shortLine(from: bodySentences.first ?? "")))
        }
        // Greeting and sign-off: this writer's own, from their samples of this kind only (WriterHabits), else none.
        if let greeting = habits.greeting(for: notes.recipient) {
            head.append(greeting)
        }
        var tail: [String] = []
        if !habits.signOff.isEmpty { tail.append(habits.signOff.joined(separator: "\n")) }
        // Hashtags: as many as this writer puts on this kind of piece (never more than the platform takes), the
        // notes' most salient topics, in the writer's own spelling where they have used the tag before.
        let hashtagCount = min(platform.hashtags, habits.usualHashtags)
        let hashtags = Self.hashtags(count: hashtagCount, notes: notes, grammar: shaper.grammar, known: habits.knownHashtags,
                                     habitual: habits.habitualHashtags)
        if !hashtags.isEmpty { tail.append(hashtags.map { "#" + $0 }.joined(separator: " ")) }

        var posts: [String] = []
        var text: String
        if platform.threads || platform.maxCharsPerPost != nil {
            let limit = platform.maxCharsPerPost ?? 280
            let units = (head + paragraphs + tail).flatMap { p in SentenceSplitter.sentences(in: p).isEmpty ? [p] : [p] }
            posts = Self.thread(units: units, limit: limit, asked: request.threadPosts, shaper: shaper)
            if let asked = request.threadPosts, asked != posts.count {
                warnings.append("The notes fill \(posts.count) post\(posts.count == 1 ? "" : "s") of \(limit) characters, not \(asked); nothing was cut.")
            }
            text = posts.joined(separator: "\n\n")
        } else {
            text = (head + paragraphs + tail).joined(separator: "\n\n")
            // Over a hard limit: drop the frame first (sign-off, emoji); the notes' words are never cut.
            if let max = platform.maxChars, text.count > max {
                text = (head + paragraphs + (hashtags.isEmpty ? [] : [tail.last!])).joined(separator: "\n\n")
                if text.count > max {
                    warnings.append("The notes are longer than \(platform.name)'s \(max) characters; shorten them.")
                }
            }
        }

        let full = bodySentences.filter { shaper.isFullSentence($0) }.count
        let run = copyGuard.longestSharedRun(text)
        var checks: [PlatformCheck] = []
        if let max = platform.maxChars {
            checks.append(PlatformCheck(name: "max_chars", passed: text.count <= max, detail: "\(text.count) of \(max) characters"))
        }
        if let hookLimit = platform.hookChars {
            let hook = paragraphs.first?.count ?? 0
            checks.append(PlatformCheck(name: "hook", passed: hook > 0 && hook <= hookLimit,
                detail: "opening paragraph is \(hook) characters; \(hookLimit) are shown before \"see more\""))
        }
        if let perPost = platform.maxCharsPerPost {
            for (index, post) in posts.enumerated() {
                checks.append(PlatformCheck(name: "post_\(index + 1)_chars", passed: post.count <= perPost,
                                            detail: "post \(index + 1): \(post.count) of \(perPost) characters"))
            }
        }
        if platform.hashtags > 0 {
            let wanted = max(hashtagCount, notes.tags.count)
            checks.append(PlatformCheck(name: "hashtags", passed: hashtags.count == wanted && hashtags.count <= max(platform.hashtags, notes.tags.count),
                detail: "\(hashtags.count) hashtags, this writer's usual \(habits.usualHashtags) for \(kind?.rawValue ?? "this kind") "
                    + "(at most \(platform.hashtags) on \(platform.name)), from the notes' topics"))
        }
        if platform.headings {
            checks.append(PlatformCheck(name: "headings", passed: title != nil,
                                        detail: "title present, \(headings) section headings from the notes"))
        }
        if platform.subjectLine {
            checks.append(PlatformCheck(name: "subject_line", passed: text.hasPrefix("Subject: "), detail: "subject line from the notes"))
        }
        if shaper.grammar != nil {
            checks.append(PlatformCheck(name: "full_sentences", passed: true,
                detail: "\(full) of \(bodySentences.count) sentences link completely; no edit made a fragment"))
        }
        checks.append(PlatformCheck(name: "no_copy", passed: run < copyGuard.limit,
            detail: "longest run of words shared with a sample: \(run) (limit: fewer than \(copyGuard.limit))"))
        let piece = GeneratedPiece(text: text, provider: name, model: model, platform: platform.name, checks: checks,
                                   longestCopiedRun: run, warnings: warnings, seed: seed)
        return Draft(piece: piece, edits: edits, fullSentences: full, sentences: bodySentences.count)
    }

    /// Where a run of sentences breaks into paragraphs, by this writer's usual paragraph length in words.
    ///
    /// A paragraph ends when one more sentence would take it further from the writer's usual length than stopping
    /// does, or at a change of topic once it has reached about half that length; before then a new topic stays in
    /// the paragraph, because a string of one-sentence paragraphs reads choppy to anyone whose paragraphs are
    /// longer. A writer of one-line paragraphs (a short usual length) gets a break after nearly every sentence.
    struct ParagraphBreaker: Sendable {
        var usualWords: Double
        /// The platform's cap (LinkedIn, X), whatever the writer's habit.
        var maxSentences: Int?

        func paragraphs(_ units: [Unit]) -> [[Unit]] {
            var out: [[Unit]] = []
            var paragraph: [Unit] = []
            var words = 0
            for unit in units {
                let next = WordCount.count(unit.text)
                if !paragraph.isEmpty {
                    let (now, after) = (Double(words), Double(words + next))
                    // Over the usual length by more than stopping here falls short of it.
                    let full = after - usualWords > usualWords - now
                    let capped = maxSentences.map { paragraph.count >= $0 } ?? false
                    let newTopic = !paragraph.contains { $0.isRelated(to: unit) }
                    if full || capped || (newTopic && now >= usualWords / 2) {
                        out.append(paragraph)
                        paragraph = []
                        words = 0
                    }
                }
                paragraph.append(unit)
                words += next
            }
            if !paragraph.isEmpty { out.append(paragraph) }
            return out
        }
    }

    // MARK: - Pieces of the frame

    static func contentType(for platform: Platform) -> ContentType? {
        platform.name == "generic" ? nil : ContentType(loose: platform.name)
    }

    /// A note as a sentence: capital first letter (unless the word is written "iPhone"-style), a closing mark.
    static func asSentence(_ note: String) -> String {
        var s = note.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return s }
        s = SentenceShaper.capitalisingFirst(s)
        if let last = s.last, !".!?…".contains(last) {
            if last == ":" || last == ";" || last == "," { s.removeLast() }
            let words = s.split(separator: " ").prefix(2).map { $0.lowercased() }
            // "do not promote your best closer" tells, it does not ask: an opener followed by "not" is no question.
            let asks = words.first.map { questionOpeners.contains($0) } == true && words.dropFirst().first != "not"
            s += asks ? "?" : "."
        }
        return s
    }

    /// A note opening with one of these asks something ("would twenty minutes be useful").
    static let questionOpeners: Set<String> = [
        "would", "could", "can", "do", "does", "did", "is", "are", "was", "were", "will", "should", "shall", "may",
        "what", "when", "where", "why", "how", "who", "which", "have", "has", "any",
    ]

    /// A note with no subject: one the parser rejects, or one it reads as opening on a past-tense verb
    /// ("Shipped the fix on Friday." links as a headline would).
    func lacksSubject(_ sentence: String) -> Bool {
        guard let grammar = shaper.grammar else { return false }
        guard let words = grammar.wordClasses(SentenceShaper.plain(sentence)) else { return true }
        return words.first.map { $0.tag.hasPrefix("v-d") || $0.tag.hasPrefix("w-d") || $0.tag.hasPrefix("q-d") } ?? false
    }

    /// "shipped the fix on Friday." → "We shipped the fix on Friday." when that is a full sentence and the note was not.
    func addSubject(_ sentence: String, _ habits: WriterHabits) -> String? {
        guard let first = sentence.first, first.isUppercase else { return nil }
        let firstWord = sentence.prefix { $0 != " " }
        guard firstWord.count > 1, !firstWord.dropFirst().contains(where: \.isUppercase), !firstWord.contains(where: \.isNumber)
        else { return nil }
        let candidate = habits.subjectPronoun + " " + first.lowercased() + sentence.dropFirst()
        return shaper.isFullSentence(candidate) ? candidate : nil
    }

    func addOpener(_ opener: String, to sentence: String) -> String? {
        let firstWord = sentence.prefix { $0 != " " }.lowercased().trimmingCharacters(in: .punctuationCharacters)
        guard !WriterHabits.neutralOpeners.contains(firstWord), !["however", "but", "yet", "because"].contains(firstWord),
              let lead = sentence.first, lead.isUppercase, sentence.hasSuffix(".") else { return nil }
        let keepCapital = firstWord == "i" || firstWord.hasPrefix("i'") || firstWord.hasPrefix("i’")
        // Lower-case only a function word; any other capitalised word might be a name, so no opener goes before it.
        guard keepCapital || StopWords.all.contains(firstWord) else { return nil }
        let rest = keepCapital ? sentence : lead.lowercased() + sentence.dropFirst()
        let candidate = opener.capitalized + " " + rest
        return shaper.isFullSentence(candidate) ? candidate : nil
    }

    /// The first words of a line, as a subject or title: up to eight words, no closing mark.
    static func shortLine(from sentence: String) -> String {
        let words = sentence.split(separator: " ").prefix(8)
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?—- "))
    }

    /// Title Case reads as a machine tell in this writer's world: keep the first capital and proper-looking words.
    static func sentenceCase(_ title: String) -> String {
        title.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }

    // MARK: - Topics

    /// A sentence of the draft with the notes it came from and its topic words.
    struct Unit: Sendable {
        var text: String
        var notes: Set<Int>
        var topics: Set<String>

        /// Sentences of the same note, or sharing a content word or name, are about the same thing.
        func isRelated(to other: Unit) -> Bool {
            !notes.isDisjoint(with: other.notes) || !topics.isDisjoint(with: other.topics)
        }
    }

    /// Words that say when or how much rather than what a note is about ("week", "thing"): never a topic that
    /// relates two notes, never a hashtag.
    static let vagueWords: Set<String> = [
        "thing", "lot", "way", "bit", "time", "day", "week", "month", "year", "today", "tomorrow", "yesterday", "morning",
        "afternoon", "evening", "night", "tonight", "people", "everyone", "everybody", "anyone", "someone", "anything",
        "something", "nothing", "everything", "one", "kind", "sort", "part", "number", "place", "point", "end", "start",
        "first", "last", "next", "new", "good", "great", "still", "really", "just", "make", "get", "got", "take", "come",
        "go", "went", "put", "know", "think", "need", "want", "use", "say", "said", "see", "look", "well", "back",
        "please", "thanks", "thank", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "noon", "midnight", "hour", "minute", "second",
    ]

    /// "Dahlias" and "dahlia", "batteries" and "battery": one topic.
    static func lemma(_ word: String) -> String {
        let w = word.lowercased()
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    /// The thousand most frequent words of general English (the list Analysis ships, from wordfreq) are the
    /// vocabulary of every topic ("page", "team", "work", "deal"), so none of them alone says what notes are about.
    static let genericRankLimit = 1_000

    /// True for a word (or its singular) among the most frequent words of general English.
    static func isGeneric(_ word: String) -> Bool {
        let w = word.lowercased()
        return [w, lemma(w)].contains { GeneralEnglishFrequency.rank(of: $0).map { $0 < genericRankLimit } ?? false }
    }

    /// The content words of a sentence, as lemmas: no function words, no vague words, no bare numbers.
    static func topicWords(_ sentence: String) -> Set<String> {
        var out = Set<String>()
        for raw in sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }) {
            let word = String(raw)
            let lower = word.lowercased()
            guard !lower.contains("'"), !lower.contains("’"), lower.contains(where: \.isLetter),
                  lower.count >= 3 || (word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber }),
                  !StopWords.all.contains(lower), !vagueWords.contains(lower) else { continue }
            out.insert(lemma(lower))
        }
        return out
    }

    /// A hashtag candidate: a noun, a run of nouns ("water butts") or a name ("Harvest Show").
    struct TopicCandidate {
        var words: [String]
        var count: Int
        var first: Int
        var inFirstNote: Bool
        var isName: Bool
        var key: String { words.map { lemma($0) }.joined() }
    }

    /// The noun phrases of one sentence: the parser's nouns and the names it does not know, runs of them kept
    /// together; without a parse, a simple rule (the words after a determiner, up to the next function word).
    static func nounPhrases(_ sentence: String, grammar: LinkGrammar?) -> [[String]] {
        let plain = SentenceShaper.plain(sentence)
        let original = plain.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        var phrases: [[String]] = []
        var current: [String] = []
        func close() { if !current.isEmpty { phrases.append(current); current = [] } }
        // A partial parse, so a note that is not a full sentence ("pipeline caching, big win for the platform team")
        // still gives its runs of nouns; the words the parser could not place close a run.
        if let tagged = grammar?.partialWordClasses(plain) {
            for (index, word) in tagged.enumerated() {
                var token = word.word
                let unknown = token.hasSuffix("]") && token.contains("[")
                if unknown, let bracket = token.firstIndex(of: "[") { token = String(token[..<bracket]) }
                token = token.trimmingCharacters(in: .punctuationCharacters)
                guard !token.isEmpty else { close(); continue }
                let acronym = token.count >= 2 && token.allSatisfy { $0.isUppercase || $0.isNumber }
                // A sentence's first word is capitalised because it comes first, not because it is a name
                // (unless the parser does not know it, which is how it reads names).
                if index == 0, !unknown, !acronym { token = token.lowercased() }
                let capitalised = token.first?.isUppercase == true
                // The parser's noun subscripts: .n, .s (singular), .p (plural; a preposition is a function word and
                // never gets here), .u (units, "months"), .g (gerund used as a noun).
                let noun = word.wordClass == .noun || word.tag.hasPrefix("u") || (unknown && token.first?.isLetter == true)
                // A capitalised word inside the sentence is a name when the parser did not read it as a verb,
                // adjective or adverb ("Leeds" is its location class .l, "March" has no subscript).
                let name = capitalised && ![.verb, .adjective, .adverb].contains(word.wordClass)
                if noun || name, !StopWords.all.contains(token.lowercased()),
                   token.contains(where: \.isLetter) {
                    current.append(token)
                } else {
                    close()
                }
            }
            close()
            return phrases
        }
        let determiners: Set<String> = ["the", "a", "an", "our", "my", "your", "their", "his", "her", "its", "this",
                                        "that", "these", "those", "some", "every", "each", "two", "three", "new"]
        var afterDeterminer = false
        for word in original where !word.isEmpty {
            let lower = word.lowercased()
            if determiners.contains(lower) { close(); afterDeterminer = true; continue }
            if StopWords.all.contains(lower) || word.allSatisfy(\.isNumber) { close(); afterDeterminer = false; continue }
            if afterDeterminer { current.append(word) }
        }
        close()
        // Only the head (last word) of a determiner's run is surely a noun; the words before it may be adjectives.
        return phrases.map { [$0.last!] }
    }

    /// Hashtags for the notes: the notes' own `tags:` first, then their most salient topics — common nouns and
    /// acronyms, never a person's or another proper name unless the writer has used it as a tag, and never a verb
    /// or an adjective on its own — ranked by how often they recur, whether the first note names them,
    /// and whether they are runs of nouns or names, which outrank single nouns; a single noun under four letters
    /// ("#rep") or among the commonest words of general English ("#page") is never a tag unless the writer has used
    /// it; a tag the writer has used before wins when it names the same topic, in their spelling. When the notes
    /// name fewer salient topics than the writer's usual number, the tags they put on most of their pieces of this
    /// kind (`habitual`) make up the number: padding with a weak noun is what made "#page" and "#rep". Multi-word
    /// names become CamelCase; runs of common nouns follow the writer's own tags (one lower-case word when that is
    /// how they write them). Apart from the habitual tags, never a word the notes do not contain.
    static func hashtags(count: Int, notes: NotesOutline, grammar: LinkGrammar? = nil, known: [String: Int] = [:],
                         habitual: [String] = []) -> [String] {
        var out: [String] = notes.tags
        guard out.count < count else { return out }
        let knownLemmas = Set(known.keys.map { lemma($0.lowercased()) })
        var seen = Set(out.map { lemma($0) })
        var candidates: [String: TopicCandidate] = [:]
        var position = 0
        var noteNumber = 0
        let lemmaCounts = notes.contentText.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .reduce(into: [String: Int]()) { $0[lemma(String($1)), default: 0] += 1 }
        // Words the notes capitalise inside a sentence are names ("Priya", "Harvest Show") even where a note opens
        // with one and the parser knows the word ("Grace starts Monday").
        var namedInside = Set<String>()
        for line in notes.lines {
            let text: String
            switch line {
            case .point(let s), .listItem(let s), .heading(let s): text = s
            }
            for sentence in SentenceSplitter.sentences(in: asSentence(text)) {
                for word in SentenceShaper.plain(sentence).split(separator: " ").dropFirst() {
                    let w = word.trimmingCharacters(in: .punctuationCharacters)
                    if w.first?.isUppercase == true, !w.allSatisfy({ $0.isUppercase || $0.isNumber }) {
                        namedInside.insert(lemma(w))
                    }
                }
            }
        }
        for line in notes.lines {
            let text: String
            switch line {
            case .point(let s), .listItem(let s), .heading(let s): text = s
            }
            noteNumber += 1
            for sentence in SentenceSplitter.sentences(in: asSentence(text)) {
                for phrase in nounPhrases(sentence, grammar: grammar) {
                    // Runs of two or three nouns inside the phrase, and each noun, compete: "Harvest Show" (also
                    // inside "Harvest Show tent fund") against "Harvest" and "Show".
                    var options: [[String]] = []
                    for length in stride(from: min(3, phrase.count), through: 2, by: -1) {
                        for start in 0...(phrase.count - length) { options.append(Array(phrase[start..<(start + length)])) }
                    }
                    options += phrase.map { [$0] }
                    for words in options {
                        position += 1
                        let lower = words.map { $0.lowercased() }
                        if words.count == 1 {
                            let w = lower[0]
                            let acronym = words[0].count >= 2 && words[0].allSatisfy { $0.isUppercase || $0.isNumber }
                            // A tag the writer has used is theirs, however common the word ("#sales").
                            let writers = knownLemmas.contains(lemma(w))
                            guard writers || acronym || (lemma(w).count >= 4 && !isGeneric(w)), !vagueWords.contains(w),
                                  !vagueWords.contains(lemma(w)), !StopWords.all.contains(w) else { continue }
                        } else if lower.contains(where: { vagueWords.contains($0) || vagueWords.contains(lemma($0)) }) {
                            continue
                        } else if lower.allSatisfy(isGeneric) {
                            // "#WorkTeam" says no more than "#work".
                            continue
                        } else if Set(words.map { $0.first?.isUppercase == true }).count > 1 {
                            // "Leeds office": the name is the topic, not the name and its common noun run together.
                            continue
                        }
                        let isName = words.allSatisfy { $0.first?.isUppercase == true }
                            && !(words.count == 1 && words[0].allSatisfy { $0.isUppercase })
                        let key = words.map { lemma($0) }.joined()
                        // A hashtag names a topic, never a person or another proper name ("#Priya" came from a
                        // colleague's first name), unless the writer has tagged it themselves.
                        if (isName || words.contains(where: { namedInside.contains(lemma($0)) })), !knownLemmas.contains(key) {
                            continue
                        }
                        if var c = candidates[key] {
                            c.count += 1
                            candidates[key] = c
                        } else {
                            candidates[key] = TopicCandidate(words: words, count: 1, first: position,
                                                             inFirstNote: noteNumber == 1, isName: isName)
                        }
                    }
                }
            }
        }
        // A single noun recurs as often as the notes say it, whatever class the parser gave it elsewhere.
        for (key, c) in candidates where c.words.count == 1 {
            candidates[key]?.count = max(c.count, lemmaCounts[key] ?? c.count)
        }
        // A noun that the notes nearly always use inside one run ("Harvest" in "Harvest Show") is that run's topic,
        // not a topic of its own.
        // A name ("Leeds" in "Leeds office") or a tag the writer has used stays a topic of its own.
        for (key, c) in candidates where c.words.count == 1 && !knownLemmas.contains(key) {
            let lemmaKey = lemma(c.words[0])
            if candidates.values.contains(where: { run in
                run.words.count > 1 && run.count >= 2 && run.words.map({ lemma($0) }).contains(lemmaKey) && run.count * 2 >= c.count
                    && (!c.isName || run.isName)
            }) {
                candidates[key] = nil
            }
        }
        let knownByKey = Dictionary(known.map { (lemma($0.key), $0) }, uniquingKeysWith: { a, b in a.value >= b.value ? a : b })
        // A run of nouns or a name says what the notes are about more exactly than any one noun ("#PricingPage"
        // against "#page"), so it outranks a single noun the notes use as often.
        func score(_ c: TopicCandidate) -> Double {
            var s = Double(c.count) * 2
            if c.inFirstNote { s += 1.5 }
            if c.isName { s += 1 }
            // One reading of a note can be a misparse ("the team tags each lead": "team tags"); a run the notes
            // repeat, or a name, is surely a topic.
            if c.words.count > 1 { s += c.count > 1 || c.isName ? 2 : 1 }
            if knownByKey[c.key] != nil { s += 2 }
            return s
        }
        let ranked = candidates.values.sorted { a, b in
            let (sa, sb) = (score(a), score(b))
            if sa != sb { return sa > sb }
            return a.first < b.first
        }
        let writerJoinsLowercase = !known.isEmpty && !known.keys.contains { tag in
            zip(tag, tag.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
        }
        var chosenWords = Set<String>()
        for c in ranked where out.count < count {
            let lemmas = Set(c.words.map { lemma($0) })
            // No tag that repeats a chosen one ("#seedswap" then "#swap").
            guard !seen.contains(c.key), lemmas.isDisjoint(with: chosenWords) else { continue }
            let tag: String
            if let mine = knownByKey[c.key] {
                tag = mine.key
            } else if c.isName || c.words.count == 1 {
                tag = c.words.map { w in
                    c.isName ? w : (w.allSatisfy { $0.isUppercase || $0.isNumber } ? w : w.lowercased())
                }.joined()
            } else if writerJoinsLowercase {
                tag = c.words.joined().lowercased()
            } else {
                tag = c.words.map { w in w.prefix(1).uppercased() + w.dropFirst() }.joined()
            }
            out.append(tag.filter { $0.isLetter || $0.isNumber })
            seen.insert(c.key)
            chosenWords.formUnion(lemmas)
        }
        for tag in habitual where out.count < count && !out.contains(where: { $0.lowercased() == tag.lowercased() }) {
            out.append(tag)
        }
        return out
    }

    /// Posts for a thread: whole paragraphs (or sentences, when a paragraph is too long) packed in order, each
    /// numbered "n/N" when there is more than one. A sentence longer than a post is split where the parser allows,
    /// else at word boundaries; nothing is dropped.
    static func thread(units: [String], limit: Int, asked: Int?, shaper: SentenceShaper) -> [String] {
        let reserve = 7 // " 12/12"
        let room = limit - reserve
        var pieces: [String] = []
        for unit in units {
            if unit.count <= room { pieces.append(unit); continue }
            for sentence in SentenceSplitter.sentences(in: unit.replacingOccurrences(of: "\n", with: " ")) {
                if sentence.count <= room { pieces.append(sentence); continue }
                if let split = shaper.split(sentence), split.first.count <= room, split.second.count <= room {
                    pieces += [split.first, split.second]
                    continue
                }
                var line = ""
                for word in sentence.split(separator: " ") {
                    if !line.isEmpty, line.count + 1 + word.count > room { pieces.append(line); line = "" }
                    line += (line.isEmpty ? "" : " ") + word
                }
                if !line.isEmpty { pieces.append(line) }
            }
        }
        let total = pieces.reduce(0) { $0 + $1.count + 2 }
        let wanted = max(1, asked ?? 1)
        let budget = asked.map { _ in min(room, max(total / wanted, 60)) } ?? room
        var posts: [String] = []
        var current = ""
        for piece in pieces {
            let candidate = current.isEmpty ? piece : current + "\n\n" + piece
            if !current.isEmpty, candidate.count > budget, !(asked != nil && posts.count + 1 >= wanted && candidate.count <= room) {
                posts.append(current)
                current = piece
            } else if candidate.count > room {
                posts.append(current)
                current = piece
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { posts.append(current) }
        guard posts.count > 1 else { return posts }
        return posts.enumerated().map { "\($0.element) \($0.offset + 1)/\(posts.count)" }
    }

    /// Share of the notes' contraction sites written contracted (0 when there are none: notes are usually terse
    /// and uncontracted, so the writer's rate is then applied as it stands).
    static func contractionShare(_ text: String) -> Double {
        var tokenizer = DraftTokenizer()
        var contracted = 0, expanded = 0
        for line in text.split(separator: "\n") {
            for sentence in tokenizer.sentences(inParagraph: String(line)) {
                let sites = ContractionRewriter.sites(in: sentence)
                contracted += sites.contracted
                expanded += sites.expanded
            }
        }
        return contracted + expanded == 0 ? 0 : Double(contracted) / Double(contracted + expanded)
    }
}
