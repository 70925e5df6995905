import VoiceCloneText

/// Totals that depend only on which words were used and how often: computed once per distinct word, then weighted
/// by its count, which is what keeps analysis fast.
struct VocabularyMeasures {
    var words = 0
    var types = 0
    var hapax = 0
    var letters = 0
    var syllables = 0
    var polysyllables = 0
    var difficult = 0
    var longWords = 0
    var contractions = 0
    var functionWords = 0
    var firstSingular = 0, firstPlural = 0, second = 0, thirdSingular = 0, thirdPlural = 0
    var usSpellings = 0, ukSpellings = 0

    /// Measures all words of `typeCounts`, splitting the distinct words across cores: every total is an integer
    /// sum, so the result does not depend on how the work was split.
    init(_ typeCounts: [String: Int]) {
        let entries = Array(typeCounts)
        let chunks = entries.count < 4_096 ? 1 : 8
        let size = (entries.count + chunks - 1) / max(chunks, 1)
        let parts = ParallelMap.map(chunks) { k in
            VocabularyMeasures(entries[min(k * size, entries.count)..<min((k + 1) * size, entries.count)])
        }
        for p in parts { add(p) }
    }

    private mutating func add(_ o: VocabularyMeasures) {
        words += o.words; types += o.types; hapax += o.hapax; letters += o.letters; syllables += o.syllables
        polysyllables += o.polysyllables; difficult += o.difficult; longWords += o.longWords
        contractions += o.contractions; functionWords += o.functionWords
        firstSingular += o.firstSingular; firstPlural += o.firstPlural; second += o.second
        thirdSingular += o.thirdSingular; thirdPlural += o.thirdPlural
        usSpellings += o.usSpellings; ukSpellings += o.ukSpellings
    }

    private init(_ entries: ArraySlice<(key: String, value: Int)>) {
        for (w, c) in entries {
            words += c
            types += 1
            if c == 1 { hapax += 1 }
            var l = 0
            var ascii = true
            for c in w.utf8 {
                if c >= 0x80 { ascii = false; break }
                if ProseScanner.isASCIIAlnum(c) { l += 1 }
            }
            if !ascii {
                l = 0
                for s in w.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil { l += 1 }
            }
            letters += l * c
            if l >= 7 { longWords += c }
            let syl = Syllables.count(w)
            syllables += syl * c
            if syl >= 3 { polysyllables += c }
            if DaleChallList.isDifficult(w) { difficult += c }
            if w.utf8.contains(0x27), WordLists.isContraction(w) { contractions += c }
            if WordLists.functionWords.contains(w) { functionWords += c }
            if WordLists.firstPersonSingular.contains(w) { firstSingular += c }
            else if WordLists.firstPersonPlural.contains(w) { firstPlural += c }
            else if WordLists.secondPerson.contains(w) { second += c }
            else if WordLists.thirdPersonSingular.contains(w) { thirdSingular += c }
            else if WordLists.thirdPersonPlural.contains(w) { thirdPlural += c }
            if WordLists.usSpellings.contains(w) { usSpellings += c }
            else if WordLists.ukSpellings.contains(w) { ukSpellings += c }
        }
    }
}
