import Foundation
import VoiceCloneVault
import VoiceCloneGeneration
import VoiceCloneProviders

/// What a shell offers when a writer presses Tab: clone names, sample ids, library ids, platforms and
/// providers of the vault in use.
///
/// It lists folders instead of scanning the vault (no front matter is parsed, no lock taken, no git opened),
/// and it never throws: a shell completing a word has nowhere to show an error, so an unreadable or missing
/// vault simply offers nothing.
public struct VaultCompletions: Sendable {
    /// `nil` when no vault was found.
    public let vault: Vault?

    public init(vault: Vault?) {
        self.vault = vault
    }

    /// The vault a command line would use: its `--vault DIR` (or `--vault=DIR`), else `$VOICECLONE_VAULT`,
    /// else the nearest parent folder holding `.voiceclone/`.
    public init(commandLine words: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        var explicit: String?
        let plain = words.map(Self.unquoted)
        for (i, word) in plain.enumerated() {
            if word == "--vault", i + 1 < plain.count { explicit = Self.expandingTilde(plain[i + 1], environment) }
            if word.hasPrefix("--vault=") { explicit = Self.expandingTilde(String(word.dropFirst("--vault=".count)), environment) }
        }
        vault = try? Vault.discover(explicit: explicit, environment: environment, workingDirectory: workingDirectory)
    }

    /// Clone slugs (every command accepts a slug wherever it takes a clone name, and slugs need no quoting).
    public func clones(prefix: String = "") -> [String] {
        guard let vault else { return [] }
        return Self.entries(of: vault.clonesURL)
            .filter { Self.isDirectory(vault.cloneURL($0)) && FileManager.default.fileExists(atPath: vault.manifestURL($0).path) }
            .filter { $0.hasPrefix(prefix) }
    }

    /// The ids of a clone's samples; `clone` may be a display name or a slug, as typed (quotes are removed).
    public func samples(ofClone clone: String, prefix: String = "") -> [String] {
        guard let vault, let slug = slug(of: clone) else { return [] }
        return Self.entries(of: vault.samplesURL(slug))
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }
            .map { name in name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name }
            .filter { $0.hasPrefix(prefix) }
    }

    /// Saved pieces in `library/`.
    public func libraryIDs(prefix: String = "") -> [String] {
        guard let vault else { return [] }
        return Self.entries(of: vault.libraryURL).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            .filter { $0.hasPrefix(prefix) }
    }

    /// The built-in platforms and the ones the vault's config adds.
    public func platforms(prefix: String = "") -> [String] {
        var names = Platform.presets.map(\.name)
        if let config = try? vault?.loadConfig(), let custom = config.platforms {
            names.append(contentsOf: custom.keys.sorted())
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted && $0.hasPrefix(prefix) }
    }

    /// The git remotes of the vault, read from `.git/config` (`[remote "origin"]`).
    public func remotes(prefix: String = "") -> [String] {
        guard let vault, let config = try? String(contentsOf: vault.root.appendingPathComponent(".git/config"), encoding: .utf8) else { return [] }
        return config.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("[remote \""), trimmed.hasSuffix("\"]") else { return nil }
            return String(trimmed.dropFirst("[remote \"".count).dropLast(2))
        }.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Every provider `--provider` accepts.
    public func providers(prefix: String = "") -> [String] {
        ProviderKind.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) }
    }

    /// A shell word as the shell hands it over, quotes and backslashes still in it: `'Dana Okafor'` → `Dana Okafor`.
    public static func unquoted(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in word {
            if escaped { out.append(c); escaped = false; continue }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { out.append(c) }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "\\": escaped = true
            default: out.append(c)
            }
        }
        return out
    }

    private func slug(of clone: String) -> String? {
        guard let vault else { return nil }
        let name = Self.unquoted(clone)
        if !name.contains("/"), !name.hasPrefix("."), Self.isDirectory(vault.cloneURL(name)) { return name }
        return try? Slug.forCloneName(name)
    }

    /// Visible names in a folder, sorted; symlinks are left out (nothing outside the vault is listed).
    private static func entries(of folder: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            let url = folder.appendingPathComponent(name)
            return (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) != true
        }.sorted()
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
