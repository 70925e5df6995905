import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 for tests: scripted routes, every request recorded, no external process.
///
/// Each connection serves one request (`Connection: close`) on its own thread, so a stalled route never
/// blocks the others. Every wait inside is bounded and `stop()` returns within about a second, even while
/// a route is pausing or a client has gone away.
///
///     let server = try LoopbackHTTPServer()
///     defer { server.stop() }
///     server.route("/post", .html("<p>Hi</p>"))
///     server.route("/flaky", sequence: [.text("busy", status: 500), .json("{}")])
///     let response = try HTTPClient().send(HTTPRequest(url: server.url("/post")))
///     #expect(server.requests(to: "/post").count == 1)
public final class LoopbackHTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (LoopbackRequest) -> LoopbackResponse

    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Handler] = [:]
    private var recorded: [LoopbackRequest] = []
    private var openConnections: Set<Int32> = []
    private var stopping = false
    /// The listening socket is closed exactly once: a second close could hit a descriptor another test reuses.
    private var listenerClosed = false
    private let acceptDone = DispatchSemaphore(value: 0)

    /// Binds an ephemeral port on 127.0.0.1 and starts serving at once.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackError.socket("bind/listen", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
        // The accept thread holds the server only weakly, so a server that is dropped without stop() still goes away.
        let thread = Thread { [weak self] in
            while true {
                guard let server = self else { return }
                if !server.acceptOnce() {
                    server.acceptDone.signal()
                    return
                }
            }
        }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    deinit {
        // No waiting here: the accept thread can no longer reach this server and ends by itself.
        lock.lock()
        stopping = true
        // Under the lock, so a connection thread cannot close (and the system reuse) a descriptor before its shutdown.
        for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.unlock()
        closeListener()
    }

    private func closeListener() {
        lock.lock()
        let shouldClose = !listenerClosed
        listenerClosed = true
        lock.unlock()
        if shouldClose { close(listener) }
    }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The absolute URL of a path on this server.
    public func url(_ path: String) -> String { baseURL + (path.hasPrefix("/") ? path : "/" + path) }

    /// Answers every request to `path` (query ignored) with the same response.
    public func route(_ path: String, _ response: LoopbackResponse) {
        route(path) { _ in response }
    }

    /// Answers requests to `path` by calling `handler` (on the connection's thread).
    public func route(_ path: String, handler: @escaping Handler) {
        lock.lock()
        routes[path] = handler
        lock.unlock()
    }

    /// Answers successive requests to `path` with successive responses; the last one repeats.
    /// For "500, then success" and "429 with Retry-After, then success" scripts.
    public func route(_ path: String, sequence responses: [LoopbackResponse]) {
        let counter = LoopbackCounter()
        route(path) { _ in
            let index = counter.next()
            return responses.isEmpty ? .text("no response scripted", status: 500) : responses[min(index, responses.count - 1)]
        }
    }

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The requests whose path (without query) is `path`.
    public func requests(to path: String) -> [LoopbackRequest] {
        requests.filter { $0.path == path }
    }

    /// Stops accepting, cuts open connections and waits (at most 2 s) for the accept thread to end.
    public func stop() {
        lock.lock()
        if stopping {
            lock.unlock()
            return
        }
        stopping = true
        // Under the lock, so a connection thread cannot close (and the system reuse) a descriptor before its shutdown.
        for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.unlock()
        _ = acceptDone.wait(timeout: .now() + 2)
        closeListener()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Waits up to 50 ms for one connection and starts serving it; false once the server is stopping.
    private func acceptOnce() -> Bool {
        if isStopping { return false }
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 50) > 0 else { return true }
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return true }
        lock.lock()
        if stopping {
            lock.unlock()
            close(client)
            return false
        }
        openConnections.insert(client)
        lock.unlock()
        let thread = Thread { [self] in
            serve(client)
            lock.lock()
            openConnections.remove(client)
            close(client)
            lock.unlock()
        }
        thread.start()
        return true
    }

    private func serve(_ fd: Int32) {
        let connection = LoopbackConnection(fd: fd, isStopping: { [self] in isStopping })
        guard let request = connection.readRequest() else { return }
        lock.lock()
        recorded.append(request)
        let handler = routes[request.path]
        lock.unlock()
        let response = handler?(request) ?? .text("no route for \(request.path)", status: 404)
        connection.write(response, headOnly: request.method == "HEAD")
    }
}

/// Counts calls across threads for `route(_:sequence:)`.
final class LoopbackCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

public enum LoopbackError: Error, CustomStringConvertible {
    case socket(String, Int32)

    public var description: String {
        switch self {
        case .socket(let call, let code): return "loopback server: \(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
