/// Abbreviations that change how sentences are split (lowercased, without the final dot).
enum Abbreviations {
    /// Written before a name or number: a period after them never ends a sentence ("Dr. Smith", "Fig. 3").
    static let titles: Set<[UInt8]> = Set(
        ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "rev", "hon", "gen", "col", "capt", "lt", "sgt", "mt",
         "messrs", "mme", "mlle"].map { Array($0.utf8) })

    /// Written before a number ("No. 10", "Fig. 3", "pp. 12-14"): a period after them ends a sentence only when no
    /// number follows, because "no", "ch" and "sec" are also words that end sentences ("No. I won't.").
    static let beforeNumbers: Set<[UInt8]> = Set(
        ["no", "nos", "fig", "figs", "vol", "vols", "pp", "ch", "sec", "art", "para"].map { Array($0.utf8) })

    /// Other abbreviations: a period after them ends a sentence only when the next word is not lowercase
    /// ("etc. and so on" is one sentence; "etc. Then" is two).
    static let others: Set<[UInt8]> = Set(
        ["etc", "vs", "approx", "ca", "dept", "est", "govt", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
         "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
         "min", "max", "misc", "ed", "eds", "al", "ibid", "viz", "resp", "univ", "assn", "bros", "ave", "rd", "blvd"]
            .map { Array($0.utf8) })
}
