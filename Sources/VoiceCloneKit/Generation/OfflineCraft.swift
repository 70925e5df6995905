import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneProviders

/// Titles and headings of an offline piece in the writer's own manner: the offline engine cannot write a subject
/// line, so an email's subject (and a blog post's title) is made from the draft's own opening in the shape of the
/// writer's subject lines (``SubjectLineHabits``), never from the request re-cased; headings take the writer's
/// case style (sentence case unless their samples use title case).
struct OfflineCraft: Sendable {
    let subjects: SubjectLineHabits
    let headingStyle: HeadingStyle
    /// Words the writer capitalises in mid-sentence: names, kept capitalised in sentence-case headings.
    let properNouns: Set<String>

    init(samples: [AnalysisSample]) {
        subjects = SubjectLineHabits(samples: samples.filter { $0.contentType == .email })
        headingStyle = HeadingStyle.detect(in: samples.map(\.text)) ?? .sentence
        properNouns = Self.properNouns(in: samples.map(\.text))
    }

    func apply(_ piece: GeneratedPiece, platform: Platform) -> GeneratedPiece {
        guard platform.subjectLine || platform.headings else { return piece }
        var lines = piece.text.components(separatedBy: "\n")
        let body = lines.filter { !$0.hasPrefix("Subject:") && !$0.hasPrefix("#") }.joined(separator: "\n")
        for i in lines.indices {
            if platform.subjectLine && lines[i].hasPrefix("Subject:") {
                if let subject = subjects.subject(for: body, properNouns: properNouns) { lines[i] = "Subject: " + subject }
            } else if platform.headings && lines[i].hasPrefix("# ") {
                if let title = subjects.subject(for: body, properNouns: properNouns) { lines[i] = "# " + headingStyle.apply(title, properNouns: properNouns) }
            } else if platform.headings && lines[i].hasPrefix("## ") {
                lines[i] = "## " + headingStyle.apply(String(lines[i].dropFirst(3)), properNouns: properNouns)
            }
        }
        var out = piece
        out.text = lines.joined(separator: "\n")
        return out
    }

    /// Capitalised words seen after the first word of a sentence and never in lowercase.
    static func properNouns(in texts: [String]) -> Set<String> {
        var capitalised = Set<String>(), lower = Set<String>()
        for text in texts {
            var sentenceStart = true
            for raw in text.split(whereSeparator: \.isWhitespace) {
                let word = raw.trimmingCharacters(in: .punctuationCharacters)
                if let first = word.first, first.isLetter {
                    if first.isUppercase { if !sentenceStart { capitalised.insert(word) } } else { lower.insert(word.lowercased()) }
                }
                sentenceStart = raw.last.map { ".!?:".contains($0) } ?? false || raw.hasPrefix("#")
            }
        }
        return capitalised.filter { !lower.contains($0.lowercased()) }
    }
}
