/// Receives progress of long operations. The CLI draws it on a terminal and ignores it when piped;
/// the library never prints.
public protocol ProgressSink: Sendable {
    func update(done: Int, total: Int, label: String)
    func finish()
}
