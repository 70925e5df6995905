/// The traits Voice Clone describes writers by, with rough figures for typical edited English.
///
/// The typical values are deliberately round: they anchor plain-language comparisons ("short sentences:
/// 11 words on average, typical 18"), they are not a statistical model. Sources: the Brown and BNC corpus
/// summaries for sentence and word length and punctuation rates, Flesch (1948) for reading ease.
public enum TraitCatalog {
    public static let all: [Trait] = [
        Trait("sentences.mean_length", "sentence length", unit: "words", typical: 18, spread: 4.5,
              above: "long sentences", below: "short sentences") { $0.sentences.count > 0 ? $0.sentences.meanLength : nil },
        Trait("sentences.standard_deviation", "variation in sentence length", unit: "words", typical: 9, spread: 3,
              above: "sentence lengths that swing widely", below: "even sentence lengths") { $0.sentences.count > 1 ? $0.sentences.standardDeviation : nil },
        Trait("sentences.question_share", "questions", unit: "", typical: 0.05, spread: 0.05,
              above: "many questions", below: "few questions", share: true) { $0.sentences.count > 0 ? $0.sentences.questionShare : nil },
        Trait("sentences.exclamation_share", "exclamations", unit: "", typical: 0.01, spread: 0.03,
              above: "many exclamations", below: "no exclamations", share: true) { $0.sentences.count > 0 ? $0.sentences.exclamationShare : nil },
        Trait("paragraphs.mean_sentences", "paragraph length", unit: "sentences", typical: 3.5, spread: 1.5,
              above: "long paragraphs", below: "short paragraphs") { $0.paragraphs.count > 0 ? $0.paragraphs.meanSentences : nil },
        Trait("paragraphs.single_sentence_share", "one-sentence paragraphs", unit: "", typical: 0.2, spread: 0.15,
              above: "many one-line paragraphs", below: "few one-line paragraphs", share: true) { $0.paragraphs.count > 0 ? $0.paragraphs.singleSentenceShare : nil },
        Trait("lexical.mean_word_length", "word length", unit: "letters", typical: 4.6, spread: 0.35,
              above: "long words", below: "short, plain words") { $0.words > 0 ? $0.lexical.meanWordLength : nil },
        Trait("lexical.mattr", "vocabulary variety (MATTR)", unit: "", typical: 0.72, spread: 0.04,
              above: "a varied vocabulary", below: "a small, repeated vocabulary") { $0.words >= 100 ? $0.lexical.mattr : nil },
        Trait("lexical.contractions_per_thousand", "contractions", unit: "per 1,000 words", typical: 8, spread: 8,
              above: "lots of contractions", below: "few contractions") { $0.words > 0 ? $0.lexical.contractionsPerThousand : nil },
        Trait("punctuation.comma", "commas", unit: "per 1,000 words", typical: 50, spread: 14,
              above: "many commas", below: "few commas") { $0.words > 0 ? $0.punctuation.comma : nil },
        Trait("punctuation.semicolon", "semicolons", unit: "per 1,000 words", typical: 1.5, spread: 2,
              above: "semicolons", below: "no semicolons") { $0.words > 0 ? $0.punctuation.semicolon : nil },
        Trait("punctuation.colon", "colons", unit: "per 1,000 words", typical: 2.5, spread: 2.5,
              above: "many colons", below: "few colons") { $0.words > 0 ? $0.punctuation.colon : nil },
        Trait("punctuation.em_dash", "em dashes", unit: "per 1,000 words", typical: 2, spread: 3,
              above: "em dashes", below: "no em dashes") { $0.words > 0 ? $0.punctuation.emDash : nil },
        Trait("punctuation.parentheses", "parentheses", unit: "per 1,000 words", typical: 2, spread: 2.5,
              above: "asides in parentheses", below: "no parentheses") { $0.words > 0 ? $0.punctuation.parentheses : nil },
        Trait("punctuation.ellipsis", "ellipses", unit: "per 1,000 words", typical: 0.3, spread: 1,
              above: "ellipses…", below: "no ellipses") { $0.words > 0 ? $0.punctuation.ellipsis : nil },
        Trait("punctuation.exclamation", "exclamation marks", unit: "per 1,000 words", typical: 0.8, spread: 2,
              above: "exclamation marks", below: "no exclamation marks") { $0.words > 0 ? $0.punctuation.exclamation : nil },
        Trait("punctuation.oxford_comma_rate", "Oxford comma", unit: "", typical: 0.5, spread: 0.35,
              above: "the Oxford comma", below: "no Oxford comma", share: true) { $0.punctuation.oxfordCommaLists >= 3 ? $0.punctuation.oxfordCommaRate : nil },
        Trait("pronouns.first_singular", "I / me / my", unit: "per 1,000 words", typical: 15, spread: 12,
              above: "writing in the first person", below: "rarely saying I") { $0.words > 0 ? $0.pronouns.firstSingular : nil },
        Trait("pronouns.first_plural", "we / us / our", unit: "per 1,000 words", typical: 6, spread: 6,
              above: "writing as \"we\"", below: "rarely saying we") { $0.words > 0 ? $0.pronouns.firstPlural : nil },
        Trait("pronouns.second", "you / your", unit: "per 1,000 words", typical: 8, spread: 8,
              above: "talking to the reader as \"you\"", below: "rarely addressing the reader") { $0.words > 0 ? $0.pronouns.second : nil },
        Trait("readability.flesch_reading_ease", "reading ease (Flesch)", unit: "", typical: 60, spread: 12,
              above: "easy reading", below: "demanding reading") { $0.words > 0 ? $0.readability.fleschReadingEase : nil },
        Trait("readability.flesch_kincaid_grade", "reading grade (Flesch–Kincaid)", unit: "", typical: 9, spread: 2.5,
              above: "a high reading grade", below: "a low reading grade") { $0.words > 0 ? $0.readability.fleschKincaidGrade : nil },
        Trait("formatting.emoji", "emoji", unit: "per 1,000 words", typical: 0, spread: 2,
              above: "emoji", below: "no emoji") { $0.words > 0 ? $0.formatting.emoji : nil },
        Trait("formatting.hashtags", "hashtags", unit: "per 1,000 words", typical: 0, spread: 2,
              above: "hashtags", below: "no hashtags") { $0.words > 0 ? $0.formatting.hashtags : nil },
        Trait("formatting.bullet_items", "bullet points", unit: "per 1,000 words", typical: 2, spread: 5,
              above: "bullet lists", below: "no bullet lists") { $0.words > 0 ? $0.formatting.bulletItems : nil },
        Trait("formatting.headings", "headings", unit: "per 1,000 words", typical: 1, spread: 3,
              above: "many headings", below: "no headings") { $0.words > 0 ? $0.formatting.headings : nil },
    ]

    /// The trait at a DNA key path, if it is one of the described traits.
    public static func trait(forKey key: String) -> Trait? { all.first { $0.key == key } }
}
