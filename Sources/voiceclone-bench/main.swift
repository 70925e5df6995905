import VoiceCloneKit
import Foundation
// LOCAL ONLY - not committed; mimics the subcommands the lead is asked to wire.
let args = CommandLine.arguments
let corpora = URL(fileURLWithPath: args.count > 2 ? args[2] : "../shared/corpora")
if args.count > 1 && args[1] == "attribution-tune" {
    print(try runAttributionTuning(corpora: corpora))
} else if args.count > 1 && args[1] == "attribution" {
    print(try runAttributionEvaluation(corpora: corpora))
}
