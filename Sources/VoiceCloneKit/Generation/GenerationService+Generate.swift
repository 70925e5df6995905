import Foundation
import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneText
import VoiceCloneVault
import VoiceCloneGeneration
import VoiceCloneProviders

/// `generate`: writes pieces in a clone's voice with the offline engine or a language model, measures them,
/// and saves them to the library on request.
extension GenerationService {
    public func generate(_ options: GenerateOptions) async throws -> GenerateReport {
        // `--provider auto` may fill in the endpoint and model of a local server it finds.
        var options = options
        guard (1...10).contains(options.variants) else { throw GenerationError.invalidVariants(options.variants) }
        if let posts = options.threadPosts, !(2...25).contains(posts) { throw GenerationError.invalidThread(posts) }
        if let refine = options.refine { try Self.validate(refine) }
        let record = try index.requireClone(options.clone)
        var providerName = options.provider ?? config.defaultProvider
        // `auto`: a configured remote provider, else a local server that answers, else the offline engine.
        var autoChoice: AutoProviderChoice?
        if providerName.lowercased() == "auto" {
            let choice = session.providers.resolveAutoProvider()
            autoChoice = choice
            switch choice {
            case .remote(let kind): providerName = kind.rawValue
            case .localServer(let server):
                // An OpenAI-compatible provider: its key, if any, is OPENAI_COMPATIBLE_API_KEY, never a cloud key.
                providerName = ProviderKind.openAICompatible.rawValue
                options.baseURL = options.baseURL ?? server.baseURL
                options.model = options.model ?? server.models.first
            case .offline: providerName = ProviderKind.local.rawValue
            }
        }
        guard let kind = ProviderKind(loose: providerName) else { throw GenerationError.unknownProvider(providerName) }
        let (platform, guidance) = try PlatformCatalog(config: config).platform(named: options.platform)
        var prompt = options.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        // Notes: given with --notes, or bullet points in the prompt (the offline default then drafts from them).
        let notes = options.notes.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? (NotesOutline.looksLikeNotes(prompt) ? prompt : nil)
        guard !prompt.isEmpty || notes != nil else { throw PromptError.emptyPrompt }
        if kind.isRemote, let notes, notes != prompt { prompt = (prompt.isEmpty ? "" : prompt + "\n\n") + "Notes:\n" + notes }
        if options.dryRun && !kind.isRemote { throw GenerationError.dryRunIsForRemoteProviders }

        let samples = try session.samples.voiceSamples(of: record.slug)
        guard !samples.isEmpty else { throw GenerationError.noSamples(clone: record.name) }
        var warnings: [String] = []
        if let autoChoice { warnings.append("--provider auto used " + autoChoice.description + ".") }
        let (dna, dnaVersion) = try voiceDNA(record: record, samples: samples, version: options.dnaVersion,
                                             warnings: &warnings)
        let texts = samples.map(\.text)
        // With --refine the kept text is known only at the end, so nothing is streamed.
        let onText = options.refine == nil ? options.onText : nil
        let inspector = PlatformTextChecks(copyGuard: CopyGuard(samples: texts), platform: platform, length: options.length,
                                       threadPosts: options.threadPosts)

        // Each variant: its first request and a way to revise it (used only with --refine).
        var firsts: [GeneratedPiece] = []
        var revisers: [RefineLoop.Revise] = []
        // Variant index → what the one automatic shortening request did (remote providers only).
        var shortenings: [Int: ShorteningRecord] = [:]
        // The samples the prompt showed whole (remote providers only): the pieces' provenance.
        var exemplarIDs: [String] = []
        // The judges (every voice's profile, every sample's signals) are built only when something will be scored.
        func judges() throws -> (VoiceScorer, RefineLoop?, RevisionGuide) {
            let scorer = try session.attribution.voiceScorer(clone: record.slug, dna: dna)
            let loop = options.refine.map { RefineLoop(scorer: scorer, options: $0) }
            var guide = RevisionGuide(writer: record.name, dna: dna, samples: texts, baseline: scorer.baseline,
                                      minVoiceMatch: loop?.options.minVoiceMatch ?? RefineOptions.defaultMinVoiceMatch,
                                      maxAILikeness: loop?.maxAILikeness ?? scorer.detector.model.threshold - 1)
            guide.avoid = scorer.baseline?.avoidList(lexicon: scorer.detector.lexicon)
            return (scorer, loop, guide)
        }
        let scorer: VoiceScorer, loop: RefineLoop?
        if kind.isRemote {
            let settings = try remoteSettings(kind: kind, model: options.model, baseURL: options.baseURL,
                                              requireKey: !options.dryRun, retry: options.retry, warnings: &warnings)
            guard let provider = ProviderKind.remoteProvider(settings) else {
                throw GenerationError.unknownProvider(providerName)
            }
            var voicePrompt = VoicePrompt(
                writer: record.name, dna: dna, samples: samples, platform: platform, platformGuidance: guidance,
                exemplarTokens: options.exemplarTokens ?? TokenEstimate.exemplarBudget(model: settings.model))
            // The same list the detector will judge the answer by: its entries minus what this writer uses.
            let detector = try session.detection.detector()
            voicePrompt.avoid = AvoidList.build(
                lexicon: detector.lexicon, habitual: DetectionBaseline.habitualPhrases(samples: texts, detector: detector))
            let built = try voicePrompt.build(prompt: prompt, length: options.length, threadPosts: options.threadPosts)
            let messages = built.messages
            exemplarIDs = built.exemplars.map(\.sampleID)
            // The platform's documented default unless --temperature gives one (PlatformTemperature).
            let temperature = options.temperature
                ?? (PlatformTemperature.acceptsTemperature(model: settings.model) ? PlatformTemperature.default(for: platform) : nil)
            let requests = (0..<options.variants).map { i in
                GenerationRequest(
                    messages: messages, platform: platform, length: options.length, temperature: temperature,
                    seed: options.seed.map { $0 &+ UInt64(i) }, threadPosts: options.threadPosts)
            }
            if options.dryRun {
                let prepared = try requests.map { try provider.preparedRequest(for: $0, streaming: onText != nil) }
                if let refine = options.refine, refine.rounds > 1 {
                    warnings.append("--refine: only the first request of each variant is shown; each follow-up carries the "
                        + "model's previous answer with its scores and flagged sentences, which a dry run cannot know.")
                }
                return GenerateReport(results: [], dryRun: prepared, warnings: warnings, promptTokens: built.tokens,
                                      exemplarSampleIDs: exemplarIDs)
            }
            let shortener = LimitShortener(provider: provider, inspector: inspector)
            for (i, request) in requests.enumerated() {
                try Task.checkCancellation()
                let stream = scrubbedStream(for: onText, variant: i)
                let answer = Self.splitIntoPosts(try await provider.generate(request, onText: stream?.sink), platform: platform,
                                                 threadPosts: options.threadPosts)
                stream?.finish()
                let (piece, record) = try await shortener.fit(inspector.inspect(answer), request: request)
                firsts.append(piece)
                shortenings[i] = record
            }
            // The judges (every voice's profile, the detector over the samples) are built after the requests have
            // gone out, not before: nothing in a first request depends on them.
            let guide: RevisionGuide
            (scorer, loop, guide) = try judges()
            for request in requests {
                let reviser = RemoteReviser(provider: provider, request: request, guide: guide, inspector: inspector)
                revisers.append { try await reviser.revise(round: $0, best: $1, tried: $2) }
            }
        } else if options.engine == .notes {
            let style = dna.map(StyleTargets.init(dna:)) ?? .fromSamples
            let guide: RevisionGuide
            (scorer, loop, guide) = try judges()
            (firsts, revisers) = try notesDrafts(
                samples: samples, style: style, notes: notes, topic: prompt, platform: platform, options: options,
                inspector: inspector, guide: guide, lexicon: scorer.detector.lexicon, scorer: scorer)
            firsts = firsts.map { $0.applyingEditLessons(of: dna) }
        } else {
            warnings.append("--engine remix " + LocalDraftEngine.remixLabel + ".")
            let style = dna.map(StyleTargets.init(dna:)) ?? .fromSamples
            let engine = try LocalEngine(samples: texts, style: style)
            let craft = OfflineCraft(samples: samples)
            let firstSeed = options.seed ?? UInt64.random(in: 0...UInt64.max)
            let guide: RevisionGuide
            (scorer, loop, guide) = try judges()
            let lexicon = scorer.detector.lexicon
            for i in 0..<options.variants {
                try Task.checkCancellation()
                let request = GenerationRequest(
                    prompt: prompt, platform: platform, length: options.length, temperature: options.temperature,
                    seed: firstSeed &+ UInt64(i), threadPosts: options.threadPosts)
                let stream = scrubbedStream(for: onText, variant: i)
                firsts.append(craft.apply(try await engine.generate(request, onText: stream?.sink), platform: platform)
                    .applyingEditLessons(of: dna))
                stream?.finish()
                let reviser = LocalReviser(engine: engine, request: request, guide: guide, inspector: inspector,
                                           lexicon: lexicon, scorer: scorer, firstSeed: firstSeed, variant: i,
                                           variants: options.variants)
                revisers.append { try await reviser.revise(round: $0, best: $1, tried: $2) }
            }
        }

        var results: [GenerationResult] = []
        for (i, first) in firsts.enumerated() {
            var piece = first
            var summary: RefineSummary?
            let aiLikeness: Int?
            let voiceMatch: Int?
            if let loop {
                let report = options.onRound.map { callback in { @Sendable (round: RefineRound) in callback(i, round) } }
                let (kept, refined) = try await loop.run(first: first, revise: revisers[i], onRound: report)
                piece = kept.piece
                summary = refined
                (voiceMatch, aiLikeness) = (kept.scores.voiceMatch, kept.scores.aiLikeness)
                if !refined.passed {
                    piece.warnings.append("After \(refined.rounds.count) round\(refined.rounds.count == 1 ? "" : "s") the kept text "
                        + "(round \(refined.keptRound)) still misses an aim (voice match ≥ \(refined.minVoiceMatch), AI-likeness "
                        + "≤ \(refined.maxAILikeness)); edit it by hand or run more rounds.")
                }
            } else if piece.model == NotesDrafter.skeletonModel {
                // Placeholders are not writing: a voice match or AI-likeness of "[point 1: …]" would say nothing.
                (voiceMatch, aiLikeness) = (nil, nil)
            } else {
                voiceMatch = try? scorer.voiceMatch(piece.text).score
                aiLikeness = scorer.detect(piece.text).score
            }
            piece.warnings.insert(contentsOf: warnings, at: 0)
            // A model can echo a key it saw: it is never printed, saved or scored as text.
            piece.text = redactingSecrets(piece.text)
            var result = GenerationResult(variant: i + 1, clone: record.slug, piece: piece, dnaVersion: dnaVersion,
                                          voiceMatch: voiceMatch, aiLikeness: aiLikeness, refine: summary, saved: nil)
            result.shortened = shortenings[i]
            result.exemplarSampleIDs = exemplarIDs
            result.limitBreaches = PlatformTextChecks.limitBreaches(
                text: piece.text, platform: platform, length: options.length, threadPosts: options.threadPosts)
                .map(\.description)
            if options.save && result.overLimit && !options.allowOverLimit {
                result.piece.warnings.append("Not saved: \(result.limitBreaches.joined(separator: "; ")). Shorten it by hand, "
                    + "or save it anyway with --allow-over-limit.")
            }
            if !kind.isRemote, options.engine == .notes, let notes {
                result.plainNotes = plainNotesScores(notes, scorer: scorer)
            }
            results.append(result)
        }
        if options.save {
            let saving = results.indices.filter { !results[$0].overLimit || options.allowOverLimit }
            let created = isoTimestamp(options.now)
            let stem = isoDate(options.now) + "-" + record.slug + "-" + (Slug.make(prompt.isEmpty ? String(notes?.prefix(80) ?? "") : prompt, maxLength: 40).nilIfEmpty ?? "piece")
            let saved = try session.library.saveToLibrary(saving.map { results[$0] }.map { result in
                let entry = LibraryEntry(
                    id: stem, path: "", clone: record.slug, dnaVersion: dnaVersion, platform: result.piece.platform,
                    provider: result.piece.provider, model: result.piece.model, prompt: prompt, seed: result.piece.seed,
                    scores: LibraryScores(voiceMatch: result.voiceMatch, longestCopiedRun: result.piece.longestCopiedRun,
                                          aiLikeness: result.aiLikeness),
                    created: created, status: .draft, words: 0)
                var withExemplars = entry
                withExemplars.exemplarSampleIDs = result.exemplarSampleIDs.isEmpty ? nil : result.exemplarSampleIDs
                return (withExemplars, result.piece.text)
            })
            for (i, entry) in zip(saving, saved) { results[i].saved = entry }
        }
        return GenerateReport(results: results, dryRun: [], warnings: warnings)
    }

    /// A thread the model wrote as one unnumbered block becomes numbered posts, split at sentence ends.
    static func splitIntoPosts(_ piece: GeneratedPiece, platform: Platform, threadPosts: Int?) -> GeneratedPiece {
        guard platform.threads, let wanted = threadPosts, wanted > 1,
              PlatformTextChecks.posts(in: piece.text).count == 1, !PlatformTextChecks.startsWithPostNumber(piece.text) else { return piece }
        var piece = piece
        let posts = ThreadSplitter.split(piece.text, posts: wanted, perPost: platform.maxCharsPerPost ?? 280)
        piece.text = posts.joined(separator: "\n\n")
        piece.warnings.append("The model wrote the thread as one block; it was split into \(posts.count) posts at sentence ends.")
        return piece
    }

    static func validate(_ refine: RefineOptions) throws {
        guard (1...10).contains(refine.rounds) else { throw GenerationError.invalidRefineRounds(refine.rounds) }
        guard (0...100).contains(refine.minVoiceMatch) else {
            throw GenerationError.invalidRefineThreshold(option: "--min-match", value: refine.minVoiceMatch)
        }
        if let max = refine.maxAILikeness, !(0...100).contains(max) {
            throw GenerationError.invalidRefineThreshold(option: "--max-ai", value: max)
        }
    }

    /// The DNA to write from: the stored revision asked for (or the latest), else one measured now from the
    /// samples (with a warning), else none when the samples are too few to measure (the engine and the
    /// prompt then work from the samples alone).
    private func voiceDNA(record: CloneRecord, samples: [AnalysisSample], version: Int?,
                          warnings: inout [String]) throws -> (VoiceDNA?, Int?) {
        if version != nil || !record.dnaVersions.isEmpty {
            let dna = try session.dna.load(of: record.slug, version: version)
            return (dna, dna.version)
        }
        do {
            let dna = try VoiceAnalyzer().analyze(samples)
            warnings.append("\(record.name) has no Voice DNA yet; its habits were measured from the samples for this run. "
                + "Run `voiceclone analyze \(record.slug)` to record them.")
            return (dna, nil)
        } catch {
            warnings.append("\(record.name)'s samples are too few to measure (\(error.localizedDescription)); "
                + "the piece follows the samples alone.")
            return (nil, nil)
        }
    }

}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
