import Foundation

// libFuzzer target: the libxml2 wrapper (XML for DOCX/EPUB parts, HTML for pages and chapters).
// Built by scripts/fuzz.sh together with Sources/VoiceCloneImport/Markup (one module). The first byte picks the parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 0 {
        if let root = try? LibXML.parseXML(bytes) { _ = root.textContent; _ = root.all(named: "p") }
    } else {
        if let root = try? LibXML.parseHTML(bytes) { _ = root.textContent; _ = root.first(named: "body") }
    }
    return 0
}
