/// Abbreviations that change how sentences are split.
enum Abbreviations {
    /// Titles written before a name, lowercased and without the dot: a period after them never ends a sentence.
    static let titles: Set<[UInt8]> = Set(
        ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "rev", "hon", "gen", "col", "capt", "lt", "sgt", "mt",
         "messrs", "mme", "mlle", "fig", "figs", "vol", "vols", "pp", "approx", "vs", "etc.", "ca", "dept",
         "govt", "inc.", "ltd.", "jan", "feb", "aug", "sept", "oct", "nov", "dec"]
            .filter { !$0.hasSuffix(".") }
            .map { Array($0.utf8) })
}
