import Foundation

/// Turns the many date spellings found in metadata into `YYYY-MM-DD`.
enum ISODate {
    /// `2024-03-18T09:00:00Z`, `2024-03-18`, `2024-03`, `2024` → the date part; `nil` when no date is found.
    static func normalize(_ value: String?) -> String? {
        guard let value = value?.trimmed(), !value.isEmpty else { return nil }
        let scalars = Array(value.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= scalars.count && range.allSatisfy { ("0"..."9").contains(scalars[$0]) }
        }
        if digits(0..<4), scalars.count >= 10, scalars[4] == "-", digits(5..<7), scalars[7] == "-", digits(8..<10) {
            return String(value.prefix(10))
        }
        if digits(0..<8), scalars.count == 8 {
            let s = Array(value)
            return "\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))"
        }
        // RFC 2822-style dates from some feeds and meta tags.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return string(from: date) }
        }
        return nil
    }

    static func string(from date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
