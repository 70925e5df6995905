import VoiceCloneAnalysis
import VoiceCloneAttribution
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneText
import VoiceCloneVault

// The lower-layer types Kit's API takes and returns, named here so a front end imports VoiceCloneKit alone.
// Each is the same type as in its home module (an alias, not a copy): values pass through unchanged.

/// Attribution settings (`--mfw`, `--distance`, ...), from VoiceCloneAttribution.
public typealias AttributionSettings = VoiceCloneAttribution.AttributionSettings
public typealias DistanceKind = VoiceCloneAttribution.DistanceKind
/// What kind of writing a sample is, from VoiceCloneText.
public typealias ContentType = VoiceCloneText.ContentType
/// A target platform and a requested length, from VoiceCloneGeneration.
public typealias Platform = VoiceCloneGeneration.Platform
public typealias LengthTarget = VoiceCloneGeneration.LengthTarget
/// A provider request as it would be sent (`generate --dry-run`), from VoiceCloneProviders.
public typealias PreparedRequest = VoiceCloneProviders.PreparedRequest
/// `merge --weights` parsing, from VoiceCloneAnalysis.
public typealias MergeWeights = VoiceCloneAnalysis.MergeWeights
/// Plain-language readings of a text's traits (`stats`), from VoiceCloneAnalysis.
public typealias TraitCatalog = VoiceCloneAnalysis.TraitCatalog
/// The canonical JSON encoder every `--json` output uses, from VoiceCloneAnalysis.
public typealias CanonicalJSON = VoiceCloneAnalysis.CanonicalJSON
/// Reads that stop one byte past a limit (standard input, `--prompt-file`) and the link check, from VoiceCloneVault,
/// so a front end reading a user's file applies the same limits and link rules as the vault.
public typealias BoundedInput = VoiceCloneVault.BoundedInput
public typealias ContainedFile = VoiceCloneVault.ContainedFile
/// Closed-set attribution method (`attribute --method`), from VoiceCloneAttribution.
public typealias AttributionMethod = VoiceCloneAttribution.AttributionMethod
/// The vault's config, whose `Identity` is the commit name and email of `VaultSettings` (`settings set`), from
/// VoiceCloneVault.
public typealias VaultConfig = VoiceCloneVault.VaultConfig
