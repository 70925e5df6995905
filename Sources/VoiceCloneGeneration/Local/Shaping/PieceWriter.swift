import Foundation

/// Lays out one piece for a platform: plans paragraphs from the writer's paragraph habits, asks the composer for
/// sentences of sampled lengths, and adds the platform's furniture (title and headings, subject line, hashtags,
/// numbered posts) while keeping every character limit.
struct PieceWriter {
    let corpus: VoiceCorpus
    let style: StyleTargets
    let platform: Platform
    let assembler: DraftAssembler
    let steering: KeywordSteering
    let prompt: String
    var composer: SentenceComposer
    var rng: SeededGenerator

    /// The laid-out piece before checks: the final text plus the parts checks need.
    struct Layout {
        var text: String
        var bodyWords: Int
        var hook: String?
        var posts: [String]
        var hashtags: [String]
        var title: String?
        var headings: Int
    }

    /// Sentence length drawn from the writer's histogram, or a log-normal fitted to mean and spread.
    mutating func sentenceTarget() -> Int {
        let target = style.sentenceLength ?? SentenceLengthTarget(mean: 16, standardDeviation: 7)
        if let histogram = target.histogram, !histogram.isEmpty {
            let total = histogram.reduce(0) { $0 + max($1.share, 0) }
            var u = rng.unit() * total
            for bucket in histogram {
                u -= max(bucket.share, 0)
                if u < 0 {
                    let span = max(bucket.upper - bucket.lower + 1, 1)
                    return min(max(bucket.lower + rng.below(span), 3), 60)
                }
            }
        }
        let mean = max(target.mean, 3), sd = max(target.standardDeviation, 1)
        let sigma2 = log(1 + sd * sd / (mean * mean))
        let mu = log(mean) - sigma2 / 2
        return min(max(Int(exp(mu + sigma2.squareRoot() * rng.normal()).rounded()), 3), 60)
    }

    /// Sentences in the next paragraph: one-liners at the writer's rate, otherwise around their multi-sentence mean.
    mutating func paragraphSize() -> Int {
        let oneLine = min(max(style.oneLineParagraphRate ?? 0.2, 0), 1)
        let mean = style.sentencesPerParagraph ?? 3
        var size: Int
        if rng.unit() < oneLine {
            size = 1
        } else {
            let multiMean = oneLine < 1 ? max((mean - oneLine) / (1 - oneLine), 2) : 2
            size = max(2, Int((multiMean + 0.9 * rng.normal()).rounded()))
        }
        if let cap = platform.maxSentencesPerParagraph { size = min(size, cap) }
        return max(1, size)
    }

    /// One sentence, rendered; retries with fresh draws when the guard refuses every candidate.
    mutating func sentence(target: Int, topicWeight: Double, opening: Bool, maxChars: Int? = nil) -> String? {
        var target = target
        var fallback: String?
        for attempt in 0..<6 {
            guard let tokens = composer.sentence(
                targetWords: target, topicWeight: topicWeight, opening: opening && attempt < 3, using: &rng)
            else { continue }
            let text = assembler.renderSentence(tokens)
            guard let maxChars, text.count > maxChars else { return text }
            if fallback == nil || text.count < fallback!.count { fallback = text }
            target = max(4, target * 2 / 3)
        }
        guard let fallback, let maxChars else { return fallback }
        return PieceWriter.cut(fallback, to: maxChars)
    }

    private func topicWeight(opening: Bool, paragraphStart: Bool) -> Double {
        guard !steering.isEmpty else { return 0 }
        return opening ? 6 : (paragraphStart ? 3 : 1.5)
    }

    /// Body paragraphs (each a list of rendered sentences) of about `words` words.
    mutating func body(words target: Int, hookChars: Int?) -> [[String]] {
        var paragraphs: [[String]] = []
        var words = 0
        var failures = 0
        while words < target && failures < 20 {
            let opening = paragraphs.isEmpty
            let size = opening && hookChars != nil ? 1 : paragraphSize()
            var paragraph: [String] = []
            for index in 0..<size where words < target {
                var length = sentenceTarget()
                if opening && hookChars != nil { length = min(length, 14) }
                let first = opening && index == 0
                guard let text = sentence(
                    target: length, topicWeight: topicWeight(opening: first, paragraphStart: index == 0),
                    opening: first, maxChars: first ? hookChars.map { $0 - 1 } : nil)
                else {
                    failures += 1
                    continue
                }
                paragraph.append(text)
                words += WordHasher.words(text).count
            }
            if paragraph.isEmpty { failures += 1 } else { paragraphs.append(paragraph) }
        }
        return paragraphs
    }

    /// Posts of at most `budget` characters each (before numbering), about `words` words each.
    mutating func posts(count: Int, wordsPerPost: Int, budget: Int) -> [String] {
        var posts: [String] = []
        for index in 0..<count {
            if index > 0 { composer.breakRun() }
            var sentences: [String] = []
            var words = 0
            var misses = 0
            while words < wordsPerPost && misses < 4 {
                let used = sentences.isEmpty ? 0 : sentences.joined(separator: " ").count + 1
                let room = budget - used
                guard room > 20 else { break }
                let first = index == 0 && sentences.isEmpty
                let length = min(sentenceTarget(), max(4, wordsPerPost - words))
                guard let text = sentence(
                    target: length, topicWeight: topicWeight(opening: first, paragraphStart: sentences.isEmpty),
                    opening: first, maxChars: sentences.isEmpty ? room : nil)
                else { misses += 1; continue }
                if text.count > room { misses += 1; continue }
                sentences.append(text)
                words += WordHasher.words(text).count
            }
            if !sentences.isEmpty { posts.append(sentences.joined(separator: " ")) }
        }
        return posts
    }

    /// Cuts `text` at a word boundary so that it and an ellipsis fit in `limit` characters.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var prefix = String(text.prefix(max(limit - 1, 0)))
        if let space = prefix.lastIndex(of: " ") { prefix = String(prefix[..<space]) }
        while let last = prefix.last, last.isPunctuation || last == " " { prefix.removeLast() }
        return prefix + "…"
    }

    /// Section headings keyed by the paragraph they precede: one section per ~150 words after the introduction,
    /// each heading a short sentence in the writer's voice ("The Pause Does"), or the section's salient words.
    mutating func sectionHeadings(for paragraphs: [[String]], target: Int, title: String?) -> [Int: String] {
        let sectionWords = max(90, min(180, target / 4))
        var headings: [Int: String] = [:]
        var excluded = Set((title ?? "").lowercased().split(separator: " ").map(String.init))
        var since = 0
        for (index, paragraph) in paragraphs.enumerated() {
            defer { since += paragraph.reduce(0) { $0 + WordHasher.words($1).count } }
            guard index > 0, since >= sectionWords, paragraphs.count - index >= 2 else { continue }
            since = 0
            var heading: String?
            var fallback: String?
            for _ in 0..<4 {
                guard let line = sentence(target: 5, topicWeight: steering.isEmpty ? 0 : 2, opening: false, maxChars: 60),
                      !line.hasSuffix("…") else { continue }
                let words = line.trimmingCharacters(in: CharacterSet(charactersIn: ".!…"))
                    .split(separator: " ").map(String.init)
                guard (2...7).contains(words.count) else { continue }
                let personal = ["i", "i'm", "i've", "i'd", "i'll", "my"].contains(words[0].lowercased())
                if personal {
                    if fallback == nil { fallback = TitleMaker.titleCase(words) }
                    continue
                }
                heading = TitleMaker.titleCase(words)
                break
            }
            heading = heading ?? fallback
            if heading == nil {
                let section = paragraphs[index...].prefix(3).flatMap { $0 }.joined(separator: " ")
                heading = TitleMaker.heading(for: section, excluding: excluded, nounLike: corpus.nounLike)
            }
            if let heading {
                headings[index] = heading
                for word in heading.lowercased().split(separator: " ") { excluded.insert(String(word)) }
            }
        }
        return headings
    }

    /// Lays out the whole piece.
    mutating func layout(words target: Int, characterCap: Int?, threadPosts: Int?) -> Layout {
        if platform.threads || platform.maxCharsPerPost != nil {
            let perPost = platform.maxCharsPerPost ?? 280
            let count = platform.threads ? max(1, min(threadPosts ?? 1, 25)) : 1
            let suffixLength = count > 1 ? " \(count)/\(count)".count : 0
            let budget = perPost - suffixLength
            let byChars = Int(Double(budget) / corpus.charactersPerWord)
            let perPostWords = max(6, min(target / count, byChars))
            var posts = self.posts(count: count, wordsPerPost: perPostWords, budget: budget)
            if count > 1 {
                posts = posts.enumerated().map { "\($0.element) \($0.offset + 1)/\(posts.count)" }
            }
            let text = posts.joined(separator: "\n\n")
            return Layout(text: text, bodyWords: WordHasher.words(text).count, hook: nil, posts: posts,
                          hashtags: [], title: nil, headings: 0)
        }

        var paragraphs = body(words: target, hookChars: platform.hookChars)
        var title: String?
        if platform.headings || platform.subjectLine {
            title = TitleMaker.title(fromPrompt: prompt)
                ?? TitleMaker.titleCase(TitleMaker.salientWords(
                    in: paragraphs.flatMap { $0 }.joined(separator: " "), excluding: [], limit: 2,
                    nounLike: corpus.nounLike))
            if title?.isEmpty == true { title = nil }
        }
        let headings = platform.headings ? sectionHeadings(for: paragraphs, target: target, title: title) : [:]
        func render(_ paragraphs: [[String]]) -> (text: String, headings: Int, tags: [String]) {
            var blocks: [String] = []
            var headingCount = 0
            if platform.subjectLine { blocks.append("Subject: " + PieceWriter.cut(title ?? "A note", to: 78)) }
            if platform.headings, let title { blocks.append("# " + title) }
            for (index, paragraph) in paragraphs.enumerated() {
                if let heading = headings[index], index < paragraphs.count - 1 {
                    blocks.append("## " + heading)
                    headingCount += 1
                }
                blocks.append(paragraph.joined(separator: " "))
            }
            let prose = paragraphs.flatMap { $0 }.joined(separator: " ")
            let tags = TitleMaker.hashtags(topic: steering.keywords, text: prose, count: platform.hashtags, nounLike: corpus.nounLike)
            if !tags.isEmpty { blocks.append(tags.joined(separator: " ")) }
            return (blocks.joined(separator: "\n\n"), headingCount, tags)
        }

        var rendered = render(paragraphs)
        if let cap = characterCap {
            while rendered.text.count > cap, paragraphs.flatMap({ $0 }).count > 1 {
                paragraphs[paragraphs.count - 1].removeLast()
                if paragraphs[paragraphs.count - 1].isEmpty { paragraphs.removeLast() }
                rendered = render(paragraphs)
            }
            if rendered.text.count > cap { rendered.text = PieceWriter.cut(rendered.text, to: cap) }
        }
        let bodyWords = paragraphs.flatMap { $0 }.reduce(0) { $0 + WordHasher.words($1).count }
        return Layout(text: rendered.text, bodyWords: bodyWords, hook: paragraphs.first?.joined(separator: " "),
                      posts: [], hashtags: rendered.tags, title: title, headings: rendered.headings)
    }
}
