import Foundation

extension DetectionModel {
    /// The full score of a text: signals and style evidence, each judged against the writer when a baseline is
    /// given. Unlike `score(_:words:)` nothing is shrunk by length: the combined model is fitted on texts of every
    /// length, and a short text gets a wide band and no verdict instead (see `Detector.detect`).
    public func judge(inputs: [DetectionSignalKind: Double], style features: StyleFeatures?, writerStyle: StyleFeatures? = nil)
        -> (score: Int, logit: Double, styleGroups: [String: Double]) {
        var z = intercept
        for kind in DetectionSignalKind.allCases { z += (weights[kind] ?? 0) * (inputs[kind] ?? 0) }
        var groups: [String: Double] = [:]
        if let style {
            let judged = style.judgedLogit(features.map(style.filled) ?? style.humanMeans, writer: writerStyle.map(style.filled))
            z += judged.logit
            groups = judged.groups
        }
        return (Self.percent(z), z, groups)
    }

    public static func percent(_ logit: Double) -> Int {
        Int((100 / (1 + exp(-logit))).rounded())
    }

    /// The share of human calibration texts of about this length that score at or above `logit`, or nil when the
    /// model carries no calibration for that length.
    public func humanShare(atOrAbove logit: Double, words: Int) -> Double? {
        guard let tail = humanTails.last(where: { $0.minimumWords <= words }), !tail.points.isEmpty else { return nil }
        return tail.share(atOrAbove: logit)
    }

    mutating func parseStyleLine(_ f: [String], line: String) throws {
        if f[0] == "style" {
            guard f.count >= 6, let i = StyleFeatures.index[f[1]], let w = Double(f[2]), let m = Double(f[3]),
                  let s = Double(f[4]), let h = Double(f[5]) else { throw DetectionError.invalidModel(line: line) }
            let n = StyleFeatures.names.count
            var weights = style ?? StyleWeights(weights: .init(repeating: 0, count: n), means: .init(repeating: 0, count: n),
                                                scales: .init(repeating: 1, count: n), humanMeans: .init(repeating: 0, count: n))
            weights.weights[i] = w
            weights.means[i] = m
            weights.scales[i] = s
            weights.humanMeans[i] = h
            style = weights
        } else {
            guard f.count >= 3, let minimum = Int(f[1]) else { throw DetectionError.invalidModel(line: line) }
            var points: [(share: Double, logit: Double)] = []
            for pair in f[2].split(separator: ",") {
                let parts = pair.split(separator: ":")
                guard parts.count == 2, let share = Double(parts[0]), let logit = Double(parts[1]) else {
                    throw DetectionError.invalidModel(line: line)
                }
                points.append((share, logit))
            }
            humanTails.append(HumanScoreTail(minimumWords: minimum, points: points))
            humanTails.sort { $0.minimumWords < $1.minimumWords }
        }
    }

    func serializedStyle() -> String {
        var out = ""
        if let style {
            out += "# style<TAB>feature<TAB>weight (on the standardised value)<TAB>mean<TAB>scale<TAB>human mean\n"
            for (i, name) in StyleFeatures.names.enumerated() {
                out += "style\t\(name)\t" + [style.weights[i], style.means[i], style.scales[i], style.humanMeans[i]]
                    .map { String(format: "%.6f", $0) }.joined(separator: "\t") + "\n"
            }
        }
        if !humanTails.isEmpty {
            out += "# human_tail<TAB>minimum words<TAB>share:logit, ... (share of human calibration texts scoring at or above the logit)\n"
            for tail in humanTails {
                out += "human_tail\t\(tail.minimumWords)\t"
                    + tail.points.map { String(format: "%g:%.4f", $0.share, $0.logit) }.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
