/// The offline `local` provider: a style-faithful drafting engine built from a clone's own samples.
///
/// It is not a reasoning model. It writes new sentences in the writer's vocabulary, rhythm and punctuation from a
/// Kneser–Ney n-gram model trained on their samples, steered by measurable habits (``StyleTargets``) and pulled
/// toward the request's topic words; it cannot follow instructions or state facts it has not seen. It needs no
/// account and no network, is reproducible with a seed, and never copies a run of `copyLimit` words from a sample.
public struct LocalEngine: GenerationProvider {
    public let name = "local"
    public var model: String { "kneser-ney-\(options.order)gram" }
    public let options: LocalEngineOptions
    /// The habits actually steered toward: the caller's targets, with the samples' measurements filling the gaps.
    public let style: StyleTargets
    private let corpus: VoiceCorpus

    /// Trains the engine. Training a few hundred thousand words takes well under a second in release builds.
    /// - Throws: ``LocalEngineError`` when the samples hold no usable prose or an option is out of range.
    public init(samples: [String], style: StyleTargets = .fromSamples, options: LocalEngineOptions = LocalEngineOptions())
        throws {
        self.options = options
        self.corpus = try VoiceCorpus(samples: samples, options: options)
        self.style = style.filled(from: corpus.measured)
    }

    /// Words of prose the engine learnt from.
    public var sampleWordCount: Int { corpus.wordCount }
    /// The habits measured on the samples themselves.
    public var measuredStyle: StyleTargets { corpus.measured }
    /// The guard every output is checked with.
    public var copyGuard: CopyGuard { corpus.copyGuard }

    public func generate(
        _ request: GenerationRequest, onText: (@Sendable (String) -> Void)?
    ) async throws -> GeneratedPiece {
        let piece = try write(request)
        if let onText {
            let blocks = piece.text.components(separatedBy: "\n\n")
            for (index, block) in blocks.enumerated() { onText(index == 0 ? block : "\n\n" + block) }
        }
        return piece
    }

    /// Writes one piece synchronously (what `generate` does, without streaming).
    public func write(_ request: GenerationRequest) throws -> GeneratedPiece {
        try request.platform.validate()
        if let temperature = request.temperature, !(temperature > 0 && temperature <= 3) {
            throw LocalEngineError.invalidRequest("temperature must be above 0 and at most 3, got \(temperature)")
        }
        if let posts = request.threadPosts, posts < 1 || posts > 25 {
            throw LocalEngineError.invalidRequest("a thread has 1 to 25 posts, got \(posts)")
        }
        var targetWords = request.platform.defaultWords
        var characterTarget: Int?
        switch request.length {
        case .words(let n)?:
            guard n >= 5 && n <= 20_000 else {
                throw LocalEngineError.invalidRequest("asked for \(n) words; ask for 5 to 20,000")
            }
            targetWords = n
        case .characters(let n)?:
            guard n >= 40 && n <= 150_000 else {
                throw LocalEngineError.invalidRequest("asked for \(n) characters; ask for 40 to 150,000")
            }
            characterTarget = n
            targetWords = max(5, Int(Double(n) / corpus.charactersPerWord * 0.92))
        case nil:
            break
        }
        if let posts = request.threadPosts, posts > 1, request.length == nil {
            targetWords = request.platform.defaultWords * posts
        }
        let seed = request.seed ?? UInt64.random(in: 0...UInt64.max)
        let prompt = request.userText
        let steering = KeywordSteering(prompt: prompt, corpus: corpus)

        var warnings: [String] = []
        if corpus.wordCount < options.thinCloneWords {
            warnings.append(
                "This clone is thin: its samples hold only \(corpus.wordCount) words, so the draft will repeat the "
                    + "writer's few phrases and wander. Add samples to reach at least \(options.thinCloneWords) words.")
        }
        if !steering.missing.isEmpty {
            warnings.append(
                "The writer's samples never use \(steering.missing.map { "'\($0)'" }.joined(separator: ", ")); the "
                    + "offline engine can only use words from the samples, so the draft may drift from that topic.")
        }
        if request.threadPosts.map({ $0 > 1 }) == true && !request.platform.threads {
            warnings.append("The \(request.platform.name) platform has no threads; wrote a single piece.")
        }
        let cap = [request.platform.maxChars, characterTarget].compactMap { $0 }.min()
        if let limit = request.platform.maxChars, characterTarget.map({ $0 > limit }) ?? true {
            let fits = max(5, Int(Double(limit) / corpus.charactersPerWord * 0.9))
            if targetWords > fits {
                if request.length != nil {
                    warnings.append("\(request.platform.name) allows \(limit) characters, about \(fits) words; "
                        + "wrote to that limit instead of the requested length.")
                }
                targetWords = fits
            }
        }

        var best: (layout: PieceWriter.Layout, run: Int)?
        for attempt in 0..<4 {
            var writer = PieceWriter(
                corpus: corpus, style: style, platform: request.platform,
                assembler: DraftAssembler(style: corpus.renderStyle), steering: steering, prompt: prompt,
                composer: SentenceComposer(
                    corpus: corpus, style: style, steering: steering,
                    temperature: request.temperature ?? options.defaultTemperature,
                    candidatesPerSentence: options.candidatesPerSentence),
                rng: SeededGenerator(seed: attempt == 0 ? seed : seed &+ UInt64(attempt) &* 0x9E37_79B9_7F4A_7C15))
            let layout = writer.layout(words: targetWords, characterCap: cap, threadPosts: request.threadPosts)
            let run = corpus.copyGuard.longestSharedRun(layout.text)
            if best == nil || run < best!.run { best = (layout, run) }
            if run < options.copyLimit { break }
        }
        guard let (layout, run) = best, !layout.text.isEmpty else {
            throw LocalEngineError.invalidRequest("the engine could not write any sentence from these samples")
        }
        if run >= options.copyLimit {
            warnings.append("Could not avoid a \(run)-word run shared with a sample; edit it before publishing.")
        }
        let checks = LayoutChecks.checks(
            for: layout, platform: request.platform, targetWords: targetWords, characterTarget: characterTarget,
            longestRun: run, copyLimit: options.copyLimit)
        return GeneratedPiece(
            text: layout.text, provider: name, model: model, platform: request.platform.name, checks: checks,
            longestCopiedRun: run, warnings: warnings, seed: seed)
    }
}
