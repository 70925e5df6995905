import Foundation
import VoiceCloneVault

/// Reads the texts `detect` and `rewrite` judge, keeping front matter in place so flag offsets match the file a
/// person opens in an editor (the detector itself skips the front matter).
enum DetectionInputReader {
    static func read(_ input: String, standardInput: () -> Data) throws -> NamedText {
        let data: Data
        if input == "-" {
            data = standardInput()
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw VaultError.sourceNotFound(input) }
            if isDir.boolValue { throw VaultError.invalidSample(input, reason: "is a folder; name the files in it") }
            guard let contents = FileManager.default.contents(atPath: input) else {
                throw VaultError.invalidSample(input, reason: "cannot be read (check its permissions)")
            }
            data = contents
        }
        let name = input == "-" ? "standard input" : input
        if data.prefix(8192).contains(0) { throw VaultError.invalidSample(name, reason: "is a binary file, not text; convert it to text or Markdown first") }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw VaultError.invalidSample(name, reason: "is not valid UTF-8 text; re-save it as UTF-8")
        }
        return NamedText(file: name, text: text)
    }
}
