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

        // 1. Points → sentences, grouped as the notes group them; list items and headings stay what they are.
        enum Block { case prose([String]), list([String]), heading(String) }
        var blocks: [Block] = []
        for group in notes.groups {
            var sentences: [String] = []
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
                    for raw in SentenceSplitter.sentences(in: Self.asSentence(point)) {
                        var s = raw.trimmingCharacters(in: .whitespaces)
                        if shaper.grammar != nil, lacksSubject(s), let withSubject = addSubject(s, habits) {
                            edits.append(ShapingEdit(kind: "subject", before: s, after: withSubject,
                                reason: "the note has no subject; \"\(habits.subjectPronoun)\" is who this writer's sentences are about"))
                            s = withSubject
                        }
                        sentences.append(s)
                    }
                }
            }
            flushList(); flushProse()
        }

        // 2. Sentence lengths toward the writer's: split long ones, join runs of short ones, both only into full sentences.
        for b in blocks.indices {
            guard case .prose(let sentences) = blocks[b] else { continue }
            var shaped: [String] = []
            for s in sentences {
                if Double(SentenceShaper.words(s)) > max(target * 1.6, 18), let split = shaper.split(s) {
                    edits.append(ShapingEdit(kind: "split", before: s, after: split.first + " " + split.second,
                        reason: "longer than this writer's sentences (about \(Int(target)) words); split at \"\(split.joint)\", both halves full sentences"))
                    shaped += [split.first, split.second]
                } else {
                    shaped.append(s)
                }
            }
            var joined: [String] = []
            var k = 0
            while k < shaped.count {
                let a = shaped[k]
                if k + 1 < shaped.count {
                    let b = shaped[k + 1]
                    let (wa, wb) = (Double(SentenceShaper.words(a)), Double(SentenceShaper.words(b)))
                    if wa < target * 0.6, wb < target * 0.6, wa + wb <= target * 1.25,
                       let j = shaper.join(a, b, with: habits.joiner) {
                        edits.append(ShapingEdit(kind: "join", before: a + " " + b, after: j,
                            reason: "two sentences shorter than this writer's (about \(Int(target)) words), joined with their \"\(habits.joiner.rawValue.trimmingCharacters(in: .whitespaces))\""))
                        joined.append(j)
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
                let before = sentences[i]
                let (edited, kinds) = wordEditor.apply(before, rng: &rng)
                if !kinds.isEmpty, shaper.grammar == nil || shaper.isFullSentence(edited) || !shaper.isFullSentence(before) {
                    sentences[i] = edited
                    edits.append(ShapingEdit(kind: kinds.joined(separator: "+"), before: before, after: edited,
                        reason: kinds.contains("contraction") ? "this writer's contraction rate" : "this writer's spelling"))
                }
                if i > 0, openerBudget > 0, let opener = habits.openers.first, rng.unit() < 0.5,
                   let withOpener = addOpener(opener.word, to: sentences[i]) {
                    edits.append(ShapingEdit(kind: "opener", before: sentences[i], after: withOpener,
                        reason: "this writer opens \(Int((opener.share * 100).rounded()))% of sentences with \"\(opener.word.capitalized)\""))
                    sentences[i] = withOpener
                    openerBudget -= 1
                }
            }
            blocks[b] = .prose(sentences)
        }

        // 4. Paragraphs and the platform's frame.
        let perParagraph = max(1, min(platform.maxSentencesPerParagraph ?? 99, Int(habits.sentencesPerParagraph.rounded())))
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
            case .prose(let sentences):
                bodySentences += sentences
                var rest = sentences[...]
                // The hook: a platform that shows only the first lines gets the first sentence on its own.
                if platform.hookChars != nil, paragraphs.isEmpty, let first = rest.first {
                    paragraphs.append(first)
                    rest = rest.dropFirst()
                }
                while !rest.isEmpty {
                    paragraphs.append(rest.prefix(perParagraph).joined(separator: " "))
                    rest = rest.dropFirst(perParagraph)
                }
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
        if kind == .email || kind == .newsletter, let greeting = habits.greeting(for: notes.recipient) {
            head.append(greeting)
        }
        var tail: [String] = []
        if kind == .email || kind == .newsletter, !habits.signOff.isEmpty { tail.append(habits.signOff.joined(separator: "\n")) }
        let hashtags = Self.hashtags(count: platform.hashtags, notes: notes, grammar: shaper.grammar)
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
            checks.append(PlatformCheck(name: "hashtags", passed: hashtags.count == platform.hashtags,
                                        detail: "\(hashtags.count) of \(platform.hashtags) hashtags, from the notes' topics"))
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
            let first = s.prefix { $0 != " " }.lowercased()
            s += questionOpeners.contains(first) ? "?" : "."
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
        guard keepCapital || FunctionWords.all.contains(firstWord) else { return nil }
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

    /// The notes' own tags first, then their most frequent topic words (longer words first on ties, then the
    /// notes' order): never a word the notes do not contain.
    static func hashtags(count: Int, notes: NotesOutline, grammar: LinkGrammar? = nil) -> [String] {
        guard count > 0 else { return [] }
        // Topics are nouns: the parser's word classes pick them out of the notes' sentences when it is there.
        var nouns: Set<String>?
        if let grammar {
            var found = Set<String>()
            for line in notes.lines {
                guard case .point(let text) = line else { continue }
                for sentence in SentenceSplitter.sentences(in: asSentence(text)) {
                    for word in grammar.wordClasses(SentenceShaper.plain(sentence)) ?? [] where word.wordClass == .noun {
                        found.insert(word.word.lowercased())
                    }
                }
            }
            nouns = found
        }
        var out: [String] = notes.tags.prefix(count).map { $0 }
        var seen = Set(out.map { $0.lowercased() })
        var counts: [String: (n: Int, first: Int)] = [:]
        var position = 0
        for raw in notes.contentText.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }) {
            position += 1
            let word = raw.lowercased()
            guard word.count >= 4, !word.contains("'"), word.allSatisfy(\.isLetter), !FunctionWords.all.contains(word)
            else { continue }
            let old = counts[word] ?? (0, position)
            counts[word] = (old.n + 1, old.first)
        }
        // Nouns first (when the parser could tell), then the more frequent, then the notes' order.
        let ranked = counts.sorted { a, b in
            let (nounA, nounB) = (nouns?.contains(a.key) ?? false, nouns?.contains(b.key) ?? false)
            if nounA != nounB { return nounA }
            if a.value.n != b.value.n { return a.value.n > b.value.n }
            return a.value.first < b.value.first
        }
        for (word, _) in ranked where out.count < count && !seen.contains(word) {
            out.append(word)
            seen.insert(word)
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
