import Foundation
import Hummingbird
import VoiceCloneAnalysis
import VoiceCloneKit
import VoiceCloneVault
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// Which HTTP status a library error means. Kit's errors already say what went wrong and what to do;
/// the server keeps those words and only chooses the number.
enum ErrorStatus {
    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let http as HTTPError where http.status == .contentTooLarge:
            return Problem(status: .contentTooLarge, detail: "The request body is larger than this server accepts.")
        case let http as HTTPError:
            return Problem(status: http.status, detail: http.body ?? http.status.reasonPhrase)
        case let http as any HTTPResponseError where http.status == .contentTooLarge:
            return Problem(status: .contentTooLarge, detail: "The request body is larger than this server accepts.")
        case let http as any HTTPResponseError where http.status.code < 500:
            return Problem(status: http.status, detail: http.status.reasonPhrase)
        case let vault as VaultError:
            return Problem(status: status(of: vault), detail: message(error))
        case let dna as DNAError:
            if case .needTwoRevisions = dna { return Problem(status: .conflict, detail: message(error)) }
            return Problem(status: .notFound, detail: message(error))
        case let library as LibraryError:
            switch library {
            case .notFound, .noSavedDraft: return Problem(status: .notFound, detail: message(error))
            case .notApproved: return Problem(status: .conflict, detail: message(error))
            case .invalidFile: return Problem(status: .unprocessableContent, detail: message(error))
            default: return Problem(status: .badRequest, detail: message(error))
            }
        case let selection as RewriteSelectionError:
            if case .unknownChange = selection { return Problem(status: .conflict, detail: message(error)) }
            return Problem(status: .unprocessableContent, detail: message(error))
        case let sync as SyncError:
            switch sync {
            case .remoteNotFound: return Problem(status: .notFound, detail: message(error))
            case .unreachable: return Problem(status: failedDependency, detail: message(error))
            case .invalidRemoteName, .noRemote, .ambiguousRemote: return Problem(status: .badRequest, detail: message(error))
            default: return Problem(status: .conflict, detail: message(error))
            }
        case let conflict as ConflictError:
            switch conflict {
            case .notAConflictCopy, .noConflictOnSample: return Problem(status: .notFound, detail: message(error))
            case .remoteCopyMissing, .ambiguousSample: return Problem(status: .conflict, detail: message(error))
            }
        case is SettingsError:
            return Problem(status: .unprocessableContent, detail: message(error))
        case let key as ProviderKeyError:
            // Its messages never quote the key.
            switch key {
            case .unknownProvider: return Problem(status: .notFound, detail: message(error))
            case .takesNoKey: return Problem(status: .unprocessableContent, detail: message(error))
            case .invalidKey: return Problem(status: .badRequest, detail: message(error))
            case .insideVault: return Problem(status: .forbidden, detail: message(error))
            case .unreadableFile: return Problem(status: .conflict, detail: message(error))
            case .notWritable: return Problem(status: .internalServerError, detail: message(error))
            }
        case is LibraryEditError:
            return Problem(status: .unprocessableContent, detail: message(error))
        case is ProviderError:
            return Problem(status: failedDependency, detail: message(error))
        case is GenerationError, is VoiceMergeError, is AttributionError, is DetectionError,
             is PlatformError, is PromptError, is LocalEngineError, is AnalysisError, is ContentLossError:
            return Problem(status: .unprocessableContent, detail: message(error))
        case is CancellationError:
            return Problem(status: .serviceUnavailable, detail: "The server is shutting down; try again when it is back.")
        default:
            // Unknown failures keep their text out of the answer: it may name internals.
            return Problem(status: .internalServerError, detail: "The server could not complete this request. See the server's log.")
        }
    }

    /// 424: the request depended on another service (a git remote, a language model) that failed. Not a 5xx:
    /// this server did its part, and the message says what to fix.
    static let failedDependency = HTTPResponse.Status(code: 424, reasonPhrase: "Failed Dependency")

    private static func status(of error: VaultError) -> HTTPResponse.Status {
        switch error {
        case .cloneNotFound, .sampleNotFound, .sourceNotFound: return .notFound
        case .cloneExists, .fileExists, .locked, .alreadyAVault: return .conflict
        case .invalidName, .invalidSample, .ambiguousSample, .linkedInput: return .unprocessableContent
        case .tooLarge: return .contentTooLarge
        case .symbolicLink: return .forbidden
        case .notWritable, .io, .notAVault, .invalidConfig, .unsupportedFormatVersion: return .internalServerError
        }
    }

    static func message(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}
