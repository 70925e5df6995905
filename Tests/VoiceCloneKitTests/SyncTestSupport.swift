import Foundation
import Testing
import VoiceCloneTestSupport
@testable import VoiceCloneKit

/// After both machines synced: the same samples and DNA on both, every text written on either
/// side present on both, and `check` without errors on both.
/// `placeholderDNA`: the test wrote stand-in DNA files (not real revisions), which `check` rightly reports as unreadable.
func expectConverged(_ f: SyncFixture, written: [String], placeholderDNA: Bool = false,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
    let onA = SyncFixture.voiceFiles(f.a.root)
    let onB = SyncFixture.voiceFiles(f.b)
    #expect(onA == onB, "A and B differ: \(Set(onA.keys).symmetricDifference(onB.keys).sorted())", sourceLocation: sourceLocation)
    for (name, files) in [("A", onA), ("B", onB)] {
        let texts = files.values.map { String(decoding: $0, as: UTF8.self) }
        for text in written {
            #expect(texts.contains { $0.contains(text) }, "\(name) lost \"\(text.prefix(40))\"", sourceLocation: sourceLocation)
        }
    }
    for ws in [try f.workspaceA(), try f.workspaceB()] {
        let errors = ws.checks.run().diagnostics.filter { $0.severity == .error }
            .filter { !(placeholderDNA && $0.message.hasPrefix("DNA revision cannot be read")) }
        #expect(errors.isEmpty, "check: \(errors)", sourceLocation: sourceLocation)
    }
    #expect(try ProcessRunner.git(["status", "--porcelain"], in: f.a.root) == "", sourceLocation: sourceLocation)
    #expect(try ProcessRunner.git(["status", "--porcelain"], in: f.b) == "", sourceLocation: sourceLocation)
    #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: f.a.root) == (try ProcessRunner.git(["rev-parse", "HEAD"], in: f.b)),
            sourceLocation: sourceLocation)
}

/// Adds a sample through the API (as `voiceclone sample add` does) and returns its text.
@discardableResult
func addSample(_ ws: Workspace, clone: String, title: String, text: String) throws -> String {
    let src = TemporaryDirectory("src")
    let file = try src.write("\(title).md", "---\ntitle: \(title)\n---\n\n\(text)\n")
    let results = try ws.samples.add(clone, inputs: [file.path])
    #expect(results.first?.status == .added)
    return text
}
