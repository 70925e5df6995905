import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneVoice

/// `generate`: writes pieces in a clone's voice with the offline engine or a language model, measures them,
/// and saves them to the library on request.
extension Workspace {
    public func generate(_ options: GenerateOptions) async throws -> GenerateReport {
        guard (1...10).contains(options.variants) else { throw GenerationError.invalidVariants(options.variants) }
        if let posts = options.threadPosts, !(2...25).contains(posts) { throw GenerationError.invalidThread(posts) }
        let record = try index.requireClone(options.clone)
        let providerName = options.provider ?? config.defaultProvider
        guard let kind = ProviderKind(loose: providerName) else { throw GenerationError.unknownProvider(providerName) }
        let (platform, guidance) = try PlatformCatalog(config: config).platform(named: options.platform)
        let prompt = options.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !prompt.isEmpty else { throw PromptError.emptyPrompt }
        if options.dryRun && !kind.isRemote { throw GenerationError.dryRunIsForRemoteProviders }

        let samples = try analysisSamples(of: record.slug).filter { !$0.aiAssisted }
        guard !samples.isEmpty else { throw GenerationError.noSamples(clone: record.name) }
        var warnings: [String] = []
        let (dna, dnaVersion) = try voiceDNA(record: record, samples: samples, version: options.dnaVersion,
                                             warnings: &warnings)
        let texts = samples.map(\.text)

        var pieces: [GeneratedPiece] = []
        if kind.isRemote {
            let settings = try remoteSettings(kind: kind, model: options.model, baseURL: options.baseURL,
                                              requireKey: !options.dryRun, retry: options.retry)
            guard let provider = ProviderKind.remoteProvider(settings) else {
                throw GenerationError.unknownProvider(providerName)
            }
            let messages = try VoicePrompt(
                writer: record.name, dna: dna, samples: samples, platform: platform, platformGuidance: guidance
            ).messages(prompt: prompt, length: options.length, threadPosts: options.threadPosts)
            let requests = (0..<options.variants).map { i in
                GenerationRequest(
                    messages: messages, platform: platform, length: options.length, temperature: options.temperature,
                    seed: options.seed.map { $0 &+ UInt64(i) }, threadPosts: options.threadPosts)
            }
            if options.dryRun {
                let prepared = try requests.map { try provider.preparedRequest(for: $0, streaming: options.onText != nil) }
                return GenerateReport(results: [], dryRun: prepared, warnings: warnings)
            }
            for (i, request) in requests.enumerated() {
                try Task.checkCancellation()
                let sink = options.onText.map { callback in { @Sendable (text: String) in callback(i, text) } }
                pieces.append(try await provider.generate(request, onText: sink))
            }
        } else {
            let style = dna.map(StyleTargets.init(dna:)) ?? .fromSamples
            let engine = try LocalEngine(samples: texts, style: style)
            let firstSeed = options.seed ?? UInt64.random(in: 0...UInt64.max)
            for i in 0..<options.variants {
                try Task.checkCancellation()
                let request = GenerationRequest(
                    prompt: prompt, platform: platform, length: options.length, temperature: options.temperature,
                    seed: firstSeed &+ UInt64(i), threadPosts: options.threadPosts)
                let sink = options.onText.map { callback in { @Sendable (text: String) in callback(i, text) } }
                pieces.append(try await engine.generate(request, onText: sink))
            }
        }

        let copyGuard = CopyGuard(samples: texts)
        let matcher = try? VoiceMatcher(clone: AttributionCandidate(name: record.slug, texts: texts))
        var results: [GenerationResult] = pieces.enumerated().map { i, piece in
            var piece = piece
            if kind.isRemote {
                // A language model has never seen the copy guard: measure its text the same way the engine does.
                let run = copyGuard.longestSharedRun(piece.text)
                piece.longestCopiedRun = run
                piece.checks = PieceInspection.checks(
                    text: piece.text, platform: platform, length: options.length, threadPosts: options.threadPosts,
                    copyGuard: copyGuard)
                if run >= copyGuard.limit {
                    piece.warnings.append("The model repeated a \(run)-word run from a sample; rewrite it before publishing.")
                }
            }
            return GenerationResult(variant: i + 1, clone: record.slug, piece: piece, dnaVersion: dnaVersion,
                                    voiceMatch: matcher?.match(piece.text).score, saved: nil)
        }
        for i in results.indices { results[i].piece.warnings.insert(contentsOf: warnings, at: 0) }
        if options.save {
            let created = Self.timestamp(options.now)
            let stem = isoDate(options.now) + "-" + record.slug + "-" + (Slug.make(prompt, maxLength: 40).nilIfEmpty ?? "piece")
            let saved = try saveToLibrary(results.map { result in
                let entry = LibraryEntry(
                    id: stem, path: "", clone: record.slug, dnaVersion: dnaVersion, platform: result.piece.platform,
                    provider: result.piece.provider, model: result.piece.model, prompt: prompt, seed: result.piece.seed,
                    scores: LibraryScores(voiceMatch: result.voiceMatch, longestCopiedRun: result.piece.longestCopiedRun),
                    created: created, status: .draft, words: 0)
                return (entry, result.piece.text)
            })
            for i in results.indices { results[i].saved = saved[i] }
        }
        return GenerateReport(results: results, dryRun: [], warnings: warnings)
    }

    /// The DNA to write from: the stored revision asked for (or the latest), else one measured now from the
    /// samples (with a warning), else none when the samples are too few to measure (the engine and the
    /// prompt then work from the samples alone).
    private func voiceDNA(record: CloneRecord, samples: [AnalysisSample], version: Int?,
                          warnings: inout [String]) throws -> (VoiceDNA?, Int?) {
        if version != nil || !record.dnaVersions.isEmpty {
            let dna = try loadDNA(of: record.slug, version: version)
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

    /// `2026-11-24T09:30:00Z`: seconds precision, UTC, the same on every machine.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
