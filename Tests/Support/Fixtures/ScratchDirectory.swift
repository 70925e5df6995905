import Foundation

/// A temporary folder for fixture files, removed when the value is released.
public final class ScratchDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ label: String = "fixtures") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("voiceclone-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder (subfolders are created).
    public func path(_ name: String) -> String {
        let file = url.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        return file.path
    }

    /// Writes bytes to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let target = path(name)
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}
