import Foundation
import Testing
import VoiceCloneTestFiles
import VoiceCloneText
@testable import VoiceCloneVault

@Suite struct AtomicFileTests {
    @Test func createNewNeverOverwrites() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("a/b.md")
        try AtomicFile.write("first", to: url)
        #expect(throws: VaultError.fileExists(url.path)) { try AtomicFile.write("second", to: url) }
        #expect(dir.read("a/b.md") == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("a").path) == ["b.md"])
    }

    @Test func replaceSwapsContentAndLeavesNoTemporaryFiles() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("c.yaml")
        try AtomicFile.write("one", to: url)
        try AtomicFile.write("two", to: url, mode: .replace)
        #expect(dir.read("c.yaml") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["c.yaml"])
    }

    @Test func concurrentCreatorsOfOneNameProduceExactlyOneWinner() throws {
        let dir = TemporaryDirectory()
        let url = dir.file("race.md")
        let wins = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            if (try? AtomicFile.write("writer \(i)", to: url)) != nil { wins.increment() }
        }
        #expect(wins.value == 1)
        #expect(dir.read("race.md")?.hasPrefix("writer ") == true)
    }

    @Test func wordCountIgnoresMarkdownMarkers() {
        #expect(WordCount.count("# Title\n\n- one two\n- **three**\n\n---\n") == 4)
        #expect(WordCount.count("naïve café 3.5 — ok") == 4)
        #expect(WordCount.count("") == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var value = 0
    func increment() { lock.lock(); value += 1; lock.unlock() }
}
