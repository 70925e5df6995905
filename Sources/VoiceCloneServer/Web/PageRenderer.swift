import Foundation
import Hummingbird
import Mustache

/// Renders pages from the Mustache templates shipped as resources (`Resources/templates`). Every page extends
/// `layout` (navigation, stylesheet, scripts); values are HTML-escaped unless a template asks for `{{{raw}}}`,
/// which only the SVG pictures built and escaped in Swift use.
enum PageRenderer {
    static let library: Result<MustacheLibrary, any Error> = Result {
        var library = MustacheLibrary()
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw Problem(status: .internalServerError, detail: "This build has no page templates.")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return library
    }

    /// The page `template` with `context`, plus what the layout needs (asset addresses, the current section).
    static func render(_ template: String, section: String, title: String, _ context: [String: Any],
                       status: HTTPResponse.Status = .ok) throws -> Response {
        var context = visible(context) as? [String: Any] ?? context
        context["pageTitle"] = SVGDrawing.visibleControls(title)
        context["stylesheet"] = StaticAssets.url("app.css")
        context["script"] = StaticAssets.url("app.js")
        context["nav"] = [("voices", "Voices", "/voices"), ("check", "Check", "/check"), ("write", "Write", "/write"),
                          ("library", "Library", "/library"), ("status", "Status", "/status")].map { key, label, href in
            ["label": label, "href": href, "current": key == section] as [String: Any]
        }
        guard let html = try library.get().render(context, withTemplate: template) else {
            throw Problem(status: .internalServerError, detail: "The page template \(template) is missing from this build.")
        }
        return HTMLPage.response(html, status: status)
    }

    /// Every text in a page's context with its control characters shown (`\x1b`), so a hostile name or sample
    /// cannot put an ANSI escape into the HTML. Mustache escapes the rest.
    static func visible(_ value: Any) -> Any {
        switch value {
        case let text as String: return SVGDrawing.visibleControls(text)
        case let dictionary as [String: Any]: return dictionary.mapValues(visible)
        case let list as [Any]: return list.map(visible)
        default: return value
        }
    }

    /// A page saying what went wrong and what to do, with the status the API would answer.
    static func error(_ error: any Error, back: String?) -> Response {
        let problem = ErrorStatus.problem(for: error)
        var context: [String: Any] = ["status": problem.status, "reason": problem.title, "detail": problem.detail]
        // Without the cookie every page is refused, so a 401 offers no link back into the app.
        context["back"] = problem.status == 401 ? nil : back ?? "/voices"
        return (try? render("error", section: "", title: problem.title, context, status: .init(code: problem.status)))
            ?? HTMLPage.response("<!doctype html><title>Error</title><p>\(problem.status)</p>", status: .init(code: problem.status))
    }
}

/// Short notices shown once after a form post redirected (`?notice=created`); only these fixed sentences,
/// so a link cannot put words of its own on the page.
enum Notice {
    static let messages: [String: String] = [
        "created": "Voice created. Add samples below, then analyse.",
        "deleted": "Voice deleted. Git history keeps its files.",
        "uploaded": "Samples added and committed.",
        "unchanged": "Those samples were already in this voice; nothing changed.",
        "removed": "Sample removed and committed.",
        "edited": "Changes saved and committed.",
        "kept": "Rewrite kept: saved to the library as a draft and committed.",
        "renamed": "Renamed and committed: this page has a new address.",
        "analysed": "Analysed: a new DNA revision is saved and committed.",
        "saved": "Saved and committed.",
        "status": "Status changed and committed.",
        "synced": "Synced with the remote.",
        "remote-added": "Remote added. Sync now to send this vault's commits to it.",
        "resolved-mine": "Conflict resolved: this vault's text now stands at the sample's path, the copy is gone, and the change is committed. Sync to send it.",
        "resolved-theirs": "Conflict resolved: the remote's text stays, this vault's copy is removed, and the change is committed. Sync to send it.",
        "resolved-both": "Conflict resolved: both texts stay as two samples, and the change is committed. Sync to send it.",
        "settings-saved": "Settings saved and committed.",
        "merged": "Merged: this voice's DNA is blended from its sources and committed.",
    ]

    static func message(_ request: Request) -> String? {
        request.uri.queryParameters.get("notice").flatMap { messages[String($0)] }
    }
}
