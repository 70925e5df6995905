/// Which saved pieces `library list` shows; `nil` fields match everything.
public struct LibraryFilter: Sendable, Equatable {
    public var clone: String?
    public var platform: String?
    public var status: LibraryStatus?

    public init(clone: String? = nil, platform: String? = nil, status: LibraryStatus? = nil) {
        self.clone = clone
        self.platform = platform
        self.status = status
    }
}
