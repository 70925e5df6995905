// libFuzzer target: the Markdown stripper, the tokenizer and the sentence splitter on arbitrary bytes.
// Built by scripts/fuzz.sh together with Sources/VoiceCloneAnalysis/Text (one module), never by `swift build`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (prose, _) = MarkdownStripper.strip(text)
    precondition(prose.count <= text.utf8.count * 4 + 16, "stripping never grows text beyond a bound")
    let words = Tokenizer.words(in: text)
    precondition(Tokenizer.wordCount(text) >= 0)
    let sentences = SentenceSplitter.ranges(in: text)
    for range in sentences { precondition(range.lowerBound >= text.startIndex && range.upperBound <= text.endIndex) }
    _ = Tokenizer.prose(fromMarkdown: text)
    _ = words
    return 0
}
