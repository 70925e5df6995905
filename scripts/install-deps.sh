#!/usr/bin/env bash
# Installs the Debian packages Voice Clone builds against (C libraries through pkg-config), and
# link-grammar (the parser behind the no-fragment checks); poppler-utils for the PDF benchmark; chromium, chromium-driver and python3-venv for the web app's browser tests
# (scripts/browser-test.sh; Selenium itself comes from PyPI into a venv). Skips apt entirely when everything is there.
set -euo pipefail
packages=(pkg-config liblink-grammar-dev link-grammar libgit2-dev libcurl4-openssl-dev libxml2-dev libpoppler-glib-dev
          libzip-dev poppler-utils git e2fsprogs chromium chromium-driver python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
