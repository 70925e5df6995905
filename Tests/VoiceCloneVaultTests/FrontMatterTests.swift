import Foundation
import Testing
import Yams
import VoiceCloneText
@testable import VoiceCloneVault

@Suite struct FrontMatterTests {
    @Test func parsesPropertiesAndBody() throws {
        let doc = try FrontMatter.parse("---\ntitle: Why I left\ncontent_type: blog\ntags:\n  - a\n  - b\n---\n\nBody line.\n")
        #expect(doc.hasFrontMatter)
        #expect(doc.fields?.string("title") == "Why I left")
        #expect(doc.fields?.strings("tags") == ["a", "b"])
        #expect(doc.body == "Body line.\n")
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let doc = try FrontMatter.parse("Just text.\n---\nmore")
        #expect(!doc.hasFrontMatter)
        #expect(doc.body == "Just text.\n---\nmore")
    }

    @Test func handlesByteOrderMarkAndCRLF() throws {
        let doc = try FrontMatter.parse("\u{FEFF}---\r\ntitle: x\r\n---\r\nHi\r\n")
        #expect(doc.fields?.string("title") == "x")
        #expect(doc.body == "Hi\r\n")
    }

    @Test func unclosedBlockIsAnErrorOnLineOne() {
        #expect(throws: FrontMatterError.self) { try FrontMatter.parse("---\ntitle: x\nno end\n") }
        do {
            _ = try FrontMatter.parse("---\ntitle: x\n")
        } catch {
            #expect(error.line == 1)
            #expect(error.reason.contains("never closed"))
        }
    }

    @Test func invalidYAMLReportsTheFileLine() {
        do {
            _ = try FrontMatter.parse("---\ntitle: ok\nbad: [unclosed\nother: 1\n---\nbody")
            Issue.record("expected an error")
        } catch {
            #expect(error.line != nil)
            #expect((error.line ?? 0) >= 3)
            #expect(error.reason.contains("not valid YAML"))
        }
    }

    @Test func scalarFrontMatterIsRefused() {
        #expect(throws: FrontMatterError.self) { try FrontMatter.parse("---\njust a string\n---\nbody") }
    }

    @Test func renderRoundTripsAndKeepsUnknownProperties() throws {
        let original = "---\ntitle: \"A: colon\"\nmood: sunny\ncontent_type: essay\n---\n\nText with --- inside.\n"
        let doc = try FrontMatter.parse(original)
        var warnings: [String] = []
        var meta = SampleMetadata(fields: doc.fields!, warnings: &warnings)
        meta.aiAssisted = true
        let rendered = FrontMatter.render(fields: meta.fields(mergingInto: doc.fields!), body: doc.body)
        let again = try FrontMatter.parse(rendered)
        #expect(again.fields?.string("title") == "A: colon")
        #expect(again.fields?.string("mood") == "sunny")
        #expect(again.fields?.bool("ai_assisted") == true)
        #expect(again.body == "Text with --- inside.\n")
        #expect(warnings.isEmpty)
    }

    @Test func unknownContentTypeBecomesOtherWithAWarning() throws {
        let doc = try FrontMatter.parse("---\ncontent_type: poem\n---\nx")
        var warnings: [String] = []
        let meta = SampleMetadata(fields: doc.fields!, warnings: &warnings)
        #expect(meta.contentType == .other)
        #expect(warnings.count == 1)
    }

    @Test func looseContentTypeNames() {
        #expect(ContentType(loose: "LinkedIn") == .social)
        #expect(ContentType(loose: "Blog") == .blog)
        #expect(ContentType(loose: "sonnet") == nil)
    }

    @Test func datesAndListsAreObsidianProperties() throws {
        let manifest = CloneManifest(name: "Alice", description: "d", tags: ["x", "y"], created: "2026-11-24")
        let text = manifest.render()
        #expect(text.contains("created: 2026-11-24\n"))
        #expect(text.contains("tags:\n- x\n- y\n"))
        let back = CloneManifest(document: try FrontMatter.parse(text), fallbackName: "z")
        #expect(back == manifest)
    }
}
