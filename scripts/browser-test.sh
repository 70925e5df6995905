#!/usr/bin/env bash
# The web app's browser journey (Tests/Browser/journey.py): Debian's chromium and chromium-driver, headless,
# driven by Selenium from PyPI in a venv under ~/.cache (no browser download). Needs a built voiceclone.
# Usage: scripts/browser-test.sh [--screenshots docs/screenshots]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "browser-test: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done
venv="${XDG_CACHE_HOME:-$HOME/.cache}/voiceclone/browser-venv"
selenium_version="4.38.0"
if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==$selenium_version"
fi
binary="$(swift build --show-bin-path)/voiceclone"
[ -x "$binary" ] || { echo "browser-test: build first (swift build); no $binary" >&2; exit 1; }
# Selenium must not look for a driver online: the one Debian installs is named explicitly.
export SE_OFFLINE=true
exec "$venv/bin/python" Tests/Browser/journey.py --binary "$binary" "$@"
