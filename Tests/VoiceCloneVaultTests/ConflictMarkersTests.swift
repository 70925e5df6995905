import Testing
import VoiceCloneVault

/// The marker check looks only at line starts; these pin which lines count.
@Suite struct ConflictMarkersTests {
    @Test func markersAtALineStartAreFound() {
        #expect(ConflictMarkers.contains("<<<<<<< HEAD\nmine\n"))
        #expect(ConflictMarkers.contains("a\nb\n>>>>>>> origin/main"))
        #expect(ConflictMarkers.contains("text\n\n<<<<<<< ours\n"))
    }

    @Test func anythingElseIsProse() {
        #expect(!ConflictMarkers.contains(""))
        #expect(!ConflictMarkers.contains("a <<<<<<< b\nc >>>>>>> d"), "not at a line start")
        #expect(!ConflictMarkers.contains("<<<<<<<HEAD\n"), "no space after the run")
        #expect(!ConflictMarkers.contains("<<<<<< six\n>>>>>>>>> nine\n"), "six or eight-plus is not a marker")
        #expect(!ConflictMarkers.contains("<<<<<<<"), "too short to hold the space")
        #expect(!ConflictMarkers.contains("=======\n"), "the middle fence alone is an ordinary rule")
        #expect(!ConflictMarkers.contains("line\n"))
    }
}
