import Foundation
import Yams

/// `clones/<slug>/clone.md`: who the voice belongs to, and free notes in the body.
public struct CloneManifest: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var tags: [String]
    public var avatar: String?
    public var created: String?
    /// Set for a clone blended from others (see `voiceclone merge`).
    public var merge: MergeSettings?
    public var notes: String
    /// Properties the tool does not know, kept verbatim.
    public var extraFields: [(key: String, value: Yams.Node)]

    public init(name: String, description: String? = nil, tags: [String] = [], avatar: String? = nil,
                created: String? = nil, merge: MergeSettings? = nil, notes: String = "",
                extraFields: [(key: String, value: Yams.Node)] = []) {
        self.name = name
        self.description = description
        self.tags = tags
        self.avatar = avatar
        self.created = created
        self.merge = merge
        self.notes = notes
        self.extraFields = extraFields
    }

    public static func == (a: CloneManifest, b: CloneManifest) -> Bool {
        a.name == b.name && a.description == b.description && a.tags == b.tags && a.avatar == b.avatar
            && a.created == b.created && a.merge == b.merge && a.notes == b.notes
    }

    static let knownKeys: Set<String> = ["name", "description", "tags", "avatar", "created", "merge"]

    public init(document: FrontMatterDocument, fallbackName: String) {
        let fields = document.fields ?? []
        name = fields.string("name") ?? fallbackName
        description = fields.string("description")
        tags = fields.strings("tags")
        avatar = fields.string("avatar")
        created = fields.string("created")
        merge = fields.node("merge").flatMap(MergeSettings.init(node:))
        notes = document.body
        extraFields = fields.filter { !Self.knownKeys.contains($0.key) }
    }

    public func render() -> String {
        var fields: [(key: String, value: Yams.Node)] = [("name", .text(name))]
        if let description { fields.append(("description", .text(description))) }
        fields.append(("tags", .list(tags)))
        if let avatar { fields.append(("avatar", .text(avatar))) }
        if let created { fields.append(("created", .date(created))) }
        if let merge { fields.append(("merge", merge.node)) }
        fields.append(contentsOf: extraFields)
        return FrontMatter.render(fields: fields, body: notes)
    }
}

/// Where a merged clone's voice comes from: the source clones, their weights and the DNA
/// versions the blend was built from (so `clone list` can tell when it is stale).
public struct MergeSettings: Sendable, Equatable, Codable {
    public struct Source: Sendable, Equatable, Codable {
        public var clone: String
        public var weight: Double
        public var dnaVersion: Int?
        public init(clone: String, weight: Double, dnaVersion: Int?) {
            self.clone = clone
            self.weight = weight
            self.dnaVersion = dnaVersion
        }
    }
    public var sources: [Source]
    public init(sources: [Source]) { self.sources = sources }

    init?(node: Yams.Node) {
        guard let seq = node.mapping?["sources"]?.sequence else { return nil }
        sources = seq.compactMap { item in
            guard let map = item.mapping, let clone = map["clone"]?.string,
                  let weight = map["weight"]?.string.flatMap(Double.init) else { return nil }
            return Source(clone: clone, weight: weight, dnaVersion: map["dna_version"]?.string.flatMap(Int.init))
        }
    }

    var node: Yams.Node {
        let items: [Yams.Node] = sources.map { s in
            var pairs: [(Yams.Node, Yams.Node)] = [(Yams.Node("clone"), Yams.Node(s.clone)),
                                                  (Yams.Node("weight"), Yams.Node(String(format: "%.4f", s.weight), Tag(.float)))]
            if let v = s.dnaVersion { pairs.append((Yams.Node("dna_version"), Yams.Node(String(v), Tag(.int)))) }
            return .mapping(Yams.Node.Mapping(pairs))
        }
        return .mapping(Yams.Node.Mapping([(Yams.Node("sources"), .sequence(Yams.Node.Sequence(items)))]))
    }
}
