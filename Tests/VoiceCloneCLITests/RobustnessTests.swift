import Foundation
import Testing
import VoiceCloneTestSupport

/// Issue 15: commands killed at random points and commands run in parallel, through the built binary.
/// Bounded counts; the kill points come from a seeded generator, so a failure can be replayed.
@Suite(.serialized) struct RobustnessTests {
    static func makeVault(samples: Int) throws -> (TemporaryDirectory, URL, URL) {
        let dir = TemporaryDirectory("robust")
        let vault = dir.file("vault")
        #expect(try CLI.run(["init", vault.path]).status == 0)
        #expect(try CLI.run(["clone", "create", "Terse Tom"], vault: vault).status == 0)
        #expect(try CLI.run(["clone", "create", "Ornate Olive"], vault: vault).status == 0)
        for i in 0..<samples {
            try dir.write("incoming/t\(i).md", "---\ntitle: T\(i)\n---\n" + StyledText.terse(UInt64(i), words: 150))
        }
        return (dir, vault, dir.file("incoming"))
    }

    /// Runs a mutating command after a kill. It either finishes the interrupted work (saying so on stderr) or
    /// refuses naming a git lock the kill left; the user deletes that lock, as the message says, and runs it again.
    static func nextCommand(_ vault: URL, tag: String) throws -> ProcessResult {
        var result = try CLI.run(["clone", "edit", "terse-tom", "--add-tag", tag], vault: vault)
        if result.status != 0 {
            let lock = try #require(result.stderr.split(separator: " ").first { $0.hasSuffix(".lock") }.map(String.init),
                                    "unexpected failure: \(result.stderr)")
            #expect(result.stderr.contains("killed"))
            try FileManager.default.removeItem(atPath: lock)
            result = try CLI.run(["clone", "edit", "terse-tom", "--add-tag", tag], vault: vault)
        }
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test func killedSampleAddAndAnalyzeLeaveACleanOrExplainedVault() throws {
        let (dir, vault, incoming) = try Self.makeVault(samples: 40)
        _ = dir
        var rng = SplitMix(seed: 15)
        for round in 0..<6 {
            let delay = 0.02 + Double(rng.next() % 400) / 1000
            _ = try CLI.run(["sample", "add", "terse-tom", incoming.path], vault: vault, timeout: delay)
            _ = try Self.nextCommand(vault, tag: "after-add-\(round)")
            #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "", "round \(round), killed after \(delay) s")
            // Whatever was written is committed: a re-run adds the rest and skips the rest as duplicates, never fails.
            let again = try CLI.run(["sample", "add", "terse-tom", incoming.path, "--json"], vault: vault)
            #expect(again.status == 0, "\(again.stderr)")
            let tracked = try ProcessRunner.git(["ls-files", "clones/terse-tom/samples"], in: vault)
            #expect(tracked.split(separator: "\n").filter { $0.hasSuffix(".md") }.count == 40)
            // Start the next round from an empty clone.
            _ = try ProcessRunner.git(["rm", "-q", "clones/terse-tom/samples/*.md"], in: vault)
            _ = try ProcessRunner.git(["commit", "-qm", "reset round"], in: vault)
        }
        // Analyze, killed at random points.
        #expect(try CLI.run(["sample", "add", "terse-tom", incoming.path], vault: vault).status == 0)
        for round in 0..<4 {
            let delay = 0.02 + Double(rng.next() % 300) / 1000
            _ = try CLI.run(["analyze", "terse-tom"], vault: vault, timeout: delay)
            _ = try Self.nextCommand(vault, tag: "after-analyze-\(round)")
            #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "", "analyze round \(round)")
            let check = try CLI.run(["check"], vault: vault)
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
    }

    /// `generate --save` (which writes a library piece and commits it) and `sync` (which fetches, merges, writes
    /// and pushes), killed at random points: the next command leaves `git status` clean, and an uninterrupted run
    /// then completes the work.
    @Test func killedGenerateSaveAndSyncLeaveACleanOrExplainedVault() throws {
        let (dir, vault, incoming) = try Self.makeVault(samples: 12)
        #expect(try CLI.run(["sample", "add", "terse-tom", incoming.path], vault: vault).status == 0)
        #expect(try CLI.run(["analyze", "terse-tom"], vault: vault).status == 0)
        var rng = SplitMix(seed: 151)
        // Bullet points: notes for an engine that drafts from notes, a prompt for one that does not.
        let generate = ["generate", "terse-tom", "--platform", "blog", "--save", "--seed", "3",
                        "--prompt=- the spring planting plan\n- what the frost taught us"]
        for round in 0..<3 {
            let delay = 0.05 + Double(rng.next() % 3000) / 1000
            _ = try CLI.run(generate, vault: vault, timeout: delay)
            _ = try Self.nextCommand(vault, tag: "after-generate-\(round)")
            #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "", "generate round \(round), killed after \(delay) s")
            let check = try CLI.run(["check"], vault: vault)
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
        let saved = try CLI.run(generate, vault: vault)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "")

        let remote = dir.file("remote.git")
        _ = try ProcessRunner.git(["init", "-q", "--bare", remote.path], in: vault)
        #expect(try CLI.run(["remote", "add", "origin", remote.path], vault: vault).status == 0)
        for round in 0..<4 {
            #expect(try CLI.run(["clone", "edit", "ornate-olive", "--add-tag", "s\(round)"], vault: vault).status == 0)
            let delay = 0.02 + Double(rng.next() % 400) / 1000
            _ = try CLI.run(["sync"], vault: vault, timeout: delay)
            _ = try Self.nextCommand(vault, tag: "after-sync-\(round)")
            #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "", "sync round \(round), killed after \(delay) s")
        }
        let synced = try CLI.run(["sync"], vault: vault)
        #expect(synced.status == 0, "\(synced.stderr)")
        let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: vault).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try ProcessRunner.git(["ls-remote", remote.path], in: vault).contains(head), "the remote holds everything after a full sync")
    }

    @Test func parallelMixedCommandsLoseNoAcknowledgedChange() throws {
        let (dir, vault, _) = try Self.makeVault(samples: 0)
        // 20 rounds of 8 mixed mutating commands at once (issue 15's bar).
        for round in 0..<20 {
            var texts: [String] = []
            for i in 0..<2 {
                let name = "r\(round)-s\(i).md"
                try dir.write("par/\(name)", "---\ntitle: P\(round)-\(i)\n---\n" + StyledText.ornate(UInt64(100 * round + i), words: 120))
                texts.append(dir.file("par/\(name)").path)
            }
            let commands: [[String]] = [
                ["clone", "edit", "terse-tom", "--add-tag", "a\(round)"],
                ["clone", "edit", "terse-tom", "--add-tag", "b\(round)"],
                ["clone", "edit", "ornate-olive", "--add-tag", "c\(round)"],
                ["clone", "edit", "ornate-olive", "--add-tag", "d\(round)"],
                ["sample", "add", "ornate-olive", texts[0]],
                ["sample", "add", "ornate-olive", texts[1]],
                ["clone", "create", "Extra \(round)"],
                ["clone", "edit", "terse-tom", "--add-tag", "e\(round)"],
            ]
            let statuses = ParallelStatuses(count: commands.count)
            DispatchQueue.concurrentPerform(iterations: commands.count) { i in
                let result = try? CLI.run(commands[i], vault: vault, timeout: 120)
                statuses.set(i, result?.status ?? -1, result?.stderr ?? "")
            }
            let show = { (clone: String) throws -> [String] in
                let json = try CLI.json(["clone", "show", clone], vault: vault) as? [String: Any]
                return ((json?["clone"] as? [String: Any])?["tags"] as? [String]) ?? []
            }
            let terse = try show("terse-tom"), ornate = try show("ornate-olive")
            for (i, command) in commands.enumerated() {
                let (status, stderr) = statuses.get(i)
                // Either it landed, or it failed saying the vault was busy; never success without the change.
                if status != 0 {
                    #expect(stderr.contains("busy"), "\(command): \(stderr)")
                    continue
                }
                if command[0] == "clone", command[1] == "edit" {
                    let tags = command[2] == "terse-tom" ? terse : ornate
                    #expect(tags.contains(command[4]), "\(command) acknowledged but missing")
                }
            }
            let list = try CLI.run(["clone", "list"], vault: vault)
            if statuses.get(6).0 == 0 { #expect(list.stdout.contains("Extra \(round)")) }
            let titles = try ProcessRunner.git(["grep", "-h", "^title:", "HEAD", "--", "clones/ornate-olive/samples"], in: vault)
            for i in 0..<2 where statuses.get(4 + i).0 == 0 {
                #expect(titles.contains("P\(round)-\(i)"))
            }
            #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault) == "")
        }
    }
}

final class ParallelStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [(Int32, String)]
    init(count: Int) { values = Array(repeating: (-1, ""), count: count) }
    func set(_ i: Int, _ status: Int32, _ stderr: String) { lock.lock(); values[i] = (status, stderr); lock.unlock() }
    func get(_ i: Int) -> (Int32, String) { lock.lock(); defer { lock.unlock() }; return values[i] }
}

/// A small seeded generator for kill points.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
