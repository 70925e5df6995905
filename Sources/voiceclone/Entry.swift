import ArgumentParser
import Foundation

/// Runs the command and maps every failure to the documented exit codes:
/// 0 success, 1 error (what went wrong and what to do, on stderr), 2 usage.
@main
enum Entry {
    static func main() {
        let command: ParsableCommand
        do {
            command = try VoiceCloneCommand.parseAsRoot(globalOptionsMovedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
        } catch {
            let code = VoiceCloneCommand.exitCode(for: error)
            if code == .success {
                print(VoiceCloneCommand.fullMessage(for: error))
                exit(0)
            }
            Output.error(VoiceCloneCommand.fullMessage(for: error))
            exit(2)
        }
        do {
            var runnable = command
            try runnable.run()
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch let validation as ValidationError {
            Output.error("error: \(validation.message)")
            exit(2)
        } catch {
            // Help and version requests, and ArgumentParser's own errors, surface here from run().
            switch VoiceCloneCommand.exitCode(for: error) {
            case .success:
                print(VoiceCloneCommand.fullMessage(for: error))
                exit(0)
            case .validationFailure:
                Output.error(VoiceCloneCommand.fullMessage(for: error))
                exit(2)
            default:
                Output.error("voiceclone: error: \(error.localizedDescription)")
                exit(1)
            }
        }
    }
}

/// `voiceclone --vault DIR check` reads as naturally as `voiceclone check --vault DIR`, but the parser only knows
/// `--vault` and `--json` on the subcommands; move them from before the subcommand to after it.
func globalOptionsMovedAfterSubcommand(_ args: [String]) -> [String] {
    var leading: [String] = []
    var rest = args[...]
    while let first = rest.first {
        if first == "--json" {
            leading.append(first)
            rest = rest.dropFirst()
        } else if first == "--vault", rest.count >= 2 {
            leading.append(contentsOf: rest.prefix(2))
            rest = rest.dropFirst(2)
        } else if first.hasPrefix("--vault=") {
            leading.append(first)
            rest = rest.dropFirst()
        } else {
            break
        }
    }
    guard !leading.isEmpty else { return args }
    var moved = Array(rest)
    let end = moved.firstIndex(of: "--") ?? moved.endIndex
    moved.insert(contentsOf: leading, at: end)
    return moved
}
