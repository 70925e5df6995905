import Foundation
import VoiceCloneText

/// Turns a clone's samples into its Voice DNA, and any text into a `TextProfile`.
///
/// Samples are analysed concurrently and merged in id order, so the same samples in any order give byte-identical DNA.
public struct VoiceAnalyzer: Sendable {
    public var options: AnalysisOptions

    public init(options: AnalysisOptions = .init()) {
        self.options = options
    }

    /// Analyses samples into a DNA with `clone` and `version` left for the caller to set.
    ///
    /// - Parameters:
    ///   - samples: the clone's samples; those marked `aiAssisted` are left out unless `includeAIAssisted`.
    ///   - background: the other clones' samples by slug, for the signature's "more than the other clones".
    /// - Throws: `AnalysisError.noSamples` or `.tooFewWords` (with the number of words needed).
    public func analyze(_ samples: [AnalysisSample], background: [String: [AnalysisSample]] = [:],
                        includeAIAssisted: Bool = false) throws -> VoiceDNA {
        let used = samples.filter { includeAIAssisted || !$0.aiAssisted }
            .sorted { $0.id != $1.id ? $0.id < $1.id : $0.text < $1.text }
        let excluded = samples.count - used.count
        guard !used.isEmpty else { throw AnalysisError.noSamples(excludedAIAssisted: excluded) }

        let options = self.options
        let phraseLimit = max(options.phraseWordBudget / used.count, options.phraseWordsPerSampleMinimum)
        let scans = ParallelMap.map(used.count, cost: { used[$0].text.utf8.count }) { i in
            SampleScan.run(index: i, markdown: used[i].text, options: options, phraseLimit: phraseLimit)
        }
        // Counting and phrase merging are independent serial folds over the scans: run them side by side.
        let folds = ParallelMap.map(2) { job -> (CorpusCounts, PhraseMap) in
            if job == 0 {
                var counts = CorpusCounts()
                for s in scans { counts.add(s) }
                counts.finish()
                return (counts, PhraseMap(capacity: 1))
            }
            var phrases = PhraseMap(capacity: scans.reduce(0) { $0 + $1.phrases.count })
            for s in scans { phrases.merge(s.phrases) }
            return (CorpusCounts(), phrases)
        }
        let counts = folds[0].0, phrases = folds[1].1
        guard counts.words >= options.minimumWords else {
            throw AnalysisError.tooFewWords(found: counts.words, needed: options.minimumWords)
        }

        var byType: [ContentType: (samples: Int, words: Int)] = [:]
        for (k, s) in used.enumerated() {
            byType[s.contentType, default: (0, 0)].samples += 1
            byType[s.contentType, default: (0, 0)].words += scans[k].words
        }
        let contentTypes = byType.keys.sorted().map { ContentTypeCount(type: $0, samples: byType[$0]!.samples, words: byType[$0]!.words) }
        let profile = TextProfile(counts, options: options)
        let corpus = CorpusSummary(
            samples: used.count, words: counts.words, sentences: profile.sentences.count,
            paragraphs: profile.paragraphs.count, excludedAiAssisted: excluded, contentTypes: contentTypes,
            sampleIds: used.map(\.id))
        let signature = SignatureBuilder(options: options).build(
            counts, scans: scans, phrases: phrases, phraseWords: scans.reduce(0) { $0 + min($1.words, phraseLimit) },
            background: backgroundCounts(background))
        return VoiceDNA(
            schemaVersion: VoiceDNA.currentSchemaVersion, clone: "", version: 0, corpus: corpus,
            lexical: profile.lexical, sentences: profile.sentences, paragraphs: profile.paragraphs,
            punctuation: profile.punctuation, functionWords: profile.functionWords, pronouns: profile.pronouns,
            readability: profile.readability, formatting: profile.formatting, spelling: profile.spelling,
            signature: signature, confidence: Confidence(counts, contentTypes: contentTypes),
            qualitative: nil, merge: nil)
    }

    /// The same measurements as a DNA for one text (Markdown or plain), with no minimum length.
    public func stats(of text: String) -> TextProfile {
        var o = options
        o.includePhrases = false
        let scan = SampleScan.run(index: 0, markdown: text, options: o, phraseLimit: 0)
        var counts = CorpusCounts()
        counts.add(scan)
        counts.finish()
        return TextProfile(counts, options: o)
    }

    private func backgroundCounts(_ background: [String: [AnalysisSample]]) -> SignatureBuilder.Background {
        var b = SignatureBuilder.Background()
        b.slugs = background.keys.sorted()
        let all = b.slugs.flatMap { slug in
            (background[slug] ?? []).filter { !$0.aiAssisted }.sorted { $0.id < $1.id }
        }
        guard !all.isEmpty else { return b }
        let options = self.options
        let phraseLimit = max(options.phraseWordBudget / all.count, options.phraseWordsPerSampleMinimum)
        let scans = ParallelMap.map(all.count) { i in
            SampleScan.run(index: i, markdown: all[i].text, options: options, phraseLimit: phraseLimit)
        }
        for s in scans {
            b.words += s.words
            for id in 0..<s.scanner.table.count { b.typeCounts[s.scanner.table.word(id), default: 0] += Int(s.scanner.typeCounts[id]) }
            b.phrases.merge(s.phrases)
        }
        return b
    }
}
