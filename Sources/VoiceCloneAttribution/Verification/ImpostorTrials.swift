/// The General Impostors test (Koppel & Winter 2014; Seidman 2013) over dense voice profiles: in each of
/// `iterations` trials a random half of the features is drawn, and the trial counts if the text is more similar
/// to the candidate voice than to every impostor. The score is the fraction of trials won. One margin on one
/// feature set is brittle (a few topic words can decide it); a vote over many random halves only stays high when
/// the candidate wins on most of the text's features, which is what separates a writer from a look-alike.
///
/// Two similarities are run side by side, both over rates scaled by their spread across chunks (so common
/// character n-grams do not drown rare words): cosine of the z-scores (Cosine Delta, Smith & Aldridge 2011)
/// and min-max (Ruzicka) of the uncentred scaled rates, which the GI papers found the stronger of the two.
///
/// Speed: the features are dealt once into `groupCount` random groups; a trial draws half of the groups, so
/// each trial adds up per-group sums (computed once per text and profile) instead of visiting every feature.
/// Seeded, so the same vault gives the same trials.
struct ImpostorTrials: Sendable {
    static let iterations = 100
    static let groupCount = 32

    /// The feature indices of each group.
    let groups: [[Int]]
    /// For each trial, the groups it uses (half of them).
    let trials: [[Int]]

    init(dimension: Int, seed: UInt64 = 0x61_6d70) {
        var random = SeededRandom(seed: seed)
        var order = Array(0..<dimension)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let count = max(1, min(ImpostorTrials.groupCount, dimension))
        var groups = [[Int]](repeating: [], count: count)
        for (k, j) in order.enumerated() { groups[k % count].append(j) }
        self.groups = groups
        var trials: [[Int]] = []
        for _ in 0..<ImpostorTrials.iterations {
            var pick = Array(0..<count)
            for i in stride(from: pick.count - 1, to: 0, by: -1) { pick.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            trials.append(Array(pick.prefix(max(1, count / 2))).sorted())
        }
        self.trials = trials
    }

    /// Per-group sums for one text against one profile.
    struct Sums {
        var dot: [Double], textSquares: [Double], profileSquares: [Double], minimum: [Double], maximum: [Double]
    }

    func sums(zText: [Float], zProfile: [Float], scaledText: [Float], scaledProfile: [Float]) -> Sums {
        var s = Sums(dot: .init(repeating: 0, count: groups.count), textSquares: .init(repeating: 0, count: groups.count),
                     profileSquares: .init(repeating: 0, count: groups.count), minimum: .init(repeating: 0, count: groups.count),
                     maximum: .init(repeating: 0, count: groups.count))
        for (g, members) in groups.enumerated() {
            var dot: Float = 0, tt: Float = 0, pp: Float = 0, lo: Float = 0, hi: Float = 0
            for j in members {
                let a = zText[j], b = zProfile[j]
                dot += a * b; tt += a * a; pp += b * b
                let x = scaledText[j], y = scaledProfile[j]
                lo += min(x, y); hi += max(x, y)
            }
            s.dot[g] = Double(dot); s.textSquares[g] = Double(tt); s.profileSquares[g] = Double(pp)
            s.minimum[g] = Double(lo); s.maximum[g] = Double(hi)
        }
        return s
    }

    /// The fractions of trials (cosine, min-max) in which `candidate` is more similar than every impostor.
    func scores(candidate: Sums, impostors: [Sums]) -> (cosine: Double, minMax: Double) {
        guard !impostors.isEmpty else { return (1, 1) }
        var cosineWins = 0, minMaxWins = 0
        func similarity(_ s: Sums, _ trial: [Int]) -> (Double, Double) {
            var dot = 0.0, tt = 0.0, pp = 0.0, lo = 0.0, hi = 0.0
            for g in trial { dot += s.dot[g]; tt += s.textSquares[g]; pp += s.profileSquares[g]; lo += s.minimum[g]; hi += s.maximum[g] }
            return (tt > 0 && pp > 0 ? dot / (tt * pp).squareRoot() : 0, hi > 0 ? lo / hi : 0)
        }
        for trial in trials {
            let (c, m) = similarity(candidate, trial)
            var bestCosine = -Double.infinity, bestMinMax = -Double.infinity
            for impostor in impostors {
                let (ic, im) = similarity(impostor, trial)
                bestCosine = max(bestCosine, ic); bestMinMax = max(bestMinMax, im)
            }
            if c > bestCosine { cosineWins += 1 }
            if m > bestMinMax { minMaxWins += 1 }
        }
        return (Double(cosineWins) / Double(trials.count), Double(minMaxWins) / Double(trials.count))
    }
}
