import Foundation

/// A small SVG writer: every shape carries its colours as presentation attributes (no `style`, so a strict
/// Content-Security-Policy allows it and a saved file looks the same), every text is escaped.
struct SVGDrawing {
    let width: Double
    let height: Double
    let title: String
    let summary: String
    private var body = ""

    init(width: Double, height: Double, title: String, summary: String) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    /// Colour-blind-safe colours (Okabe and Ito); marks also differ in shape, so colour is never the only signal.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"]

    static func escape(_ text: String) -> String {
        var out = ""
        for c in visibleControls(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Control characters other than tab and line breaks shown as `\x1b`: an ANSI escape in a name or sample
    /// must not reach a page as itself, and XML (so a saved SVG) may not hold one at all.
    static func visibleControls(_ text: String) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || (0x7F...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                out.append(contentsOf: "\\x\(String(scalar.value, radix: 16).leftPadded(to: 2))".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let rounded = (v * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    mutating func raw(_ markup: String) { body += markup }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
                       tooltip: String? = nil) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        body += tooltip.map { "><title>\(Self.escape($0))</title></rect>" } ?? "/>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#666", width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
    }

    mutating func text(_ string: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       weight: String? = nil, fill: String = "#222") {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-family=\"system-ui, sans-serif\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(weight.map { " font-weight=\"\($0)\"" } ?? "")>\(Self.escape(string))</text>"
    }

    /// A mark of shape `shape` (0 circle, 1 square, 2 triangle, 3 diamond, cycling) centred on x, y.
    mutating func mark(shape: Int, x: Double, y: Double, radius r: Double, fill: String, stroke: String = "#fff", tooltip: String? = nil) {
        let open: String
        switch shape % 4 {
        case 0: open = "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(r))\""
        case 1: open = "<rect x=\"\(Self.number(x - r))\" y=\"\(Self.number(y - r))\" width=\"\(Self.number(2 * r))\" height=\"\(Self.number(2 * r))\""
        case 2: open = "<polygon points=\"\(Self.number(x)),\(Self.number(y - r * 1.2)) \(Self.number(x + r * 1.1)),\(Self.number(y + r * 0.8)) \(Self.number(x - r * 1.1)),\(Self.number(y + r * 0.8))\""
        default: open = "<polygon points=\"\(Self.number(x)),\(Self.number(y - r * 1.3)) \(Self.number(x + r * 1.3)),\(Self.number(y)) \(Self.number(x)),\(Self.number(y + r * 1.3)) \(Self.number(x - r * 1.3)),\(Self.number(y))\""
        }
        body += open + " fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\""
        body += tooltip.map { "><title>\(Self.escape($0))</title>" + (shape % 4 == 0 ? "</circle>" : shape % 4 == 1 ? "</rect>" : "</polygon>") } ?? "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>"
    }

    /// The finished picture: scales to its container (the page's CSS) and keeps its own size when saved alone.
    func render(id: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\">"
            + "<title id=\"\(id)-title\">\(Self.escape(title))</title><desc id=\"\(id)-desc\">\(Self.escape(summary))</desc>"
            + "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#fff\"/>"
            + body + "</svg>"
    }
}
