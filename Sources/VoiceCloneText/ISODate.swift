import Foundation

/// Today's date as an ISO 8601 calendar date (`2026-11-24`), in UTC so two machines agree.
public func isoDate(_ date: Date = Date()) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
}

/// A moment as an ISO 8601 timestamp (`2026-11-24T09:30:00Z`): seconds precision, UTC, the same on every machine.
public func isoTimestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
