import Foundation

/// Folder names derived from display names. A slug is what keeps names like "Ana María / Blog"
/// from escaping the vault or clashing across operating systems (ASCII, lowercase, no separators).
public enum Slug {
    public static let maxNameLength = 100
    public static let maxSlugLength = 60

    /// Validates a display name and derives its slug, or explains why the name cannot be used.
    public static func forCloneName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw VaultError.invalidName(name, reason: "it is empty") }
        if trimmed.count > maxNameLength {
            throw VaultError.invalidName(name, reason: "it is \(trimmed.count) characters long; the limit is \(maxNameLength)")
        }
        if trimmed.contains("/") || trimmed.contains("\\") {
            throw VaultError.invalidName(name, reason: "it contains a path separator (/ or \\); use a plain name such as \"Alice Blog\"")
        }
        if trimmed.contains("..") {
            throw VaultError.invalidName(name, reason: "it contains \"..\", which could point outside the vault")
        }
        if trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            throw VaultError.invalidName(name, reason: "it contains control characters")
        }
        let slug = make(trimmed)
        return slug.isEmpty ? "clone-" + ContentHash.hex(of: trimmed).prefix(8) : slug
    }

    /// Lowercase ASCII letters and digits joined by single dashes; accents are folded
    /// ("Zoë" → "zoe") and everything else separates words.
    public static func make(_ text: String, maxLength: Int = maxSlugLength) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let isAlnum = (v >= 97 && v <= 122) || (v >= 48 && v <= 57)
            let isUpper = v >= 65 && v <= 90
            if isAlnum || isUpper {
                let needsDash = pendingDash && !out.isEmpty
                if out.count + (needsDash ? 2 : 1) > maxLength { break }
                if needsDash { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(isUpper ? Unicode.Scalar(v + 32)! : scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue // "don't" → "dont", not "don-t"
            } else {
                pendingDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
