import Foundation
import Hummingbird
import VoiceCloneKit

/// Judging texts: `stats`, `attribute`, `match`, `detect`, `rewrite`. Each takes one text as JSON and answers with
/// the object the CLI prints for one input.
enum VoiceRoutes {
    struct Attribute: Decodable, Sendable {
        var text: String
        var clones: [String]?
        var top: Int?
    }

    struct Detect: Decodable, Sendable {
        var text: String
        var clone: String?
        var threshold: Int?
    }

    struct Rewrite: Decodable, Sendable {
        var text: String
        var provider: String?
        var model: String?
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes

        router.post("/api/stats") { request, _ in
            let text = try await JSONBody.decode(TextBody.self, from: request, limit: limit).checked()
            let results = TextStatistics.measure(["-"], standardInput: { Data(text.utf8) })
            return try JSONBody.canonical(try single(results))
        }
        router.post("/api/attribute") { request, _ in
            let body = try await JSONBody.decode(Attribute.self, from: request, limit: limit)
            let text = try TextBody(text: body.text).checked()
            if let top = body.top, !(1...100).contains(top) { throw Problem(status: .unprocessableContent, detail: "\"top\" takes 1 to 100.") }
            let results = try await vault.read { try $0.attribution.attribute(["-"], clones: body.clones, top: body.top, standardInput: { Data(text.utf8) }) }
            return try JSONBody.response(try single(results))
        }
        router.post("/api/clones/:clone/match") { request, context in
            let clone = try context.path("clone")
            let text = try await JSONBody.decode(TextBody.self, from: request, limit: limit).checked()
            let results = try await vault.read { try $0.attribution.match(clone, inputs: ["-"], standardInput: { Data(text.utf8) }) }
            return try JSONBody.response(try single(results))
        }
        router.post("/api/detect") { request, _ in
            let body = try await JSONBody.decode(Detect.self, from: request, limit: limit)
            let text = try TextBody(text: body.text).checked()
            if let t = body.threshold, !(1...99).contains(t) { throw Problem(status: .unprocessableContent, detail: "\"threshold\" takes 1 to 99.") }
            let reports = try await vault.read {
                try $0.detection.detect(texts: [NamedText(file: "request", text: text)], clone: body.clone, threshold: body.threshold)
            }
            guard let report = reports.first else { throw Problem(status: .unprocessableContent, detail: "The text could not be judged.") }
            return try JSONBody.response(report)
        }
        router.post("/api/clones/:clone/rewrite") { request, context in
            let clone = try context.path("clone")
            let body = try await JSONBody.decode(Rewrite.self, from: request, limit: limit)
            let text = NamedText(file: "request", text: try TextBody(text: body.text).checked())
            let report = try await vault.run { workspace in
                try await workspace.detection.rewrite(clone: clone, text: text, provider: body.provider, model: body.model)
            }
            return try JSONBody.response(report)
        }
    }

    /// The one result of a one-text batch, or its failure as a 422.
    static func single<T>(_ results: [Result<T, InputFailure>]) throws -> T {
        switch results.first {
        case .success(let value): return value
        case .failure(let failure): throw Problem(status: .unprocessableContent, detail: failure.error)
        case nil: throw Problem(status: .unprocessableContent, detail: "The text could not be read.")
        }
    }
}
