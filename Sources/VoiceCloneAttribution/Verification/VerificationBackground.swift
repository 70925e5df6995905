import Foundation

/// The general-English background the verifier compares against: feature statistics of public-domain
/// writers (never their text). Shipped as `Resources/judgement/background.tsv`, built by
/// `scripts/build-judgement-background` (`voiceclone-bench judgement-background`).
///
/// It holds (1) a vocabulary of hashed features (the most widespread character n-grams, words and word pairs),
/// (2) per background writer, runs of consecutive 250-word chunks as counts over that vocabulary, so chunks of
/// 250–1,000 words can be formed by adding neighbours, and (3) the most common words (hashed) with the counts
/// of which follows which, the general-English side of the word-order evidence.
public struct VerificationBackground: Sendable {
    /// Hashed feature keys (see `TextFeatures`), in column order.
    let vocabulary: [UInt32]
    /// Word hashes of the common-word classes; every other word is the last class.
    let commonWords: [UInt64]
    /// Transition counts between word classes, `(commonWords.count + 1)²`, row = previous word.
    let transitions: [Double]
    /// Background chunks: writer index, run index and counts over `vocabulary` (sparse).
    let chunks: [Chunk]
    /// Writers' names (folder labels of the source corpus), for the README and the calibration note.
    let writers: [String]
    /// Where the statistics came from, for `calibrated_on`.
    let source: String

    struct Chunk: Sendable {
        var writer: Int
        var run: Int
        var words: Int
        var columns: [Int32]
        var counts: [Float]
    }

    static let chunkWords = 250
    static let runLength = 4

    /// Words per background chunk run available (four chunks of 250 words).
    var classCount: Int { commonWords.count + 1 }

    /// The shipped background; `nil` (with verification falling back to the vault alone) if the resource is missing.
    public static let shipped: VerificationBackground? = {
        let url = Bundle.module.url(forResource: "background", withExtension: "tsv", subdirectory: "Resources/judgement")
            ?? Bundle.module.url(forResource: "background", withExtension: "tsv", subdirectory: "judgement")
        guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return try? VerificationBackground(tsv: text)
    }()

    init(vocabulary: [UInt32], commonWords: [UInt64], transitions: [Double], chunks: [Chunk], writers: [String], source: String) {
        self.vocabulary = vocabulary
        self.commonWords = commonWords
        self.transitions = transitions
        self.chunks = chunks
        self.writers = writers
        self.source = source
    }

    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var description: String { "background.tsv line \(line) is malformed; rebuild it with scripts/build-judgement-background" }
    }

    /// Parses the TSV written by `tsv()`.
    init(tsv: String) throws {
        var vocabulary: [UInt32] = [], common: [UInt64] = [], transitions: [Double] = []
        var chunks: [Chunk] = [], writers: [String] = [], source = ""
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let kind = fields.first else { continue }
            switch kind {
            case "source": source = fields.dropFirst().joined(separator: " ")
            case "writer": writers.append(String(fields.count > 1 ? fields[1] : ""))
            case "vocabulary":
                vocabulary = try fields.dropFirst().map { guard let v = UInt32($0) else { throw FormatError(line: number + 1) }; return v }
            case "common":
                common = try fields.dropFirst().map { guard let v = UInt64($0) else { throw FormatError(line: number + 1) }; return v }
            case "transitions":
                transitions = try fields.dropFirst().map { guard let v = Double($0) else { throw FormatError(line: number + 1) }; return v }
            case "chunk":
                guard fields.count >= 4, let writer = Int(fields[1]), let run = Int(fields[2]), let words = Int(fields[3]) else {
                    throw FormatError(line: number + 1)
                }
                var columns: [Int32] = [], counts: [Float] = []
                for pair in fields.dropFirst(4) {
                    let parts = pair.split(separator: ":")
                    guard parts.count == 2, let c = Int32(parts[0]), let n = Float(parts[1]) else { throw FormatError(line: number + 1) }
                    columns.append(c)
                    counts.append(n)
                }
                chunks.append(Chunk(writer: writer, run: run, words: words, columns: columns, counts: counts))
            default: continue
            }
        }
        let classes = common.count + 1
        guard !vocabulary.isEmpty, transitions.count == classes * classes,
              chunks.allSatisfy({ $0.writer < writers.count && $0.columns.allSatisfy { Int($0) < vocabulary.count } }) else {
            throw FormatError(line: 0)
        }
        self.init(vocabulary: vocabulary, commonWords: common, transitions: transitions, chunks: chunks, writers: writers, source: source)
    }

    /// Builds a background from writers' texts: `texts[i]` are the texts of writer `names[i]`.
    /// `runsPerText` runs of four consecutive 250-word chunks are taken, evenly spread, from each text.
    public static func build(names: [String], texts: [[String]], source: String,
                             vocabularySize: (characters: Int, words: Int, wordPairs: Int) = (1200, 500, 300),
                             commonWordCount: Int = 120, runsPerText: Int = 3) -> VerificationBackground {
        struct Piece { var writer: Int; var run: Int; var features: TextFeatures }
        var pieces: [Piece] = []
        var run = 0
        var wordTotals: [UInt64: Int] = [:]
        for (writer, writerTexts) in texts.enumerated() {
            for text in writerTexts {
                let all = TextFeatures.chunks(of: text, chunkWords: chunkWords, keepSequence: true).filter { $0.words == chunkWords }
                guard all.count >= runLength else { continue }
                let starts = (0..<runsPerText).map { $0 * (all.count - runLength) / max(1, runsPerText - 1) }
                for start in Set(starts).sorted() {
                    for k in 0..<runLength {
                        pieces.append(Piece(writer: writer, run: run, features: all[start + k]))
                        for word in all[start + k].wordSequence { wordTotals[word, default: 0] += 1 }
                    }
                    run += 1
                }
            }
        }
        var frequency: [UInt32: Int] = [:]
        for piece in pieces { for key in piece.features.keys { frequency[key, default: 0] += 1 } }
        func top(_ families: [TextFeatures.Family], _ count: Int) -> [UInt32] {
            frequency.filter { families.contains(TextFeatures.family(of: $0.key)) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(count).map(\.key)
        }
        let vocabulary = (top([.shortCharacters, .longCharacters], vocabularySize.characters)
            + top([.words], vocabularySize.words) + top([.wordPairs], vocabularySize.wordPairs)).sorted()
        let column = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let common = wordTotals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(commonWordCount).map(\.key)
        let order = WordOrderModel(commonWords: common, transitions: nil)
        var transitions = [Double](repeating: 0, count: order.classCount * order.classCount)
        for piece in pieces { order.addTransitions(of: piece.features.wordSequence, to: &transitions) }
        let chunks = pieces.map { piece -> Chunk in
            var columns: [Int32] = [], counts: [Float] = []
            for (key, count) in zip(piece.features.keys, piece.features.counts) {
                if let c = column[key] { columns.append(c); counts.append(count) }
            }
            let order = columns.indices.sorted { columns[$0] < columns[$1] }
            return Chunk(writer: piece.writer, run: piece.run, words: piece.features.words,
                         columns: order.map { columns[$0] }, counts: order.map { counts[$0] })
        }
        return VerificationBackground(vocabulary: vocabulary, commonWords: common, transitions: transitions,
                                      chunks: chunks, writers: names, source: source)
    }

    /// The TSV form shipped in Resources (feature hashes and counts only, no text).
    public func tsv() -> String {
        var lines = ["# Voice Clone verification background: hashed feature statistics only, no text. Built by scripts/build-judgement-background.",
                     "source\t" + source]
        lines += writers.map { "writer\t" + $0 }
        lines.append((["vocabulary"] + vocabulary.map(String.init)).joined(separator: "\t"))
        lines.append((["common"] + commonWords.map(String.init)).joined(separator: "\t"))
        lines.append((["transitions"] + transitions.map { String(Int($0)) }).joined(separator: "\t"))
        for chunk in chunks {
            let pairs = zip(chunk.columns, chunk.counts).map { "\($0):\(Int($1))" }
            lines.append((["chunk", String(chunk.writer), String(chunk.run), String(chunk.words)] + pairs).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
