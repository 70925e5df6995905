# Steps of the quick start after the vault is ready; sourced by scripts/quickstart.sh.
# Each feature adds its own lines here. $bin is the built binary, $vault the demo vault.
step analyze --all
step dna show dana-okafor --top 6
step attribute "$vault"/drafts/dana-okafor.md "$vault"/drafts/marguerite-holloway.md "$vault"/drafts/rex-talbot.md
step match rex-talbot "$vault"/drafts/rex-talbot.md
printf '\n\033[1m$ voiceclone stats drafts/ai-draft.md\033[0m\n'; "$bin" stats "$vault"/drafts/ai-draft.md
step log --limit 5
