import Foundation
import VoiceCloneText
import VoiceCloneVault
import Yams

/// Reads and writes library files: Markdown with the provenance in YAML front matter, readable in any editor
/// and in Obsidian. Keys the tool does not know are kept when it rewrites a file (`set-status`).
enum LibraryFile {
    typealias Fields = [(key: String, value: Yams.Node)]

    static func render(_ entry: LibraryEntry, text: String) -> String {
        var fields: Fields = [
            ("id", Node(entry.id)), ("clone", Node(entry.clone)),
        ]
        if let version = entry.dnaVersion { fields.append(("dna_version", Node(String(version)))) }
        fields += [
            ("platform", Node(entry.platform)), ("provider", Node(entry.provider)), ("model", Node(entry.model)),
            ("prompt", Node(entry.prompt)),
        ]
        if let seed = entry.seed { fields.append(("seed", Node(String(seed)))) }
        if let ids = entry.exemplarSampleIDs, !ids.isEmpty {
            fields.append(("exemplar_sample_ids", Node.sequence(Node.Sequence(ids.map { Node($0) }))))
        }
        var scores: [(Node, Node)] = []
        if let match = entry.scores.voiceMatch { scores.append((Node("voice_match"), Node(String(match)))) }
        if let ai = entry.scores.aiLikeness { scores.append((Node("ai_likeness"), Node(String(ai)))) }
        if let run = entry.scores.longestCopiedRun { scores.append((Node("longest_copied_run"), Node(String(run)))) }
        if !scores.isEmpty { fields.append(("scores", Node.mapping(Node.Mapping(scores)))) }
        fields += [("created", Node(entry.created)), ("status", Node(entry.status.rawValue))]
        // The draft itself stays in git history; its hash says which committed body it was.
        fields.append((draftHashKey, Node(ContentHash.ofSampleBody(text))))
        return FrontMatter.render(fields: fields, body: text)
    }

    /// Front matter key of the saved draft's hash (`ContentHash.ofSampleBody`).
    static let draftHashKey = "draft_sha256"

    /// The body of a library file's bytes as `read` returns it; nil when it cannot be parsed.
    static func body(of data: Data) -> String? {
        guard let document = try? FrontMatter.parse(String(decoding: data, as: UTF8.self)) else { return nil }
        return document.body.trimmingCharacters(in: .newlines)
    }

    /// The entry and body of the file at `path` (relative to the vault), or a ``LibraryError/invalidFile``.
    static func read(_ path: String, in vault: Vault) throws -> (entry: LibraryEntry, text: String, fields: Fields) {
        let url = vault.url(forRelativePath: path)
        let data: Data
        do {
            data = try ContainedFile.read(path, in: vault, limit: VaultScanner.maxSampleBytes)
        } catch {
            throw LibraryError.invalidFile(path: path, reason: (error as? VaultError).map { "\($0.localizedDescription)" } ?? "cannot be read")
        }
        let document: FrontMatterDocument
        do {
            document = try FrontMatter.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw LibraryError.invalidFile(path: path, reason: error.reason)
        }
        guard let fields = document.fields else {
            throw LibraryError.invalidFile(path: path, reason: "has no front matter")
        }
        func string(_ key: String) -> String? {
            fields.first { $0.key == key }?.value.scalar?.string.trimmingCharacters(in: .whitespaces)
        }
        func required(_ key: String) throws -> String {
            guard let value = string(key), !value.isEmpty else {
                throw LibraryError.invalidFile(path: path, reason: "its front matter has no \(key):")
            }
            return value
        }
        let scoreNode = fields.first { $0.key == "scores" }?.value.mapping
        func score(_ key: String) -> Int? { scoreNode?[Node(key)]?.scalar.flatMap { Int($0.string) } }
        let statusText = string("status") ?? "draft"
        guard let status = LibraryStatus(loose: statusText) else {
            throw LibraryError.invalidFile(
                path: path, reason: "status \"\(statusText)\" is not one of draft, approved, published")
        }
        let id = url.deletingPathExtension().lastPathComponent
        let entry = LibraryEntry(
            id: id, path: path, clone: try required("clone"), dnaVersion: string("dna_version").flatMap { Int($0) },
            platform: string("platform") ?? "generic", provider: string("provider") ?? "unknown",
            model: string("model") ?? "unknown", prompt: string("prompt") ?? "",
            seed: string("seed").flatMap { UInt64($0) },
            scores: LibraryScores(voiceMatch: score("voice_match"), longestCopiedRun: score("longest_copied_run"),
                                  aiLikeness: score("ai_likeness")),
            created: string("created") ?? "", status: status, words: WordCount.count(document.body))
        var read = entry
        read.exemplarSampleIDs = fields.first { $0.key == "exemplar_sample_ids" }?.value.sequence?.compactMap { $0.scalar?.string }
        return (read, document.body.trimmingCharacters(in: .newlines), fields)
    }

    /// The same file with one front matter field changed, everything else kept as it was.
    static func replacing(_ key: String, with value: String, in fields: Fields, body: String) -> String {
        var fields = fields
        if let index = fields.firstIndex(where: { $0.key == key }) {
            fields[index].value = Node(value)
        } else {
            fields.append((key, Node(value)))
        }
        return FrontMatter.render(fields: fields, body: body)
    }
}
