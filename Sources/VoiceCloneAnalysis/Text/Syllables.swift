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
        if w != word, let n = dictionary[w] { return Int(n) }
        if w.utf8.contains(0x2D) {
            let parts = w.split(separator: "-")
            if parts.count > 1 { return parts.reduce(0) { $0 + count(String($1)) } }
        }
        if w.hasSuffix("'s"), let n = dictionary[String(w.dropLast(2))] { return Int(n) }
        return ruleCount(w)
    }

    /// Whether the dictionary knows the word (for tests and diagnostics).
    public static func isInDictionary(_ word: String) -> Bool { dictionary[word.lowercased()] != nil }

    /// The rule-based estimate: vowel groups, minus a silent final "e", plus common exceptions.
    ///
    /// Works on an array of lowercased letters rather than `String` searches: it runs for every distinct word the
    /// dictionary lacks, which on a novel-length clone is tens of thousands of names and rare words.
    public static func ruleCount(_ word: String) -> Int {
        let letters = Array(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        if letters.isEmpty { return word.unicodeScalars.contains { $0.properties.numericType != nil } ? 1 : 0 }
        var count = 0
        var previousVowel = false
        for s in letters {
            let v = isVowel(s)
            if v && !previousVowel { count += 1 }
            previousVowel = v
        }
        let n = letters.count
        func endsWith(_ tail: String) -> Bool {
            let t = Array(tail.unicodeScalars)
            return n >= t.count && Array(letters[(n - t.count)...]) == t
        }
        func contains(_ part: String) -> Bool {
            let p = Array(part.unicodeScalars)
            guard n >= p.count else { return false }
            for start in 0...(n - p.count) where letters[start] == p[0] {
                var k = 1
                while k < p.count && letters[start + k] == p[k] { k += 1 }
                if k == p.count { return true }
            }
            return false
        }
        // Silent final e ("make"), but not "-le" after a consonant ("table") nor "ee".
        if n > 2, letters[n - 1] == "e", !isVowel(letters[n - 2]) {
            if !(letters[n - 2] == "l" && n > 3 && !isVowel(letters[n - 3])) { count -= 1 }
        }
        // "-ed" is silent except after t or d ("walked" vs "wanted").
        if n > 3, endsWith("ed"), letters[n - 3] != "t", letters[n - 3] != "d", !isVowel(letters[n - 3]) { count -= 1 }
        // "-es" is silent except after sibilants ("makes" vs "boxes").
        if n > 3, endsWith("es"), !"sxzgc".unicodeScalars.contains(letters[n - 3]), !endsWith("hes"), !isVowel(letters[n - 3]) { count -= 1 }
        // Vowel pairs usually said as two syllables.
        if !contains("tio") && !contains("sio") {
            for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where contains(pair) { count += 1; break }
        }
        return max(1, count)
    }

    private static let vowels = Set("aeiouyàáâäèéêëìíîïòóôöùúûü".unicodeScalars)

    @inline(__always) private static func isVowel(_ s: Unicode.Scalar) -> Bool { vowels.contains(s) }
}
