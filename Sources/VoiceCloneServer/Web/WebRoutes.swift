import Foundation
import Hummingbird
import VoiceCloneKit

/// The web app: server-rendered pages over the same Kit calls as the API. Every page works without JavaScript
/// (forms post, the server redirects back); small script modules only add streaming and live counts.
enum WebRoutes {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    static func add(to router: APIRouter, state: ServerState) {
        StaticAssets.add(to: router)
        VoicePages.add(to: router, state: state)
        SamplePages.add(to: router, state: state)
        DNAPages.add(to: router, state: state)
        CheckPage.add(to: router, state: state)
        WritePage.add(to: router, state: state)
        LibraryPages.add(to: router, state: state)
        StatusPage.add(to: router, state: state)
        ProviderKeyPage.add(to: router, state: state)
        SettingsPage.add(to: router, state: state)
        MergePage.add(to: router, state: state)
        SyncPage.add(to: router, state: state)
    }

    /// Turns a failure into a readable page with the status the API would give, and a way back.
    static func page(back: String? = nil, _ body: @escaping Handler) -> Handler {
        { request, context in
            do {
                return try await body(request, context)
            } catch {
                return PageRenderer.error(error, back: back ?? request.uri.path)
            }
        }
    }

    /// A path segment for a link: a slug or id, percent-encoded.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? value
    }

    /// A text for a template section (`{{#x}}`), which shows for any string, even an empty one: nil when blank.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }

    static func formatted(_ number: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: number)) ?? String(number)
    }

    /// The voices for a `<select>`, with `selected` marking the chosen one.
    static func voiceOptions(_ workspace: Workspace, selected: String?) -> [[String: Any]] {
        workspace.clones.list().map { clone in
            ["value": clone.slug, "label": clone.name,
             "selected": selected.map { $0 == clone.slug || $0.lowercased() == clone.name.lowercased() } ?? false]
        }
    }
}
