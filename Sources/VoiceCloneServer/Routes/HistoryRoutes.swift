import Foundation
import Hummingbird
import VoiceCloneHistory
import VoiceCloneKit

/// The vault as a whole: `status`, `check [--samples]`, `log`, `sync`, `sync conflicts`, `sync resolve`,
/// `remote list/add/remove`.
enum HistoryRoutes {
    struct Sync: Decodable, Sendable {
        var remote: String?
    }

    struct Resolve: Decodable, Sendable {
        /// The path of this vault's copy, as `GET /api/sync/conflicts` lists it (`local_copy`).
        var localCopy: String?
        /// Or the sample's id (`sample_id`), with its `clone` when the listing says the conflict `needs` it.
        var sampleID: String?
        var clone: String?
        var keep: String

        // The decoder converts snake_case keys first: `sample_id` arrives as `sampleId`.
        enum CodingKeys: String, CodingKey {
            case localCopy, clone, keep
            case sampleID = "sampleId"
        }
    }

    struct AddRemote: Decodable, Sendable {
        var name: String
        var url: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes

        router.get("/api/status") { request, _ in
            let remote = request.stringQuery("remote")
            return try JSONBody.response(try await vault.read { try $0.history.status(remote: remote) })
        }
        router.get("/api/check") { request, _ in
            // `check --samples [--clone C] [--threshold N]`: also judge every sample not marked ai_assisted.
            let samples: Bool
            switch request.stringQuery("samples")?.lowercased() {
            case nil, "false", "0": samples = false
            case "true", "1": samples = true
            case let other?: throw Problem.badRequest("?samples= takes true or false; got \"\(other.prefix(40))\".")
            }
            let clone = request.stringQuery("clone")
            let threshold = try request.intQuery("threshold", in: 1...99)
            if !samples && (clone != nil || threshold != nil) { throw Problem.badRequest("?clone= and ?threshold= go with ?samples=true.") }
            return try JSONBody.response(try await vault.read { try $0.checks.run(samples: samples, clone: clone, threshold: threshold) })
        }
        router.get("/api/log") { request, _ in
            let clone = request.stringQuery("clone")
            let count = try request.intQuery("limit", in: 1...10_000) ?? 100
            return try JSONBody.response(try await vault.read { try $0.history.log(clone: clone, limit: count) })
        }
        router.post("/api/sync") { request, _ in
            var remote: String?
            if request.headers[.contentType] != nil {
                remote = try await JSONBody.decode(Sync.self, from: request, limit: limit).remote
            }
            let options = SyncOptions(remote: remote)
            return try JSONBody.response(try await vault.write { try $0.sync.run(options) })
        }
        router.get("/api/sync/conflicts") { _, _ in
            try JSONBody.response(try await vault.read { try $0.sync.conflicts() })
        }
        router.post("/api/sync/conflicts/resolve") { request, _ in
            let body = try await JSONBody.decode(Resolve.self, from: request, limit: limit)
            guard let choice = ConflictChoice(rawValue: body.keep) else {
                throw Problem(status: .unprocessableContent, detail: "\"keep\" is mine, theirs or both; got \"\(body.keep.prefix(40))\".")
            }
            switch (body.localCopy, body.sampleID) {
            case (let copy?, nil):
                guard !copy.isEmpty, body.clone == nil else {
                    throw Problem(status: .unprocessableContent, detail: body.clone == nil
                        ? "\"local_copy\" needs the path of this vault's copy, as GET /api/sync/conflicts lists it."
                        : "\"clone\" goes with \"sample_id\"; \"local_copy\" names the conflict alone.")
                }
                return try JSONBody.response(try await vault.write { try $0.sync.resolve(localCopy: copy, keep: choice) })
            case (nil, let id?) where !id.isEmpty:
                return try JSONBody.response(try await vault.write { try $0.sync.resolve(sample: id, clone: body.clone, keep: choice) })
            default:
                throw Problem(status: .unprocessableContent,
                              detail: "Name the conflict by \"local_copy\" or by \"sample_id\" (and \"clone\"), as GET /api/sync/conflicts lists it; not both.")
            }
        }
        router.get("/api/remotes") { _, _ in
            try JSONBody.response(try await vault.read { try $0.sync.remotes() })
        }
        router.post("/api/remotes") { request, _ in
            let body = try await JSONBody.decode(AddRemote.self, from: request, limit: limit)
            let url = body.url.trimmingCharacters(in: .whitespaces)
            guard !url.isEmpty, !url.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
                throw Problem(status: .unprocessableContent, detail: "\"url\" needs a remote address: a path, file://, ssh or https URL.")
            }
            do {
                return try JSONBody.response(try await vault.write { try $0.sync.addRemote(name: body.name, url: url) }, status: .created)
            } catch let error as GitError {
                // libgit2 refused the address itself; nothing was written.
                throw Problem(status: .unprocessableContent, detail: error.localizedDescription)
            }
        }
        router.delete("/api/remotes/:remote") { _, context in
            let name = try context.path("remote")
            return try JSONBody.response(try await vault.write { try $0.sync.removeRemote(name: name) })
        }
    }
}
