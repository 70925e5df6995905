import Foundation
import Hummingbird
import VoiceCloneKit

/// A long operation (analysis) running after its request was answered with 202. Clients follow it with
/// `GET /api/jobs/{id}` or as server-sent events from `GET /api/jobs/{id}/events`, which replay what happened
/// so far and then follow live until the job ends.
final class Job: @unchecked Sendable {
    enum Status: String, Codable, Sendable { case running, succeeded, failed }

    let id: String
    let kind: String
    /// The clone analysed; nil for a job over every clone.
    let clone: String?
    private let lock = NSLock()
    private var status = Status.running
    private var progress: JobProgress?
    private var result: JobResult?
    private var problem: Problem?
    private var events: [ServerSentEvent] = []
    private var subscribers: [UUID: AsyncStream<ServerSentEvent>.Continuation] = [:]

    init(kind: String, clone: String?) {
        id = LaunchToken.random().prefix(16).lowercased()
        self.kind = kind
        self.clone = clone
    }

    var snapshot: JobSnapshot {
        lock.withLock { JobSnapshot(id: id, kind: kind, clone: clone, status: status, progress: progress, result: result, error: problem) }
    }

    var isFinished: Bool { lock.withLock { status != .running } }

    func report(progress: JobProgress) {
        lock.withLock { self.progress = progress }
        emit(ServerSentEvent(name: "progress", value: progress), final: false)
    }

    func succeed(_ result: JobResult) {
        lock.withLock {
            status = .succeeded
            self.result = result
        }
        emit(ServerSentEvent(name: "done", value: snapshot), final: true)
    }

    func fail(_ problem: Problem) {
        lock.withLock {
            status = .failed
            self.problem = problem
        }
        emit(ServerSentEvent(name: "failed", value: snapshot), final: true)
    }

    /// Everything so far, then what comes next; the stream ends with the job.
    func subscribe() -> AsyncStream<ServerSentEvent> {
        AsyncStream { continuation in
            let key = UUID()
            lock.withLock {
                for event in events { continuation.yield(event) }
                if status != .running {
                    continuation.finish()
                } else {
                    subscribers[key] = continuation
                }
            }
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                _ = self.lock.withLock { self.subscribers.removeValue(forKey: key) }
            }
        }
    }

    private func emit(_ event: ServerSentEvent, final: Bool) {
        let current: [AsyncStream<ServerSentEvent>.Continuation] = lock.withLock {
            events.append(event)
            let all = Array(subscribers.values)
            if final { subscribers.removeAll() }
            return all
        }
        for continuation in current {
            continuation.yield(event)
            if final { continuation.finish() }
        }
    }
}

/// `GET /api/jobs/{id}`, and the data of the `done`/`failed` events.
struct JobSnapshot: Encodable, Sendable {
    var id: String
    var kind: String
    var clone: String?
    var status: Job.Status
    var progress: JobProgress?
    var result: JobResult?
    var error: Problem?
}

/// What a finished job made: one clone's DNA result (`analyze`), or one entry per clone (`analyze_all`, the
/// CLI's `analyze --all --json`), where a clone that could not be analysed has `status: failed` and its `error`.
enum JobResult: Encodable, Sendable {
    case dna(DNAStoreResult)
    case all([AnalyzeOutcome])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .dna(let result): try result.encode(to: encoder)
        case .all(let outcomes): try outcomes.encode(to: encoder)
        }
    }
}

/// How far a job has come: `done` of `total` steps, and what it is doing.
struct JobProgress: Codable, Sendable {
    var done: Int
    var total: Int
    var label: String
}

/// Hands Kit's progress to the job.
struct JobProgressSink: ProgressSink {
    let job: Job

    func update(done: Int, total: Int, label: String) {
        job.report(progress: JobProgress(done: done, total: total, label: label))
    }

    func finish() {}
}

/// Jobs of this launch, newest kept; the server waits for running ones when it shuts down.
final class JobRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private let keep = 200

    func start(_ job: Job, _ work: @escaping @Sendable (Job) async -> Void) {
        lock.withLock {
            jobs[job.id] = job
            order.append(job.id)
            while order.count > keep, let oldest = order.first, jobs[oldest]?.isFinished ?? true {
                order.removeFirst()
                jobs[oldest] = nil
            }
            tasks[job.id] = Task {
                await work(job)
                _ = self.lock.withLock { self.tasks.removeValue(forKey: job.id) }
            }
        }
    }

    func job(_ id: String) -> Job? { lock.withLock { jobs[id] } }

    /// Lets running jobs finish (each holds the vault lock only inside Kit, which releases it on return).
    func waitForRunning() async {
        let running = lock.withLock { Array(tasks.values) }
        for task in running { await task.value }
    }
}
