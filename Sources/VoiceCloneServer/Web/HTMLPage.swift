import Foundation
import Hummingbird

/// HTML answers: the API's security headers plus a Content-Security-Policy that lets a page load only this
/// server's own stylesheet, scripts and images (no inline script or style), and post forms only to itself.
enum HTMLPage {
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
        "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/html; charset=utf-8"
        apply(to: &fields)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A standalone SVG picture (the same drawing the pages embed), for saving or exporting.
    static func svg(_ svg: String) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "image/svg+xml; charset=utf-8"
        apply(to: &fields)
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    /// 303 See Other: after a form post the browser loads the page again with GET, so a reload never re-posts.
    static func redirect(_ location: String) -> Response {
        var fields = HTTPFields()
        fields[.location] = location
        apply(to: &fields)
        return Response(status: .seeOther, headers: fields)
    }

    static func apply(to fields: inout HTTPFields) {
        SecurityHeaders.apply(to: &fields)
        fields[.contentSecurityPolicy] = contentSecurityPolicy
        // Same-origin form posts must carry their Origin (the CSRF check); with "no-referrer" a browser sends
        // `Origin: null`. "same-origin" still sends nothing to other sites.
        fields[HTTPFields.Element.Name("Referrer-Policy")!] = "same-origin"
    }

    static func wantsHTML(_ request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains("text/html") ?? false
    }
}
