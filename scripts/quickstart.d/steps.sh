# Steps of the quick start after the vault is ready; sourced by scripts/quickstart.sh.
# Each feature adds its own lines here. $bin is the built binary, $vault the demo vault.
step analyze --all
step dna show dana-okafor --top 6
step attribute "$vault"/drafts/dana-okafor.md "$vault"/drafts/marguerite-holloway.md "$vault"/drafts/rex-talbot.md
step match rex-talbot "$vault"/drafts/rex-talbot.md
printf '\n\033[1m$ voiceclone stats drafts/ai-draft.md\033[0m\n'; "$bin" stats "$vault"/drafts/ai-draft.md
step log --limit 5
step generate dana-okafor --platform linkedin --prompt "why we deploy on Fridays" --seed 7
step generate marguerite-holloway --platform newsletter --words 150 --prompt "the first snow and a pot of soup" --seed 2
step detect "$vault"/drafts/ai-draft.md
step detect "$vault"/drafts/dana-okafor.md --clone dana-okafor
step rewrite dana-okafor "$vault"/drafts/ai-draft.md
