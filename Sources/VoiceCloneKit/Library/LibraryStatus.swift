import Foundation

/// Where a saved piece is in its life: written, signed off, out in the world.
public enum LibraryStatus: String, Codable, Sendable, CaseIterable {
    case draft, approved, published

    /// Parses a status typed by a user, whatever its case.
    public init?(loose value: String) {
        self.init(rawValue: value.lowercased().trimmingCharacters(in: .whitespaces))
    }
}
