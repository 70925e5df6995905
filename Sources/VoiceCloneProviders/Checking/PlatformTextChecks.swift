import Foundation
import VoiceCloneGeneration
import VoiceCloneText

/// Measures any finished text against a platform's rules and the no-copy guard: a language model's answer, an
/// offline rewrite of a draft, a notes draft, a shortened piece.
///
/// The offline engine checks the layout it writes as it writes it (`LayoutChecks`, in VoiceCloneGeneration);
/// everything else arrives as plain text and is measured here after the fact, with the same check names, so
/// `--json` reads alike for every provider. The static functions measure one text; a value holds the rules of one
/// request (platform, length, thread size, the samples' copy guard) and `inspect`s each piece against them.
public struct PlatformTextChecks: Sendable {
    public let copyGuard: CopyGuard
    public let platform: Platform
    public let length: LengthTarget?
    public let threadPosts: Int?

    public init(copyGuard: CopyGuard, platform: Platform, length: LengthTarget?, threadPosts: Int?) {
        self.copyGuard = copyGuard
        self.platform = platform
        self.length = length
        self.threadPosts = threadPosts
    }

    /// `piece` with its checks measured again and the copy warning set when it repeats a sample's run of words.
    public func inspect(_ piece: GeneratedPiece) -> GeneratedPiece {
        var piece = piece
        let run = copyGuard.longestSharedRun(piece.text)
        piece.longestCopiedRun = run
        piece.checks = Self.checks(text: piece.text, platform: platform, length: length,
                                   threadPosts: threadPosts, copyGuard: copyGuard)
        let warning = "repeated a \(run)-word run from a sample; rewrite it before publishing."
        piece.warnings.removeAll { $0.hasSuffix("-word run from a sample; rewrite it before publishing.") }
        if run >= copyGuard.limit { piece.warnings.append("The text " + warning) }
        return piece
    }

    public static func checks(
        text: String, platform: Platform, length: LengthTarget?, threadPosts: Int?, copyGuard: CopyGuard? = nil
    ) -> [PlatformCheck] {
        var checks: [PlatformCheck] = []
        let chars = text.count
        let threaded = platform.threads && (threadPosts ?? 1) > 1
        let posts = threaded ? Self.posts(in: text) : [text]
        if let max = platform.maxChars {
            checks.append(PlatformCheck(name: "max_chars", passed: chars <= max, detail: "\(chars) of \(max) characters"))
        }
        switch length {
        case .characters(let target)?:
            checks.append(PlatformCheck(
                name: "length", passed: chars <= target && chars >= target / 2,
                detail: "\(chars) characters (asked for at most \(target))"))
        case .words(let target)?:
            let words = WordCount.count(text)
            let low = Int(Double(target) * 0.6), high = Int(Double(target) * 1.5) + 10
            checks.append(PlatformCheck(
                name: "length", passed: (low...high).contains(words), detail: "\(words) words (target \(target))"))
        case nil:
            break
        }
        if let hookLimit = platform.hookChars {
            let hook = firstParagraph(text).count
            checks.append(PlatformCheck(
                name: "hook", passed: hook > 0 && hook <= hookLimit,
                detail: "opening paragraph is \(hook) characters; \(hookLimit) are shown before \"see more\""))
        }
        if let perPost = platform.maxCharsPerPost {
            for (index, post) in posts.enumerated() {
                checks.append(PlatformCheck(
                    name: "post_\(index + 1)_chars", passed: post.count <= perPost,
                    detail: "post \(index + 1): \(post.count) of \(perPost) characters"))
            }
            if threaded, let wanted = threadPosts {
                checks.append(PlatformCheck(
                    name: "posts", passed: posts.count == wanted, detail: "\(posts.count) of \(wanted) posts"))
            }
        }
        if platform.hashtags > 0 {
            let tags = hashtags(in: text)
            checks.append(PlatformCheck(
                name: "hashtags", passed: (1...platform.hashtags).contains(tags),
                detail: "\(tags) hashtags (1 to \(platform.hashtags) wanted)"))
        }
        if platform.headings {
            let lines = text.split(separator: "\n").filter { $0.hasPrefix("#") && $0.contains("# ") }
            checks.append(PlatformCheck(
                name: "headings", passed: !lines.isEmpty, detail: "\(lines.count) Markdown headings"))
        }
        if platform.subjectLine {
            let has = text.hasPrefix("Subject:")
            checks.append(PlatformCheck(
                name: "subject_line", passed: has, detail: has ? "subject line present" : "no subject line"))
        }
        if let copyGuard {
            let run = copyGuard.longestSharedRun(text)
            checks.append(PlatformCheck(
                name: "no_copy", passed: run < copyGuard.limit,
                detail: "longest run of words shared with a sample: \(run) (limit: fewer than \(copyGuard.limit))"))
        }
        return checks
    }

    /// The posts of a thread: paragraphs are grouped under the paragraph that starts with a `1/5`-style number.
    public static func posts(in text: String) -> [String] {
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        var posts: [String] = []
        for paragraph in paragraphs {
            if startsWithPostNumber(paragraph) || posts.isEmpty {
                posts.append(paragraph)
            } else {
                posts[posts.count - 1] += "\n\n" + paragraph
            }
        }
        return posts
    }

    /// Whether a paragraph opens with a thread number ("3/5").
    public static func startsWithPostNumber(_ paragraph: String) -> Bool {
        let head = paragraph.prefix(8)
        guard let slash = head.firstIndex(of: "/") else { return false }
        let before = head[..<slash], after = head[head.index(after: slash)...].prefix { $0.isNumber }
        return !before.isEmpty && before.allSatisfy(\.isNumber) && !after.isEmpty
    }

    static func firstParagraph(_ text: String) -> String {
        var body = text
        if body.hasPrefix("Subject:"), let end = body.firstIndex(of: "\n") { body = String(body[end...]) }
        return body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty } ?? ""
    }

    /// The hashtags of a text; a skeleton's `#[topic1]` counts, since it stands for the tag the writer will put there.
    static func hashtags(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { word in
            word.count > 1 && word.hasPrefix("#") && word.dropFirst().first.map { $0.isLetter || $0.isNumber || $0 == "[" } == true
        }.count
    }
}
