import VoiceCloneAnalysis
import VoiceCloneVault

/// Two small made-up writers with clearly different habits, written for these tests.
enum WriterFixtures {
    /// Short, warm, first-person sentences; loves marmalade and "to be honest"; never writes "the".
    static let marmaladeSentences = [
        "To be honest, I love marmalade on toast.",
        "My kitchen smells of oranges every Sunday.",
        "I make marmalade with my sister when it rains.",
        "We talk, we laugh, and we stir a big pot.",
        "To be honest, nothing beats a slow morning.",
        "Our jars sit on a shelf by a window.",
        "I give jars away to friends and neighbours.",
        "Is there anything better than bitter oranges?",
        "To be honest, I doubt it.",
        "Marmalade needs patience, sugar, and good fruit.",
    ]

    /// Long, formal sentences in the third person; "furthermore" and "in accordance with".
    static let formalSentences = [
        "The committee, having considered the evidence presented at the hearing, concluded that the proposal required further study.",
        "Furthermore, the members noted that the budget, which had been approved in accordance with the regulations, was insufficient.",
        "In accordance with the charter, the chairman adjourned the meeting until the following quarter.",
        "The report, which ran to several hundred pages, was circulated to the board in advance of the session.",
        "Furthermore, the auditors observed that the accounts of the previous year had not been reconciled.",
        "It was resolved that the secretary should write to the ministry in accordance with the usual practice.",
    ]

    /// `words` or a little more words of `sentences`, cycled, as paragraphs of four sentences.
    static func text(_ sentences: [String], words: Int, offset: Int = 0) -> String {
        var out: [String] = []
        var count = 0
        var k = offset
        while count < words {
            let s = sentences[k % sentences.count]
            out.append(s)
            count += Tokenizer.wordCount(s)
            k += 1
        }
        return stride(from: 0, to: out.count, by: 4).map { out[$0..<min($0 + 4, out.count)].joined(separator: " ") }
            .joined(separator: "\n\n")
    }

    static func marmaladeSamples(_ n: Int = 3, words: Int = 200) -> [AnalysisSample] {
        (0..<n).map { k in
            AnalysisSample(id: "m\(k)", text: text(marmaladeSentences, words: words + 40 * k, offset: 3 * k),
                           contentType: k % 2 == 0 ? .blog : .email)
        }
    }

    static func formalSamples(_ n: Int = 3, words: Int = 200) -> [AnalysisSample] {
        (0..<n).map { k in
            AnalysisSample(id: "f\(k)", text: text(formalSentences, words: words + 30 * k, offset: k), contentType: .article)
        }
    }
}
