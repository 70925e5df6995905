import Foundation

/// Prints streamed fragments as they arrive, with a header when a new variant starts.
final class StreamPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let variants: Int
    private var current = -1

    init(variants: Int) { self.variants = variants }

    func write(variant: Int, _ fragment: String) {
        lock.lock()
        defer { lock.unlock() }
        if variant != current {
            if variants > 1 { emit((current >= 0 ? "\n" : "") + "--- variant \(variant + 1) ---\n") }
            current = variant
        }
        emit(fragment)
    }

    /// Ends the streamed text with a newline.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if current >= 0 { emit("\n") }
    }

    private func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
