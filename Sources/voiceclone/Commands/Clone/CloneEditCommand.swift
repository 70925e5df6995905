import ArgumentParser
import VoiceCloneKit

struct CloneEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a clone's description, tags, avatar or notes.",
        discussion: HelpExamples.cloneEdit)

    @Argument(help: "Clone name or slug.", completion: .clones) var name: String
    @Option(help: "New description (empty to clear).") var description: String?
    @Option(help: "Avatar image path or URL (empty to clear).") var avatar: String?
    @Option(name: .customLong("tag"), help: "Replace all tags with these (repeatable).") var tags: [String] = []
    @Option(name: .customLong("add-tag"), help: "Add a tag (repeatable).") var addTags: [String] = []
    @Option(name: .customLong("remove-tag"), help: "Remove a tag (repeatable).") var removeTags: [String] = []
    @Option(help: "Replace the notes (the body of clone.md).") var notes: String?
    @OptionGroup var options: VaultOptions

    func run() throws {
        let edit = CloneEdit(description: description, avatar: avatar, setTags: tags.isEmpty ? nil : tags,
                             addTags: addTags, removeTags: removeTags, notes: notes)
        let clone = try options.workspace().clones.edit(name, edit)
        if options.json { return try Output.json(clone) }
        Output.line("Updated \"\(clone.name)\"")
    }
}
