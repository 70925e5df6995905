import Foundation

/// A tokenizer-free token count: English prose runs at about four characters a token in the BPE vocabularies
/// of the models Voice Clone talks to (OpenAI's o200k and cl100k, Anthropic's, Llama's), a little more for
/// code and non-English text. Used to fit exemplars into a budget and to report a prompt's size; it errs high
/// on purpose (rounding up) so a budget is never overrun by the estimate's error on prose.
public enum TokenEstimate {
    public static func tokens(_ text: String) -> Int {
        (text.unicodeScalars.count + 3) / 4
    }

    /// The context window of a model, by name, as the provider documents it; `nil` for a model not known here
    /// (a local server's, typically), when callers assume a small window.
    public static func contextWindow(model: String) -> Int? {
        let m = model.lowercased()
        if m.hasPrefix("gpt-4.1") { return 1_000_000 }
        if m.hasPrefix("gpt-4o") || m.hasPrefix("o1") || m.hasPrefix("o3") || m.hasPrefix("o4") || m.hasPrefix("gpt-5") { return 128_000 }
        if m.hasPrefix("gpt-4-turbo") { return 128_000 }
        if m.hasPrefix("gpt-3.5") { return 16_000 }
        if m.hasPrefix("claude") { return 200_000 }
        return nil
    }

    /// The default exemplar budget for a model: a quarter of its window, at least 1,000 and at most 6,000 tokens
    /// (more whole samples stop helping well before a large window is full, and every token is paid for).
    /// An unknown model (a local server's) is assumed to have a 4,096-token window, Ollama's default.
    public static func exemplarBudget(model: String) -> Int {
        let window = contextWindow(model: model) ?? 4096
        return max(1000, min(6000, window / 4))
    }
}
