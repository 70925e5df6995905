#!/usr/bin/env bash
# Attribution evaluation of issue 9: Voice Clone vs faststylometry 1.0.5 (Burrows' Delta) on the
# same train/test splits, printing both tools' accuracies and running times.
#
#   scripts/eval-attribution.sh [CORPORA_DIR]      (default: ../shared/corpora)
#
# Needs: swift, python3 with `pip install faststylometry==1.0.5` (the script installs it if missing).
# Splits: british_fiction_small leave-one-novel-out among the 9 authors with 2+ novels, 20 chunks
# of 2,000 and of 500 words per novel; federalist trained on the 70 single-author papers, the 12
# disputed papers attributed. Voice Clone runs with its default settings (chosen on
# faststylometry_sample, `voiceclone-bench attribution-tune`, and on leave-one-paper-out over the 70
# known Federalist papers, `voiceclone-bench attribution-federalist-cv`; never on the texts scored here).
# Voice Clone scans every novel once and reuses the scans across the 24 folds (`ScannedText`);
# its time covers that scanning, every fold's profiles and the attributions.
# VOICECLONE_ATTRIBUTION_DUMP=FILE writes every ranking at full precision, to check with `cmp`
# that a speed change left the results unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA="${1:-../shared/corpora}"
if [ ! -d "$CORPORA/british_fiction_small" ] || [ ! -d "$CORPORA/federalist" ]; then
    echo "error: $CORPORA does not hold british_fiction_small/ and federalist/; pass the corpora folder as the first argument." >&2
    exit 1
fi
if ! python3 -c "import faststylometry" 2>/dev/null; then
    python3 -m pip install --quiet faststylometry==1.0.5
fi

swift build -c release --product voiceclone-bench >/dev/null
SWIFT_OUT="$(mktemp)"; PY_OUT="$(mktemp)"
trap 'rm -f "$SWIFT_OUT" "$PY_OUT"' EXIT

.build/release/voiceclone-bench attribution "$CORPORA" | tee "$SWIFT_OUT"
echo
python3 scripts/faststylometry_eval.py "$CORPORA" --vocab 100 | tee "$PY_OUT"
echo

# Side-by-side summary (the "time:" lines are wall seconds spent scanning, building profiles and attributing).
python3 - "$SWIFT_OUT" "$PY_OUT" <<'PY'
import re, sys
def parse(path):
    text = open(path, encoding="utf-8").read()
    acc = {int(n): float(p) for n, p in re.findall(r"(\d+)-word chunks: ([\d.]+)%", text)}
    times = [float(t) for t in re.findall(r"time: ([\d.]+) s", text)]
    madison = re.search(r"to Madison: (\d+) of (\d+)", text)
    return acc, times, f"{madison.group(1)}/{madison.group(2)}" if madison else "?"
vc, fs = parse(sys.argv[1]), parse(sys.argv[2])
print(f"{'':34}{'Voice Clone':>14}{'faststylometry':>16}")
for size in (2000, 500):
    print(f"{f'british fiction, {size}-word chunks':34}{vc[0].get(size, 0):13.1f}%{fs[0].get(size, 0):15.1f}%")
print(f"{'federalist disputed -> Madison':34}{vc[2]:>14}{fs[2]:>16}")
vt, ft = sum(vc[1]), sum(fs[1])
print(f"{'time, both corpora (s)':34}{vt:14.2f}{ft:16.2f}")
if vt > 0:
    print(f"{'speed-up':34}{ft / vt:13.1f}x")
PY
