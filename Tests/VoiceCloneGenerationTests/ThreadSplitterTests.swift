import Testing
@testable import VoiceCloneGeneration

/// Threads are split at sentence ends, never inside a word.
@Suite struct ThreadSplitterTests {
    static let text = "I planted the garlic late again. Every October I promise myself I'll do it on time, and every October "
        + "the rain has other plans. So the cloves went in on a grey Sunday in November, cold fingers, muddy knees. "
        + "It'll be fine. Garlic is forgiving. It sits in the dark all winter and thinks about things, and in spring it "
        + "pushes up green shoots as if nothing happened. I wish I were more like garlic. Patient, a bit stubborn, not "
        + "bothered by the weather."

    @Test func postsEndAtSentenceEndsWithinTheLimit() {
        let posts = ThreadSplitter.split(Self.text, posts: 3, perPost: 280)
        #expect(posts.count == 3)
        for (i, post) in posts.enumerated() {
            #expect(post.hasPrefix("\(i + 1)/3 "))
            #expect(post.count <= 280)
            #expect(post.last.map { ".!?".contains($0) } == true, "post \(i + 1) ends mid-sentence: \(post)")
        }
        let words = posts.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }.joined(separator: " ")
        #expect(words == Self.text, "every word kept whole and in order")
    }

    @Test func aSentenceLongerThanAPostIsCutAtSpacesOnly() {
        let long = Array(repeating: "unbelievably", count: 40).joined(separator: " ") + "."
        let posts = ThreadSplitter.split(long, posts: 2, perPost: 100)
        #expect(posts.allSatisfy { $0.count <= 100 })
        let words = posts.flatMap { $0.split(separator: " ").dropFirst() }
        #expect(words.allSatisfy { $0 == "unbelievably" || $0 == "unbelievably." }, "no word cut in two")
        #expect(words.count == 40)
    }
}
