import Foundation

/// Word-order evidence: how much more likely each word's class is given the word before it than on its own,
/// under transition counts of general English plus the writer's own. Words are mapped to the most common
/// words (function words, mostly) and one class for every other word, so the model is small, topic-free
/// and sees exactly what shuffling destroys ("of the", "it was", "to be", "I think that").
///
/// `fluency` is the mean pointwise mutual information of neighbouring classes, in nats: clearly positive
/// for prose anyone wrote, near zero or below for words in an order no writer would use.
struct WordOrderModel: Sendable {
    let classes: [UInt64: Int]
    let classCount: Int
    /// Row-major (previous, next) counts: the background's plus the writer's.
    let transitions: [Double]
    let rowTotals: [Double]
    let columnTotals: [Double]
    let total: Double
    /// log P(next | previous) − log P(next) for every pair of classes, row-major: what `fluency` averages.
    let scores: [Double]

    init(commonWords: [UInt64], transitions: [Double]?) {
        var classes: [UInt64: Int] = [:]
        for (i, word) in commonWords.enumerated() { classes[word] = i }
        let count = commonWords.count + 1
        self.init(classes: classes, classCount: count,
                  transitions: transitions ?? [Double](repeating: 0, count: count * count))
    }

    func wordClass(_ hash: UInt64) -> Int { classes[hash] ?? classCount - 1 }

    func addTransitions(of words: [UInt64], to counts: inout [Double], weight: Double = 1) {
        guard words.count > 1 else { return }
        var previous = wordClass(words[0])
        for word in words.dropFirst() {
            let next = wordClass(word)
            counts[previous * classCount + next] += weight
            previous = next
        }
    }

    /// The same model with `words`' transitions added (the writer's own habits on top of general English).
    func adding(_ sequences: [[UInt64]], weight: Double) -> WordOrderModel {
        var counts = transitions
        for words in sequences { addTransitions(of: words, to: &counts, weight: weight) }
        return WordOrderModel(classes: classes, classCount: classCount, transitions: counts)
    }

    private init(classes: [UInt64: Int], classCount: Int, transitions: [Double]) {
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions
        var rows = [Double](repeating: 0, count: classCount), columns = rows
        for a in 0..<classCount {
            for b in 0..<classCount {
                rows[a] += transitions[a * classCount + b]
                columns[b] += transitions[a * classCount + b]
            }
        }
        self.rowTotals = rows
        self.columnTotals = columns
        let total = rows.reduce(0, +)
        self.total = total
        // The same smoothed ratio `fluency(_:)` computes word by word, once per pair of classes.
        var scores = [Double](repeating: 0, count: classCount * classCount)
        if total > 0 {
            let smoothing = 2.0
            for next in 0..<classCount {
                let marginal = (columns[next] + 0.5) / (total + 0.5 * Double(classCount))
                for previous in 0..<classCount {
                    let conditional = (transitions[previous * classCount + next] + smoothing * marginal) / (rows[previous] + smoothing)
                    scores[previous * classCount + next] = log(conditional) - log(marginal)
                }
            }
        }
        self.scores = scores
    }

    /// The word classes of `words` (the same for every model built from one background), so a text scored
    /// against many voices looks its words up once.
    func classSequence(_ words: [UInt64]) -> [Int32] { words.map { Int32(wordClass($0)) } }

    /// `fluency` over a class sequence from `classSequence` (table lookups: a text is scored against every voice).
    func fluency(classes: [Int32]) -> Double {
        guard classes.count > 1, total > 0 else { return 0 }
        var sum = 0.0
        scores.withUnsafeBufferPointer { table in
            classes.withUnsafeBufferPointer { c in
                var previous = Int(c[0])
                for k in 1..<c.count {
                    let next = Int(c[k])
                    sum += table[previous * classCount + next]
                    previous = next
                }
            }
        }
        return sum / Double(classes.count - 1)
    }

    /// Mean log P(next | previous) − log P(next) over neighbouring words, smoothed towards P(next).
    func fluency(_ words: [UInt64]) -> Double { fluency(classes: classSequence(words)) }
}
