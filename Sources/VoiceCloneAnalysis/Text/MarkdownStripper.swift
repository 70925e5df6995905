/// Turns a Markdown body into plain prose bytes, so that analysis measures what the writer wrote and not markup.
///
/// Front matter, fenced code, link targets, images, inline code and HTML tags are not prose and are removed.
/// Headings are titles rather than sentences, so their text is dropped too (they are counted as a habit).
/// List and quote markers are counted, then removed; each list item ends a sentence.
///
/// Output layout: lines of one paragraph are joined with a space; `\n` is a hard break (a sentence must end there);
/// `\n\n` ends a paragraph.
struct MarkdownStripper {
    private(set) var out: [UInt8] = []
    private(set) var habits = MarkdownHabits()

    static func strip(_ text: String) -> (prose: [UInt8], habits: MarkdownHabits) {
        var s = MarkdownStripper()
        var copy = text
        copy.withUTF8 { s.run($0) }
        return (s.out, s.habits)
    }

    private enum Block { case none, paragraph, list, quote }
    private var block = Block.none
    private var inFence = false
    private var fenceByte: UInt8 = 0

    private mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
        out.reserveCapacity(b.count)
        var lineStart = 0
        // Front matter: a first line of exactly `---` opens it; the next `---` or `...` line closes it.
        if b.count >= 4, b[0] == 0x2D, b[1] == 0x2D, b[2] == 0x2D, b[3] == 0x0A || b[3] == 0x0D {
            var i = 4
            var closed = false
            while i < b.count {
                var e = i
                while e < b.count && b[e] != 0x0A { e += 1 }
                var t = e
                while t > i && (b[t - 1] == 0x0D || b[t - 1] == 0x20) { t -= 1 }
                if t - i == 3 && ((b[i] == 0x2D && b[i + 1] == 0x2D && b[i + 2] == 0x2D) || (b[i] == 0x2E && b[i + 1] == 0x2E && b[i + 2] == 0x2E)) {
                    lineStart = e + 1
                    closed = true
                    break
                }
                i = e + 1
            }
            if !closed { lineStart = 0 }
        }
        var i = lineStart
        while i <= b.count {
            if i == b.count || b[i] == 0x0A {
                var end = i
                if end > lineStart && b[end - 1] == 0x0D { end -= 1 }
                line(b, lineStart, end)
                lineStart = i + 1
            }
            i += 1
        }
        endParagraph()
        while let last = out.last, last == 0x0A || last == 0x20 { out.removeLast() }
    }

    private mutating func endParagraph() {
        if block != .none {
            while let last = out.last, last == 0x20 { out.removeLast() }
            out.append(0x0A); out.append(0x0A)
        }
        block = .none
    }

    private mutating func hardBreak() {
        while let last = out.last, last == 0x20 { out.removeLast() }
        if let last = out.last, last != 0x0A { out.append(0x0A) }
    }

    private mutating func line(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var s = start
        var indent = 0
        while s < end && (b[s] == 0x20 || b[s] == 0x09) { s += 1; indent += 1 }
        // Fenced code blocks.
        if s + 2 < end, (b[s] == 0x60 || b[s] == 0x7E), b[s + 1] == b[s], b[s + 2] == b[s] {
            if inFence {
                if b[s] == fenceByte { inFence = false }
            } else {
                inFence = true
                fenceByte = b[s]
                habits.codeBlocks += 1
                endParagraph()
            }
            return
        }
        if inFence { return }
        if s == end { endParagraph(); return }
        // Headings.
        if b[s] == 0x23 {
            var h = s
            while h < end && b[h] == 0x23 { h += 1 }
            if h - s <= 6 && (h == end || b[h] == 0x20) {
                habits.headings += 1
                endParagraph()
                return
            }
        }
        // Horizontal rules and setext underlines.
        if isRule(b, s, end) { endParagraph(); return }
        // Reference-style link definitions: `[x]: http://...`.
        if b[s] == 0x5B, let close = find(b, 0x5D, s + 1, end), close + 1 < end, b[close + 1] == 0x3A {
            return
        }
        // Table rows are data, not prose.
        if b[s] == 0x7C { endParagraph(); return }
        // Blockquote.
        if b[s] == 0x3E {
            s += 1
            if s < end && b[s] == 0x20 { s += 1 }
            if block != .quote { endParagraph(); habits.blockquotes += 1; block = .quote }
            inline(b, s, end)
            return
        }
        // List items.
        if let (content, numbered) = listMarker(b, s, end) {
            if numbered { habits.numberedItems += 1 } else { habits.bulletItems += 1 }
            if block != .list { endParagraph(); block = .list } else { hardBreak() }
            inline(b, content, end)
            return
        }
        if block == .none { block = .paragraph }
        inline(b, s, end)
        _ = indent
    }

    private func isRule(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> Bool {
        let c = b[s]
        guard c == 0x2D || c == 0x2A || c == 0x5F || c == 0x3D else { return false }
        var n = 0
        for i in s..<end {
            if b[i] == c { n += 1 } else if b[i] != 0x20 { return false }
        }
        return n >= 3
    }

    private func listMarker(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> (Int, Bool)? {
        let c = b[s]
        if (c == 0x2D || c == 0x2A || c == 0x2B), s + 1 < end, b[s + 1] == 0x20 { return (s + 2, false) }
        var d = s
        while d < end && b[d] >= 0x30 && b[d] <= 0x39 && d - s < 4 { d += 1 }
        if d > s, d + 1 < end, (b[d] == 0x2E || b[d] == 0x29), b[d + 1] == 0x20 { return (d + 2, true) }
        return nil
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8, _ from: Int, _ end: Int) -> Int? {
        var i = from
        while i < end { if b[i] == byte { return i }; i += 1 }
        return nil
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    /// Copies one line of inline Markdown, removing markup and counting what it was.
    private mutating func inline(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if let last = out.last, last != 0x0A, last != 0x20 { out.append(0x20) }
        var i = start
        while i < end {
            let c = b[i]
            switch c {
            case 0x21 where i + 1 < end && b[i + 1] == 0x5B: // ![alt](target)
                if let close = find(b, 0x5D, i + 2, end), close + 1 < end, b[close + 1] == 0x28,
                   let paren = find(b, 0x29, close + 2, end) {
                    habits.images += 1
                    i = paren + 1
                    continue
                }
                out.append(c)
            case 0x5B: // [text](target) or [text][ref]
                if let close = find(b, 0x5D, i + 1, end), close + 1 < end, b[close + 1] == 0x28 || b[close + 1] == 0x5B,
                   let after = find(b, b[close + 1] == 0x28 ? 0x29 : 0x5D, close + 2, end) {
                    habits.links += 1
                    inline(b, i + 1, close)
                    i = after + 1
                    continue
                }
                out.append(c)
            case 0x60: // inline code
                var n = i
                while n < end && b[n] == 0x60 { n += 1 }
                let ticks = n - i
                var j = n
                var found = -1
                while j < end {
                    if b[j] == 0x60 {
                        var k = j
                        while k < end && b[k] == 0x60 { k += 1 }
                        if k - j == ticks { found = k; break }
                        j = k
                    } else { j += 1 }
                }
                if found >= 0 { i = found; continue }
                i = n
                continue
            case 0x3C: // HTML tags and autolinks
                if i + 1 < end, let close = find(b, 0x3E, i + 1, end) {
                    let n = b[i + 1]
                    let isTag = (n >= 0x41 && n <= 0x5A) || (n >= 0x61 && n <= 0x7A) || n == 0x2F || n == 0x21
                    if isTag {
                        if close - i > 8, b[i + 1] == 0x68, b[i + 2] == 0x74, b[i + 3] == 0x74, b[i + 4] == 0x70 { habits.links += 1 }
                        i = close + 1
                        if let last = out.last, last != 0x20 { out.append(0x20) }
                        continue
                    }
                }
                out.append(c)
            case 0x2A, 0x5F: // ** __ bold, * _ italics
                var n = i
                while n < end && b[n] == c { n += 1 }
                let run = n - i
                let before: UInt8 = i > start ? b[i - 1] : 0x20
                let after: UInt8 = n < end ? b[n] : 0x20
                let opens = !MarkdownStripper.isWordByte(before) && MarkdownStripper.isWordByte(after)
                let closes = MarkdownStripper.isWordByte(before) && !MarkdownStripper.isWordByte(after)
                if c == 0x5F && !opens && !closes {
                    // snake_case and the like: keep as written.
                    for _ in 0..<run { out.append(c) }
                } else if opens || closes {
                    if opens {
                        if run >= 2 { habits.bold += 1 }
                        if run == 1 || run == 3 { habits.italics += 1 }
                    }
                } else if c == 0x2A, before == 0x20, after == 0x20 {
                    out.append(c)
                }
                i = n
                continue
            case 0x26: // a few HTML entities
                if let semi = find(b, 0x3B, i + 1, min(end, i + 8)) {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<semi]), as: UTF8.self)
                    if let rep = MarkdownStripper.entities[name] {
                        out.append(contentsOf: rep.utf8)
                        i = semi + 1
                        continue
                    }
                }
                out.append(c)
            case 0x5C: // backslash escape
                if i + 1 < end { out.append(b[i + 1]); i += 2; continue }
            case 0x09:
                out.append(0x20)
            default:
                // Copy the run of ordinary bytes up to the next byte that may start markup, in one go.
                var j = i + 1
                while j < end && !MarkdownStripper.isSpecial(b[j]) { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
                continue
            }
            i += 1
        }
    }

    /// Bytes that may start inline markup: ! [ ` < * _ & \ and tab. A bit mask rather than a `switch`, which
    /// compiles to an indirect jump per byte of prose.
    @inline(__always) private static func isSpecial(_ c: UInt8) -> Bool {
        // tab 0x09, ! 0x21, & 0x26, * 0x2A, < 0x3C | [ 0x5B, \ 0x5C, _ 0x5F, ` 0x60 (bit = byte - 64).
        let low: UInt64 = 1 << 0x09 | 1 << 0x21 | 1 << 0x26 | 1 << 0x2A | 1 << 0x3C
        let high: UInt64 = 1 << 27 | 1 << 28 | 1 << 31 | 1 << 32
        if c < 64 { return (low >> UInt64(c)) & 1 != 0 }
        if c < 128 { return (high >> UInt64(c - 64)) & 1 != 0 }
        return false
    }

    private static let entities: [String: String] = [
        "amp": "&", "nbsp": " ", "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}",
        "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "rsquo": "\u{2019}", "lsquo": "\u{2018}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}",
    ]
}
