import Foundation
import VoiceCloneAnalysis

/// Reads a model's description of a voice into a ``QualitativeProfile``.
///
/// Models wrap JSON in prose or code fences, so the outermost object is taken. Quotations are kept only when
/// they really occur in the samples (whitespace, case and quote style ignored): an invented quotation is worse
/// than none, because it would be stored in the DNA as evidence.
public enum QualitativeParser {
    public static func parse(_ answer: String, provider: String, model: String, samples: [AnalysisSample])
        throws -> QualitativeProfile
    {
        guard let start = answer.firstIndex(of: "{"), let end = answer.lastIndex(of: "}"), start < end,
              let object = try? JSONSerialization.jsonObject(with: Data(answer[start...end].utf8)) as? [String: Any]
        else {
            throw ProviderError.malformedResponse(
                provider: provider, url: "the model's answer", detail: "no JSON object describing the voice")
        }
        func list(_ key: String, limit: Int = 8) -> [String] {
            let values = (object[key] as? [Any])?.compactMap { $0 as? String } ?? (object[key] as? String).map { [$0] } ?? []
            return Array(values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.prefix(limit))
        }
        let haystack = normalize(samples.map(\.text).joined(separator: "\n"))
        let evidence = list("evidence", limit: 12).filter { quote in
            let needle = normalize(quote.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”'‘’…. ")))
            return needle.count >= 12 && haystack.contains(needle)
        }
        let profile = QualitativeProfile(
            provider: provider, model: model, tone: list("tone"), attitude: list("attitude"), themes: list("themes"),
            dos: list("dos"), donts: list("donts"), evidence: Array(evidence.prefix(8)))
        if profile.tone.isEmpty && profile.themes.isEmpty && profile.dos.isEmpty {
            throw ProviderError.malformedResponse(
                provider: provider, url: "the model's answer", detail: "the JSON has no tone, themes or dos")
        }
        return profile
    }

    /// Lowercased, curly quotes straightened, runs of whitespace collapsed.
    static func normalize(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for c in text.lowercased() {
            let mapped: Character = c == "’" || c == "‘" ? "'" : (c == "“" || c == "”" ? "\"" : c)
            if mapped.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(mapped)
                lastSpace = false
            }
        }
        return out
    }
}
