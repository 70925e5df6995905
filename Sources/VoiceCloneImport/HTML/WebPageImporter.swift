import Foundation
import VoiceCloneHTTP

/// Downloads an http(s) page with the import limits and hands it to the HTML importer.
struct WebPageImporter {
    let options: ImportOptions
    let client: HTTPClient

    func importURL(_ url: String) throws -> ImportedDocument {
        var request = HTTPRequest(
            url: url,
            headers: ["Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"],
            connectTimeout: options.connectTimeout,
            totalTimeout: options.downloadTimeout,
            maxRedirects: options.maxRedirects,
            maxBodyBytes: options.maxDownloadBytes
        )
        request.headers.add("User-Agent", "Mozilla/5.0 (compatible; voiceclone/1.0; +https://github.com/)")
        let response: HTTPResponse
        do {
            response = try client.send(request)
        } catch let error as HTTPError {
            throw Self.importError(error, url: url)
        }
        // The recorded source and every message drop any user:password part of the address.
        let finalURL = URLRedaction.redact(response.finalURL)
        guard response.isSuccess else { throw ImportError.httpStatus(finalURL, status: response.status) }
        let contentType = response.contentType ?? ""
        let looksLikeHTML = response.body.prefix(512).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.first == UInt8(ascii: "<")
        let isHTML = contentType == "text/html" || contentType == "application/xhtml+xml" || (contentType.isEmpty && looksLikeHTML)
        guard isHTML else { throw ImportError.notHTML(finalURL, contentType: contentType.isEmpty ? "of unknown type" : contentType) }
        return try HTMLImporter(minimumWords: options.minimumWords).importPage(
            data: response.body, headerCharset: response.charset, source: finalURL, sourceType: .url,
            fallbackTitle: Self.fallbackTitle(finalURL)
        )
    }

    private static func fallbackTitle(_ url: String) -> String {
        guard let parts = URLComponents(string: url) else { return url }
        let last = parts.path.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty ? (parts.host ?? url) : FileTitle.fromPath(last)
    }

    static func importError(_ error: HTTPError, url: String) -> ImportError {
        let shown = URLRedaction.redact(url)
        switch error {
        case .invalidURL, .unsupportedScheme: return .unsupportedURL(shown)
        case .hostNotFound(_, let host): return .hostNotFound(shown, host: host)
        case .timedOut(_, let seconds), .stalled(_, let seconds): return .timedOut(shown, seconds: seconds)
        case .bodyTooLarge(_, let limit): return .downloadTooLarge(shown, limit: limit)
        case .tooManyRedirects, .couldNotConnect, .cancelled, .transport:
            return .download(shown, reason: error.localizedDescription.replacingOccurrences(of: shown + ": ", with: ""))
        }
    }
}
