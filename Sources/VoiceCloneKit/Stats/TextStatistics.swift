import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// `voiceclone stats`: the DNA's measurements for any text, no vault or clone needed.
public enum TextStatistics {
    /// Measures each file (`-` reads standard input). Markdown front matter is not prose and is skipped.
    /// A file that cannot be read gets its error in the results; the others are still measured.
    public static func measure(_ inputs: [String],
                               standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) -> [Result<FileStatistics, InputFailure>] {
        inputs.map { input in
            do {
                let text = try read(input, standardInput: standardInput)
                return .success(FileStatistics(file: input, profile: VoiceAnalyzer().stats(of: text)))
            } catch {
                return .failure(InputFailure(file: input, error: error.localizedDescription))
            }
        }
    }

    /// The text of a file or of standard input, checked the way samples are: UTF-8, not binary, sane size.
    public static func read(_ input: String, standardInput: () -> Data) throws -> String {
        let data: Data
        if input == "-" {
            data = standardInput()
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw VaultError.sourceNotFound(input) }
            if isDir.boolValue { throw VaultError.invalidSample(input, reason: "is a folder; name the files in it") }
            let size = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
            if size > VaultScanner.maxSampleBytes {
                throw VaultError.invalidSample(input, reason: "is \(size / 1_048_576) MB, over the \(VaultScanner.maxSampleBytes / 1_048_576) MB limit; split it")
            }
            guard let contents = FileManager.default.contents(atPath: input) else {
                throw VaultError.invalidSample(input, reason: "cannot be read (check its permissions)")
            }
            data = contents
        }
        let name = input == "-" ? "standard input" : input
        if data.prefix(8192).contains(0) { throw VaultError.invalidSample(name, reason: "is a binary file, not text") }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw VaultError.invalidSample(name, reason: "is not valid UTF-8 text; re-save it as UTF-8")
        }
        if let doc = try? FrontMatter.parse(text) { return doc.body }
        return text
    }
}

/// One measured text: `file` beside the same feature names as in the DNA.
public struct FileStatistics: Encodable, Sendable {
    public var file: String
    public var profile: TextProfile

    enum CodingKeys: String, CodingKey { case file }

    public func encode(to encoder: any Encoder) throws {
        try profile.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
    }
}
