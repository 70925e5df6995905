import Foundation

/// Parses the `Retry-After` header, which servers send with 429 and 503 to say when to come back.
///
/// It is either a number of seconds (`120`) or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`).
public enum RetryAfter {
    /// Seconds to wait from `now`, never negative; `nil` when the value is neither form.
    public static func delay(from value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingWhitespace()
        if let seconds = Double(trimmed), seconds.isFinite {
            return max(0, seconds)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }

    /// The delay the response asks for, if it has a usable `Retry-After` header.
    public static func delay(for response: HTTPResponse, now: Date = Date()) -> TimeInterval? {
        response.headers["Retry-After"].flatMap { delay(from: $0, now: now) }
    }

    // IMF-fixdate first, then the two obsolete forms RFC 9110 still asks recipients to accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
