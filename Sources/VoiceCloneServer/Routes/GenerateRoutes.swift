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
            let wantsStream = request.headers[.accept]?.lowercased().contains("text/event-stream") ?? false
            guard wantsStream else {
                let fixed = options
                let report = try await vault.run { try await $0.generate(fixed) }
                return try JSONBody.response(report.results.count == 1 ? AnyEncodable(report.results[0]) : AnyEncodable(report.results))
            }
            let (events, continuation) = AsyncStream<ServerSentEvent>.makeStream()
            options.onText = { variant, fragment in
                continuation.yield(ServerSentEvent(name: "text", value: TextFragment(variant: variant + 1, text: fragment)))
            }
            let run = options
            let task = Task {
                do {
                    let report = try await vault.run { try await $0.generate(run) }
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
        return GenerateOptions(
            clone: clone, platform: body.platform ?? "generic", prompt: body.prompt,
            length: body.words.map(LengthTarget.words) ?? body.chars.map(LengthTarget.characters),
            variants: body.variants ?? 1, provider: body.provider, model: body.model, temperature: body.temperature,
            seed: body.seed, threadPosts: body.thread, save: body.save ?? false, dnaVersion: body.dnaVersion)
    }
}

/// One piece for one variant, an array for several: the CLI's `--json` rule.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
