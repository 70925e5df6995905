import Foundation

/// Decides whether a file's bytes are text the tool may read, and says where they are not: the one UTF-8 and
/// binary check (a NUL byte in the first 8 KiB means binary) for the scanner, `sample add` and every input reader.
package enum TextValidation {
    package enum Problem: Equatable {
        case binary
        case invalidUTF8(line: Int)
    }

    package static func decode(_ data: Data) -> Result<String, ProblemBox> {
        // On the raw buffer: iterating `Data` byte by byte was the scanner's largest cost.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = bytes.baseAddress, memchr(base, 0, min(bytes.count, 8192)) != nil {
                return .failure(ProblemBox(.binary))
            }
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            return .failure(ProblemBox(.invalidUTF8(line: firstInvalidLine(data))))
        }
    }

    package struct ProblemBox: Error { package let problem: Problem; package init(_ p: Problem) { problem = p } }

    /// 1-based line of the first byte sequence that is not valid UTF-8.
    package static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offsetLine = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                offsetLine = line
            case .emptyInput:
                return offsetLine
            case .error:
                return line
            }
        }
    }
}
