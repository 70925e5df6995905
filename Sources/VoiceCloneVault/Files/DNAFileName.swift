/// DNA revisions live as `dna/v0001.json`, `dna/v0002.json`, … : one immutable file per version, so
/// `git log -p` shows each revision and zero-padding keeps them in order in any file browser.
public enum DNAFileName {
    public static func name(for version: Int) -> String {
        "v" + String(repeating: "0", count: max(0, 4 - String(version).count)) + String(version) + ".json"
    }

    public static func version(of fileName: String) -> Int? {
        guard fileName.hasPrefix("v"), fileName.hasSuffix(".json") else { return nil }
        let digits = fileName.dropFirst().dropLast(5)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
