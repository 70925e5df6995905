#!/usr/bin/env bash
# Installs what Voice Clone needs, builds it, and runs the main job offline on a fresh copy of
# example-vault (its own git repository in a temporary folder: this repository is never written to).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product voiceclone 2>&1 | tail -n 1
bin="$(swift build --show-bin-path)/voiceclone"

vault="${TMPDIR:-/tmp}/voiceclone-quickstart"
rm -rf "$vault"
cp -R example-vault "$vault"
step() { printf '\n\033[1m$ voiceclone %s\033[0m\n' "$*"; "$bin" "$@" --vault "$vault"; }

"$bin" init "$vault" >/dev/null   # adopts the copied files into a new git repository
step clone list
step check
# Later steps are added here as features land (analysis, attribution, detection, generation).
if [ -f scripts/quickstart.d/steps.sh ]; then source scripts/quickstart.d/steps.sh; fi
printf '\nThe demo vault is at %s (a git repository: try git -C %s log --stat).\n' "$vault" "$vault"
