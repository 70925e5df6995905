/// Syllable counts: the CMU Pronouncing Dictionary first, English spelling rules for words it lacks.
///
/// The dictionary (BSD licence, `Resources/CMUDICT-LICENSE.txt`) is shipped as word -> count only. Like textstat,
/// the first listed pronunciation is used.
public enum Syllables {
    static let dictionary: [String: UInt8] = {
        var d: [String: UInt8] = [:]
        d.reserveCapacity(130_000)
        var current: UInt8 = 1
        for line in ResourceFile.lines("cmudict-syllables", "txt") {
            if line.first == "#" {
                current = UInt8(line.dropFirst()) ?? current
            } else {
                d[String(line)] = current
            }
        }
        return d
    }()

    /// Syllables in one word (any case). Hyphenated words count each part; numbers count one per digit group.
    public static func count(_ word: String) -> Int {
        if let n = dictionary[word] { return Int(n) }
        var w = word.lowercased()
        if w.utf8.contains(0xE2) { w = w.replacingOccurrences(of: "\u{2019}", with: "'") }
        if let n = dictionary[w] { return Int(n) }
        if w.contains("-") {
            let parts = w.split(separator: "-")
            if parts.count > 1 { return parts.reduce(0) { $0 + count(String($1)) } }
        }
        if w.hasSuffix("'s"), let n = dictionary[String(w.dropLast(2))] { return Int(n) }
        return ruleCount(w)
    }

    /// Whether the dictionary knows the word (for tests and diagnostics).
    public static func isInDictionary(_ word: String) -> Bool { dictionary[word.lowercased()] != nil }

    /// The rule-based estimate: vowel groups, minus a silent final "e", plus common exceptions.
    public static func ruleCount(_ word: String) -> Int {
        let letters = Array(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        if letters.isEmpty { return word.unicodeScalars.contains { $0.properties.numericType != nil } ? 1 : 0 }
        func isVowel(_ s: Unicode.Scalar) -> Bool { "aeiouyàáâäèéêëìíîïòóôöùúûü".unicodeScalars.contains(s) }
        var count = 0
        var previousVowel = false
        for s in letters {
            let v = isVowel(s)
            if v && !previousVowel { count += 1 }
            previousVowel = v
        }
        let n = letters.count
        let s = String(String.UnicodeScalarView(letters))
        // Silent final e ("make"), but not "-le" after a consonant ("table") nor "ee".
        if n > 2, letters[n - 1] == "e", !isVowel(letters[n - 2]) {
            if !(letters[n - 2] == "l" && n > 3 && !isVowel(letters[n - 3])) { count -= 1 }
        }
        // "-ed" is silent except after t or d ("walked" vs "wanted").
        if n > 3, s.hasSuffix("ed"), letters[n - 3] != "t", letters[n - 3] != "d", !isVowel(letters[n - 3]) { count -= 1 }
        // "-es" is silent except after sibilants ("makes" vs "boxes").
        if n > 3, s.hasSuffix("es"), !"sxzgc".unicodeScalars.contains(letters[n - 3]), !s.hasSuffix("hes"), !isVowel(letters[n - 3]) { count -= 1 }
        // Vowel pairs usually said as two syllables.
        for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where s.contains(pair) && !s.contains("tio") && !s.contains("sio") { count += 1; break }
        return max(1, count)
    }
}
