/// Typographic habits learnt from the samples, so generated text uses the writer's quotes, dashes and ellipses.
package struct RenderStyle: Sendable, Equatable {
    package var curlyQuotes = false
    package var curlyApostrophes = false
    package var spacedEmDash = false
    package var ellipsisCharacter = false

    /// Majority vote over what the tokenizer saw.
    package init(curlyQuotes: Int = 0, straightQuotes: Int = 0, curlyApostrophes: Int = 0, straightApostrophes: Int = 0,
         spacedDashes: Int = 0, tightDashes: Int = 0, ellipsisChars: Int = 0, ellipsisDots: Int = 0) {
        self.curlyQuotes = curlyQuotes > straightQuotes
        self.curlyApostrophes = curlyApostrophes > straightApostrophes
        self.spacedEmDash = spacedDashes > tightDashes
        self.ellipsisCharacter = ellipsisChars > ellipsisDots
    }
}
