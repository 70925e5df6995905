import Foundation
import Hummingbird
import VoiceCloneKit

/// Voice DNA: analysis as a job with progress, and `dna show/log/diff` for any revision.
enum DNARoutes {
    struct Analyze: Decodable, Sendable {
        var includeAiAssisted: Bool?
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let jobs = state.jobs

        router.post("/api/clones/:clone/analyze") { request, context in
            let clone = try context.path("clone")
            var options = AnalyzeOptions()
            if request.headers[.contentType] != nil || (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0 {
                let body = try await JSONBody.decode(Analyze.self, from: request, limit: state.configuration.maxJSONBytes)
                options.includeAIAssisted = body.includeAiAssisted ?? false
            }
            // An unknown clone is a 404 now, not a failed job later.
            let name = try await vault.read { try $0.showClone(clone).clone.name }
            let job = Job(kind: "analyze", clone: name)
            let analyze = options
            jobs.start(job) { job in
                do {
                    let result = try await vault.write { try $0.analyze(clone, options: analyze, progress: JobProgressSink(job: job)) }
                    job.succeed(result)
                } catch {
                    job.fail(ErrorStatus.problem(for: error))
                }
            }
            var response = try JSONBody.response(job.snapshot, status: .accepted)
            response.headers[.location] = "/api/jobs/\(job.id)"
            return response
        }
        router.get("/api/jobs/:job") { _, context in
            guard let job = jobs.job(try context.path("job")) else { throw Problem.notFound("No such job in this server's run.") }
            return try JSONBody.response(job.snapshot)
        }
        router.get("/api/jobs/:job/events") { _, context in
            guard let job = jobs.job(try context.path("job")) else { throw Problem.notFound("No such job in this server's run.") }
            return ServerSentEvent.response(job.subscribe())
        }

        router.get("/api/clones/:clone/dna") { request, context in
            let clone = try context.path("clone")
            let version = try request.intQuery("version", in: 1...1_000_000)
            // The revision file itself, byte for byte, as `dna show --json` prints it.
            return JSONBody.raw(try await vault.read { try $0.dnaFileData(of: clone, version: version) })
        }
        router.get("/api/clones/:clone/dna/log") { _, context in
            let clone = try context.path("clone")
            return try JSONBody.response(try await vault.read { try $0.dnaLog(of: clone) })
        }
        router.get("/api/clones/:clone/dna/diff") { request, context in
            let clone = try context.path("clone")
            let from = try request.intQuery("from", in: 1...1_000_000), to = try request.intQuery("to", in: 1...1_000_000)
            return try JSONBody.response(try await vault.read { try $0.dnaDiff(of: clone, from: from, to: to) })
        }
    }
}
