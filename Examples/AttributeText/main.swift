// Voice Clone as a library: open a vault, analyse one clone, and ask who wrote a text.
//
//     swift run voiceclone-example VAULT CLONE TEXT_FILE
//
// Everything here goes through VoiceCloneKit, the same API the `voiceclone` command calls.
import Foundation
import VoiceCloneKit

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: voiceclone-example VAULT CLONE TEXT_FILE\n".utf8))
    exit(2)
}
let (vaultPath, clone, textFile) = (arguments[arguments.startIndex], arguments[arguments.startIndex + 1], arguments[arguments.startIndex + 2])

do {
    // One session per run, as the CLI does: the vault is scanned once and every change is committed.
    let workspace = try Workspace.open(vaultPath: vaultPath)

    // Samples -> Voice DNA, committed as a new revision (or "unchanged" when the samples are the same).
    let stored = try workspace.dna.analyze(clone)
    print("\(stored.clone): DNA v\(stored.version) \(stored.status.rawValue) (\(stored.path))")

    // Who wrote the text, among every clone in the vault with samples.
    for result in try workspace.attribution.attribute([textFile]) {
        switch result {
        case .success(let report):
            let attribution = report.attribution
            print("\(report.file): most likely \(attribution.best) (confidence \(attribution.confidence.rawValue), \(attribution.words) words)")
            for candidate in attribution.ranking {
                print(String(format: "  %@  p=%.3f  distance=%.3f", candidate.clone, candidate.probability, candidate.distance))
            }
        case .failure(let failure):
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            exit(1)
        }
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
    exit(1)
}
