import Foundation
import VoiceCloneDetection

/// Plain-language instructions built from a `RewriteGuidance`, for a language-model rewriter (`rewrite --provider`,
/// `generate --refine`): the writer's measured habits and the detector's flagged sentences with their fixes, so the
/// model is grounded in the DNA rather than asked to "sound human".
extension RewriteGuidance {
    public func instructions(maxFlags: Int = 12) -> String {
        var lines: [String] = []
        lines.append("Rewrite the draft so it reads like this writer. Keep every fact, claim, name and number; add nothing new.")
        lines.append("The writer's habits, measured from their samples:")
        lines.append(String(format: "- sentences: typically %.0f words, long ones about %.0f, short ones about %.0f",
                            style.medianSentence, style.longSentence, style.shortSentence))
        if let c = style.contractionShare {
            lines.append(c >= 0.6 ? "- uses contractions (don't, it's) most of the time"
                         : c <= 0.2 ? "- rarely uses contractions (writes do not, it is)" : "- uses contractions about half the time")
        }
        lines.append(style.emDashRate >= 3 ? "- likes em dashes" : style.emDashRate < 1 ? "- almost never uses em dashes; use commas, colons or full stops" : "- uses em dashes sparingly")
        if let oxford = style.oxfordComma { lines.append(oxford ? "- puts a comma before the last item of a list (A, B, and C)" : "- no comma before the last item of a list (A, B and C)") }
        if let spelling = style.spelling { lines.append(spelling == .uk ? "- British spelling (colour, organise)" : "- American spelling (color, organize)") }
        let flags = detection.flags.prefix(maxFlags)
        if !flags.isEmpty {
            lines.append("Sentences that read as machine-written, with what to change:")
            for f in flags {
                lines.append("- \"\(f.sentence)\": \(f.reasons.joined(separator: "; ")). \(f.suggestion)")
            }
        }
        let list = avoid ?? (baseline?.avoidList(lexicon: .bundled) ?? AvoidList.build(lexicon: .bundled, habitual: []))
        lines.append("Avoid these; they read as machine-written and this writer does not use them:")
        lines.append(contentsOf: AvoidInstructions.lines(list, habits: .init(dna: dna, titleCaseHeadings: false)))
        lines += EditLessonsPrompt.rewriteLines(for: dna)
        return lines.joined(separator: "\n")
    }
}
