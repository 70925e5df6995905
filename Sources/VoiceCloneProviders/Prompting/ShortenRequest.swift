import Foundation
import VoiceCloneGeneration

/// The one automatic follow-up `generate` sends when a model's piece breaks a hard character limit: the model's
/// own draft as its previous turn, then a message quoting every limit and the current length
/// (`Resources/prompts/shorten.md`). A model asked to "keep it short" in the first message often is not; told
/// "post 2 is 301 characters; the limit is 280" it usually fits.
public struct ShortenRequest: Sendable {
    public var breaches: [LimitBreach]
    public var platform: Platform
    public var threadPosts: Int?

    public init(breaches: [LimitBreach], platform: Platform, threadPosts: Int?) {
        self.breaches = breaches
        self.platform = platform
        self.threadPosts = threadPosts
    }

    public func message() throws -> String {
        let list = breaches.map { "- " + $0.description + "." }.joined(separator: "\n")
        // Aim a little under the limit: models count characters loosely.
        let fit: String
        if breaches.count == 1, let only = breaches.first {
            let scope = only.scope.hasPrefix("the whole piece") ? "the whole piece" : only.scope
            fit = "\(scope) is at most \(only.limit) characters, spaces included (aim for about \(only.limit * 9 / 10))"
        } else {
            fit = "every part is within its limit, spaces included (aim for about nine tenths of each limit)"
        }
        var shape = ""
        if platform.threads, let posts = threadPosts, posts > 1 {
            shape = ": still exactly \(posts) numbered posts (\"1/\(posts)\"), separated by blank lines"
        } else if platform.subjectLine {
            shape = ": keep the \"Subject:\" line"
        } else if platform.hashtags > 0 {
            shape = ", hashtags included in the count"
        }
        return try PromptResources.template("shorten.md").render(
            ["breaches": list, "fit": fit, "shape": shape], name: "shorten.md")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The conversation for the follow-up: the first request's messages, the draft as the model's answer, and this message.
    public func messages(after original: [GenerationMessage], draft: String) throws -> [GenerationMessage] {
        original + [GenerationMessage(role: .assistant, content: draft), GenerationMessage(role: .user, content: try message())]
    }
}
