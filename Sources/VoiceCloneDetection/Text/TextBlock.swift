/// One block of a text as the detector reads it: a paragraph, a list item or a heading, with its byte range.
package struct TextBlock: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case paragraph, listItem, heading }

    package var kind: Kind
    /// UTF-8 byte offsets of the block's content (after any `#` or list marker) in the whole text.
    package var range: Range<Int>
    /// For list items: whether the marker is an emoji ("✅ Ship it") rather than `-`, `*` or a number.
    package var emojiMarker = false
}
