// libFuzzer target: front matter splitting, YAML composition under the alias/size limits, and rendering back.
// Built by scripts/fuzz.sh together with FrontMatter.swift and YAMLLimits.swift, linked to the Yams SwiftPM built.
import Yams

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? FrontMatter.parse(text) else { return 0 }
    if let fields = document.fields {
        let rendered = FrontMatter.render(fields: fields, body: document.body)
        // What the tool writes it must read back.
        precondition((try? FrontMatter.parse(rendered)) != nil, "rendered front matter does not parse")
    }
    return 0
}
