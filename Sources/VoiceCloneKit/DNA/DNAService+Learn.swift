import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// `voiceclone learn`: the writer's edits of approved and published pieces become the DNA's `edits` section.
extension DNAService {
    /// Mines the clone's edited pieces and stores the lessons as a new DNA revision (committed). A clone never
    /// analysed is analysed first, with the lessons in its first revision.
    public func learn(_ clone: String, options: EditMiningOptions = .init()) throws -> LearnReport {
        try locking {
            let record = try index.requireClone(clone)
            let (lessons, warnings) = try session.library.editLessons(clone: record.slug, options: options)
            guard let lessons else {
                return LearnReport(clone: record.slug, pieces: 0, editedPieces: 0, minSupport: options.minSupport,
                                   lessons: [], summary: [], dna: nil, warnings: warnings + [
                                       "no approved or published piece of \(record.slug) to learn from: mark the pieces you "
                                       + "edited with `voiceclone library set-status ID approved`"])
            }
            let stored: DNAStoreResult
            if record.latestDNAVersion == nil {
                stored = try analyze(record.slug, options: AnalyzeOptions(editMining: options))
            } else {
                var dna = try load(of: record.slug)
                dna.edits = lessons
                stored = try store(dna, for: record.slug, message: Self.learnMessage(record.slug, lessons))
            }
            return LearnReport(clone: record.slug, pieces: lessons.pieces, editedPieces: lessons.editedPieces,
                               minSupport: lessons.minSupport, lessons: lessons.lessons,
                               summary: lessons.lessons.map(\.plainDescription), dna: stored,
                               warnings: warnings + stored.warnings)
        }
    }

    /// The lessons for `analyze`: nil for a clone without edited pieces (the DNA then has no `edits` section).
    func analysisEditLessons(_ slug: String, options: AnalyzeOptions) throws -> EditLessons? {
        try session.library.editLessons(clone: slug, options: options.editMining).lessons
    }

    static func learnMessage(_ slug: String, _ lessons: EditLessons) -> String {
        "\(slug): learn \(lessons.lessons.count) lesson\(lessons.lessons.count == 1 ? "" : "s") from "
            + "\(lessons.editedPieces) edited piece\(lessons.editedPieces == 1 ? "" : "s")"
    }
}
