import Foundation
import Hummingbird
import VoiceCloneKit

/// Saved pieces: `library list/show/search/set-status/delete/diff/promote`, `learn`, and `merge`.
enum LibraryRoutes {
    struct SetStatus: Decodable, Sendable {
        var status: String
    }

    struct Learn: Decodable, Sendable {
        var minSupport: Int?
    }

    struct Merge: Decodable, Sendable {
        var sources: [String]
        var weights: [Double]?
        var name: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes

        router.get("/api/library") { request, _ in
            var status: LibraryStatus?
            if let raw = request.stringQuery("status") {
                guard let parsed = LibraryStatus(loose: raw) else { throw Problem.badRequest("?status= takes draft, approved or published.") }
                status = parsed
            }
            let filter = LibraryFilter(clone: request.stringQuery("clone"), platform: request.stringQuery("platform"), status: status)
            return try JSONBody.response(try await vault.read { try $0.library.entries(filter).entries })
        }
        router.get("/api/library/search") { request, _ in
            guard let text = request.stringQuery("q") else { throw Problem.badRequest("Say what to look for with ?q=.") }
            return try JSONBody.response(try await vault.read { try $0.library.search(text) })
        }
        router.get("/api/library/:piece") { _, context in
            let id = try context.path("piece")
            return try JSONBody.response(try await vault.read { try $0.library.document(id) })
        }
        router.patch("/api/library/:piece") { request, context in
            let id = try context.path("piece")
            let body = try await JSONBody.decode(SetStatus.self, from: request, limit: limit)
            guard let status = LibraryStatus(loose: body.status) else {
                throw Problem(status: .unprocessableContent, detail: "\"status\" takes draft, approved or published.")
            }
            return try JSONBody.response(try await vault.write { try $0.library.setStatus(id, to: status) })
        }
        router.delete("/api/library/:piece") { _, context in
            let id = try context.path("piece")
            return try JSONBody.response(try await vault.write { try $0.library.delete(id, confirmed: true) })
        }
        router.get("/api/library/:piece/diff") { _, context in
            let id = try context.path("piece")
            return try JSONBody.response(try await vault.read { try $0.library.diff(id) })
        }
        router.post("/api/library/:piece/promote") { _, context in
            let id = try context.path("piece")
            return try JSONBody.response(try await vault.write { try $0.library.promote(id) }, status: .created)
        }
        router.post("/api/clones/:clone/learn") { request, context in
            let clone = try context.path("clone")
            var mining = EditMiningOptions()
            if request.headers[.contentType] != nil || (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0 {
                if let support = try await JSONBody.decode(Learn.self, from: request, limit: limit).minSupport {
                    guard (2...1000).contains(support) else {
                        throw Problem(status: .unprocessableContent, detail: "\"min_support\" takes 2 to 1000: one piece is not a habit.")
                    }
                    mining = EditMiningOptions(minSupport: support)
                }
            }
            let options = mining
            return try JSONBody.response(try await vault.write { try $0.dna.learn(clone, options: options) })
        }
        router.post("/api/merge") { request, _ in
            let body = try await JSONBody.decode(Merge.self, from: request, limit: limit)
            guard (2...20).contains(body.sources.count) else {
                throw Problem(status: .unprocessableContent, detail: "\"sources\" takes 2 to 20 clones.")
            }
            let result = try await vault.write { try $0.merges.create(sources: body.sources, weights: body.weights, name: body.name) }
            return try JSONBody.response(result, status: .created)
        }
    }
}
