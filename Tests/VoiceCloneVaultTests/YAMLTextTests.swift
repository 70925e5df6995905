import Foundation
import Testing
@testable import VoiceCloneVault

/// The front matter trims replace Foundation's `CharacterSet` ones for speed; they must agree with them exactly.
@Suite struct YAMLTextTests {
    static let samples = [
        "", " ", "\t", "plain", "  both  ", "\tlead", "trail\t", "a b", " \u{00A0}nbsp\u{3000} ", "\u{2003}em",
        "line\n", "\nline", "\r\n", " \u{2028} ", "\u{0085}", "café ", " 🙂 ", "e\u{0301} ", " \u{200B}zero-width\u{200B} ", "\u{200B}", "\u{180E}x\u{180E}", "\u{FEFF}bom ",
    ]

    @Test func trimmingSpacesMatchesFoundation() {
        for text in Self.samples {
            #expect(YAMLText.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func isBlankMatchesFoundation() {
        for text in Self.samples + ["\n\n", " \t\r\n\u{000B}\u{000C}", "\u{2029}", "key: value\n"] {
            #expect(YAMLText.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                    "\(Array(text.unicodeScalars))")
        }
    }
}
