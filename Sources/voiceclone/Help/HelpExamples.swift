/// The EXAMPLES section of every command's help (and man page): real command lines a writer can copy.
///
/// Each command's `discussion` ends with one of these, so `--help`, the man page and the completion
/// scripts all come from the same command definitions. Names are those of `example-vault/`.
enum HelpExamples {
    /// "EXAMPLES:" and the command lines, indented like ArgumentParser's own sections.
    static func section(_ lines: String...) -> String {
        "EXAMPLES:\n" + lines.map { line in
            line.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// An existing discussion followed by its examples.
    static func discussion(_ text: String, _ examples: String) -> String {
        text.isEmpty ? examples : text + "\n\n" + examples
    }

    static let root = section(
        "voiceclone init ~/voices && cd ~/voices",
        "voiceclone clone create 'Dana Okafor'",
        "voiceclone sample add 'Dana Okafor' ~/Documents/posts",
        "voiceclone analyze 'Dana Okafor'",
        "voiceclone generate 'Dana Okafor' --platform linkedin \\\n    --prompt 'Why we deploy on Fridays'")

    static let serve = section("voiceclone serve --open", "voiceclone serve --port 0 --quiet")

    static let initVault = section(
        "voiceclone init ~/voices",
        "voiceclone init ~/voices --remote git@github.com:me/voices.git")

    static let clone = section("voiceclone clone list", "voiceclone clone create 'Dana Okafor' --tag eng")
    static let cloneCreate = section(
        "voiceclone clone create 'Dana Okafor'",
        "voiceclone clone create 'Dana Okafor' --description 'On-call notes' --tag eng")
    static let cloneList = section("voiceclone clone list", "voiceclone clone list --json")
    static let cloneShow = section("voiceclone clone show 'Dana Okafor'", "voiceclone clone show dana-okafor --json")
    static let cloneEdit = section(
        "voiceclone clone edit dana-okafor --add-tag newsletter",
        "voiceclone clone edit dana-okafor --description 'Posts and postmortems'")
    static let cloneRename = section("voiceclone clone rename dana-okafor 'Dana Okafor-Reyes'")
    static let cloneDelete = section("voiceclone clone delete 'Old Voice' --yes")

    static let sample = section("voiceclone sample add 'Dana Okafor' post.md", "voiceclone sample list 'Dana Okafor'")
    static let sampleAdd = section(
        "voiceclone sample add 'Dana Okafor' post.md talk.pdf notes.docx",
        "voiceclone sample add dana-okafor ~/Documents/essays    # a whole folder",
        "voiceclone sample add dana-okafor https://example.com/flaky-tests --type blog",
        "pbpaste | voiceclone sample add dana-okafor - --title 'Slack note'",
        "voiceclone sample add dana-okafor book.epub --split chapters")
    static let sampleList = section("voiceclone sample list 'Dana Okafor'", "voiceclone sample list --ai-assisted")
    static let sampleShow = section(
        "voiceclone sample show dana-okafor flaky-tests-are-bugs-c979440c",
        "voiceclone sample show dana-okafor flaky       # a unique prefix is enough")
    static let sampleRemove = section("voiceclone sample remove dana-okafor flaky-tests")

    static let check = section("voiceclone check", "voiceclone check --samples --clone dana-okafor")
    static let analyze = section(
        "voiceclone analyze 'Dana Okafor'",
        "voiceclone analyze --all",
        "voiceclone analyze dana-okafor --with-llm --provider openai --model gpt-4o")

    static let dna = section("voiceclone dna show dana-okafor", "voiceclone dna diff dana-okafor")
    static let dnaShow = section("voiceclone dna show 'Dana Okafor'", "voiceclone dna show dana-okafor --version 1 --json")
    static let dnaLog = section("voiceclone dna log dana-okafor")
    static let dnaDiff = section("voiceclone dna diff dana-okafor", "voiceclone dna diff dana-okafor 1 3 --top 0")
    static let stats = section("voiceclone stats draft.md", "pbpaste | voiceclone stats - --json")

    static let attribute = section(
        "voiceclone attribute drafts/rex-talbot.md",
        "voiceclone attribute drafts/*.md --clones dana-okafor,rex-talbot --top 2")
    static let match = section("voiceclone match dana-okafor drafts/dana-okafor.md", "pbpaste | voiceclone match 'Dana Okafor' -")

    static let remote = section("voiceclone remote add origin git@github.com:me/voices.git", "voiceclone remote list")
    static let remoteAdd = section(
        "voiceclone remote add origin git@github.com:me/voices.git",
        "voiceclone remote add backup /mnt/usb/voices.git")
    static let remoteList = section("voiceclone remote list", "voiceclone remote list --json")
    static let remoteRemove = section("voiceclone remote remove backup")
    static let sync = section("voiceclone sync", "voiceclone sync backup", "voiceclone sync conflicts")
    static let syncNow = section("voiceclone sync now backup", "voiceclone sync now --allow-unrelated")
    static let syncConflicts = section("voiceclone sync conflicts", "voiceclone sync conflicts --json")
    static let syncResolve = section(
        "voiceclone sync resolve flaky-tests --keep mine",
        "voiceclone sync resolve --keep both --json \\\n    clones/dana-okafor/samples/flaky-tests.local-1a2b3c4d.md")
    static let settings = section("voiceclone settings", "voiceclone settings --json")
    static let settingsSet = section(
        "voiceclone settings set --default-provider anthropic \\\n    --default-model claude-sonnet-4-5",
        "voiceclone settings set --author-name 'Dana Okafor' \\\n    --author-email dana@example.com",
        "voiceclone settings set --default-model ''   # the provider's own default")
    static let log = section("voiceclone log", "voiceclone log dana-okafor --limit 10")
    static let status = section("voiceclone status", "voiceclone status --json")
    static let merge = section(
        "voiceclone merge dana-okafor rex-talbot --name 'Dana and Rex'",
        "voiceclone merge dana-okafor rex-talbot --weights 0.7,0.3 --name 'Mostly Dana'")

    static let generate = section(
        "voiceclone generate 'Dana Okafor' --platform linkedin \\\n    --prompt 'Why we deploy on Fridays'",
        "voiceclone generate dana-okafor --platform x --thread 4 \\\n    --prompt 'Flaky tests are bugs' --seed 7 --save",
        "voiceclone generate dana-okafor --platform blog --words 600 \\\n    --prompt-file brief.md --provider anthropic --refine 3")

    static let providers = section("voiceclone providers", "voiceclone providers --json")
    static let providersKey = section("printf %s \"$OPENAI_API_KEY\" | voiceclone providers key set openai",
                                      "voiceclone providers key clear anthropic")
    static let providersKeySet = section("voiceclone providers key set openai   # asks for the key, not echoed",
                                         "printf %s \"$KEY\" | voiceclone providers key set anthropic --json")
    static let providersKeyClear = section("voiceclone providers key clear openai")

    static let library = section("voiceclone library list", "voiceclone library search 'Fridays'")
    static let libraryList = section("voiceclone library list", "voiceclone library list --clone dana-okafor --status draft")
    static let libraryShow = section("voiceclone library show 2026-03-02-dana-okafor-why-we-deploy")
    static let librarySearch = section("voiceclone library search 'on-call'")
    static let librarySetStatus = section("voiceclone library set-status 2026-03-02-dana-okafor-why-we-deploy approved")
    static let libraryDiff = section("voiceclone library diff 2026-03-02-dana-okafor-why-we-deploy",
                                     "voiceclone library diff 2026-03-02-dana --json")
    static let libraryPromote = section("voiceclone library promote 2026-03-02-dana-okafor-why-we-deploy")
    static let learn = section("voiceclone learn 'Dana Okafor'", "voiceclone learn --all --min-support 3")
    static let libraryDelete = section("voiceclone library delete 2026-03-02-dana-okafor-why-we-deploy --yes")

    static let detect = section("voiceclone detect drafts/ai-draft.md", "voiceclone detect drafts/dana-okafor.md --clone dana-okafor --json")
    static let rewrite = section(
        "voiceclone rewrite dana-okafor drafts/ai-draft.md --diff",
        "pbpaste | voiceclone rewrite 'Dana Okafor' - > better.md")
}
