import Foundation

/// Strips credentials from URLs before they appear in messages: `https://user:key@host/` → `https://host/`.
public enum URLRedaction {
    public static func redact(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.user != nil || parts.password != nil else { return url }
        parts.user = nil
        parts.password = nil
        return parts.string ?? url
    }
}
