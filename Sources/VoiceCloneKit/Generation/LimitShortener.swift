import VoiceCloneGeneration
import VoiceCloneProviders

/// What the automatic shortening request did to a piece: its length before and after, and whether it now fits.
public struct ShorteningRecord: Encodable, Sendable, Equatable {
    public var fromChars: Int
    public var toChars: Int
    /// The limits the first answer broke, in words ("post 2 is 301 characters; the limit is 280").
    public var breaches: [String]
    public var fits: Bool

    enum CodingKeys: String, CodingKey {
        case breaches, fits
        case fromChars = "from_chars"
        case toChars = "to_chars"
    }
}

/// Holds a language model to the platform's hard character limits: a piece over one gets exactly one follow-up
/// quoting each limit and the current length (``ShortenRequest``); whatever comes back is kept, fitting or not,
/// and the caller decides what an answer still over the limit means (not saved, exit 1).
struct LimitShortener: Sendable {
    let provider: any RemoteGenerationProvider
    let inspector: PlatformTextChecks

    func breaches(_ text: String) -> [LimitBreach] {
        PlatformTextChecks.limitBreaches(text: text, platform: inspector.platform, length: inspector.length,
                                      threadPosts: inspector.threadPosts)
    }

    /// `piece` unchanged when it fits; else the model's shortened answer, with a record of what happened.
    func fit(_ piece: GeneratedPiece, request: GenerationRequest) async throws -> (GeneratedPiece, ShorteningRecord?) {
        let found = breaches(piece.text)
        guard !found.isEmpty else { return (piece, nil) }
        var followUp = request
        followUp.messages = try ShortenRequest(breaches: found, platform: request.platform, threadPosts: request.threadPosts)
            .messages(after: request.messages, draft: piece.text)
        var shorter = inspector.inspect(try await provider.generate(followUp, onText: nil))
        let fits = breaches(shorter.text).isEmpty
        shorter.warnings.insert("The first answer broke a limit (\(found.map(\.description).joined(separator: "; "))); "
            + "the model was asked once to shorten it" + (fits ? " and now fits." : " and still does not fit."), at: 0)
        return (shorter, ShorteningRecord(fromChars: piece.text.count, toChars: shorter.text.count,
                                          breaches: found.map(\.description), fits: fits))
    }
}
