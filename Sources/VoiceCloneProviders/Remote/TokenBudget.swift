import VoiceCloneGeneration
/// The `max_tokens` cap sent with a request: generous enough that the piece is never cut short by the
/// cap rather than by the model, tight enough that a runaway answer does not cost a fortune.
enum TokenBudget {
    static func maxTokens(for request: GenerationRequest) -> Int {
        let posts = max(1, request.threadPosts ?? 1)
        let words: Int
        switch request.length {
        case .words(let n)?: words = n
        case .characters(let n)?: words = n / 5
        case nil: words = request.platform.defaultWords * posts
        }
        // English runs at about 1.3 tokens a word; double it for headings, hashtags and the model's own slack.
        return min(16_000, max(256, words * 2 + 200))
    }
}
