import ArgumentParser

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Add, list, show and remove a clone's writing samples.",
        discussion: HelpExamples.sample,
        subcommands: [SampleAdd.self, SampleList.self, SampleShow.self, SampleRemove.self])
}
