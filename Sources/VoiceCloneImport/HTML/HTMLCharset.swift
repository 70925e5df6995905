import Foundation

/// Decodes a web page's bytes to a Swift string, honouring its charset.
///
/// Order as browsers use it: a byte-order mark, then the HTTP header's charset, then `<meta charset>` /
/// `http-equiv` in the first bytes, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
/// Like the HTML standard, `iso-8859-1` and `us-ascii` are read as windows-1252 (its superset).
enum HTMLCharset {
    struct Decoded {
        var text: String
        var charset: String
        var warning: String?
    }

    static func decode(_ data: Data, declared headerCharset: String?) -> Decoded {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: data.dropFirst(3), as: UTF8.self), charset: "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = String(data: data, encoding: .utf16) {
            return Decoded(text: text, charset: "utf-16")
        }
        var warning: String?
        for name in [headerCharset, metaCharset(data)].compactMap({ $0 }) {
            if let encoding = encoding(named: name) {
                if encoding == .utf8 {
                    if TextFileImporter.firstInvalidUTF8([UInt8](data)) == nil {
                        return Decoded(text: String(decoding: data, as: UTF8.self), charset: "utf-8")
                    }
                    warning = "the page says UTF-8 but is not; it was read as windows-1252"
                    break
                }
                if let text = String(data: data, encoding: encoding) {
                    return Decoded(text: text, charset: name.lowercased())
                }
            } else {
                warning = "unknown charset \"\(name)\"; the text was read as UTF-8 or windows-1252"
            }
        }
        if warning == nil || warning?.hasPrefix("unknown") == true, TextFileImporter.firstInvalidUTF8([UInt8](data)) == nil {
            return Decoded(text: String(decoding: data, as: UTF8.self), charset: "utf-8", warning: warning)
        }
        let text = String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
        return Decoded(text: text, charset: "windows-1252", warning: warning)
    }

    /// Foundation encodings for the charset labels pages actually use.
    static func encoding(named label: String) -> String.Encoding? {
        switch label.lowercased().trimmed() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso-8859-15", "latin-9":
            return .windowsCP1252
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254": return .windowsCP1254
        case "iso-8859-2", "latin2": return .isoLatin2
        case "utf-16", "utf-16le", "utf-16be": return .utf16
        case "shift_jis", "shift-jis", "sjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "macintosh", "mac": return .macOSRoman
        default: return nil
        }
    }

    /// The charset a `<meta>` tag declares in the first 4 KB, if any.
    static func metaCharset(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset=") {
                var value = tag[charset.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                value = value.prefix { !"\"'; />".contains($0) }
                if !value.isEmpty { return String(value) }
            }
            searchStart = tagEnd
        }
        return nil
    }
}
