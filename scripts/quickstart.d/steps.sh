# Steps of the quick start after the vault is ready; sourced by scripts/quickstart.sh.
# Each feature adds its own lines here. $bin is the built binary, $vault the demo vault.
step analyze --all
step dna show dana-okafor --top 6
step attribute "$vault"/drafts/dana-okafor.md "$vault"/drafts/marguerite-holloway.md "$vault"/drafts/rex-talbot.md
step match rex-talbot "$vault"/drafts/rex-talbot.md
printf '\n\033[1m$ voiceclone stats drafts/ai-draft.md\033[0m\n'; "$bin" stats "$vault"/drafts/ai-draft.md
step log --limit 5
# Offline, the engine drafts from the writer's notes (bullet points); with no notes it gives a skeleton to fill.
step generate dana-okafor --platform linkedin --seed 7 --prompt="- we deploy on Fridays now
- the rollback takes two minutes, so a bad deploy costs us less than a meeting
- we added canary checks last spring and have not lost a weekend since"
step generate marguerite-holloway --platform newsletter --seed 2 --prompt="- the first snow came on Tuesday
- I made a pot of leek and potato soup for the neighbours
- the allotment is asleep until March"
step generate rex-talbot --platform linkedin --prompt "why sales decks fail"
step detect "$vault"/drafts/ai-draft.md
step detect "$vault"/drafts/dana-okafor.md --clone dana-okafor
step rewrite dana-okafor "$vault"/drafts/ai-draft.md
