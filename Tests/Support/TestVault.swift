import Foundation
import VoiceCloneKit
import VoiceCloneVault

/// A vault in a temporary folder, initialised exactly as `voiceclone init` does.
public final class TestVault: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var root: URL { directory.url }

    public init() throws {
        directory = TemporaryDirectory("vault")
        _ = try VaultInitializer.initialize(at: directory.url)
    }

    public func workspace() throws -> Workspace {
        try Workspace(vault: Vault(root: root), environment: [:])
    }

    /// Writes a sample file by hand, the way a user dropping a file into samples/ would.
    @discardableResult
    public func writeSample(clone: String, name: String, _ text: String) throws -> URL {
        try directory.write("clones/\(clone)/samples/\(name)", text)
    }

    public func git(_ args: String...) throws -> String {
        try ProcessRunner.git(args, in: root)
    }
}
