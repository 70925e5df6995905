/// One line of text on a PDF page with its position (points, y growing downwards), when poppler gave one.
struct PDFLine: Sendable {
    var text: String
    var x: Double?
    var top: Double?
    var bottom: Double?

    init(text: String, x: Double? = nil, top: Double? = nil, bottom: Double? = nil) {
        self.text = text
        self.x = x
        self.top = top
        self.bottom = bottom
    }
}
