import Foundation

extension EditLesson {
    /// The lesson in plain words, addressed to the writer: "you cut 'leverage' in 7 of 9 drafts that had it".
    public var plainDescription: String {
        let b = before ?? "", a = after ?? ""
        let had = "in \(support) of \(opportunities) drafts that had it"
        let drafts = "in \(support) of \(opportunities) drafts"
        switch kind {
        case .replace: return "you replaced '\(b)' with '\(a)' \(had)"
        case .cut: return "you cut '\(b)' \(had)"
        case .cutSentenceStart: return "you cut '\(b)' at the start of a sentence \(had)"
        case .add: return "you added '\(a)' \(drafts)"
        case .split:
            return "you split sentences over \(Int(value ?? 0)) words \(drafts) that had one"
        case .join:
            return "you joined sentences of up to \(Int(value ?? 0)) words to their neighbour \(drafts)"
        case .opening: return "you rewrote the opening sentence \(drafts)"
        case .closing: return "you rewrote or cut the closing sentence \(drafts)"
        case .punctuation:
            if a.isEmpty { return "you removed '\(b)' \(had)" }
            if b.isEmpty { return "you added '\(a)' \(drafts)" }
            return "you changed '\(b)' to '\(a)' \(had)"
        case .contract: return "you contracted '\(b)' to '\(a)' \(had)"
        case .expand: return "you wrote out '\(b)' as '\(a)' \(had)"
        case .length:
            let change = Int((abs(value ?? 0) * 100).rounded())
            return "you made \(platform ?? "generic") pieces \(change)% \((value ?? 0) < 0 ? "shorter" : "longer") on average \(drafts)"
        }
    }
}
