import Foundation
import VoiceCloneText
import VoiceCloneVault

/// Reads a text named on the command line (a file, or `-` for standard input) for the commands that judge texts
/// from outside the vault: `stats`, `attribute`, `match`, `detect`, `rewrite`. The whole file comes back, front
/// matter included, so `detect`'s flag offsets match the file a person opens in an editor.
enum InputText {
    static func read(_ input: String, standardInput: () -> Data) throws -> NamedText {
        let data: Data
        if input == "-" {
            data = standardInput()
            if data.count > VaultScanner.maxSampleBytes {
                throw VaultError.tooLarge("standard input", bytes: data.count, limit: VaultScanner.maxSampleBytes)
            }
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) || ContainedFile.isSymbolicLink(input) else {
                throw VaultError.sourceNotFound(input)
            }
            if isDir.boolValue, !ContainedFile.isSymbolicLink(input) {
                throw VaultError.invalidSample(input, reason: "is a folder; name the files in it")
            }
            data = try BoundedInput.file(input, limit: VaultScanner.maxSampleBytes)
        }
        let name = input == "-" ? "standard input" : input
        switch TextValidation.decode(data) {
        case .success(let text): return NamedText(file: name, text: text)
        case .failure(let box) where box.problem == .binary:
            throw VaultError.invalidSample(name, reason: "is a binary file, not text; convert it to text or Markdown first")
        case .failure:
            throw VaultError.invalidSample(name, reason: "is not valid UTF-8 text; re-save it as UTF-8")
        }
    }

    /// Each input handled on its own: one that cannot be read fails alone, as every batch command promises.
    static func each<T>(_ inputs: [String], _ body: (String) throws -> T) -> [Result<T, InputFailure>] {
        inputs.map { input in
            do {
                return .success(try body(input))
            } catch {
                return .failure(InputFailure(file: input, error: error.localizedDescription))
            }
        }
    }
}
