/// Converts UTF-8 byte offsets into Unicode scalar offsets (what Python and JavaScript string indexing mostly use).
struct ScalarOffsets {
    private var prefix: [Int] = [0]

    init(_ text: String) {
        var count = 0
        for b in text.utf8 {
            // Every byte that is not a continuation byte starts a scalar.
            if b & 0xC0 != 0x80 { count += 1 }
            prefix.append(count)
        }
    }

    func scalarOffset(ofByte byte: Int) -> Int {
        // The scalar index at a byte boundary is the number of scalars starting before it.
        byte < prefix.count ? prefix[byte] : prefix.last ?? 0
    }
}
