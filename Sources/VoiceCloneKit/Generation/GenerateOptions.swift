import Foundation
import VoiceCloneGeneration
import VoiceCloneProviders

/// Everything `voiceclone generate` can ask for. Provider and model default from the vault config; flags override.
public struct GenerateOptions: Sendable {
    public var clone: String
    /// A built-in preset or one from the vault config's `platforms:`.
    public var platform: String
    /// What the piece is about.
    public var prompt: String
    public var length: LengthTarget?
    /// How many different pieces to write (1–10).
    public var variants: Int
    /// `local`, `openai`, `anthropic`, `openai-compatible`; `nil` takes the vault's `default_provider`.
    public var provider: String?
    /// `nil` takes the vault's `default_model` when the provider is the vault's default one, else the provider's default.
    public var model: String?
    /// Overrides the provider's endpoint (`--base-url`).
    public var baseURL: String?
    public var temperature: Double?
    /// Reproducible output; variant `i` uses `seed + i`.
    public var seed: UInt64?
    /// Posts in an `x` thread.
    public var threadPosts: Int?
    /// Show the remote request instead of sending it.
    public var dryRun: Bool
    /// Write each piece to `library/` and commit it.
    public var save: Bool
    /// The DNA revision to write from; `nil` for the latest.
    public var dnaVersion: Int?
    /// Receives text as it is written: the variant's index (0-based) and the new fragment.
    public var onText: (@Sendable (_ variant: Int, _ fragment: String) -> Void)?
    /// Retries for remote providers (tests shorten them).
    public var retry: RetryPolicy
    /// The time recorded as `created` in the library, and used for file names.
    public var now: Date
    /// `--refine N`: score, revise with the feedback and keep the best text. `onText` is not called when set
    /// (the kept text is known only at the end).
    public var refine: RefineOptions?
    /// With `refine`: each round's scores as soon as they are known, with the variant's index (0-based).
    public var onRound: (@Sendable (_ variant: Int, _ round: RefineRound) -> Void)?
    /// The writer's notes (`--notes`): the content of the piece. Bullet points in `prompt` count as notes too.
    public var notes: String?
    /// The offline engine: the notes drafter (default) or the old remixer.
    public var engine: LocalDraftEngine = .notes
    /// Save a piece that still breaks a hard character limit after the one shortening request
    /// (`--allow-over-limit`); without it such a piece is returned but not saved.
    public var allowOverLimit = false
    /// Tokens of the writer's own text shown whole as examples (`--exemplar-tokens`); `nil` follows the model's
    /// context window (``TokenEstimate/exemplarBudget(model:)``).
    public var exemplarTokens: Int?

    public init(
        clone: String, platform: String = "generic", prompt: String, length: LengthTarget? = nil, variants: Int = 1,
        provider: String? = nil, model: String? = nil, baseURL: String? = nil, temperature: Double? = nil,
        seed: UInt64? = nil, threadPosts: Int? = nil, dryRun: Bool = false, save: Bool = false, dnaVersion: Int? = nil,
        onText: (@Sendable (Int, String) -> Void)? = nil, retry: RetryPolicy = .standard, now: Date = Date(),
        refine: RefineOptions? = nil, onRound: (@Sendable (Int, RefineRound) -> Void)? = nil
    ) {
        self.clone = clone
        self.platform = platform
        self.prompt = prompt
        self.length = length
        self.variants = variants
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.temperature = temperature
        self.seed = seed
        self.threadPosts = threadPosts
        self.dryRun = dryRun
        self.save = save
        self.dnaVersion = dnaVersion
        self.onText = onText
        self.retry = retry
        self.now = now
        self.refine = refine
        self.onRound = onRound
    }
}
