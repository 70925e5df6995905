import Foundation
import Hummingbird
import VoiceCloneText
import VoiceCloneDetection
import VoiceCloneKit

/// Check: paste a text, see its AI-likeness with the flagged sentences marked in place and why, whether it
/// sounds like a chosen voice, and which voice most likely wrote it. Reading only: nothing is written.
enum CheckPage {
    static let maxTextBytes = 512 * 1024

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/check", use: WebRoutes.page { request, _ in
            let chosen = request.stringQuery("voice")
            return try await vault.read { workspace in
                try PageRenderer.render("check", section: "check", title: "Check a text",
                                        ["voices": WebRoutes.voiceOptions(workspace, selected: chosen), "text": ""])
            }
        })
        router.post("/check", use: WebRoutes.page(back: "/check") { request, _ in
            let form = try await FormBody.read(request, limit: maxTextBytes)
            let text = form.text("text") ?? ""
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Paste the text to check.")
            }
            guard WordCount.count(text) > 0 else {
                throw Problem(status: .unprocessableContent, detail: "The text has no words to check: paste at least one sentence.")
            }
            let voice = form.field("voice")
            return try await vault.read { try results($0, text: text, voice: voice) }
        })
    }

    static func results(_ workspace: Workspace, text: String, voice: String?) throws -> Response {
        var context: [String: Any] = ["voices": WebRoutes.voiceOptions(workspace, selected: voice), "text": text, "checked": true]
        do {
            let report = try workspace.detection.detect(texts: [NamedText(file: "pasted", text: text)], clone: voice)
            if let detection = report.first?.detection {
                context["detection"] = detectionContext(detection, text: text)
            }
        } catch {
            context["detectionError"] = ErrorStatus.problem(for: error).detail
        }
        if let voice {
            do {
                let match = try VoiceRoutes.single(workspace.attribution.match(voice, inputs: ["-"], standardInput: { Data(text.utf8) }))
                let name = (try? workspace.clones.show(voice).clone.name) ?? match.match.clone
                context["match"] = ["voice": name, "score": match.match.score,
                                    "differences": match.differences.map { ["text": $0] }, "hasDifferences": !match.differences.isEmpty]
            } catch {
                context["matchError"] = ErrorStatus.problem(for: error).detail
            }
        }
        do {
            let attribution = try VoiceRoutes.single(workspace.attribution.attribute(["-"], standardInput: { Data(text.utf8) })).attribution
            context["attribution"] = [
                "best": attribution.author ?? "", "hasBest": attribution.author != nil,
                "confidence": "\(attribution.confidence)",
                // The posterior (with "none of them" as an answer) when the open-set check ran; the bare share among
                // the voices would read 100% beside "none of the voices is a likely writer".
                "ranking": attribution.ranking.map { candidate -> [String: Any] in
                    let percent = Int(((candidate.writerProbability ?? candidate.probability) * 100).rounded())
                    return ["voice": candidate.clone, "percent": percent]
                },
                "hasNone": attribution.openSet?.noneProbability != nil,
                "nonePercent": Int(((attribution.openSet?.noneProbability ?? 0) * 100).rounded()),
            ]
        } catch {
            context["attributionError"] = ErrorStatus.problem(for: error).detail
        }
        return try PageRenderer.render("check", section: "check", title: "Check a text", context)
    }

    /// The score, and the text cut into plain and flagged stretches (flags numbered, with reasons and a suggestion).
    static func detectionContext(_ detection: DetectionResult, text: String) -> [String: Any] {
        let characters = Array(text)
        var segments: [[String: Any]] = [], position = 0
        let flags = detection.flags.sorted { $0.span.startCharacter < $1.span.startCharacter }
        var listed: [[String: Any]] = []
        for flag in flags {
            let start = max(position, min(flag.span.startCharacter, characters.count))
            let end = max(start, min(flag.span.endCharacter, characters.count))
            guard end > start else { continue }
            if start > position { segments.append(["text": String(characters[position..<start])]) }
            let number = listed.count + 1
            let why = flag.reasons.joined(separator: "; ")
            segments.append(["text": String(characters[start..<end]), "flagged": true, "number": number,
                             "hint": "\(why). \(flag.suggestion)"])
            listed.append(["number": number, "sentence": flag.sentence, "reasons": flag.reasons.map { ["text": $0] },
                           "suggestion": flag.suggestion])
            position = end
        }
        if position < characters.count { segments.append(["text": String(characters[position...])]) }
        return ["score": detection.score, "likelyAI": detection.likelyAI, "meaning": detection.meaning,
                "reliability": detection.reliability.note, "segments": segments, "flags": listed, "hasFlags": !listed.isEmpty,
                "flagCount": listed.count]
    }
}
