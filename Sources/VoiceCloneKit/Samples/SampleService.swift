import Foundation
import VoiceCloneText
import VoiceCloneVault

/// A clone's samples (`workspace.samples`): importing texts and documents into `clones/<slug>/samples/`,
/// listing, showing and removing them, their front-matter properties, and the texts a voice is judged by (a
/// merged clone's drawn from its sources). Owns the sample files; reading goes through the session's one reader.
public struct SampleService: WorkspaceService {
    let session: Workspace
}

extension SampleService {
    public func list(_ cloneName: String) throws -> [SampleSummary] {
        try index.requireClone(cloneName).samples.map(SampleSummary.init)
    }

    /// Files in the clone's samples folder that the scanner refused (broken front matter, a link, too large): they are
    /// not samples, so `list` and the DNA leave them out, and front ends say so with `check`'s reason for each.
    public func refusedFiles(_ cloneName: String) throws -> [Diagnostic] {
        let folder = "clones/\(try index.requireClone(cloneName).slug)/samples/"
        return index.errors.filter { $0.path.hasPrefix(folder) }
    }

    public func show(_ cloneName: String, id: String) throws -> SampleDetail {
        let index = self.index
        let clone = try index.requireClone(cloneName)
        let record = try index.sample(id, in: clone)
        let (_, body) = try VaultScanner.readSample(record, in: vault, reader: sampleReader)
        return SampleDetail(sample: SampleSummary(record), text: body)
    }

    /// Removes one sample file (git history keeps it).
    public func remove(_ cloneName: String, id: String) throws -> SampleSummary {
        try locking {
            let index = self.index
            let clone = try index.requireClone(cloneName)
            let record = try index.sample(id, in: clone)
            try change { changes in
                // Journalled before the file goes: a kill in between still gets the deletion committed next time.
                changes.touch(record.path)
                do {
                    try FileManager.default.removeItem(at: vault.url(forRelativePath: record.path))
                } catch {
                    throw VaultError.notWritable(vault.url(forRelativePath: record.path).deletingLastPathComponent().path)
                }
                changes.message = "\(clone.slug): remove sample \"\(record.title)\""
            }
            return SampleSummary(record)
        }
    }

    /// Adds samples from files, folders, URLs or standard input (`-`). Every input gets a result;
    /// one bad input never stops the others. New samples are committed together in one commit.
    public func add(_ cloneName: String, inputs: [String], standardInput: () -> Data = { BoundedInput.standardInputOrOversize() },
                           options: SampleAddOptions = .init(), progress: ProgressSink? = nil) throws -> [SampleAddResult] {
        let clone = try index.requireClone(cloneName)
        let (expanded, unsupported) = expand(inputs)
        var results: [SampleAddResult?] = Array(repeating: nil, count: expanded.count)
        var incoming: [(slot: Int, sample: IncomingSample)] = []

        // Reading (and downloading) happens before the lock is taken: it can be slow.
        for (slot, input) in expanded.enumerated() {
            if let reason = unsupported[slot] {
                results[slot] = SampleAddResult(input: input, status: .skipped, reason: reason, warnings: [])
                continue
            }
            progress?.update(done: slot, total: expanded.count, label: input)
            do {
                for sample in try read(input, options: options, standardInput: standardInput) {
                    incoming.append((slot, sample))
                }
            } catch {
                results[slot] = SampleAddResult(input: input, status: .failed, reason: error.localizedDescription, warnings: [])
            }
        }
        progress?.finish()

        var added: [SampleAddResult] = []
        var extraResults: [SampleAddResult] = []
        let secrets = knownSecrets()
        try change { changes in
            let current = try index.requireClone(clone.slug)
            var known: [String: String] = [:]
            for s in current.samples { known[s.hash] = s.id }
            for (slot, sample) in incoming {
                let result = write(sample, into: current, known: &known, options: options, secrets: secrets, changes: &changes)
                if results[slot] == nil { results[slot] = result } else { extraResults.append(result) }
                if result.status == .added { added.append(result) }
            }
            changes.message = Self.commitMessage(slug: clone.slug, added: added)
        }
        // Results of the samples just written carry the scanned ids and word counts.
        return results.compactMap { $0 } + extraResults
    }

    static func commitMessage(slug: String, added: [SampleAddResult]) -> String? {
        guard !added.isEmpty else { return nil }
        if added.count == 1, let title = added[0].sample?.title {
            return "\(slug): add sample \"\(title)\""
        }
        let words = added.reduce(0) { $0 + ($1.sample?.words ?? 0) }
        let lines = added.compactMap { $0.sample.map { "- \($0.title) (\($0.words) words)" } }
        return "\(slug): add \(added.count) samples (\(words) words)\n\n" + lines.joined(separator: "\n")
    }

    private func write(_ sample: IncomingSample, into clone: CloneRecord, known: inout [String: String],
                       options: SampleAddOptions, secrets: [String], changes: inout ChangeSet) -> SampleAddResult {
        var sample = sample
        // A pasted email or an exported chat can hold an API key; a sample is committed, pushed to the team's remote
        // and quoted in prompts to providers, so the key never reaches the file (the same rule as library pieces).
        let cleaned = redactingSecrets(sample.body, secrets: secrets)
        if cleaned != sample.body {
            sample.body = cleaned
            sample.warnings.append("an API key (or text shaped like one: sk-…, Bearer …) was replaced with [redacted]; "
                + "the original file is unchanged")
        }
        let words = WordCount.count(sample.body)
        guard words > 0 else {
            return SampleAddResult(input: sample.input, status: .failed, reason: "\(sample.input) has no words to learn from", warnings: sample.warnings)
        }
        let hash = ContentHash.ofSampleBody(sample.body)
        if let existing = known[hash] {
            return SampleAddResult(input: sample.input, status: .skipped,
                                   reason: "the same text is already in \(clone.name) as sample \(existing)",
                                   duplicateOf: existing, warnings: sample.warnings)
        }
        var metadata = sample.metadata
        if let title = options.title { metadata.title = title }
        if let type = options.contentType { metadata.contentType = type }
        if let ai = options.aiAssisted { metadata.aiAssisted = ai }
        if let shown = options.sourceNames[sample.input], metadata.source == nil || metadata.source == sample.input {
            metadata.source = shown
        }
        metadata.added = metadata.added ?? isoDate()
        if metadata.title == nil { metadata.title = String(sample.body.prefix(60)).split(separator: "\n").first.map(String.init) }

        let base = Slug.make(metadata.title ?? "", maxLength: 50)
        let stem = (base.isEmpty ? "sample" : base) + "-" + hash.prefix(8)
        let text = FrontMatter.render(fields: metadata.fields(mergingInto: sample.extraFields?.fields ?? []), body: sample.body)
        var url = vault.samplesURL(clone.slug).appendingPathComponent(stem + ".md")
        var attempt = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = vault.samplesURL(clone.slug).appendingPathComponent("\(stem)-\(attempt).md")
            attempt += 1
        }
        do {
            try AtomicFile.write(text, to: url, mode: .createNew)
        } catch {
            return SampleAddResult(input: sample.input, status: .failed, reason: error.localizedDescription, warnings: sample.warnings)
        }
        let id = url.deletingPathExtension().lastPathComponent
        known[hash] = id
        let path = vault.relativePath(url)
        changes.touch(path)
        let record = SampleRecord(id: id, clone: clone.slug, path: path, metadata: metadata, words: words, hash: hash, hasFrontMatter: true)
        var warnings = sample.warnings
        if words < ImportBridge.minimumWords {
            warnings.append("only \(words) word\(words == 1 ? "" : "s"): a sample under \(ImportBridge.minimumWords) words says little about a voice")
        }
        return SampleAddResult(input: sample.input, status: .added, sample: SampleSummary(record), warnings: warnings)
    }

    /// Folders become the files under them, in a stable order. Files of a kind that cannot be imported (a `.png`)
    /// stay in the list with the reason they are skipped, so the writer hears about them instead of losing them.
    private func expand(_ inputs: [String]) -> (inputs: [String], unsupported: [Int: String]) {
        var out: [String] = []
        var unsupported: [Int: String] = [:]
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard input != "-", !ImportBridge.isURL(input), fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue else {
                out.append(input)
                continue
            }
            let supported = Set(SupportedFormats.extensions)
            var files: [String] = []
            if let walker = fm.enumerator(at: URL(fileURLWithPath: input), includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) {
                // Links inside a folder are listed too, so `read` refuses each one by name instead of following it
                // out of the folder (the enumerator does not descend into linked folders); folders are walked, not listed.
                for case let url as URL in walker
                where ContainedFile.isSymbolicLink(url.path) || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
                    files.append(url.path)
                }
            }
            for file in files.sorted() {
                let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
                if !supported.contains(ext) {
                    unsupported[out.count] = "not a format samples are imported from (\(ext.isEmpty ? "no extension" : "." + ext)); "
                        + "supported: \(SupportedFormats.extensions.map { "." + $0 }.joined(separator: ", "))"
                }
                out.append(file)
            }
        }
        return (out, unsupported)
    }

    private func read(_ input: String, options: SampleAddOptions, standardInput: () -> Data) throws -> [IncomingSample] {
        if input == "-" {
            return [try SampleTextReader.read(data: standardInput(), input: "stdin", sourceType: .stdin, fallbackTitle: nil)]
        }
        if ImportBridge.isURL(input) { return try ImportBridge.read(input, options: options) }
        let url = URL(fileURLWithPath: input)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { throw VaultError.sourceNotFound(input) }
        if ContainedFile.isSymbolicLink(url.path) {
            throw VaultError.linkedInput(input, target: ContainedFile.linkTarget(url.path))
        }
        if isDir.boolValue {
            throw VaultError.invalidSample(input, reason: "is a folder with no supported files (\(SupportedFormats.description))")
        }
        let ext = url.pathExtension.lowercased()
        if SampleTextReader.textExtensions.contains(ext) || ext.isEmpty {
            let data = try BoundedInput.file(url.path, limit: VaultScanner.maxSampleBytes)
            var sample = try SampleTextReader.read(data: data, input: input, sourceType: ext == "md" || ext == "markdown" ? .markdown : .text,
                                                   fallbackTitle: url.deletingPathExtension().lastPathComponent)
            sample.metadata.source = sample.metadata.source ?? input
            return [sample]
        }
        if ImportBridge.canImport(input) { return try ImportBridge.read(input, options: options) }
        throw VaultError.invalidSample(input, reason: "has an unsupported extension .\(ext). Supported: \(SupportedFormats.description)")
    }
}
