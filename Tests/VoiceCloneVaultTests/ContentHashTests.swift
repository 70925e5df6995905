import Foundation
import Testing
import VoiceCloneVault

/// The content hash ignores what editors change without the writer meaning to, and both of its paths agree.
@Suite struct ContentHashTests {
    /// The rule, written the slow, obvious way: trim each line's trailing spaces, tabs and CRs; drop blank lines at
    /// either end; keep everything else.
    static func reference(_ text: String) -> String {
        // On scalars: as Characters, "\r\n" is one and would hide the line break.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String.UnicodeScalarView.SubSequence in
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            return l
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return ContentHash.hex(of: Data(lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n").utf8))
    }

    @Test func editorNoiseDoesNotChangeTheHash() {
        let clean = ContentHash.ofSampleBody("First line.\n\nSecond paragraph,\nwrapped.")
        for variant in ["\n\nFirst line.\n\nSecond paragraph,\nwrapped.\n\n", "First line.  \r\n\r\nSecond paragraph,\t\r\nwrapped. \n",
                        "First line.\n \t \nSecond paragraph,\nwrapped."] {
            #expect(ContentHash.ofSampleBody(variant) == clean, "\(variant.debugDescription)")
        }
        #expect(ContentHash.ofSampleBody("First line.\n\n\nSecond paragraph,\nwrapped.") != clean, "extra blank lines are the writer's")
        #expect(ContentHash.ofSampleBody("  First line.\n\nSecond paragraph,\nwrapped.") != clean, "leading indentation is kept")
    }

    @Test func bothPathsMatchTheReferenceOnGeneratedText() {
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let pieces = ["word", " ", "  ", "\t", "\n", "\n\n", "\r\n", "é", "—", ".", " \n", "\n \n"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(next() % 40) { text += pieces[Int(next() % UInt64(pieces.count))] }
            #expect(ContentHash.ofSampleBody(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
