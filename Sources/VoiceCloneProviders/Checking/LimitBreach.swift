import Foundation
import VoiceCloneGeneration

/// A hard character limit a piece breaks: the platform's (X's 280 per post, LinkedIn's 3,000) or the one the
/// writer asked for with `--chars`. Unlike a soft aim (a word count, a hook), a piece over one of these cannot be
/// published as it is, so `generate` asks the model once to shorten it and fails when it still does not fit.
public struct LimitBreach: Sendable, Equatable {
    /// What is over: "the whole piece", "post 3".
    public var scope: String
    public var limit: Int
    /// The current length in characters.
    public var length: Int

    public init(scope: String, limit: Int, length: Int) {
        self.scope = scope
        self.limit = limit
        self.length = length
    }

    /// "post 3 is 301 characters; the limit is 280".
    public var description: String { "\(scope) is \(length) characters; the limit is \(limit)" }
}

extension PlatformTextChecks {
    /// Every hard character limit `text` breaks, in the order a reader meets them.
    public static func limitBreaches(text: String, platform: Platform, length: LengthTarget?,
                                     threadPosts: Int?) -> [LimitBreach] {
        var breaches: [LimitBreach] = []
        let chars = text.count
        if let max = platform.maxChars, chars > max {
            breaches.append(LimitBreach(scope: "the whole piece", limit: max, length: chars))
        }
        if case .characters(let asked)? = length, chars > asked, asked < (platform.maxChars ?? .max) {
            breaches.append(LimitBreach(scope: "the whole piece (you asked for at most \(asked))", limit: asked, length: chars))
        }
        if let perPost = platform.maxCharsPerPost {
            let threaded = platform.threads && (threadPosts ?? 1) > 1
            let posts = threaded ? Self.posts(in: text) : [text]
            for (index, post) in posts.enumerated() where post.count > perPost {
                let scope = threaded ? "post \(index + 1)" : "the post"
                breaches.append(LimitBreach(scope: scope, limit: perPost, length: post.count))
            }
        }
        return breaches
    }

    /// Whether a check's name is one of the hard limits (`max_chars`, `post_N_chars`): a piece failing one is not
    /// saved and makes `generate` exit 1 unless the writer allows it (`--allow-over-limit`).
    public static func isHardLimit(_ checkName: String) -> Bool {
        checkName == "max_chars" || (checkName.hasPrefix("post_") && checkName.hasSuffix("_chars"))
    }
}
