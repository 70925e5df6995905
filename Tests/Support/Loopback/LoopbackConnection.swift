import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads one HTTP/1.1 request from a socket and writes one scripted response, with every wait bounded.
struct LoopbackConnection {
    let fd: Int32
    let isStopping: () -> Bool
    /// Longest wait for the client's request bytes.
    var readTimeout: TimeInterval = 5

    func readRequest() -> LoopbackRequest? {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(readTimeout)
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard receive(into: &buffer, deadline: deadline) else { return nil }
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            ))
        }
        var body = Data(buffer[headEnd.upperBound...])
        let header = { (name: String) in headers.first { $0.name.lowercased() == name }?.value }
        if let length = header("content-length").flatMap(Int.init) {
            while body.count < length {
                guard receive(into: &body, deadline: deadline) else { break }
            }
        } else if header("transfer-encoding")?.lowercased() == "chunked" {
            while !body.suffix(5).elementsEqual(Data("0\r\n\r\n".utf8)) {
                guard receive(into: &body, deadline: deadline) else { break }
            }
            body = Self.dechunk(body)
        }
        return LoopbackRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    func write(_ response: LoopbackResponse, headOnly: Bool) {
        if response.silenceBeforeHead > 0 {
            _ = pause(response.silenceBeforeHead)
            return
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
        if response.chunked {
            head += "Transfer-Encoding: chunked\r\n"
        } else {
            head += "Content-Length: \(response.bodyData.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard send(Data(head.utf8)), !headOnly else { return }
        for part in response.parts {
            switch part {
            case .pause(let seconds):
                guard pause(seconds) else { return }
            case .bytes(let bytes):
                if response.chunked {
                    guard !bytes.isEmpty else { continue }
                    var chunk = Data(String(bytes.count, radix: 16).utf8)
                    chunk.append(Data("\r\n".utf8))
                    chunk.append(bytes)
                    chunk.append(Data("\r\n".utf8))
                    guard send(chunk) else { return }
                } else {
                    guard send(bytes) else { return }
                }
            }
        }
        if response.chunked { _ = send(Data("0\r\n\r\n".utf8)) }
    }

    /// Sleeps in short slices; false when the server is stopping or the client has hung up.
    private func pause(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if isStopping() || clientClosed() { return false }
            usleep(10_000)
        }
        return true
    }

    private func clientClosed() -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        if poller.revents & Int16(POLLHUP | POLLERR) != 0 { return true }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }

    private func receive(into buffer: inout Data, deadline: Date) -> Bool {
        while Date() < deadline, !isStopping() {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    private func send(_ data: Data) -> Bool {
        var offset = 0
        while offset < data.count {
            if isStopping() { return false }
            let sent = data.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func dechunk(_ data: Data) -> Data {
        var output = Data()
        var index = data.startIndex
        let crlf = Data("\r\n".utf8)
        while let lineEnd = data.range(of: crlf, in: index..<data.endIndex) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first.map(String.init) ?? "", radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = min(data.endIndex, start + size)
            output.append(data[start..<end])
            index = min(data.endIndex, end + 2)
        }
        return output
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
