import Foundation
import Hummingbird
import VoiceCloneKit

/// Voice DNA: analysis as a job with progress, and `dna show/log/diff` for any revision.
enum DNARoutes {
    struct Analyze: Decodable, Sendable {
        var includeAiAssisted: Bool?
        /// `analyze --with-llm`: also a language model's qualitative reading (one clone at a time).
        var withLlm: Bool?
        var provider: String?
        var model: String?
        var refresh: Bool?
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let jobs = state.jobs
        let limit = state.configuration.maxJSONBytes

        router.post("/api/clones/:clone/analyze") { request, context in
            let clone = try context.path("clone")
            let body = try await optionalBody(request, limit: limit)
            let options = AnalyzeOptions(includeAIAssisted: body.includeAiAssisted ?? false)
            if body.withLlm != true, body.provider != nil || body.model != nil || body.refresh != nil {
                throw Problem(status: .unprocessableContent, detail: "\"provider\", \"model\" and \"refresh\" go with \"with_llm\": true.")
            }
            // An unknown clone is a 404 now, not a failed job later.
            let name = try await vault.read { try $0.clones.show(clone).clone.name }
            let job = Job(kind: "analyze", clone: name)
            if body.withLlm == true {
                let describe = DescribeVoiceOptions(clone: clone, provider: body.provider, model: body.model, refresh: body.refresh ?? false)
                jobs.start(job) { job in
                    job.report(progress: JobProgress(done: 0, total: 1, label: "asking the language model about \(clone)"))
                    do {
                        let result = try await vault.run { try await $0.dna.analyzeWithLLM(clone, options: options, describe: describe) }
                        job.succeed(.dna(result))
                    } catch {
                        job.fail(ErrorStatus.problem(for: error))
                    }
                }
            } else {
                jobs.start(job) { job in
                    do {
                        let result = try await vault.write { try $0.dna.analyze(clone, options: options, progress: JobProgressSink(job: job)) }
                        job.succeed(.dna(result))
                    } catch {
                        job.fail(ErrorStatus.problem(for: error))
                    }
                }
            }
            return try accepted(job)
        }
        // `analyze --all`: every clone, merged ones re-blended after their sources; one clone that cannot be
        // analysed is reported in the result and does not stop the others.
        router.post("/api/analyze") { request, _ in
            let body = try await optionalBody(request, limit: limit)
            if body.withLlm == true || body.provider != nil || body.model != nil || body.refresh != nil {
                throw Problem(status: .unprocessableContent, detail: "\"with_llm\" works on one clone at a time: POST /api/clones/{clone}/analyze.")
            }
            let options = AnalyzeOptions(includeAIAssisted: body.includeAiAssisted ?? false)
            let job = Job(kind: "analyze_all", clone: nil)
            jobs.start(job) { job in
                do {
                    let results = try await vault.write { try $0.dna.analyzeAll(options: options, progress: JobProgressSink(job: job)) }
                    job.succeed(.all(results.map(AnalyzeOutcome.init)))
                } catch {
                    job.fail(ErrorStatus.problem(for: error))
                }
            }
            return try accepted(job)
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
            return JSONBody.raw(try await vault.read { try $0.dna.fileData(of: clone, version: version) })
        }
        router.get("/api/clones/:clone/dna/log") { _, context in
            let clone = try context.path("clone")
            return try JSONBody.response(try await vault.read { try $0.dna.log(of: clone) })
        }
        router.get("/api/clones/:clone/dna/diff") { request, context in
            let clone = try context.path("clone")
            let from = try request.intQuery("from", in: 1...1_000_000), to = try request.intQuery("to", in: 1...1_000_000)
            return try JSONBody.response(try await vault.read { try $0.dna.diff(of: clone, from: from, to: to) })
        }
    }

    /// The analyse options, or none: the body is optional (an empty POST analyses with the defaults).
    static func optionalBody(_ request: Request, limit: Int) async throws -> Analyze {
        guard request.headers[.contentType] != nil || (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0 else {
            return Analyze()
        }
        return try await JSONBody.decode(Analyze.self, from: request, limit: limit)
    }

    /// 202 with the job, and where to follow it.
    static func accepted(_ job: Job) throws -> Response {
        var response = try JSONBody.response(job.snapshot, status: .accepted)
        response.headers[.location] = "/api/jobs/\(job.id)"
        return response
    }
}
