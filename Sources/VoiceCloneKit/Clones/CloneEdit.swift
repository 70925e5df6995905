/// The changes `clone edit` can make; nil leaves a property as it is.
public struct CloneEdit: Sendable {
    public var description: String?
    public var avatar: String?
    public var setTags: [String]?
    public var addTags: [String]
    public var removeTags: [String]
    public var notes: String?

    public init(description: String? = nil, avatar: String? = nil, setTags: [String]? = nil,
                addTags: [String] = [], removeTags: [String] = [], notes: String? = nil) {
        self.description = description
        self.avatar = avatar
        self.setTags = setTags
        self.addTags = addTags
        self.removeTags = removeTags
        self.notes = notes
    }

    var isEmpty: Bool {
        description == nil && avatar == nil && setTags == nil && addTags.isEmpty && removeTags.isEmpty && notes == nil
    }
}
