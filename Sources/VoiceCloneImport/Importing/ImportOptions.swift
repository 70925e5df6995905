import Foundation

/// Limits and choices for one import run. The defaults suit personal writing on an ordinary laptop.
public struct ImportOptions: Sendable {
    /// One document per EPUB chapter instead of one per book.
    public var splitChapters: Bool
    /// Files larger than this are refused before being read.
    public var maxFileBytes: Int
    /// Bytes a DOCX or EPUB may expand to in total when unzipped (zip-bomb guard). Checked against each
    /// entry's declared size before inflating and against the bytes actually inflated while reading.
    public var maxUncompressedBytes: Int
    /// Web pages (HTML files and URLs) with fewer words are refused as not a writing sample;
    /// other documents below it only get a warning (an email or a post can be short on purpose).
    public var minimumWords: Int
    public var connectTimeout: TimeInterval
    public var downloadTimeout: TimeInterval
    public var maxRedirects: Int
    public var maxDownloadBytes: Int

    public init(
        splitChapters: Bool = false,
        maxFileBytes: Int = 100 * 1024 * 1024,
        maxUncompressedBytes: Int = 64 * 1024 * 1024,
        minimumWords: Int = 50,
        connectTimeout: TimeInterval = 10,
        downloadTimeout: TimeInterval = 30,
        maxRedirects: Int = 5,
        maxDownloadBytes: Int = 10 * 1024 * 1024
    ) {
        self.splitChapters = splitChapters
        self.maxFileBytes = maxFileBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.minimumWords = minimumWords
        self.connectTimeout = connectTimeout
        self.downloadTimeout = downloadTimeout
        self.maxRedirects = maxRedirects
        self.maxDownloadBytes = maxDownloadBytes
    }
}
