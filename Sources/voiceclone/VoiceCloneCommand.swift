import ArgumentParser
import VoiceCloneKit

@main
struct VoiceCloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voiceclone", abstract: "Learn how a person writes, and write in that voice.")
}
