/// Typographic habits learnt from the samples, so generated text uses the writer's quotes, dashes and ellipses.
struct RenderStyle: Sendable, Equatable {
    var curlyQuotes = false
    var curlyApostrophes = false
    var spacedEmDash = false
    var ellipsisCharacter = false

    /// Majority vote over what the tokenizer saw.
    init(curlyQuotes: Int = 0, straightQuotes: Int = 0, curlyApostrophes: Int = 0, straightApostrophes: Int = 0,
         spacedDashes: Int = 0, tightDashes: Int = 0, ellipsisChars: Int = 0, ellipsisDots: Int = 0) {
        self.curlyQuotes = curlyQuotes > straightQuotes
        self.curlyApostrophes = curlyApostrophes > straightApostrophes
        self.spacedEmDash = spacedDashes > tightDashes
        self.ellipsisCharacter = ellipsisChars > ellipsisDots
    }
}
