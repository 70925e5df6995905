internal import CCurl
import Foundation

/// The only file that touches libcurl: runs one transfer with `curl_easy_perform` on the calling thread.
///
/// libcurl's C types stay in here; the rest of the module sees `CurlEasy.Outcome` and `HTTPError`.
struct CurlEasy {
    /// Why our own callbacks stopped a transfer, so the generic curl error can be reported precisely.
    enum AbortReason { case cancelled, tooLarge, rejectedByHandler, stalled }

    struct Outcome {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
        var finalURL: String
    }

    /// Receives body bytes of a 2xx response; return false to abort the transfer.
    typealias ChunkHandler = (Data) -> Bool

    /// State the C callbacks reach through their `userdata` pointer.
    final class TransferState {
        let maxBodyBytes: Int
        let cancellation: HTTPCancellation?
        let onChunk: ChunkHandler?
        var headerLines: [String] = []
        var body = Data()
        var received = 0
        var abortReason: AbortReason?
        var easy: UnsafeMutableRawPointer?
        /// Silence longer than this (no header or body byte) stops the transfer; curl's low-speed limit, which
        /// averages over a window, is only the backstop. Nanoseconds, 0 for none.
        var idleNanoseconds: UInt64 = 0
        var lastActivity = DispatchTime.now().uptimeNanoseconds

        init(maxBodyBytes: Int, cancellation: HTTPCancellation?, onChunk: ChunkHandler?) {
            self.maxBodyBytes = maxBodyBytes
            self.cancellation = cancellation
            self.onChunk = onChunk
        }
    }

    private static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32)) == CURLE_OK
    }()

    static func perform(_ request: HTTPRequest, cancellation: HTTPCancellation?, onChunk: ChunkHandler?) throws -> Outcome {
        guard globalInit, let handle = curl_easy_init() else {
            throw HTTPError.transport(url: request.url, message: "libcurl could not be initialised")
        }
        defer { curl_easy_cleanup(handle) }

        let state = TransferState(maxBodyBytes: request.maxBodyBytes, cancellation: cancellation, onChunk: onChunk)
        state.easy = UnsafeMutableRawPointer(handle)
        if let idle = request.idleTimeout { state.idleNanoseconds = UInt64(max(0.05, idle) * 1e9) }
        let context = Unmanaged.passUnretained(state).toOpaque()

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for field in request.headers {
            // A CR or LF in a field would end the header and start another (header injection, e.g. from a key
            // pasted with a line break). Refused before anything is sent; the value itself is never quoted.
            if (field.name + field.value).unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                throw HTTPError.transport(url: request.url, message: "the \(field.name) header contains a control character (a line break?) and was not sent; check the value it came from")
            }
            headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
        }
        // libcurl adds "Expect: 100-continue" to large POSTs; LLM gateways handle it poorly and it costs a round trip.
        if request.headers["Expect"] == nil { headerList = curl_slist_append(headerList, "Expect:") }

        let schemes = request.allowedSchemes.sorted().joined(separator: ",")
        vc_curl_setopt_string(handle, CURLOPT_URL, request.url)
        vc_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        vc_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, schemes)
        vc_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, schemes)
        vc_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1 : 0)
        vc_curl_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, request.maxRedirects))
        vc_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        if let total = request.totalTimeout {
            vc_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(total))
        }
        if let idle = request.idleTimeout {
            vc_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            vc_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(idle.rounded(.up))))
        }
        vc_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes))
        if request.acceptCompressed { vc_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "") }
        if request.headers["User-Agent"] == nil {
            vc_curl_setopt_string(handle, CURLOPT_USERAGENT, "voiceclone/1.0 (+libcurl)")
        }
        vc_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)

        let method = request.method.uppercased()
        if let body = request.body {
            vc_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { raw in
                // COPYPOSTFIELDS copies, so the Data need not outlive this call.
                _ = vc_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
            if method != "POST" { vc_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method) }
        } else if method == "HEAD" {
            vc_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
        } else if method != "GET" {
            vc_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }

        vc_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite)
        vc_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        vc_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeader)
        vc_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        vc_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        vc_curl_setopt_progress_callback(handle, CURLOPT_XFERINFOFUNCTION, curlProgress)
        vc_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)

        let started = DispatchTime.now().uptimeNanoseconds
        let code = withExtendedLifetime(state) { curl_easy_perform(handle) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        if code != CURLE_OK {
            throw Self.error(for: code, state: state, request: request, elapsed: elapsed)
        }
        var status = 0
        vc_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        vc_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url
        return Outcome(status: status, headers: Self.parseHeaders(state.headerLines), body: state.body, finalURL: finalURL)
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    private static func error(for code: CURLcode, state: TransferState, request: HTTPRequest, elapsed: TimeInterval) -> HTTPError {
        let url = request.url
        switch state.abortReason {
        case .cancelled?, .rejectedByHandler?: return .cancelled(url: url)
        case .tooLarge?: return .bodyTooLarge(url: url, limit: request.maxBodyBytes)
        case .stalled?: return .stalled(url: url, seconds: request.idleTimeout ?? elapsed)
        case nil: break
        }
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            let scheme = URLComponents(string: url)?.scheme ?? "unknown"
            return .unsupportedScheme(url: url, scheme: scheme, allowed: request.allowedSchemes.sorted())
        case CURLE_URL_MALFORMAT:
            return .invalidURL(url)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(url: url, host: URLComponents(string: url)?.host ?? url)
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(url: url)
        case CURLE_OPERATION_TIMEDOUT:
            // A low-speed abort reports as a timeout too; tell them apart by which limit was reached.
            if let total = request.totalTimeout, elapsed >= total - 0.05 {
                return .timedOut(url: url, seconds: total)
            }
            let connectTimedOut = state.headerLines.isEmpty && abs(elapsed - request.connectTimeout) < 0.25
            if let idle = request.idleTimeout, elapsed >= idle - 0.05, !connectTimedOut {
                return .stalled(url: url, seconds: idle)
            }
            return .timedOut(url: url, seconds: request.connectTimeout)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url, limit: request.maxRedirects)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url: url, limit: request.maxBodyBytes)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled(url: url)
        default:
            return .transport(url: url, message: String(cString: curl_easy_strerror(code)))
        }
    }

    /// Keeps only the header block of the last response: every status line starts a new block
    /// (redirect hops and `100 Continue` come first).
    private static func parseHeaders(_ lines: [String]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for line in lines {
            if line.hasPrefix("HTTP/") {
                headers = HTTPHeaders()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).trimmingWhitespace()
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
            if !name.isEmpty { headers.add(name, value) }
        }
        return headers
    }
}

private func transferState(_ userdata: UnsafeMutableRawPointer?) -> CurlEasy.TransferState? {
    guard let userdata else { return nil }
    return Unmanaged<CurlEasy.TransferState>.fromOpaque(userdata).takeUnretainedValue()
}

private let curlWrite: vc_curl_data_callback = { pointer, size, count, userdata in
    let total = size * count
    guard let state = transferState(userdata), let pointer else { return 0 }
    if state.cancellation?.isCancelled == true {
        state.abortReason = .cancelled
        return 0
    }
    state.received += total
    state.lastActivity = DispatchTime.now().uptimeNanoseconds
    if state.received > state.maxBodyBytes {
        state.abortReason = .tooLarge
        return 0
    }
    let bytes = Data(bytes: pointer, count: total)
    var status = 0
    if let easy = state.easy { vc_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
    // Only a successful response streams; error bodies are kept whole so callers can read the server's message.
    if let onChunk = state.onChunk, (200..<300).contains(status) {
        if !onChunk(bytes) {
            state.abortReason = .rejectedByHandler
            return 0
        }
    } else {
        state.body.append(bytes)
    }
    return total
}

private let curlHeader: vc_curl_data_callback = { pointer, size, count, userdata in
    let total = size * count
    guard let state = transferState(userdata), let pointer else { return 0 }
    let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: total), as: UTF8.self)
    let trimmed = line.trimmingWhitespace()
    state.lastActivity = DispatchTime.now().uptimeNanoseconds
    if !trimmed.isEmpty { state.headerLines.append(trimmed) }
    return total
}

private let curlProgress: vc_curl_progress_callback = { userdata, _, _, _, _ in
    guard let state = transferState(userdata) else { return 0 }
    if state.cancellation?.isCancelled == true {
        state.abortReason = .cancelled
        return 1
    }
    if state.idleNanoseconds > 0, DispatchTime.now().uptimeNanoseconds - state.lastActivity > state.idleNanoseconds {
        state.abortReason = .stalled
        return 1
    }
    return 0
}
