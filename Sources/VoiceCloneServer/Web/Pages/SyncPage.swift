import Foundation
import Hummingbird
import VoiceCloneKit

/// Sync: the vault's remotes (Kit's `sync.remotes`), "Sync now" (Kit's `sync.run`, what `voiceclone sync` runs) with
/// what it did, and a form to add a remote. A sample both sides edited is listed with both texts side by side until
/// the writer chooses (Kit's `sync.conflicts`, `sync.resolve`); nothing is resolved for them.
enum SyncPage {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/sync", use: WebRoutes.page(back: "/status") { request, _ in
            let notice = Notice.message(request)
            return try await vault.read { try page($0, notice: notice) }
        })
        router.post("/sync", use: WebRoutes.page(back: "/sync") { request, _ in
            let form = try await FormBody.read(request, limit: 4096)
            let remote = form.field("remote")
            do {
                let report = try await vault.write { try $0.sync.run(SyncOptions(remote: remote)) }
                return try await vault.read { try page($0, notice: nil, selected: remote, report: report) }
            } catch {
                return try await vault.read { try page($0, notice: nil, selected: remote, syncError: error) }
            }
        })
        router.post("/sync/conflicts", use: WebRoutes.page(back: "/sync") { request, _ in
            let form = try await FormBody.read(request, limit: 8192)
            guard let copy = form.field("copy") else {
                throw Problem(status: .unprocessableContent, detail: "Say which conflict to resolve (the form sends its copy's path).")
            }
            guard let choice = form.field("keep").flatMap(ConflictChoice.init(rawValue:)) else {
                throw Problem(status: .unprocessableContent, detail: "Choose which text to keep: mine, theirs or both.")
            }
            let resolution = try await vault.write { try $0.sync.resolve(localCopy: copy, keep: choice) }
            return HTMLPage.redirect("/sync?notice=resolved-\(resolution.choice.rawValue)")
        })
        router.post("/sync/remotes", use: WebRoutes.page(back: "/sync") { request, _ in
            let form = try await FormBody.read(request, limit: 8192)
            let name = form.field("name") ?? "", url = form.field("url") ?? ""
            do {
                guard !name.isEmpty, !url.isEmpty else {
                    throw Problem(status: .unprocessableContent, detail: "Give the remote a name (such as origin) and its address.")
                }
                _ = try await vault.write { try $0.sync.addRemote(name: name, url: url) }
                return HTMLPage.redirect("/sync?notice=remote-added")
            } catch {
                return try await vault.read { try page($0, notice: nil, remoteError: error, typed: (name, url)) }
            }
        })
    }

    /// A remote's address without a password someone put into it (`https://user:secret@host/…`).
    static func shown(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@"),
              !url[scheme.upperBound..<at].contains("/") else { return url }
        let user = url[scheme.upperBound..<at].split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return String(url[..<scheme.upperBound]) + (user.isEmpty ? "" : user + ":…") + String(url[at...])
    }

    static func page(_ workspace: Workspace, notice: String?, selected: String? = nil, report: SyncReport? = nil,
                     syncError: (any Error)? = nil, remoteError: (any Error)? = nil, typed: (String, String) = ("", "")) throws -> Response {
        let remotes = try workspace.sync.remotes()
        var context: [String: Any] = [:]
        context["notice"] = notice
        let chosen = selected ?? (remotes.contains { $0.name == "origin" } ? "origin" : remotes.first?.name)
        context["remotes"] = remotes.map { ["name": $0.name, "url": shown($0.url), "selected": $0.name == chosen] }
        context["hasRemotes"] = !remotes.isEmpty
        context["remoteName"] = typed.0
        context["remoteURL"] = typed.1
        var status = HTTPResponse.Status.ok
        for (key, error) in [("syncError", syncError), ("remoteError", remoteError)] {
            guard let error else { continue }
            let problem = ErrorStatus.problem(for: error)
            status = .init(code: problem.status)
            context[key] = problem.detail
        }
        if let report { context["report"] = reportContext(report) }
        let pending = try workspace.sync.conflicts()
        context["pending"] = pending.enumerated().map { pendingContext($1, number: $0 + 1) }
        context["pendingCount"] = pending.isEmpty ? nil : pending.count
        return try PageRenderer.render("sync", section: "status", title: "Sync", context, status: status)
    }

    static func reportContext(_ report: SyncReport) -> [String: Any] {
        let place = report.remoteBranch == report.branch ? report.remote : "\(report.remote)'s \(report.remoteBranch)"
        let outcome: String
        switch report.outcome {
        case .upToDate: outcome = "Up to date with \(report.remote) (\(report.remoteBranch)): nothing to send or receive."
        case .pushed: outcome = "Pushed \(report.sentCommits) commit(s) to \(place)."
        case .fastForward: outcome = "Received \(report.received.count) changed file(s) from \(report.remote)."
        case .merged: outcome = "Merged with \(report.remote): received \(report.received.count) file(s), sent \(report.sentCommits) commit(s)."
        }
        var context: [String: Any] = [
            "outcome": outcome, "outcomeKey": report.outcome.rawValue,
            "committed": report.committed.map { ["path": $0] }, "hasCommitted": !report.committed.isEmpty,
            "received": report.received.map { ["path": $0] }, "hasReceived": !report.received.isEmpty,
            "renumbered": report.renumbered.map { ["text": "\($0.clone): DNA revision \($0.from) was written on both sides; this vault's is now \($0.to)."] },
            "conflicts": report.conflicts.map(conflictContext), "hasConflicts": !report.conflicts.isEmpty,
            "conflictCount": report.conflicts.count,
        ]
        if report.attempts > 1 { context["attempts"] = "The remote moved during the sync; integrated again (\(report.attempts) attempts)." }
        return context
    }

    /// One conflict to resolve: both texts in paragraphs, and the choices that make sense (no "theirs" when the
    /// remote's copy has been deleted since).
    static func pendingContext(_ conflict: PendingConflict, number: Int) -> [String: Any] {
        func paragraphs(_ text: String) -> [String] {
            text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        // Long samples differ in a line or two: each paragraph the other text lacks is marked, in words too.
        func marked(_ own: [String], against other: [String]) -> [[String: Any]] {
            let others = Set(other)
            return own.map { ["text": $0, "differs": !others.contains($0)] }
        }
        let mine = paragraphs(conflict.mine), theirs = conflict.theirs.map(paragraphs) ?? []
        var row: [String: Any] = ["number": number, "clone": conflict.clone, "sample": conflict.sampleID,
                                  "path": conflict.path, "localCopy": conflict.localCopy, "mine": marked(mine, against: theirs)]
        row["theirs"] = marked(theirs, against: mine)
        row["hasTheirs"] = conflict.theirs != nil
        return row
    }

    static func conflictContext(_ conflict: SyncConflict) -> [String: Any] {
        let todo: String
        switch conflict.kind {
        case .editedOnBothSides:
            todo = "Compare the two texts under \"Conflicts to resolve\" and choose: keep mine, keep theirs or keep both; then sync again."
        case .deletedHereEditedThere, .editedHereDeletedThere:
            todo = "The edited file was kept at \(conflict.path). Delete it if it should go, or keep it; then sync again."
        case .fileAndFolder:
            todo = "Rename or remove one of them, then sync again."
        }
        var row: [String: Any] = ["kind": conflict.kind.rawValue.replacingOccurrences(of: "_", with: " "), "path": conflict.path,
                                  "message": conflict.message, "todo": todo]
        row["localCopy"] = conflict.localCopy
        return row
    }
}
