/// The one list of file extensions read as text without an importer (lowercase, no dot). `sample add` reads
/// all of them as text; the vault scanner reads the kinds a sample is kept as.
public enum TextFileExtensions {
    public static let markdown = ["md", "markdown"]
    public static let plain = ["txt", "text"]
    /// Read as text by `sample add` (Markdown front matter kept), in this order for messages.
    public static let all = plain + markdown
    /// What the vault scanner treats as samples: Markdown, and `.txt` files dropped into a clone by hand.
    public static let vaultSamples: Set<String> = Set(markdown + ["txt"])
}
