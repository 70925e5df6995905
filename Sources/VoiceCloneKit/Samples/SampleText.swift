import Foundation
import VoiceCloneText
import VoiceCloneVault

/// A sample's text and what its source says about it, before it becomes a file in the vault.
struct IncomingSample {
    var input: String
    var body: String
    var metadata: SampleMetadata
    /// Front matter properties of a Markdown source that the tool does not know, kept as they were.
    var extraFields: FrontMatterDocument?
    var warnings: [String] = []
}

/// Reads plain text and Markdown inputs. Richer formats go through the importer.
enum SampleTextReader {
    static let textExtensions = Set(TextFileExtensions.all)

    static func read(data: Data, input: String, sourceType: SourceType, fallbackTitle: String?) throws -> IncomingSample {
        if data.count > VaultScanner.maxSampleBytes {
            throw VaultError.tooLarge(input, bytes: data.count, limit: VaultScanner.maxSampleBytes)
        }
        let text: String
        switch TextValidation.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let box) where box.problem == .binary:
            throw VaultError.invalidSample(input, reason: "is a binary file, not text. Supported formats: \(SupportedFormats.description)")
        case .failure:
            throw VaultError.invalidSample(input, reason: "is not valid UTF-8 text; re-save it as UTF-8 and add it again")
        }
        let doc: FrontMatterDocument
        do {
            doc = try FrontMatter.parse(text)
        } catch {
            throw VaultError.invalidSample(input, reason: "line \(error.line ?? 1): \(error.reason); fix it, or remove the --- block")
        }
        var warnings: [String] = []
        var metadata = SampleMetadata(fields: doc.fields ?? [], warnings: &warnings)
        metadata.sourceType = metadata.sourceType ?? sourceType
        if metadata.title == nil { metadata.title = firstHeading(doc.body) ?? fallbackTitle }
        return IncomingSample(input: input, body: doc.body, metadata: metadata,
                              extraFields: doc.hasFrontMatter ? doc : nil, warnings: warnings)
    }

    /// The first Markdown heading, which is what most people would call a piece's title.
    static func firstHeading(_ body: String) -> String? {
        for line in body.split(separator: "\n", omittingEmptySubsequences: true).prefix(40) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") {
                let title = t.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                if !title.isEmpty { return title }
            }
        }
        return nil
    }
}

/// The formats `sample add` accepts, for messages and `--help`.
public enum SupportedFormats {
    public static var extensions: [String] { ["txt"] + TextFileExtensions.markdown + ImportBridge.extensions }
    /// The extensions of the files a vault keeps as samples (a sync-conflict copy is one), from the one list in
    /// VoiceCloneText, so a front end tells a sample's path from its id without a list of its own.
    public static var sampleFiles: [String] { TextFileExtensions.vaultSamples.sorted() }
    public static var description: String {
        extensions.map { "." + $0 }.joined(separator: ", ") + ", http(s) URLs, folders and - for standard input"
    }
}
