import VoiceCloneGeneration
/// A platform's rules as instructions: limits the model must respect and the shape the piece takes.
public enum PlatformRules {
    public static func lines(for platform: Platform, threadPosts: Int?, guidance: String? = nil) -> [String] {
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
            lines.append("Markdown: a `# ` title, then `## ` section headings in sentence case for longer pieces.")
        }
        if platform.subjectLine {
            lines.append("Start with a line \"Subject: ...\", then a blank line, then the body of the email.")
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
