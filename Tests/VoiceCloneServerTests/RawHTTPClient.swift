import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately plain HTTP/1.1 client over a loopback socket: it sends exactly the head it is given (a foreign
/// `Host`, an `Origin`, a lying `Content-Length`), which URLSession would not, and reads to the end of the connection.
struct RawHTTPClient {
    let port: Int
    // An idle limit per read, not a speed check: on a 2-core machine running every suite at once a request can
    // wait minutes for a core, and a short limit there failed tests that pass alone.
    var timeout: TimeInterval = 180

    struct Reply {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        func headers(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
        func object() throws -> [String: Any] {
            guard let object = try json() as? [String: Any] else { throw ClientError("not a JSON object: \(text.prefix(300))") }
            return object
        }
        func array() throws -> [[String: Any]] {
            guard let array = try json() as? [[String: Any]] else { throw ClientError("not a JSON array: \(text.prefix(300))") }
            return array
        }
    }

    struct ClientError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Sends one request. `host` defaults to 127.0.0.1:PORT; pass headers as name/value pairs.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: Data = Data(),
              host: String? = nil, declaredLength: Int? = nil) async throws -> Reply {
        let port = self.port, timeout = self.timeout
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
                    for (name, value) in headers { head += "\(name): \(value)\r\n" }
                    if !body.isEmpty || declaredLength != nil || method == "POST" || method == "PATCH" {
                        head += "Content-Length: \(declaredLength ?? body.count)\r\n"
                    }
                    head += "\r\n"
                    let raw = try Self.exchange(port: port, request: Data(head.utf8) + body, timeout: timeout)
                    return try Self.parse(raw)
                })
            }
        }
    }

    private static func exchange(port: Int, request: Data, timeout: TimeInterval) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError("socket failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ClientError("connect to port \(port) failed") }
        // The server may answer (413) and close before the whole body is sent; that is not an error here.
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: chunk[0..<n])
        }
        return response
    }

    private static func parse(_ raw: Data) throws -> Reply {
        guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else { throw ClientError("no response head (\(raw.count) bytes)") }
        let lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError("bad status line \(lines[0])") }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Data(raw[end.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { out.append(rest[start...]); break }
            let stop = rest.index(start, offsetBy: size)
            out.append(rest[start..<stop])
            rest = rest[min(rest.index(stop, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return out
    }
}
