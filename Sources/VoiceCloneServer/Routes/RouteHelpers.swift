import Foundation
import Hummingbird
import VoiceCloneText

typealias APIRouter = Router<BasicRequestContext>

extension Request {
    /// A query parameter that must be a whole number when present.
    func intQuery(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int? {
        guard let raw = uri.queryParameters.get(name) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw Problem.badRequest("?\(name)= takes a whole number from \(range.lowerBound) to \(range.upperBound); got \"\(raw)\".")
        }
        return value
    }

    func stringQuery(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension BasicRequestContext {
    /// A path parameter; the router only calls a handler when it is there.
    func path(_ name: String) throws -> String {
        guard let value = parameters.get(name), !value.isEmpty else { throw Problem.badRequest("The address is missing its \(name).") }
        return value.removingPercentEncoding ?? value
    }
}

/// Shared by request bodies that carry a text to judge.
struct TextBody: Decodable, Sendable {
    var text: String
    var name: String?

    func checked() throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem(status: .unprocessableContent, detail: "\"text\" is empty; send the text to judge.")
        }
        // Punctuation alone would be scored as if it were writing (the prior read as a verdict).
        guard WordCount.count(text) > 0 else {
            throw Problem(status: .unprocessableContent, detail: "\"text\" has no words to judge; send a text with at least one sentence.")
        }
        return text
    }
}
