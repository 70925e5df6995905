import VoiceCloneGeneration
/// A platform's rules as instructions: limits the model must respect and the shape the piece takes.
public enum PlatformRules {
    /// - Parameters:
    ///   - writer: who the titles and subject lines are written for.
    ///   - headingStyle: the case of the writer's own headings (sentence case unless their samples use title case).
    public static func lines(for platform: Platform, threadPosts: Int?, guidance: String? = nil, writer: String = "the writer",
                             headingStyle: HeadingStyle = .sentence) -> [String] {
        var lines: [String] = []
        if let max = platform.maxChars {
            lines.append("At most \(max) characters in total, spaces included.")
        }
        if let hook = platform.hookChars {
            lines.append("Only the first \(hook) characters show before \"see more\": the first paragraph must be a hook "
                + "that fits in them.")
        }
        if platform.threads, let posts = threadPosts, posts > 1 {
            let limit = platform.maxCharsPerPost.map { ", each at most \($0) characters" } ?? ""
            lines.append("Write a thread of exactly \(posts) posts\(limit). Start each post with its number, like "
                + "\"1/\(posts)\", and separate posts with a blank line.")
        } else if let perPost = platform.maxCharsPerPost {
            lines.append("One post of at most \(perPost) characters.")
        }
        if let paragraph = platform.maxSentencesPerParagraph {
            lines.append("Paragraphs of at most \(paragraph) sentences.")
        }
        if platform.headings {
            let style = headingStyle == .title ? "Title Case" : "sentence case (only the first word and names capitalised)"
            lines.append("Markdown: a `# ` title, then `## ` section headings for longer pieces; title and headings in \(style), "
                + "as \(writer) writes them. Write the title yourself: short and specific, not the request reworded.")
        }
        if platform.subjectLine {
            lines.append("Start with a line \"Subject: ...\", then a blank line, then the body of the email. Write the subject "
                + "line as \(writer) would: a few specific words about this email, in \(headingStyle == .title ? "Title Case" : "sentence case"), "
                + "not the request reworded.")
        }
        if platform.hashtags > 0 {
            lines.append("End with a line of at most \(platform.hashtags) relevant hashtags.")
        } else {
            lines.append("No hashtags.")
        }
        if let guidance, !guidance.isEmpty { lines.append(guidance) }
        if lines.isEmpty { lines.append("No platform limits: plain prose.") }
        return lines.map { "- " + $0 }
    }
}
