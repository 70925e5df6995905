/// Git conflict markers in a sample would be read as the writer's words; analysis must refuse them.
public enum ConflictMarkers {
    public static func contains(_ text: String) -> Bool {
        guard text.contains("<<<<<<< ") || text.contains("\n>>>>>>> ") else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("<<<<<<< ") || $0.hasPrefix(">>>>>>> ") }
    }
}
