import Foundation
import VoiceCloneText

/// Builds a `VaultIndex` by reading every clone and sample. There is no cache to go stale: the
/// scan is fast enough to run on every command. Samples are parsed on all cores through one
/// `SampleReader`: a bare scan drops each body as soon as it has been counted and hashed; a session's
/// reader keeps them, so the commands that read samples next do not read the files again.
public struct VaultScanner: Sendable {
    /// Files larger than this are reported instead of read: a sample is an article, not a database.
    public static let maxSampleBytes = 16 * 1024 * 1024
    public static let sampleExtensions = TextFileExtensions.vaultSamples

    public let vault: Vault
    /// Where sample texts come from; a session passes its own so later readers reuse what the scan read.
    package let reader: SampleReader

    public init(vault: Vault) {
        self.init(vault: vault, reader: SampleReader(keepsTexts: false))
    }

    package init(vault: Vault, reader: SampleReader) {
        self.vault = vault
        self.reader = reader
    }

    public func scan() -> VaultIndex {
        let fm = FileManager.default
        reader.forgetFolders()
        var diagnostics: [Diagnostic] = []
        var slugs: [String] = []
        if let link = ContainedFile.linkedComponent("clones", in: vault) {
            diagnostics.append(Self.linkDiagnostic(link))
        } else {
            for name in ((try? fm.contentsOfDirectory(atPath: vault.clonesURL.path)) ?? []).sorted() where !name.hasPrefix(".") {
                if ContainedFile.isSymbolicLink(vault.cloneURL(name).path) {
                    diagnostics.append(Self.linkDiagnostic("clones/" + name))
                } else if isDirectory(vault.cloneURL(name)) {
                    slugs.append(name)
                }
            }
        }

        // Gather every sample file first so the parsing below can spread over all cores.
        var jobs: [(clone: Int, path: String, relative: String)] = []
        var clones: [CloneRecord] = []
        for (i, slug) in slugs.enumerated() {
            let manifest = readManifest(slug: slug, diagnostics: &diagnostics)
            clones.append(CloneRecord(slug: slug, manifest: manifest, samples: [], dnaVersions: dnaVersions(slug, diagnostics: &diagnostics)))
            for file in sampleFiles(slug: slug, diagnostics: &diagnostics) {
                jobs.append((i, file.path, file.relative))
            }
        }

        let work = jobs
        let cloneSlugs = slugs
        let reader = reader
        let results = ParallelMap.map(work.count) { n in
            Self.parseSample(at: work[n].path, relativePath: work[n].relative, clone: cloneSlugs[work[n].clone], reader: reader)
        }
        for (n, job) in jobs.enumerated() {
            let parsed = results[n]
            diagnostics.append(contentsOf: parsed.diagnostics)
            if let record = parsed.record { clones[job.clone].samples.append(record) }
        }
        for i in clones.indices {
            clones[i].samples.sort { $0.id < $1.id }
            duplicateDiagnostics(clones[i], into: &diagnostics)
        }
        diagnostics.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return VaultIndex(vault: vault, clones: clones, diagnostics: diagnostics)
    }

    /// Reads one sample file in full, for commands that need its words.
    public static func readSample(_ record: SampleRecord, in vault: Vault) throws -> (metadata: SampleMetadata, body: String) {
        try readSample(record, in: vault, reader: SampleReader(keepsTexts: false))
    }

    /// Reads one sample file in full through `reader`: the text the scan read, when it read this file. Links
    /// anywhere on the path below the vault root are refused before anything is read: the folders through the
    /// reader's per-scan check, the file itself by the `O_NOFOLLOW` open.
    package static func readSample(_ record: SampleRecord, in vault: Vault, reader: SampleReader) throws -> (metadata: SampleMetadata, body: String) {
        if let link = reader.linkedFolder(of: record.path, in: vault) { throw VaultError.symbolicLink(link) }
        let url = vault.url(forRelativePath: record.path)
        switch reader.text(atPath: url.path) {
        case .unreadable:
            throw VaultError.sourceNotFound(url.path)
        case .symbolicLink:
            throw VaultError.symbolicLink(record.path)
        case .notRegular:
            throw VaultError.invalidSample(record.path, reason: "is not a regular file (a folder, device or pipe); remove it")
        case .tooLarge(let size):
            throw VaultError.tooLarge(record.path, bytes: size, limit: maxSampleBytes)
        case .invalid(let problem):
            throw VaultError.invalidSample(record.path, reason: describe(problem))
        case .text(let text):
            do {
                let doc = try FrontMatter.parse(text)
                var warnings: [String] = []
                return (SampleMetadata(fields: doc.fields ?? [], warnings: &warnings), doc.body)
            } catch {
                throw VaultError.invalidSample(record.path, reason: error.reason)
            }
        }
    }

    // MARK: - Parsing one file

    public struct ParsedSample {
        var record: SampleRecord?
        var diagnostics: [Diagnostic]
    }

    /// Parses one sample file. Takes plain paths: URL arithmetic is slow on Linux and this runs
    /// once per sample on every command.
    public static func parseSample(at path: String, relativePath: String, clone: String) -> ParsedSample {
        parseSample(at: path, relativePath: relativePath, clone: clone, reader: SampleReader(keepsTexts: false))
    }

    package static func parseSample(at path: String, relativePath: String, clone: String, reader: SampleReader) -> ParsedSample {
        let text: String
        switch reader.text(atPath: path) {
        case .tooLarge(let size):
            return ParsedSample(diagnostics: [Diagnostic(.error, path: relativePath, tooLargeMessage(size))])
        case .unreadable(let reason):
            return ParsedSample(diagnostics: [Diagnostic(.error, path: relativePath, "cannot be read (\(reason))")])
        case .symbolicLink:
            return ParsedSample(diagnostics: [linkDiagnostic(relativePath)])
        case .notRegular:
            return ParsedSample(diagnostics: [Diagnostic(.error, path: relativePath, "is not a regular file; remove it")])
        case .invalid(let problem):
            let line: Int? = if case .invalidUTF8(let l) = problem { l } else { nil }
            return ParsedSample(diagnostics: [Diagnostic(.error, path: relativePath, line: line, describe(problem))])
        case .text(let decoded):
            text = decoded
        }
        let doc: FrontMatterDocument
        do {
            doc = try FrontMatter.parse(text)
        } catch {
            return ParsedSample(diagnostics: [Diagnostic(.error, path: relativePath, line: error.line, error.reason + "; fix the YAML between the --- lines")])
        }
        var warnings: [String] = []
        let metadata = SampleMetadata(fields: doc.fields ?? [], warnings: &warnings)
        var diagnostics = warnings.map { Diagnostic(.warning, path: relativePath, line: 2, $0) }
        if let original = doc.fields?.string("conflict_of") {
            diagnostics.append(Diagnostic(.warning, path: relativePath,
                "sync kept this vault's copy of \(original) beside the remote's (both were edited); compare them, delete one, then run `voiceclone sync`"))
        }
        let words = WordCount.count(doc.body)
        if words == 0 {
            diagnostics.append(Diagnostic(.warning, path: relativePath, "sample has no words"))
        }
        if ConflictMarkers.contains(doc.body) {
            diagnostics.append(Diagnostic(.error, path: relativePath, "contains git conflict markers (<<<<<<<); keep one side, delete the markers, then run `voiceclone sync`"))
        }
        let fileName = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let id = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        let record = SampleRecord(id: id, clone: clone, path: relativePath, metadata: metadata, words: words,
                                  hash: ContentHash.ofSampleBody(doc.body), hasFrontMatter: doc.hasFrontMatter)
        return ParsedSample(record: record, diagnostics: diagnostics)
    }

    static func tooLargeMessage(_ size: Int) -> String {
        "file is \(size / 1_048_576) MB, over the \(maxSampleBytes / 1_048_576) MB limit for a sample; split it into smaller samples"
    }

    static func describe(_ problem: TextValidation.Problem) -> String {
        switch problem {
        case .binary:
            return "is a binary file, not text; import documents with `voiceclone sample add` instead of copying them into samples/"
        case .invalidUTF8:
            return "is not valid UTF-8 text; re-save it as UTF-8 in your editor"
        }
    }

    // MARK: - Layout

    private func readManifest(slug: String, diagnostics: inout [Diagnostic]) -> CloneManifest {
        let url = vault.manifestURL(slug)
        let path = vault.relativePath(url)
        let data: Data
        do {
            data = try ContainedFile.read(path, in: vault, limit: Self.maxSampleBytes)
        } catch VaultError.sourceNotFound {
            diagnostics.append(Diagnostic(.warning, path: path, "clone has no clone.md; its folder name is used as its name"))
            return CloneManifest(name: slug)
        } catch VaultError.symbolicLink(let link) {
            diagnostics.append(Self.linkDiagnostic(link))
            return CloneManifest(name: slug)
        } catch {
            diagnostics.append(Diagnostic(.error, path: path, error.localizedDescription))
            return CloneManifest(name: slug)
        }
        guard case .success(let text) = TextValidation.decode(data) else {
            diagnostics.append(Diagnostic(.error, path: path, "is not UTF-8 text; its folder name is used as its name"))
            return CloneManifest(name: slug)
        }
        do {
            return CloneManifest(document: try FrontMatter.parse(text), fallbackName: slug)
        } catch {
            diagnostics.append(Diagnostic(.error, path: path, line: error.line, error.reason))
            return CloneManifest(name: slug)
        }
    }

    private func sampleFiles(slug: String, diagnostics: inout [Diagnostic]) -> [(path: String, relative: String)] {
        let dir = vault.samplesURL(slug).path
        let prefix = vault.relativePath(vault.samplesURL(slug)) + "/"
        var files: [(String, String)] = []
        if let link = ContainedFile.linkedComponent(vault.relativePath(vault.samplesURL(slug)), in: vault) {
            diagnostics.append(Self.linkDiagnostic(link))
            return []
        }
        let walked = DirectoryWalker.walk(under: dir)
        for link in walked.links {
            diagnostics.append(Self.linkDiagnostic(prefix + link.dropFirst(dir.count + 1)))
        }
        for folder in walked.unreadable {
            // Named by its first folder below `samples/` and its depth: a path past the system's limit is thousands
            // of characters long, which no one can read in a report.
            let inner = folder.path == dir ? [] : folder.path.dropFirst(dir.count + 1).split(separator: "/")
            let top = inner.first.map { prefix + $0 } ?? String(prefix.dropLast())
            let what = inner.count > 1
                ? "holds a folder \(inner.count - 1) levels further down that cannot be read"
                : "is a folder that cannot be read"
            diagnostics.append(Diagnostic(.error, path: top, "\(what) (\(folder.reason)); the samples inside it are left out. Check its permissions, or move deeply nested files closer to the clone's samples folder"))
        }
        for path in walked.files {
            let relative = prefix + path.dropFirst(dir.count + 1)
            let ext = path.split(separator: "/").last?.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if Self.sampleExtensions.contains(ext), path.contains(".") {
                files.append((path, relative))
            } else {
                diagnostics.append(Diagnostic(.warning, path: relative,
                    "not a sample (samples are .md or .txt); import it with `voiceclone sample add \(slug) FILE` or move it out of samples/"))
            }
        }
        return files
    }

    private func dnaVersions(_ slug: String, diagnostics: inout [Diagnostic]) -> [Int] {
        let dnaPath = vault.relativePath(vault.dnaURL(slug))
        if let link = ContainedFile.linkedComponent(dnaPath, in: vault) {
            diagnostics.append(Self.linkDiagnostic(link))
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: vault.dnaURL(slug).path)) ?? []
        var versions: [Int] = []
        for name in names.sorted() {
            guard let version = DNAFileName.version(of: name) else { continue }
            if ContainedFile.isSymbolicLink(vault.dnaURL(slug).appendingPathComponent(name).path) {
                diagnostics.append(Self.linkDiagnostic(dnaPath + "/" + name))
            } else {
                versions.append(version)
            }
        }
        return versions.sorted()
    }

    /// The one message for a link found inside the vault.
    static func linkDiagnostic(_ relativePath: String) -> Diagnostic {
        Diagnostic(.error, path: relativePath, "is a symbolic link; it is not read (a link can expose a file outside the vault). Replace it with the real file or folder, or remove it with `git rm \(relativePath)`")
    }

    private func duplicateDiagnostics(_ clone: CloneRecord, into diagnostics: inout [Diagnostic]) {
        var seen: [String: String] = [:]
        for sample in clone.samples where sample.words > 0 {
            if let first = seen[sample.hash] {
                diagnostics.append(Diagnostic(.warning, path: sample.path, "same text as \(first); remove one of them"))
            } else {
                seen[sample.hash] = sample.path
            }
        }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}
