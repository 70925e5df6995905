import ArgumentParser
import Foundation

/// Runs the command and maps every failure to the documented exit codes:
/// 0 success, 1 error (what went wrong and what to do, on stderr), 2 usage.
@main
enum Entry {
    static func main() {
        let command: ParsableCommand
        do {
            command = try VoiceCloneCommand.parseAsRoot()
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
