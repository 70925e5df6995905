import Foundation
import Testing
import VoiceCloneAnalysis

/// The same samples always give the same bytes, so git history shows only real changes.
@Suite struct DeterminismTests {
    @Test func sampleOrderDoesNotChangeTheBytes() throws {
        let samples = WriterFixtures.marmaladeSamples(4)
        let a = try VoiceAnalyzer().analyze(samples).canonicalJSON()
        let b = try VoiceAnalyzer().analyze(samples.reversed()).canonicalJSON()
        let c = try VoiceAnalyzer().analyze([samples[2], samples[0], samples[3], samples[1]]).canonicalJSON()
        #expect(a == b && b == c)
        // And again, in the same process: no hidden state or timing.
        #expect(try VoiceAnalyzer().analyze(samples).canonicalJSON() == a)
    }

    @Test func canonicalJSONSortsKeysAndFixesPrecision() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        let text = String(decoding: try dna.canonicalJSON(), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(!text.contains("timestamp") && !text.contains("date"))
        // Keys are snake_case and sorted at every level: check each object's keys in order of appearance.
        var keysByIndent: [Int: [String]] = [:]
        for line in text.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            if line.hasSuffix("{") || line.hasSuffix("[") || line == String(repeating: " ", count: indent) + "}" || line.hasSuffix("},") {
                keysByIndent[indent + 2] = []
            }
            guard let colon = line.range(of: "\": ") else { continue }
            let key = String(line[line.index(line.startIndex, offsetBy: indent + 1)..<colon.lowerBound])
            #expect(key == key.lowercased() && !key.contains(" "), "key \(key) is not snake_case")
            if let last = keysByIndent[indent]?.last { #expect(last < key, "\(last) before \(key)") }
            keysByIndent[indent, default: []].append(key)
        }
        #expect(text.contains("\"flesch_reading_ease\": "))
        #expect(text.contains("\"schema_version\": 1"))
        // Every non-integer number has exactly four decimals and no exponent.
        let numbers = try NSRegularExpression(pattern: #":\s(-?[0-9][0-9.eE+-]*)(,?)$"#, options: .anchorsMatchLines)
        var checked = 0
        for m in numbers.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let n = String(text[Range(m.range(at: 1), in: text)!])
            #expect(!n.contains("e") && !n.contains("E"))
            if let dot = n.firstIndex(of: ".") { #expect(n[n.index(after: dot)...].count == 4, "\(n)"); checked += 1 }
        }
        #expect(checked > 50)
    }

    @Test func numberFormatting() {
        #expect(CanonicalJSON.format(1.23456) == "1.2346")
        #expect(CanonicalJSON.format(2) == "2.0000")
        #expect(CanonicalJSON.format(-0.00001) == "0.0000")   // no negative zero
        #expect(CanonicalJSON.format(-1.5) == "-1.5000")
        #expect(CanonicalJSON.format(.nan) == "0.0000" && CanonicalJSON.format(.infinity) == "0.0000")
        #expect(CanonicalJSON.format(123456789.0) == "123456789.0000")
    }

    @Test func decodeThenEncodeGivesTheSameBytes() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        var stored = dna
        stored.clone = "marmalade"
        stored.version = 3
        let bytes = try stored.canonicalJSON()
        let read = try VoiceDNA.decode(bytes, path: "dna/v0003.json")
        #expect(read.clone == "marmalade" && read.version == 3)
        #expect(try read.canonicalJSON() == bytes)
    }

    @Test func sameAnalysisIgnoresVersionAndQualitativeOnly() throws {
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        var other = dna
        other.version = 7
        other.qualitative = QualitativeProfile(provider: "openai", model: "m", tone: ["warm"])
        #expect(dna.sameAnalysis(as: other))
        var changed = dna
        changed.sentences.meanLength += 0.5
        #expect(!dna.sameAnalysis(as: changed))
        let more = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples(4))
        #expect(!dna.sameAnalysis(as: more))
    }

    @Test func decodeErrorsNameTheFile() throws {
        #expect(throws: AnalysisError.self) { try VoiceDNA.decode(Data("not json".utf8), path: "clones/x/dna/v0001.json") }
        do {
            _ = try VoiceDNA.decode(Data("{}".utf8), path: "clones/x/dna/v0001.json")
            Issue.record("decoded an empty object")
        } catch {
            #expect(error.localizedDescription.contains("clones/x/dna/v0001.json"))
            #expect(error.localizedDescription.contains("missing field"))
        }
        let dna = try VoiceAnalyzer().analyze(WriterFixtures.marmaladeSamples())
        var future = String(decoding: try dna.canonicalJSON(), as: UTF8.self)
        future = future.replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 99")
        do {
            _ = try VoiceDNA.decode(Data(future.utf8), path: "v.json")
            Issue.record("accepted a newer schema")
        } catch {
            #expect(error.localizedDescription.contains("upgrade voiceclone"))
        }
    }
}
