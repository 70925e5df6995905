import Foundation
import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneKit

/// One tree encoder serves the DNA (absent values left out) and `--json` (absent values written as null).
@Suite struct ReportJSONTests {
    struct Report: Encodable {
        var dnaVersion: Int
        var myURLValue: String
        var note: String?
        var scores: [Double]
        var nested: [String: Int?]
    }

    @Test func everyKeyIsThereAndSnakeCased() throws {
        let data = try ReportJSON.data(Report(dnaVersion: 3, myURLValue: "https://x.example/a", note: nil,
                                              scores: [0.5], nested: ["a": nil]))
        let text = String(decoding: data, as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["dna_version", "my_url_value", "note", "scores", "nested"])
        #expect(object["note"] is NSNull)
        #expect(text.contains("\"https://x.example/a\""), "slashes are not escaped")
        #expect(text.firstRange(of: "dna_version")!.lowerBound < text.firstRange(of: "my_url_value")!.lowerBound)
    }

    @Test func aNumberJSONCannotHoldIsAnErrorNotACrash() {
        #expect(throws: EncodingError.self) {
            _ = try ReportJSON.data(Report(dnaVersion: 1, myURLValue: "", note: nil, scores: [.infinity], nested: [:]))
        }
    }

    @Test func canonicalDNABytesLeaveAbsentValuesOut() throws {
        struct Piece: Encodable { var kept: Int; var absent: String? }
        let text = String(decoding: try CanonicalJSON.encode(Piece(kept: 1, absent: nil)), as: UTF8.self)
        #expect(text == "{\n  \"kept\": 1\n}\n")
    }
}
