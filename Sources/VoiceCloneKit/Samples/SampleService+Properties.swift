import Foundation
import VoiceCloneVault
import Yams

/// One front matter property of a sample, as text: a list becomes "a, b", a mapping "key: value; …".
public struct SampleProperty: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
}

extension SampleService {
    /// Every front matter property of a sample in file order, the ones the tool does not know (`tags` an
    /// Obsidian user added) included, so a page can show the file's header as the writer sees it.
    public func properties(_ cloneName: String, id: String) throws -> [SampleProperty] {
        let index = self.index
        let record = try index.sample(id, in: try index.requireClone(cloneName))
        let data = try ContainedFile.read(record.path, in: vault, limit: VaultScanner.maxSampleBytes)
        let document: FrontMatterDocument
        do {
            document = try FrontMatter.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw VaultError.invalidSample(record.path, reason: error.reason)
        }
        return (document.fields ?? []).map { SampleProperty(key: $0.key, value: Self.propertyText($0.value)) }
    }

    static func propertyText(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map(propertyText).joined(separator: ", ")
        case .mapping(let mapping): return mapping.map { "\(propertyText($0.key)): \(propertyText($0.value))" }.joined(separator: "; ")
        case .alias: return ""
        }
    }
}
