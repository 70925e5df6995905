import Foundation

/// Removes secrets from text that may reach the user: server error messages can quote the key
/// ("Incorrect API key provided: sk-abc…"), and a message must never repeat it, even in part.
public enum SecretScrubber {
    /// `text` with each secret, and anything shaped like an API key, replaced by `[redacted]`.
    public static func scrub(_ text: String, secrets: [String] = []) -> String {
        var out = text
        for secret in secrets where secret.count >= 4 {
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

    /// `sk-…`, `sk-ant-…`, `Bearer …`: the shapes provider keys and auth headers take.
    private static let keyPattern = try! NSRegularExpression(
        pattern: #"(sk-[A-Za-z0-9_\-\*\.]{6,}|Bearer\s+[A-Za-z0-9_\-\.\*]{6,})"#)
}
