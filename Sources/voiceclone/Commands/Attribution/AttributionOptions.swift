import ArgumentParser
import VoiceCloneKit

/// The documented knobs of attribution; the defaults are what the README's measurements used.
struct AttributionOptions: ParsableArguments {
    @Option(name: .customLong("mfw"), help: "How many most frequent words are features.") var mostFrequentWords = AttributionSettings.standard.mostFrequentWords
    @Flag(name: .customLong("fixed-mfw"), help: "Use all --mfw words; by default the self-test on the voices' own samples picks all, half, a quarter or an eighth of them.") var fixedMostFrequentWords = false
    @Option(name: .customLong("char-ngrams"), help: "How many most frequent character 3/4-grams are features.") var characterNgrams = AttributionSettings.standard.characterNgrams
    @Option(help: "Share of voices (0-1) a feature must occur in; removes names and topic words.") var culling = AttributionSettings.standard.culling
    @Flag(name: .customLong("no-pronouns"), help: "Leave personal pronouns out of the word features.") var noPronouns = false
    @Option(help: "cosine (Cosine Delta, default) or burrows (Burrows' Delta, for comparison).") var distance = "cosine"

    func validate() throws {
        if DistanceKind(rawValue: distance) == nil { throw ValidationError("--distance takes cosine or burrows") }
        if !(0...1).contains(culling) { throw ValidationError("--culling takes a number from 0 to 1") }
        if mostFrequentWords < 1 { throw ValidationError("--mfw takes a positive number") }
        if characterNgrams < 0 { throw ValidationError("--char-ngrams takes 0 or more") }
    }

    var settings: AttributionSettings {
        var s = AttributionSettings.standard
        s.mostFrequentWords = mostFrequentWords
        s.fitWordCount = !fixedMostFrequentWords
        s.characterNgrams = characterNgrams
        s.culling = culling
        s.countPronouns = !noPronouns
        s.distance = DistanceKind(rawValue: distance) ?? .cosineDelta
        return s
    }
}
