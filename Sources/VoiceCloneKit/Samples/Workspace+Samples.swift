import Foundation
import VoiceCloneText
import VoiceCloneVault

extension Workspace {
    public func listSamples(_ cloneName: String) throws -> [SampleSummary] {
        try index.requireClone(cloneName).samples.map(SampleSummary.init)
    }

    public func showSample(_ cloneName: String, id: String) throws -> SampleDetail {
        let index = self.index
        let clone = try index.requireClone(cloneName)
        let record = try index.sample(id, in: clone)
        let (_, body) = try VaultScanner.readSample(record, in: vault, reader: sampleReader)
        return SampleDetail(sample: SampleSummary(record), text: body)
    }

    /// Removes one sample file (git history keeps it).
    public func removeSample(_ cloneName: String, id: String) throws -> SampleSummary {
        let index = self.index
        let clone = try index.requireClone(cloneName)
        let record = try index.sample(id, in: clone)
        try change { changes in
            do {
                try FileManager.default.removeItem(at: vault.url(forRelativePath: record.path))
            } catch {
                throw VaultError.notWritable(vault.url(forRelativePath: record.path).deletingLastPathComponent().path)
            }
            changes.touch(record.path)
            changes.message = "\(clone.slug): remove sample \"\(record.title)\""
        }
        return SampleSummary(record)
    }

    /// Adds samples from files, folders, URLs or standard input (`-`). Every input gets a result;
    /// one bad input never stops the others. New samples are committed together in one commit.
    public func addSamples(_ cloneName: String, inputs: [String], standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() },
                           options: SampleAddOptions = .init(), progress: ProgressSink? = nil) throws -> [SampleAddResult] {
        let clone = try index.requireClone(cloneName)
        let expanded = expand(inputs)
        var results: [SampleAddResult?] = Array(repeating: nil, count: expanded.count)
        var incoming: [(slot: Int, sample: IncomingSample)] = []

        // Reading (and downloading) happens before the lock is taken: it can be slow.
        for (slot, input) in expanded.enumerated() {
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
        try change { changes in
            let current = try index.requireClone(clone.slug)
            var known: [String: String] = [:]
            for s in current.samples { known[s.hash] = s.id }
            for (slot, sample) in incoming {
                let result = write(sample, into: current, known: &known, options: options, changes: &changes)
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
                       options: SampleAddOptions, changes: inout ChangeSet) -> SampleAddResult {
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
        return SampleAddResult(input: sample.input, status: .added, sample: SampleSummary(record), warnings: sample.warnings)
    }

    /// Folders become the supported files under them, in a stable order.
    private func expand(_ inputs: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard input != "-", !ImportBridge.isURL(input), fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue else {
                out.append(input)
                continue
            }
            let supported = Set(SupportedFormats.extensions)
            var files: [String] = []
            if let walker = fm.enumerator(at: URL(fileURLWithPath: input), includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
                for case let url as URL in walker where supported.contains(url.pathExtension.lowercased()) {
                    files.append(url.path)
                }
            }
            out.append(contentsOf: files.sorted())
        }
        return out
    }

    private func read(_ input: String, options: SampleAddOptions, standardInput: () -> Data) throws -> [IncomingSample] {
        if input == "-" {
            return [try SampleTextReader.read(data: standardInput(), input: "stdin", sourceType: .stdin, fallbackTitle: nil)]
        }
        if ImportBridge.isURL(input) { return try ImportBridge.read(input, options: options) }
        let url = URL(fileURLWithPath: input)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { throw VaultError.sourceNotFound(input) }
        if isDir.boolValue {
            throw VaultError.invalidSample(input, reason: "is a folder with no supported files (\(SupportedFormats.description))")
        }
        let ext = url.pathExtension.lowercased()
        if SampleTextReader.textExtensions.contains(ext) || ext.isEmpty {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            if size > VaultScanner.maxSampleBytes {
                throw VaultError.invalidSample(input, reason: "is \(size / 1_048_576) MB, over the \(VaultScanner.maxSampleBytes / 1_048_576) MB limit for one sample; split it into smaller files")
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw VaultError.invalidSample(input, reason: "cannot be read (check its permissions)")
            }
            var sample = try SampleTextReader.read(data: data, input: input, sourceType: ext == "md" || ext == "markdown" ? .markdown : .text,
                                                   fallbackTitle: url.deletingPathExtension().lastPathComponent)
            sample.metadata.source = sample.metadata.source ?? input
            return [sample]
        }
        if ImportBridge.canImport(input) { return try ImportBridge.read(input, options: options) }
        throw VaultError.invalidSample(input, reason: "has an unsupported extension .\(ext). Supported: \(SupportedFormats.description)")
    }
}
