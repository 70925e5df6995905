import Foundation

/// Removes secrets from text that may reach the user: server error messages can quote the key
/// ("Incorrect API key provided: sk-abc…"), and a message must never repeat it, even in part.
public enum SecretScrubber {
    /// `text` with each secret, and anything shaped like an API key, replaced by `[redacted]`.
    public static func scrub(_ text: String, secrets: [String] = []) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
            for encoded in encodings(of: secret) where out.contains(encoded) {
                out = out.replacingOccurrences(of: encoded, with: "[redacted]")
            }
            out = out.replacingOccurrences(of: secret, with: "[redacted]")
            // Servers echo a prefix and suffix around asterisks; remove long fragments too.
            if secret.count >= 16 {
                out = out.replacingOccurrences(of: String(secret.prefix(8)), with: "[redacted]")
                out = out.replacingOccurrences(of: String(secret.suffix(8)), with: "[redacted]")
            }
        }
        return keyPattern.stringByReplacingMatches(
            in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "[redacted]")
    }

    /// The forms a key takes when a server or a model echoes it encoded: percent-encoded, and base64 (standard and
    /// URL-safe) at each of the three byte alignments it can have inside a longer base64 text, trimmed to the
    /// characters that depend on the key alone.
    static func encodings(of secret: String) -> [String] {
        var forms: [String] = []
        if let percent = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), percent != secret {
            forms.append(percent)
        }
        let bytes = Array(secret.utf8)
        for shift in 0..<3 {
            let padded = Data(repeating: 0, count: shift) + Data(bytes)
            var encoded = padded.base64EncodedString()
            while encoded.hasSuffix("=") { encoded.removeLast() }
            // Characters touched by the leading padding bytes or the unaligned tail depend on neighbouring text.
            let lead = (shift * 8 + 5) / 6
            let usable = (padded.count / 3) * 4
            guard usable - lead >= 8 else { continue }
            let start = encoded.index(encoded.startIndex, offsetBy: lead)
            let end = encoded.index(encoded.startIndex, offsetBy: usable)
            let core = String(encoded[start..<end])
            forms.append(core)
            let urlSafe = core.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            if urlSafe != core { forms.append(urlSafe) }
        }
        return forms
    }

    /// `sk-…`, `sk-ant-…`, `Bearer …`: the shapes provider keys and auth headers take (also what `StreamScrubber`
    /// holds back while a token may still be growing).
    static let keyShape = #"(sk-[A-Za-z0-9_\-\*\.]{6,}|Bearer\s+[A-Za-z0-9_\-\.\*]{6,})"#
    private static let keyPattern = try! NSRegularExpression(pattern: keyShape)
}
