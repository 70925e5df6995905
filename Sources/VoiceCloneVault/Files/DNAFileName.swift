/// DNA revisions live as `dna/v0001.json`, `dna/v0002.json`, … : one immutable file per version, so
/// `git log -p` shows each revision and zero-padding keeps them in order in any file browser.
public enum DNAFileName {
    /// A copy of the newest revision, rewritten in place beside the immutable `vNNNN.json` files, so that
    /// `git log -p clones/<slug>/dna/latest.json` shows each revision's change as changed lines. Nothing reads it
    /// back: the numbered files stay the record.
    public static let latest = "latest.json"

    public static func name(for version: Int) -> String {
        "v" + String(repeating: "0", count: max(0, 4 - String(version).count)) + String(version) + ".json"
    }

    /// The highest revision number a file name may carry.
    public static let maxVersion = 999_999

    public static func version(of fileName: String) -> Int? {
        guard fileName.hasPrefix("v"), fileName.hasSuffix(".json") else { return nil }
        let digits = fileName.dropFirst().dropLast(5)
        // ASCII digits only, and at most six of them: a hostile `v9223372036854775807.json` must not
        // become a revision whose successor overflows.
        guard !digits.isEmpty, digits.count <= 6, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(digits)
    }
}
