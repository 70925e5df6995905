import ArgumentParser

struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Create, list, show, edit, rename and delete clones (one per writer's voice).",
        discussion: HelpExamples.clone,
        subcommands: [CloneCreate.self, CloneList.self, CloneShow.self, CloneEditCommand.self, CloneRename.self, CloneDelete.self])
}
