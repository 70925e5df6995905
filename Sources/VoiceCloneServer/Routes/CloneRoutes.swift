import Foundation
import Hummingbird
import VoiceCloneKit

/// Clones: `clone list/create/show/edit/rename/delete`.
enum CloneRoutes {
    struct Create: Decodable, Sendable {
        var name: String
        var description: String?
        var tags: [String]?
    }

    struct Edit: Decodable, Sendable {
        var description: String?
        var avatar: String?
        var tags: [String]?
        var addTags: [String]?
        var removeTags: [String]?
        var notes: String?
    }

    struct Rename: Decodable, Sendable {
        var name: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes

        router.get("/api/clones") { _, _ in
            try JSONBody.response(try await vault.read { $0.clones.list() })
        }
        router.post("/api/clones") { request, _ in
            let body = try await JSONBody.decode(Create.self, from: request, limit: limit)
            let clone = try await vault.write { try $0.clones.create(name: body.name, description: body.description, tags: body.tags ?? []) }
            return try JSONBody.response(clone, status: .created)
        }
        router.get("/api/clones/:clone") { _, context in
            let name = try context.path("clone")
            return try JSONBody.response(try await vault.read { try $0.clones.show(name) })
        }
        router.patch("/api/clones/:clone") { request, context in
            let name = try context.path("clone")
            let body = try await JSONBody.decode(Edit.self, from: request, limit: limit)
            let edit = CloneEdit(description: body.description, avatar: body.avatar, setTags: body.tags,
                                 addTags: body.addTags ?? [], removeTags: body.removeTags ?? [], notes: body.notes)
            return try JSONBody.response(try await vault.write { try $0.clones.edit(name, edit) })
        }
        router.post("/api/clones/:clone/rename") { request, context in
            let name = try context.path("clone")
            let body = try await JSONBody.decode(Rename.self, from: request, limit: limit)
            return try JSONBody.response(try await vault.write { try $0.clones.rename(name, to: body.name) })
        }
        router.delete("/api/clones/:clone") { _, context in
            let name = try context.path("clone")
            return try JSONBody.response(try await vault.write { try $0.clones.delete(name) })
        }
    }
}
