import ArgumentParser
import VoiceCloneKit

/// Completions that call back into `voiceclone` when the shell asks (`---completion`), so they offer what is in
/// the vault now: clone names, sample ids, saved pieces, platforms and providers.
extension CompletionKind {
    static var clones: CompletionKind {
        .custom { words, _, prefix in VaultCompletions(commandLine: words).clones(prefix: VaultCompletions.unquoted(prefix)) }
    }

    /// Sample ids of the clone named earlier on the command line (`sample show CLONE <Tab>`).
    static var samples: CompletionKind {
        .custom { words, index, prefix in
            guard let clone = cloneWord(in: words, before: index) else { return [] }
            return VaultCompletions(commandLine: words).samples(ofClone: clone, prefix: VaultCompletions.unquoted(prefix))
        }
    }

    static var libraryIDs: CompletionKind {
        .custom { words, _, prefix in VaultCompletions(commandLine: words).libraryIDs(prefix: VaultCompletions.unquoted(prefix)) }
    }

    static var platforms: CompletionKind {
        .custom { words, _, prefix in VaultCompletions(commandLine: words).platforms(prefix: VaultCompletions.unquoted(prefix)) }
    }

    static var providers: CompletionKind {
        .custom { words, _, prefix in VaultCompletions(commandLine: words).providers(prefix: VaultCompletions.unquoted(prefix)) }
    }

    static var remotes: CompletionKind {
        .custom { words, _, prefix in VaultCompletions(commandLine: words).remotes(prefix: VaultCompletions.unquoted(prefix)) }
    }

    /// The first positional word after `sample show` / `sample remove`, skipping options and `--vault`'s value.
    static func cloneWord(in words: [String], before index: Int) -> String? {
        guard let verb = words.firstIndex(where: { $0 == "show" || $0 == "remove" }) else { return nil }
        var i = verb + 1
        while i < min(index, words.count) {
            let word = words[i]
            if word == "--vault" { i += 2; continue }
            if word.hasPrefix("-") { i += 1; continue }
            return word
        }
        return nil
    }
}
