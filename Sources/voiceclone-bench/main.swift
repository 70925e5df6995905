import Foundation

// Benchmarks and evaluations print measured figures and ratios; they assert nothing.
// Run in release:  swift build -c release && .build/release/voiceclone-bench <name> [options]
let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "scan"

func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return fallback }
    return v
}

func stringOption(_ name: String, _ fallback: String) -> String {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
    return arguments[i + 1]
}

/// The evaluation corpora live beside the repository, never inside it.
var corpora: URL { URL(fileURLWithPath: stringOption("--corpora", "../shared/corpora")) }

let usage = """
    usage: voiceclone-bench <benchmark> [options]
      scan         [--samples N --words N --clones N --keep]   scanner vs wc -w (issue 2)
      pdf          [--pages N]                                 PDF import vs pdftotext (issue 3)
      analysis     [--corpus DIR]                              analysis vs wc -w and textstat (issue 4)
      attribution  [--corpora DIR --fixed-mfw]                 Voice Clone vs faststylometry (issue 9)
      generation   [--corpora DIR --samples N --pieces N --words N] offline generation attributed back (issue 6)
      detection    [--corpora DIR --vault DIR --verbose]        AUROC, false positives, rewrite (issue 7)
      detection-fit [--corpora DIR --out FILE]                 issue 7 signals-only fit on OUTFOX valid (superseded by detection-cross --out)
      detection-cross [--corpora DIR --vault DIR --own DIR|none --without-style A,B --out FILE --dump FILE]  issue 18: leave-one-corpus/domain/generator-out, FPR per human set; --out writes the model fitted on all; --dump writes the split for the reference
      attribution-batch [--corpora DIR --files N --words N]  thousands of files against 3 clones (issue 9)
      attribution-tune [--corpora DIR]                         tuning grid on faststylometry_sample only
      attribution-federalist-cv [--corpora DIR]                the same grid, leave-one-paper-out on the 70 known papers
      judgement    [--corpora DIR --splits DIR --verification-only] learned attribution, verification, open set (issue 16)
      judgement-development [--corpora DIR --splits DIR]     closed-set accuracy on development folds of the training texts
      judgement-background [--corpora DIR --out FILE]          rebuild the shipped verification background
      judgement-speed [--corpora DIR --splits DIR]          only the speed run of `judgement`, with where the time goes
      judgement-federalist-splits [--corpora DIR --splits DIR]  the vault posterior's split between voices on Federalist training papers
    """

do {
    switch which {
    case "scan":
        print("== Scanner (issue 2) ==")
        print(try ScanBenchmark.run(samples: option("--samples", 10_000), words: option("--words", 10_000_000),
                                    clones: option("--clones", 50), keep: arguments.contains("--keep")))
    case "pdf":
        print("== PDF import (issue 3) ==")
        print(try runPDFImportBenchmark(pages: option("--pages", 300)))
    case "analysis":
        print("== Analysis (issue 4) ==")
        let corpus = stringOption("--corpus", corpora.appendingPathComponent("british_fiction_small/texts").path)
        print(try runAnalysisBenchmark(corpus: URL(fileURLWithPath: corpus)))
    case "attribution":
        print("== Attribution (issue 9) ==")
        print(try runAttributionEvaluation(corpora: corpora, fixedWordCount: arguments.contains("--fixed-mfw")))
    case "attribution-batch":
        print("== Batch attribution through workspace.attribution.attribute (issue 9) ==")
        print(try runBatchAttributionBenchmark(corpora: corpora, files: option("--files", 2000), words: option("--words", 500)))
    case "attribution-federalist-cv":
        print("== Federalist leave-one-paper-out on the single-author papers ==")
        print(try runFederalistCrossValidation(corpora: corpora, grid: attributionTuningGrid))
    case "attribution-tune":
        print("== Attribution tuning grid (faststylometry_sample only) ==")
        print(try runAttributionTuning(corpora: corpora))
    case "generation":
        print("== Offline generation attributed back to its author (issue 6) ==")
        print(try runGenerationEvaluation(corpora: corpora, samplesPerAuthor: option("--samples", 40),
                                          pieces: option("--pieces", 20), words: option("--words", 400)))
    case "detection":
        print("== AI-likeness detection and rewrite (issue 7) ==")
        print(try runDetectionBenchmark(corpora: corpora, vault: URL(fileURLWithPath: stringOption("--vault", "example-vault")),
                                        verbose: arguments.contains("--verbose")))
    case "detection-fit":
        print("== Detection model fit (OUTFOX valid split only) ==")
        print(try runDetectionFit(corpora: corpora, output: URL(fileURLWithPath: stringOption("--out", "Sources/VoiceCloneDetection/Resources/detection/model.tsv"))))
    case "detection-cross":
        print("== AI-likeness across corpora, domains and generators (issue 18) ==")
        let own = stringOption("--own", "none")
        print(try runDetectionCrossEvaluation(corpora: corpora, vault: URL(fileURLWithPath: stringOption("--vault", "example-vault")),
                                              ownCorpus: own == "none" ? nil : URL(fileURLWithPath: own),
                                              output: arguments.contains("--out") ? URL(fileURLWithPath: stringOption("--out", "")) : nil,
                                              dump: arguments.contains("--dump") ? URL(fileURLWithPath: stringOption("--dump", "")) : nil,
                                              withoutStyle: stringOption("--without-style", "").split(separator: ",").map(String.init)))
    case "judgement":
        print("== Attribution and verification (issue 16) ==")
        var evaluation = JudgementEvaluation(corpora: corpora, splits: URL(fileURLWithPath: stringOption("--splits", ".build/judgement-splits")))
        if arguments.contains("--verification-only") {
            // Verification, Federalist No. 10 and speed, without the closed-set tables (which do not use the verifier).
            try evaluation.verification()
            try evaluation.federalist()
            try evaluation.speed()
        } else {
            try evaluation.run()
        }
    case "judgement-development":
        print("== Closed-set attribution on development folds of the training texts (issue 16) ==")
        var evaluation = JudgementEvaluation(corpora: corpora, splits: URL(fileURLWithPath: stringOption("--splits", ".build/judgement-development")))
        try evaluation.development()
    case "judgement-federalist-splits":
        print("== Vault posterior splits on the Federalist training papers (issue 16) ==")
        var evaluation = JudgementEvaluation(corpora: corpora, splits: URL(fileURLWithPath: stringOption("--splits", ".build/judgement-splits")))
        try evaluation.federalistSplits()
    case "judgement-speed":
        print("== Attribution speed (issue 16) ==")
        var evaluation = JudgementEvaluation(corpora: corpora, splits: URL(fileURLWithPath: stringOption("--splits", ".build/judgement-splits")))
        try evaluation.speed(breakdown: true)
    case "judgement-background":
        print("== Verification background ==")
        print(try runJudgementBackground(corpora: corpora, output: URL(fileURLWithPath: stringOption("--out", "Sources/VoiceCloneAttribution/Resources/judgement/background.tsv"))))
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("voiceclone-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
