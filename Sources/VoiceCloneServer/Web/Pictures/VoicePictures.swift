import Foundation
import VoiceCloneAnalysis
import VoiceCloneKit

/// The pictures of a voice, drawn from Kit's figures. Each says in words (title, description, labels) what it shows.
enum VoicePictures {
    /// Bars for the voice's sentence lengths beside bars for typical English, per length band.
    static func sentenceHistogram(voice: String, bins: [LengthBin], meanLength: Double) -> String {
        let typical = SentenceLengthReference.shares(for: bins)
        let width = 640.0, height = 300.0, left = 48.0, right = 12.0, top = 44.0, bottom = 46.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let top95 = max(0.05, (bins.map(\.share) + typical).max() ?? 0.05)
        let scale = (top95 * 10).rounded(.up) / 10
        let summary = "Share of \(voice)'s sentences in each length band, beside typical English. Average \(SVGDrawing.number(meanLength)) words per sentence; typical English about \(SVGDrawing.number(SentenceLengthReference.typicalMean))."
        var svg = SVGDrawing(width: width, height: height, title: "Sentence lengths: \(voice) against typical English", summary: summary)
        let voiceColour = SVGDrawing.palette[0], typicalColour = "#BBBBBB"
        svg.rect(x: left, y: 10, width: 14, height: 14, fill: voiceColour)
        svg.text(voice, x: left + 20, y: 22)
        svg.rect(x: left + 200, y: 10, width: 14, height: 14, fill: typicalColour, stroke: "#555")
        svg.text("typical English", x: left + 220, y: 22)
        for step in 0...4 {
            let value = scale * Double(step) / 4, y = top + plotHeight * (1 - value / scale)
            svg.line(left, y, left + plotWidth, y, stroke: "#e3e3e3")
            svg.text("\(Int((value * 100).rounded()))%", x: left - 6, y: y + 4, anchor: "end", size: 11, fill: "#555")
        }
        let band = plotWidth / Double(max(1, bins.count)), barWidth = band * 0.38
        for (i, bin) in bins.enumerated() {
            let x = left + band * Double(i)
            let label = bin.to.map { "\(bin.from)–\($0)" } ?? "\(bin.from)+"
            let own = plotHeight * bin.share / scale, reference = plotHeight * typical[i] / scale
            svg.rect(x: x + band * 0.1, y: top + plotHeight - own, width: barWidth, height: own, fill: voiceColour,
                     tooltip: "\(voice): \(Int((bin.share * 100).rounded()))% of sentences are \(label) words")
            svg.rect(x: x + band * 0.1 + barWidth, y: top + plotHeight - reference, width: barWidth, height: reference,
                     fill: typicalColour, stroke: "#555", tooltip: "typical English: \(Int((typical[i] * 100).rounded()))%")
            svg.text(label, x: x + band / 2, y: top + plotHeight + 16, anchor: "middle", size: 11)
        }
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, stroke: "#333")
        svg.text("words per sentence", x: left + plotWidth / 2, y: height - 8, anchor: "middle", size: 12, fill: "#444")
        return svg.render(id: "sentence-lengths")
    }

    /// One row per punctuation or formatting habit: this voice's rate, typical English's and each other voice's.
    static func habits(voice: String, habits: [HabitComparison]) -> String {
        let rowHeight = 30.0, top = 56.0, left = 150.0, right = 150.0, width = 640.0
        let height = top + rowHeight * Double(habits.count) + 16
        let summary = "How often \(voice) uses each punctuation mark and formatting device, beside typical English and the other voices."
        var svg = SVGDrawing(width: width, height: height, title: "Punctuation and formatting habits of \(voice)", summary: summary)
        svg.mark(shape: 0, x: 16, y: 16, radius: 6, fill: SVGDrawing.palette[0])
        svg.text(voice, x: 28, y: 20)
        svg.line(200, 8, 200, 24, stroke: "#000", width: 2)
        svg.text("typical English", x: 208, y: 20)
        svg.mark(shape: 1, x: 336, y: 16, radius: 4, fill: "#999999")
        svg.text("other voices", x: 346, y: 20)
        svg.text("each row has its own scale, from none to the largest use shown", x: 16, y: 42, size: 11, fill: "#555")
        let plotWidth = width - left - right
        for (i, habit) in habits.enumerated() {
            let y = top + rowHeight * Double(i) + rowHeight / 2
            let largest = max(habit.value, habit.typical, habit.others.map(\.value).max() ?? 0)
            let scale = largest > 0 ? largest * 1.1 : 1
            func x(_ v: Double) -> Double { left + plotWidth * v / scale }
            svg.text(habit.label, x: left - 10, y: y + 4, anchor: "end")
            svg.line(left, y, left + plotWidth, y, stroke: "#d6d6d6")
            svg.line(x(habit.typical), y - 9, x(habit.typical), y + 9, stroke: "#000", width: 2)
            for other in habit.others {
                svg.mark(shape: 1, x: x(other.value), y: y, radius: 4, fill: "#999999",
                         tooltip: "\(other.clone): \(SVGDrawing.number(other.value))")
            }
            svg.mark(shape: 0, x: x(habit.value), y: y, radius: 7, fill: SVGDrawing.palette[0],
                     tooltip: "\(voice): \(habit.formatted); typical \(habit.formattedTypical)")
            svg.text(habit.formatted, x: left + plotWidth + 8, y: y + 4, size: 11)
        }
        return svg.render(id: "habits")
    }

    /// Voices and samples on the first two principal components of their word frequencies.
    static func map(_ map: VoiceMap, highlight: String?) -> String {
        let width = 640.0, height = 420.0, margin = 40.0, legendHeight = 24.0
        var voices: [String] = []
        for point in map.points where !voices.contains(point.clone) { voices.append(point.clone) }
        let summary = "\(voices.count) voices and \(map.points.filter { $0.sample != nil }.count) samples placed by how they use the \(map.features.count) most frequent words; samples close together are written alike."
        var svg = SVGDrawing(width: width, height: height, title: "Map of the voices and their samples", summary: summary)
        let xs = map.points.map(\.x), ys = map.points.map(\.y)
        let minX = xs.min() ?? -1, maxX = xs.max() ?? 1, minY = ys.min() ?? -1, maxY = ys.max() ?? 1
        let spanX = max(1e-9, maxX - minX), spanY = max(1e-9, maxY - minY)
        let plotTop = margin + legendHeight, plotHeight = height - plotTop - margin, plotWidth = width - 2 * margin
        func px(_ v: Double) -> Double { margin + plotWidth * (v - minX) / spanX }
        func py(_ v: Double) -> Double { plotTop + plotHeight * (1 - (v - minY) / spanY) }
        svg.rect(x: margin, y: plotTop, width: plotWidth, height: plotHeight, fill: "#fafafa", stroke: "#ccc")
        var legendX = margin
        for (i, voice) in voices.enumerated() {
            let colour = SVGDrawing.palette[i % SVGDrawing.palette.count]
            svg.mark(shape: i, x: legendX + 6, y: 20, radius: 5, fill: colour)
            svg.text(voice, x: legendX + 16, y: 24, weight: voice == highlight ? "bold" : nil)
            legendX += 30 + Double(voice.count) * 7
        }
        for point in map.points where point.sample != nil {
            let i = voices.firstIndex(of: point.clone) ?? 0
            svg.mark(shape: i, x: px(point.x), y: py(point.y), radius: point.clone == highlight ? 5 : 4,
                     fill: SVGDrawing.palette[i % SVGDrawing.palette.count], tooltip: "\(point.clone): \(point.title)")
        }
        for point in map.points where point.sample == nil {
            let i = voices.firstIndex(of: point.clone) ?? 0
            let x = px(point.x), y = py(point.y)
            svg.mark(shape: i, x: x, y: y, radius: 9, fill: SVGDrawing.palette[i % SVGDrawing.palette.count], stroke: "#000",
                     tooltip: "\(point.clone) (the middle of its samples)")
            svg.text(point.clone, x: min(max(x, margin + 40), width - margin - 40), y: y - 14, anchor: "middle",
                     weight: "bold")
        }
        let explained = map.explained.map { Int(($0 * 100).rounded()) }
        svg.text("component 1 (\(explained.first ?? 0)% of the differences)", x: width / 2, y: height - 12, anchor: "middle", size: 11, fill: "#444")
        svg.text("component 2 (\(explained.dropFirst().first ?? 0)%)", x: 12, y: plotTop - 6, size: 11, fill: "#444")
        return svg.render(id: "voice-map")
    }

    /// The voices as a dendrogram: names down the left, each join drawn where its distance falls on the axis, so
    /// voices joined near the left write alike. The names are text, so the tree reads without its colours.
    static func tree(_ tree: VoiceTree, highlight: String?) -> String {
        // Narrower than the other pictures: a phone shrinks it less, so the names stay readable at 360 px.
        let rowHeight = 32.0, top = 20.0, labelWidth = 170.0, right = 420.0, axisHeight = 56.0
        let height = top + rowHeight * Double(tree.voices.count) + axisHeight, width = 440.0
        let n = tree.voices.count
        let closest = tree.joins.first.map { "\(name(of: $0.left, in: tree)) and \(name(of: $0.right, in: tree)) write most alike" } ?? "no joins"
        var svg = SVGDrawing(width: width, height: height, title: "How the voices group",
                             summary: "\(n) voices joined two groups at a time, closest first, by how they use the \(tree.features.count) most frequent words; \(closest).")
        let maxDistance = max(1e-9, tree.joins.map(\.distance).max() ?? 1)
        func x(_ distance: Double) -> Double { labelWidth + (right - labelWidth) * distance / maxDistance }
        var nodeX: [Int: Double] = [:], nodeY: [Int: Double] = [:]
        for (i, voice) in tree.voices.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            nodeX[i] = labelWidth
            nodeY[i] = y
            svg.mark(shape: i, x: labelWidth - 10, y: y, radius: 5, fill: SVGDrawing.palette[i % SVGDrawing.palette.count])
            // A long name is shortened to fit left of the tree; the cards above show it whole.
            let label = voice.count > 20 ? String(voice.prefix(19)) + "…" : voice
            svg.text(label, x: labelWidth - 20, y: y + 5, anchor: "end", size: 14, weight: voice == highlight ? "bold" : nil)
        }
        for (k, join) in tree.joins.enumerated() {
            let node = n + k, at = x(join.distance)
            guard let leftX = nodeX[join.left], let leftY = nodeY[join.left], let rightX = nodeX[join.right], let rightY = nodeY[join.right] else { continue }
            svg.line(leftX, leftY, at, leftY, stroke: "#444", width: 2)
            svg.line(rightX, rightY, at, rightY, stroke: "#444", width: 2)
            svg.rect(x: at - 1.5, y: min(leftY, rightY), width: 3, height: abs(rightY - leftY), fill: "#444",
                     tooltip: "\(name(of: join.left, in: tree)) and \(name(of: join.right, in: tree)): \(String(format: "%.2f", join.distance)) apart")
            nodeX[node] = at
            nodeY[node] = (leftY + rightY) / 2
        }
        let axisY = top + rowHeight * Double(n) + 8
        svg.line(labelWidth, axisY, right, axisY, stroke: "#666")
        for fraction in [0.0, 0.5, 1.0] {
            let tick = labelWidth + (right - labelWidth) * fraction
            svg.line(tick, axisY, tick, axisY + 5, stroke: "#666")
            svg.text(String(format: "%.2f", maxDistance * fraction), x: tick, y: axisY + 18, anchor: fraction == 1 ? "end" : fraction == 0 ? "start" : "middle", size: 11, fill: "#444")
        }
        svg.text("Delta (mean difference in word use) → less alike", x: right, y: axisY + 38, anchor: "end", size: 12, fill: "#444")
        return svg.render(id: "voice-tree")
    }

    /// The tree's joins as table rows, closest first, with the numbers the picture draws: join k makes group k, and
    /// a later join names that group by its number (with its voices when there are at most three), so the rows read
    /// without the picture and stay short with 50 voices.
    static func treeJoins(_ tree: VoiceTree) -> [[String: Any]] {
        let n = tree.voices.count
        func size(_ node: Int) -> Int {
            node < n ? 1 : size(tree.joins[node - n].left) + size(tree.joins[node - n].right)
        }
        func label(_ node: Int) -> String {
            if node < n { return tree.voices[node] }
            let count = size(node)
            return "group \(node - n + 1) (" + (count <= 3 ? name(of: node, in: tree) : "\(count) voices") + ")"
        }
        return tree.joins.enumerated().map { k, join in
            ["group": k + 1, "left": label(join.left), "right": label(join.right),
             "size": size(join.left) + size(join.right), "distance": String(format: "%.2f", join.distance)]
        }
    }

    /// A join's members as words: "Ann" or "Ann, Bob and Cy".
    static func name(of node: Int, in tree: VoiceTree) -> String {
        var members: [String] = []
        func collect(_ node: Int) {
            if node < tree.voices.count { members.append(tree.voices[node]); return }
            let join = tree.joins[node - tree.voices.count]
            collect(join.left)
            collect(join.right)
        }
        collect(node)
        return members.count == 1 ? members[0] : members.dropLast().joined(separator: ", ") + " and " + members[members.count - 1]
    }

    /// A voice's avatar: its initials in a circle whose colour comes from the slug (FNV-1a), so it is the same on
    /// every page and machine. Decorative: the card shows the name as text beside it.
    static func avatar(name: String, slug: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in slug.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let index = Int(hash % UInt64(SVGDrawing.palette.count))
        // White on the darker colours, near-black on the lighter ones, for contrast either way.
        let ink = [0, 1, 2, 6].contains(index) ? "#fff" : "#111"
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" })
        let initials = words.prefix(2).compactMap { $0.first.map { String($0).uppercased() } }.joined()
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"avatar\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 40 40\" width=\"40\" height=\"40\">"
            + "<circle cx=\"20\" cy=\"20\" r=\"20\" fill=\"\(SVGDrawing.palette[index])\"/>"
            + "<text x=\"20\" y=\"25.5\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" font-size=\"15\" font-weight=\"700\" fill=\"\(ink)\">"
            + SVGDrawing.escape(SVGDrawing.visibleControls(initials)) + "</text></svg>"
    }

    /// Confidence over the DNA revisions, oldest left.
    static func timeline(voice: String, entries: [DNATimelineEntry]) -> String {
        let width = 640.0, height = 220.0, left = 48.0, right = 24.0, top = 30.0, bottom = 50.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let summary = "Confidence of each of \(voice)'s \(entries.count) DNA revisions, from 0 to 100."
        var svg = SVGDrawing(width: width, height: height, title: "DNA history of \(voice)", summary: summary)
        for value in stride(from: 0, through: 100, by: 25) {
            let y = top + plotHeight * (1 - Double(value) / 100)
            svg.line(left, y, left + plotWidth, y, stroke: "#e3e3e3")
            svg.text("\(value)", x: left - 6, y: y + 4, anchor: "end", size: 11, fill: "#555")
        }
        let step = entries.count > 1 ? plotWidth / Double(entries.count - 1) : 0
        func x(_ i: Int) -> Double { entries.count > 1 ? left + step * Double(i) : left + plotWidth / 2 }
        func y(_ c: Int) -> Double { top + plotHeight * (1 - Double(c) / 100) }
        if entries.count > 1 {
            svg.polyline(entries.enumerated().map { (x($0.offset), y($0.element.revision.confidence)) }, stroke: SVGDrawing.palette[0])
        }
        let labelEvery = max(1, entries.count / 8)
        let formatter = DateFormatter()
        formatter.dateFormat = "d MMM"
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for (i, entry) in entries.enumerated() {
            let revision = entry.revision
            let tip = "v\(revision.version): confidence \(revision.confidence), \(revision.samples) samples, \(revision.words) words"
                + (entry.largestChanges.isEmpty ? "" : "; " + entry.largestChanges.joined(separator: "; "))
            svg.mark(shape: 0, x: x(i), y: y(revision.confidence), radius: 6, fill: SVGDrawing.palette[0], tooltip: tip)
            if i % labelEvery == 0 || i == entries.count - 1 {
                svg.text("\(revision.confidence)", x: x(i), y: y(revision.confidence) - 10, anchor: "middle", size: 11, weight: "bold")
                svg.text("v\(revision.version)", x: x(i), y: top + plotHeight + 16, anchor: "middle", size: 11)
                if let date = revision.date {
                    svg.text(formatter.string(from: date), x: x(i), y: top + plotHeight + 30, anchor: "middle", size: 10, fill: "#555")
                }
            }
        }
        svg.text("confidence", x: 4, y: 16, size: 11, fill: "#444")
        return svg.render(id: "dna-timeline")
    }

    /// A few headline traits across the DNA revisions, one row each on its own scale (their units differ), oldest
    /// left. Every point says its value in a `<title>`; the page also prints the same numbers as a table.
    static func featureTimeline(voice: String, series: [DNAFeatureSeries]) -> String {
        let versions = Array(Set(series.flatMap { $0.points.map(\.version) })).sorted()
        let width = 640.0, left = 170.0, right = 70.0, top = 30.0, rowHeight = 64.0, bottom = 28.0
        let height = top + rowHeight * Double(max(1, series.count)) + bottom
        let plotWidth = width - left - right
        let summary = "How \(series.map(\.label).joined(separator: ", ")) moved over \(voice)'s \(versions.count) DNA revisions; each row has its own scale."
        var svg = SVGDrawing(width: width, height: height, title: "Headline features of \(voice) across revisions", summary: summary)
        func x(_ version: Int) -> Double {
            guard versions.count > 1, let i = versions.firstIndex(of: version) else { return left + plotWidth / 2 }
            return left + plotWidth * Double(i) / Double(versions.count - 1)
        }
        svg.text("each row has its own scale, from its lowest to its highest value", x: 16, y: 18, size: 11, fill: "#555")
        for (row, line) in series.enumerated() {
            let rowTop = top + rowHeight * Double(row), inner = rowHeight - 24
            let values = line.points.map(\.value)
            let low = values.min() ?? 0, high = values.max() ?? 1, span = high - low
            func y(_ v: Double) -> Double { span > 1e-9 ? rowTop + 12 + inner * (1 - (v - low) / span) : rowTop + 12 + inner / 2 }
            let colour = SVGDrawing.palette[row % SVGDrawing.palette.count]
            svg.line(left, rowTop + rowHeight - 6, left + plotWidth, rowTop + rowHeight - 6, stroke: "#e3e3e3")
            svg.text(line.label, x: left - 12, y: rowTop + rowHeight / 2 + 4, anchor: "end")
            if line.points.count > 1 {
                svg.polyline(line.points.map { (x($0.version), y($0.value)) }, stroke: colour)
            }
            for point in line.points {
                svg.mark(shape: row, x: x(point.version), y: y(point.value), radius: 5, fill: colour,
                         tooltip: "\(line.label), v\(point.version): \(point.formatted)")
            }
            if let last = line.points.last {
                svg.text(last.formatted, x: left + plotWidth + 10, y: y(last.value) + 4, size: 11)
            }
        }
        let labelEvery = max(1, versions.count / 8)
        for (i, version) in versions.enumerated() where i % labelEvery == 0 || i == versions.count - 1 {
            svg.text("v\(version)", x: x(version), y: height - 10, anchor: "middle", size: 11)
        }
        return svg.render(id: "dna-features")
    }
}
