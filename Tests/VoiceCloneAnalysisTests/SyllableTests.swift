import Testing
import VoiceCloneAnalysis

/// Syllables come from the CMU Pronouncing Dictionary, with spelling rules for words it lacks.
@Suite struct SyllableTests {
    @Test func dictionaryWords() {
        #expect(Syllables.isInDictionary("readability"))
        #expect(Syllables.count("cat") == 1)
        #expect(Syllables.count("away") == 2)
        #expect(Syllables.count("beautiful") == 3)
        #expect(Syllables.count("readability") == 5)
        // Case and curly apostrophes do not matter.
        #expect(Syllables.count("Beautiful") == 3)
        #expect(Syllables.count("Table") == 2)
        #expect(Syllables.count("it\u{2019}s") == Syllables.count("it's"))
    }

    @Test func fallbackRulesForUnknownWords() {
        for made in ["blorpish", "snarke", "grobble", "flinted", "blarped", "zoxes", "glimmaxes", "frobiation"] {
            #expect(!Syllables.isInDictionary(made))
        }
        #expect(Syllables.count("blorpish") == 2)   // o, i
        #expect(Syllables.count("snarke") == 1)     // a, e minus the silent final e
        #expect(Syllables.count("grobble") == 2)    // o, e: "-ble" after a consonant is sounded
        #expect(Syllables.count("flinted") == 2)    // i, e: "-ed" after t is sounded
        #expect(Syllables.count("blarped") == 1)    // a, e minus the silent "-ed"
        #expect(Syllables.count("zoxes") == 2)      // o, e: "-es" after x is sounded
        #expect(Syllables.count("frobiation") == 3) // o, ia, io: "tio" keeps ia/io as one group each
    }

    @Test func compoundsNumbersAndPossessives() {
        // Hyphenated words not in the dictionary count each part.
        #expect(Syllables.count("blorpish-snarke") == 3)
        // A digit group is one syllable; an empty or punctuation-only token is none.
        #expect(Syllables.ruleCount("1999") == 1)
        #expect(Syllables.ruleCount("--") == 0)
        // A possessive of a known word counts as the word.
        #expect(Syllables.count("tolkien's") == Syllables.count("tolkien"))
        // Every rule-based count of a word with letters is at least one.
        #expect(Syllables.ruleCount("rhythm") >= 1 && Syllables.ruleCount("bcd") == 1)
    }
}
