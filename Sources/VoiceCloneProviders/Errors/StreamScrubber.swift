import Foundation

/// `SecretScrubber` for text that arrives in fragments. A key a model echoes can be split across fragments
/// ("sk-ab" + "c123…"), and each fragment is printed the moment it arrives, so scrubbing fragment by fragment
/// would print the key in pieces. This holds back only the tail that could still grow into a secret, a known
/// encoding of one or a key-shaped token, and releases it, scrubbed, once it cannot.
public final class StreamScrubber: @unchecked Sendable {
    private let secrets: [String]
    /// Each secret in every form `SecretScrubber` removes (raw, encoded, long fragments).
    private let forms: [String]
    /// Whose beginning, seen at the end of the text so far, means "wait for more": the forms and the starts of
    /// key-shaped tokens.
    private var prefixes: [String] { ["sk-", "Bearer "] + forms }
    private let emit: @Sendable (String) -> Void
    private let lock = NSLock()
    private var pending = ""

    /// - Parameters:
    ///   - secrets: the keys this run knows (raw); their encodings are derived as `SecretScrubber` does.
    ///   - emit: receives the released text, in order, never a known secret.
    public init(secrets: [String], emit: @escaping @Sendable (String) -> Void) {
        self.secrets = secrets
        var forms: [String] = []
        for secret in secrets where secret.count >= 4 {
            forms.append(secret)
            forms += SecretScrubber.encodings(of: secret)
            if secret.count >= 16 { forms += [String(secret.prefix(8)), String(secret.suffix(8))] }
        }
        self.forms = forms
        self.emit = emit
    }

    public func write(_ fragment: String) {
        lock.lock()
        defer { lock.unlock() }
        // The held tail stays raw: scrubbing a partial key would replace its first characters and print the rest.
        let text = pending + fragment
        var cut = text.index(text.endIndex, offsetBy: -heldCount(text))
        // Never cut through a whole secret or key-shaped token: hold it entire, so the scrubber sees all of it.
        var moved = true
        while moved {
            moved = false
            for span in sensitiveSpans(in: text) where span.lowerBound < cut && cut < span.upperBound {
                cut = span.lowerBound
                moved = true
            }
        }
        pending = String(text[cut...])
        guard cut > text.startIndex else { return }
        emit(SecretScrubber.scrub(String(text[..<cut]), secrets: secrets))
    }

    /// `write` as a closure, for APIs that take a fragment sink.
    public var sink: @Sendable (String) -> Void { { [self] in write($0) } }

    /// Releases what is left (scrubbed): the stream has ended.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !pending.isEmpty else { return }
        emit(SecretScrubber.scrub(pending, secrets: secrets))
        pending = ""
    }

    /// Where whole secrets, their encodings and key-shaped tokens sit in `text`.
    private func sensitiveSpans(in text: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        for form in forms {
            var from = text.startIndex
            while let r = text.range(of: form, range: from..<text.endIndex) {
                spans.append(r)
                from = r.upperBound
            }
        }
        var from = text.startIndex
        while let r = text.range(of: SecretScrubber.keyShape, options: .regularExpression, range: from..<text.endIndex) {
            spans.append(r)
            from = r.upperBound
        }
        return spans
    }

    /// How many trailing characters might still become something to scrub: the longest tail that begins a form,
    /// or a key-shaped token (`sk-…`, `Bearer …`) still running at the end of the text.
    private func heldCount(_ text: String) -> Int {
        var hold = 0
        for form in prefixes {
            var k = min(form.count - 1, text.count)
            while k > hold {
                if text.hasSuffix(form.prefix(k)) { hold = k; break }
                k -= 1
            }
        }
        if let range = text.range(of: #"(sk-|Bearer\s+)[A-Za-z0-9_\-\*\.]*$"#, options: .regularExpression) {
            hold = max(hold, text.distance(from: range.lowerBound, to: text.endIndex))
        }
        return hold
    }
}
