import Foundation
import Testing
import VoiceCloneKit
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

/// Email subject lines and blog titles: written by the model, or offline made from the draft in the writer's
/// own shape, never the request re-cased; headings in the writer's case style.
@Suite struct GenerateTitleTests {
    typealias F = GenerateFixtures

    @Test func offlineSubjectIsNotThePromptReCased() async throws {
        let vault = try F.vault()
        for (i, subject) in ["Seed swap on the wall", "Garlic, again", "The shed roof leaks"].enumerated() {
            try vault.writeSample(clone: "wren-hale", name: "mail-\(i).md", "---\ncontent_type: email\n---\n\nSubject: \(subject)\n\n"
                + "Hi all,\n\nThe jam is on the wall again, and the seedlings are in trays by the gate. Take what you like.\n\nW.")
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "emails")
        let prompt = "invite the neighbours to the seed swap on saturday"
        let report = try await vault.workspace().generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "email", prompt: prompt, provider: "local", seed: 4).withEngine(.remix))
        let text = try #require(report.results.first?.piece.text)
        let subjectLine = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(subjectLine.hasPrefix("Subject: "))
        let subject = String(subjectLine.dropFirst("Subject: ".count))
        #expect(subject.lowercased() != prompt && !prompt.lowercased().hasPrefix(subject.lowercased()), "\(subject)")
        #expect(subject != "Invite the Neighbours to the Seed Swap on Saturday")
        let words = subject.split(separator: " ")
        #expect(words.count <= 5, "the writer's subjects run 3 to 5 words: \(subject)")
        #expect(HeadingStyle.detect(in: ["# " + subject]) != .title, "sentence case, as the writer's own subjects: \(subject)")
    }

    @Test func headingStyleAndSubjectHabits() {
        #expect(HeadingStyle.detect(in: ["## How I Learned to Rest\n\ntext\n\n## The Long Way Round"]) == .title)
        #expect(HeadingStyle.detect(in: ["## How I learned to rest\n\n## The long way round"]) == .sentence)
        #expect(HeadingStyle.detect(in: ["no headings here"]) == nil)
        #expect(HeadingStyle.sentence.apply("The Pause Does Matter In London", properNouns: ["London"]) == "The pause does matter in London")
        #expect(HeadingStyle.title.apply("the pause of the day") == "The Pause of the Day")
        let habits = SubjectLineHabits(samples: [.init(id: "a", text: "Subject: Quick one about Friday\n\nHi,\n\nbody"),
                                                 .init(id: "b", text: "Subject: Jam\n\nbody"),
                                                 .init(id: "c", text: "Subject: The roof, again\n\nbody")])
        #expect(habits.examples == ["Quick one about Friday", "Jam", "The roof, again"])
        #expect(habits.medianWords == 3)
        #expect(habits.subject(for: "Hi all,\n\nThe compost heap finally got turned this morning. It steamed.") == "The compost heap")
    }

    @Test func promptAsksTheModelForTheSubjectAndHeadingsInTheWritersCase() throws {
        let rules = PlatformRules.lines(for: .email, threadPosts: nil, writer: "Wren").joined(separator: "\n")
        #expect(rules.contains("Write the subject line as Wren would") && rules.contains("not the request reworded"))
        let blog = PlatformRules.lines(for: .blog, threadPosts: nil, writer: "Wren", headingStyle: .sentence).joined()
        #expect(blog.contains("sentence case"))
        let titled = PlatformRules.lines(for: .blog, threadPosts: nil, writer: "Wren", headingStyle: .title).joined()
        #expect(titled.contains("Title Case"))
    }
}
