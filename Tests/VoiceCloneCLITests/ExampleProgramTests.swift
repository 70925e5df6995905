import Foundation
import Testing
import VoiceCloneTestSupport

/// The library example (`Examples/AttributeText`) runs against a real vault: it analyses a clone and attributes
/// a text through VoiceCloneKit alone.
@Suite struct ExampleProgramTests {
    static var binary: String {
        URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("voiceclone-example").path
    }

    @Test func analysesAndAttributes() throws {
        let (dir, vault) = try VoiceCommandsTests.vault()
        let text = try dir.write("unknown.md", StyledText.ornate(777, words: 400))
        let result = try ProcessRunner.run(Self.binary, [vault.path, "ornate-olive", text.path], in: nil,
                                           environment: ProcessInfo.processInfo.environment, stdin: nil, timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ornate-olive: DNA v1 written"))
        #expect(result.stdout.contains("\(text.path): most likely ornate-olive"))
        #expect(result.stdout.contains("terse-tom"))
        // The analysis was committed: a second run finds the DNA unchanged.
        let again = try ProcessRunner.run(Self.binary, [vault.path, "ornate-olive", text.path], in: nil,
                                          environment: ProcessInfo.processInfo.environment, stdin: nil, timeout: 120)
        #expect(again.stdout.contains("ornate-olive: DNA v1 unchanged"))
    }

    @Test func usageErrorExitsTwo() throws {
        let result = try ProcessRunner.run(Self.binary, [], in: nil, environment: ProcessInfo.processInfo.environment,
                                           stdin: nil, timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage: voiceclone-example"))
    }
}
