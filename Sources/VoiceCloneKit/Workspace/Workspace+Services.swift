/// The services of a session, one per concern, each in its own folder of VoiceCloneKit. They are cheap values
/// made on each access; everything they share (the scan, the sample reader, the lock, commits) stays in the
/// session.
///
/// ```
///                               Workspace (session: vault, config, index, sample reader, lock, change/commit, settings)
///                                   |
///   clones  samples  dna  attribution  detection  generation  providers  library  merges  sync  history  pictures  checks
/// ```
extension Workspace {
    /// Clones: create, list, show, edit, rename, delete (`Clones/`).
    public var clones: CloneService { CloneService(session: self) }
    /// A clone's samples: add (import), list, show, remove, their properties, the texts a voice is judged by (`Samples/`).
    public var samples: SampleService { SampleService(session: self) }
    /// Voice DNA: analyse, store and read revisions, log, diff, describe, learn from edits (`DNA/`).
    public var dna: DNAService { DNAService(session: self) }
    /// Who wrote a text and how close it is to a voice: attribute, match, the voice scorer (`Attribution/`).
    public var attribution: AttributionService { AttributionService(session: self) }
    /// AI-likeness and moving a draft toward a voice: detect, baselines, rewrite, sample warnings (`Detection/`).
    public var detection: DetectionService { DetectionService(session: self) }
    /// Writing in a voice: generate (offline engines or a provider, refine, save) and describe a voice (`Generation/`).
    public var generation: GenerationService { GenerationService(session: self) }
    /// Language-model providers: what is configured, local servers, API keys (`Providers/`).
    public var providers: ProviderService { ProviderService(session: self) }
    /// The library of saved pieces: list, show, search, status, edit, diff, promote, delete (`Library/`).
    public var library: LibraryService { LibraryService(session: self) }
    /// Merged clones: create a blend, re-blend it, its sources (`Merge/`).
    public var merges: MergeService { MergeService(session: self) }
    /// Sharing the vault through git remotes: sync, remotes, sync conflicts (`Sync/`).
    public var sync: SyncService { SyncService(session: self) }
    /// The vault's git history and status (`History/`).
    public var history: HistoryService { HistoryService(session: self) }
    /// The figures behind the web app's pictures (`Pictures/`).
    public var pictures: PictureService { PictureService(session: self) }
    /// `check`: the vault's health (`Check/`).
    public var checks: CheckService { CheckService(session: self) }
}
