/// Counts of the Markdown constructs a writer used, gathered while their markers are stripped from the prose.
struct MarkdownHabits: Sendable, Equatable {
    var headings = 0
    var bulletItems = 0
    var numberedItems = 0
    var bold = 0
    var italics = 0
    var links = 0
    var images = 0
    var codeBlocks = 0
    var blockquotes = 0

    mutating func add(_ o: MarkdownHabits) {
        headings += o.headings; bulletItems += o.bulletItems; numberedItems += o.numberedItems
        bold += o.bold; italics += o.italics; links += o.links; images += o.images
        codeBlocks += o.codeBlocks; blockquotes += o.blockquotes
    }
}
