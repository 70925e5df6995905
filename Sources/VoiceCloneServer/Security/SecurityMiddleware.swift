import Foundation
import Hummingbird

/// The gate every request passes before any route sees it, in this order:
/// 1. **Host** must name this server on loopback (or the explicitly bound host): a page on another site that
///    re-points its DNS name at 127.0.0.1 (DNS rebinding, Ollama's CVE-2024-28224) sends its own name and is refused.
/// 2. **Token**: `?token=` is exchanged for an HttpOnly, SameSite=Strict cookie and the browser is redirected to the
///    same URL without it; scripts send `Authorization: Bearer`. Nothing else gets in (401).
/// 3. **CSRF**: a state-changing request from a browser must come from this origin (`Origin`, `Sec-Fetch-Site`).
/// 4. **Size**: a declared body over the limit is refused before it is read (413).
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: ServerState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowedHosts = state.allowedHosts
        let host = (request.head.authority ?? "").lowercased()
        guard allowedHosts.contains(host) else {
            throw Problem(status: .forbidden, detail: "This server answers only to \(allowedHosts.sorted().joined(separator: ", ")); the request named another host.")
        }

        let query = request.uri.queryParameters
        if let offered = query.get("token") {
            guard LaunchToken.matches(offered, state.configuration.token) else {
                throw Problem(status: .unauthorized, detail: "The token in this link is not this server's; use the link `voiceclone serve` printed.")
            }
            // Drop the token from the address bar and history; the cookie carries it from now on.
            var fields = HTTPFields()
            fields[.location] = Self.pathWithoutToken(path: request.uri.path, query: request.uri.query)
            SecurityHeaders.apply(to: &fields)
            var response = Response(status: .seeOther, headers: fields)
            response.setCookie(Cookie(name: state.cookieName, value: state.configuration.token, path: "/",
                                      httpOnly: true, sameSite: .strict))
            return response
        }

        let viaBearer = Self.bearer(request).map { LaunchToken.matches($0, state.configuration.token) } ?? false
        let viaCookie = request.cookies[state.cookieName].map { LaunchToken.matches($0.value, state.configuration.token) } ?? false
        guard viaBearer || viaCookie else {
            let problem = Problem(status: .unauthorized, detail: "Open the link `voiceclone serve` printed, or send `Authorization: Bearer <token>`.")
            // A person in a browser gets a page saying what to do; scripts get problem details.
            var response = HTMLPage.wantsHTML(request) ? PageRenderer.error(problem, back: nil) : problem.response()
            response.headers[.wwwAuthenticate] = "Bearer realm=\"voiceclone\""
            return response
        }

        if !Self.isSafe(request.method) {
            try checkSameOrigin(request, allowedHosts: allowedHosts, cookieOnly: viaCookie && !viaBearer)
            if let declared = request.headers[.contentLength].flatMap(Int.init), declared > state.configuration.maxUploadBytes {
                throw Problem(status: .contentTooLarge, detail: "The request body is \(declared) bytes; the limit is \(state.configuration.maxUploadBytes) bytes.")
            }
        }
        return try await next(request, context)
    }

    /// Browsers send `Origin` and `Sec-Fetch-Site` on every cross-site write; scripts with a Bearer token send neither.
    /// A cookie alone (a browser) must show where the request came from.
    private func checkSameOrigin(_ request: Request, allowedHosts: Set<String>, cookieOnly: Bool) throws {
        let site = request.headers[HTTPFields.Element.Name("Sec-Fetch-Site")!]?.lowercased()
        if let site, site != "same-origin", site != "none" {
            throw Problem(status: .forbidden, detail: "Cross-site requests cannot change this vault (Sec-Fetch-Site: \(site)).")
        }
        let origin = request.headers[.origin]?.lowercased()
        if let origin {
            let allowed = allowedHosts.map { "http://\($0)" }
            guard allowed.contains(origin) else {
                throw Problem(status: .forbidden, detail: "Requests from \(origin) cannot change this vault; only this server's own pages can.")
            }
        }
        if cookieOnly, origin == nil, site == nil {
            throw Problem(status: .forbidden, detail: "A browser request that changes the vault must carry its Origin.")
        }
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The request's path and query with `token` removed.
    static func pathWithoutToken(path: String, query: String?) -> String {
        let kept = (query ?? "").split(separator: "&").filter { !$0.hasPrefix("token=") && $0 != "token" }
        let path = path.isEmpty ? "/" : path
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }
}
