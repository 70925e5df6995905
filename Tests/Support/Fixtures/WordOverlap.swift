/// Word-level recall and precision of extracted text against the source it came from.
///
/// Words are compared as a multiset after lowercasing and stripping punctuation and Markdown marks,
/// so "**slow** down," and "slow down" count the same.
public struct WordOverlap: Sendable, CustomStringConvertible {
    public let recall: Double
    public let precision: Double
    public let missing: [String]
    public let extra: [String]

    public init(expected: String, actual: String) {
        let want = Self.words(expected)
        let got = Self.words(actual)
        var remaining: [String: Int] = [:]
        for word in want { remaining[word, default: 0] += 1 }
        var matched = 0
        var extra: [String] = []
        for word in got {
            if let count = remaining[word], count > 0 {
                remaining[word] = count - 1
                matched += 1
            } else {
                extra.append(word)
            }
        }
        recall = want.isEmpty ? 1 : Double(matched) / Double(want.count)
        precision = got.isEmpty ? 0 : Double(matched) / Double(got.count)
        missing = remaining.filter { $0.value > 0 }.map(\.key).sorted()
        self.extra = extra
    }

    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" || scalar == "\u{2019}" {
                current.unicodeScalars.append(scalar == "\u{2019}" ? "'" : scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.trimmingCharacters(in: ["'"]) }.filter { !$0.isEmpty }
    }

    public var description: String {
        "recall \(recall), precision \(precision), missing \(missing.prefix(20)), extra \(extra.prefix(20))"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
