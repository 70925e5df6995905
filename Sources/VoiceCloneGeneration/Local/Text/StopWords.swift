/// Words that never name a topic: English function words plus everyday fillers ("thing", "people", "good"), so they
/// are never keywords, hashtags or headings, and they are exempt from the repetition penalty (a writer says "the" as
/// often as they like). A stop list, not a linguistic class: the DNA's function-word share counts Analysis's closed
/// list (`WordLists.functionWords`), and the detector's features are the rates of a fixed, ordered 60 words its model
/// was fitted on (`StyleFeatures.functionWords`); neither can take this list's fillers without changing its figures.
package enum StopWords {
    package static let all: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get",
        "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most",
        "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "still",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "well",
        "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you",
        "your", "yours", "yourself", "yourselves", "really", "thing", "things", "way", "make", "made", "many", "said",
        "say", "says", "go", "going", "went", "come", "came", "know", "think", "want", "see", "take", "back", "never",
        "always", "something", "nothing", "anything", "everything", "someone", "people", "time", "two", "first",
        "last", "new", "old", "good", "lot", "day", "year", "years", "though", "although", "however", "maybe",
        "don't", "it's", "i'm", "that's", "can't", "won't", "isn't", "didn't", "doesn't", "you're", "we're",
        "they're", "i've", "we've", "i'll", "you'll", "there's", "what's", "let's", "ago", "around", "another",
    ]

    /// Words of a request that describe the task rather than the topic ("write a short LinkedIn post about ...").
    package static let instructionWords: Set<String> = [
        "write", "writing", "draft", "compose", "create", "post", "posts", "article", "blog", "piece", "essay",
        "thread", "tweet", "tweets", "email", "newsletter", "caption", "linkedin", "instagram", "twitter", "short",
        "long", "words", "word", "paragraph", "paragraphs", "please", "topic", "style", "voice", "tone", "about",
        "regarding", "explain", "describe", "discuss", "announce", "announcing", "sharing", "share", "help",
    ]
}
