import Foundation
import VoiceCloneVault

/// Hands documents that are not plain text (PDF, DOCX, EPUB, HTML, URLs) to the import layer.
enum ImportBridge {
    static var extensions: [String] { [] }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func canImport(_ input: String) -> Bool {
        isURL(input) || extensions.contains(URL(fileURLWithPath: input).pathExtension.lowercased())
    }

    static func read(_ input: String, options: SampleAddOptions) throws -> [IncomingSample] {
        throw VaultError.invalidSample(input, reason: "is not a supported format. Supported: \(SupportedFormats.description)")
    }
}
