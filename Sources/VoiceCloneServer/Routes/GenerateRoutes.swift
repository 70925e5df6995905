import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// `generate`: JSON by default; with `Accept: text/event-stream` the text arrives as it is written
/// (`text` events), then the finished pieces with provenance and scores (`result`), or a `failed` problem.
/// `dry_run` and `refine` answer as JSON only; unmet aims in a JSON answer are the CLI's exit 1: a 422 carrying the pieces.
enum GenerateRoutes {
    struct Generate: Decodable, Sendable {
        var prompt: String
        var platform: String?
        var words: Int?
        var chars: Int?
        var variants: Int?
        var seed: UInt64?
        var thread: Int?
        var save: Bool?
        var provider: String?
        var model: String?
        var temperature: Double?
        var dnaVersion: Int?
        /// `--dry-run`: the exact request a remote provider would get (key redacted); nothing is sent.
        var dryRun: Bool?
        /// `--refine N`, `--min-match`, `--max-ai`: rounds of scoring and revision, and the aims.
        var refine: Int?
        var minMatch: Int?
        var maxAi: Int?
        /// `--allow-over-limit`: a piece still over a platform's hard limit is a success (and saved).
        var allowOverLimit: Bool?
    }

    /// 422 when a piece misses what the request held it to (the CLI exits 1): the problem plus the pieces, the
    /// kept (best-scoring) round of each included, so nothing written is lost.
    struct UnmetChecks: Encodable, Sendable {
        var type = "about:blank"
        var title = HTTPResponse.Status.unprocessableContent.reasonPhrase
        var status = 422
        var detail: String
        var results: [GenerationResult]
    }

    struct TextFragment: Encodable, Sendable {
        var variant: Int
        var text: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault

        router.post("/api/clones/:clone/generate") { request, context in
            let clone = try context.path("clone")
            let body = try await JSONBody.decode(Generate.self, from: request, limit: state.configuration.maxJSONBytes)
            var options = try makeOptions(clone: clone, body)
            let allowOverLimit = body.allowOverLimit ?? false, save = body.save ?? false
            // A dry run and a refined piece are known only at the end: they answer as JSON, never as a stream.
            let wantsStream = (request.headers[.accept]?.lowercased().contains("text/event-stream") ?? false)
                && !options.dryRun && options.refine == nil
            guard wantsStream else {
                let fixed = options
                let report = try await vault.run { try await $0.generation.generate(fixed) }
                if fixed.dryRun { return try JSONBody.response(report.dryRunOutput) }
                if let unmet = unmet(report, allowOverLimit: allowOverLimit, save: save) {
                    var response = try JSONBody.response(unmet, status: .unprocessableContent)
                    response.headers[.contentType] = "application/problem+json"
                    return response
                }
                return try JSONBody.response(report.results.count == 1 ? AnyEncodable(report.results[0]) : AnyEncodable(report.results))
            }
            let (events, continuation) = AsyncStream<ServerSentEvent>.makeStream()
            options.onText = { variant, fragment in
                continuation.yield(ServerSentEvent(name: "text", value: TextFragment(variant: variant + 1, text: fragment)))
            }
            let run = options
            let task = Task {
                do {
                    // Refined pieces never stream, so only a limit can be unmet here; the pieces' own `over_limit`
                    // and `checks` say so, and the web app's Write page shows them.
                    let report = try await vault.run { try await $0.generation.generate(run) }
                    continuation.yield(ServerSentEvent(name: "result", value: report.results))
                } catch {
                    continuation.yield(ServerSentEvent(name: "failed", value: ErrorStatus.problem(for: error)))
                }
                continuation.finish()
            }
            // A client that goes away stops the generation (the provider's transfer is cancelled).
            continuation.onTermination = { _ in task.cancel() }
            return ServerSentEvent.response(events)
        }
    }

    static func makeOptions(clone: String, _ body: Generate) throws -> GenerateOptions {
        func invalid(_ detail: String) -> Problem { Problem(status: .unprocessableContent, detail: detail) }
        guard !body.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw invalid("\"prompt\" is empty: say what the piece is about.") }
        if body.words != nil && body.chars != nil { throw invalid("Give \"words\" or \"chars\", not both.") }
        if let words = body.words, !(5...5_000).contains(words) { throw invalid("\"words\" takes 5 to 5000.") }
        if let chars = body.chars, !(40...40_000).contains(chars) { throw invalid("\"chars\" takes 40 to 40000.") }
        if let variants = body.variants, !(1...10).contains(variants) { throw invalid("\"variants\" takes 1 to 10.") }
        if let thread = body.thread, !(2...25).contains(thread) { throw invalid("\"thread\" takes 2 to 25 posts.") }
        if let temperature = body.temperature, !(0...2).contains(temperature) { throw invalid("\"temperature\" takes 0 to 2.") }
        if let version = body.dnaVersion, version < 1 { throw invalid("\"dna_version\" starts at 1.") }
        let dryRun = body.dryRun ?? false
        if dryRun && body.save == true { throw invalid("\"dry_run\" sends nothing, so there is nothing to \"save\".") }
        if let refine = body.refine, !(1...10).contains(refine) { throw invalid("\"refine\" takes 1 to 10 rounds.") }
        if body.refine == nil && (body.minMatch != nil || body.maxAi != nil) { throw invalid("\"min_match\" and \"max_ai\" go with \"refine\".") }
        if let minMatch = body.minMatch, !(0...100).contains(minMatch) { throw invalid("\"min_match\" takes a score from 0 to 100.") }
        if let maxAI = body.maxAi, !(0...100).contains(maxAI) { throw invalid("\"max_ai\" takes a score from 0 to 100.") }
        var options = GenerateOptions(
            clone: clone, platform: body.platform ?? "generic", prompt: body.prompt,
            length: body.words.map(LengthTarget.words) ?? body.chars.map(LengthTarget.characters),
            variants: body.variants ?? 1, provider: body.provider, model: body.model, temperature: body.temperature,
            seed: body.seed, threadPosts: body.thread, dryRun: dryRun, save: body.save ?? false, dnaVersion: body.dnaVersion,
            refine: body.refine.map { RefineOptions(rounds: $0, minVoiceMatch: body.minMatch ?? RefineOptions.defaultMinVoiceMatch, maxAILikeness: body.maxAi) })
        options.allowOverLimit = body.allowOverLimit ?? false
        return options
    }

    /// The CLI's failure rule (`GenerateReport.unmetChecks`), as a problem carrying the pieces; nil when all is met.
    static func unmet(_ report: GenerateReport, allowOverLimit: Bool, save: Bool) -> UnmetChecks? {
        let unmet = report.unmetChecks(allowOverLimit: allowOverLimit, saveRequested: save)
        guard !unmet.isEmpty else { return nil }
        return UnmetChecks(detail: unmet.joined(separator: "; ") + ". Edit the piece, or generate again (shorter, or with more "
                               + "refine rounds); \"allow_over_limit\": true accepts a piece over a limit.",
                           results: report.results)
    }
}

/// One piece for one variant, an array for several: the CLI's `--json` rule.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
