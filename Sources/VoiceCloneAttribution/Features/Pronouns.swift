/// English personal pronouns. Left out of the word features when `countPronouns` is off, because
/// they mostly record narrative person (first-person memoir vs third-person story) rather than
/// habit; faststylometry drops them for the same reason.
enum Pronouns {
    static let words: [String] = [
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "we", "us", "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves",
        "thou", "thee", "thy", "thine", "thyself", "ye", "i'm", "i've", "i'd", "i'll", "you're",
        "you've", "you'd", "you'll", "he's", "he'd", "he'll", "she's", "she'd", "she'll", "it's",
        "we're", "we've", "we'd", "we'll", "they're", "they've", "they'd", "they'll",
    ]

    static let hashes: Set<UInt64> = Set(words.map(StyleScanner.hash(of:)))
}
