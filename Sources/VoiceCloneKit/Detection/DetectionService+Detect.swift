import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneDetection

/// `detect`: AI-likeness scores with evidence, judged against a clone's own writing when one is named.
extension DetectionService {
    /// Folder of a vault's own word and phrase lists, `.voiceclone/detection/NAME.txt` (see `DetectionList`).
    public var listsURL: URL { vault.markerURL.appendingPathComponent("detection", isDirectory: true) }

    /// The bundled lists with the vault's overrides applied.
    public func lexicon() throws -> DetectionLexicon {
        let dir = listsURL
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return .bundled }
        var overrides: [String: String] = [:]
        for file in names.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".tsv") {
            let url = dir.appendingPathComponent(file)
            guard let data = try? ContainedFile.read(vault.relativePath(url), in: vault, limit: VaultScanner.maxSampleBytes),
                  let text = String(validating: data, as: UTF8.self) else {
                throw VaultError.invalidSample(vault.relativePath(url), reason: "is not a readable UTF-8 word list; fix or remove it")
            }
            overrides[String(file.dropLast(4))] = text
        }
        return DetectionLexicon.withOverrides(overrides)
    }

    /// The detector this vault uses: bundled model, vault-extended lists.
    public func detector() throws -> Detector { Detector(lexicon: try lexicon()) }

    /// A clone's writing as a detection baseline: every signal measured on its samples (ai_assisted ones left out),
    /// plus its DNA when it has been analysed.
    public func baseline(clone: String, detector: Detector? = nil) throws -> DetectionBaseline {
        let record = try index.requireClone(clone)
        let samples = try session.dna.analysisSamples(of: record.slug).filter { !$0.aiAssisted }.map(\.text)
        let dna = record.dnaVersions.isEmpty ? nil : try session.dna.load(of: record.slug)
        guard !samples.isEmpty || dna != nil else {
            throw VaultError.invalidSample(record.slug, reason: "has no samples to judge against; add some with `voiceclone sample add \(record.slug) FILE`")
        }
        return DetectionBaseline(clone: record.slug, samples: samples, detector: try detector ?? self.detector(), dna: dna)
    }

    /// Scores texts, judged against `clone`'s writing when given.
    public func detect(texts: [NamedText], clone: String? = nil, threshold: Int? = nil) throws -> [DetectionReport] {
        try Self.validate(threshold: threshold)
        // A text without words would come back with a score (the model's intercept), which reads as a verdict.
        if let empty = texts.first(where: { Self.hasNoWords($0.text) }) { throw DetectionError.emptyText(name: empty.file) }
        let detector = try self.detector()
        let baseline = try clone.map { try self.baseline(clone: $0, detector: detector) }
        let results = detector.detect(texts.map(\.text), baseline: baseline, threshold: threshold)
        return zip(texts, results).map { DetectionReport(file: $0.0.file, detection: $0.1) }
    }

    /// Reads files (or `-`) and scores each; a file that cannot be read fails alone.
    public func detect(inputs: [String], clone: String? = nil, threshold: Int? = nil,
                       standardInput: () -> Data = { BoundedInput.standardInputOrOversize() })
    throws -> [Result<DetectionReport, InputFailure>] {
        let read = Self.readDetectionInputs(inputs, standardInput: standardInput)
        let texts = read.compactMap { try? $0.get() }
        var reports = try detect(texts: texts, clone: clone, threshold: threshold)[...]
        return read.map { r in r.map { _ in reports.removeFirst() } }
    }

    /// Scores files outside any vault, with the bundled lists (no clone baseline is possible without a vault).
    public static func detectOutsideVault(inputs: [String], threshold: Int? = nil,
                                          standardInput: () -> Data = { BoundedInput.standardInputOrOversize() })
    throws -> [Result<DetectionReport, InputFailure>] {
        try validate(threshold: threshold)
        let read = readDetectionInputs(inputs, standardInput: standardInput)
        let texts = read.compactMap { try? $0.get() }
        var results = Detector().detect(texts.map(\.text), threshold: threshold)[...]
        return read.map { r in r.map { DetectionReport(file: $0.file, detection: results.removeFirst()) } }
    }

    static func readDetectionInputs(_ inputs: [String], standardInput: () -> Data) -> [Result<NamedText, InputFailure>] {
        InputText.each(inputs) { input in
            let text = try InputText.read(input, standardInput: standardInput)
            if hasNoWords(text.text) { throw DetectionError.emptyText(name: text.file) }
            return text
        }
    }

    /// No words once Markdown is read as prose (a heading marker or a rule alone is not writing).
    static func hasNoWords(_ text: String) -> Bool {
        Tokenizer.wordCount(Tokenizer.prose(fromMarkdown: text)) == 0
    }

    static func validate(threshold: Int?) throws {
        if let t = threshold, !(1...99).contains(t) { throw DetectionError.invalidThreshold(t) }
    }
}
