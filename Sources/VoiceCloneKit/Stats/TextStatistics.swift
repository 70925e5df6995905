import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// `voiceclone stats`: the DNA's measurements for any text, no vault or clone needed.
public enum TextStatistics {
    /// Measures each file (`-` reads standard input). Markdown front matter is not prose and is skipped.
    /// A file that cannot be read gets its error in the results; the others are still measured.
    public static func measure(_ inputs: [String],
                               standardInput: () -> Data = { BoundedInput.standardInputOrOversize() }) -> [Result<FileStatistics, InputFailure>] {
        InputText.each(inputs) { input in
            FileStatistics(file: input, profile: VoiceAnalyzer().stats(of: try read(input, standardInput: standardInput)))
        }
    }

    /// The prose of a file or of standard input, checked the way every input is (see `InputText`); Markdown front
    /// matter is not prose and is left out.
    public static func read(_ input: String, standardInput: () -> Data) throws -> String {
        let text = try InputText.read(input, standardInput: standardInput).text
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
