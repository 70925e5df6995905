#!/usr/bin/env bash
# Bounded-time libFuzzer runs over the parsers that read hostile input (issue 15). Not part of `swift test`.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]      # default 60
#
# Targets (Fuzz/*.swift), each compiled with `swiftc -sanitize=fuzzer,address` together with the sources it tests:
#   text         Markdown stripper, tokenizer, sentence splitter   (Sources/VoiceCloneAnalysis/Text)
#   markup       libxml2 wrapper: XML (DOCX/EPUB parts) and HTML   (Sources/VoiceCloneImport/Markup)
#   frontmatter  front matter split, YAML limits, render/re-parse  (FrontMatter.swift, YAMLLimits.swift + Yams)
# Seeds are in Fuzz/corpus/<target>; the working corpus and any crash files go to .build-fuzz/.
# Prints, per target, the executions and whether a crash was found; exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out"
# Yams is linked from the ordinary debug build.
[ -d .build/debug/Yams.build ] || swift build --product voiceclone >/dev/null

flags=(-O -sanitize=fuzzer,address -parse-as-library -suppress-warnings)
# gold warns once per ASan helper symbol; nothing else is filtered.
quiet() { "$@" 2> >(grep -v "Cannot export local symbol" >&2); }
quiet swiftc "${flags[@]}" -module-name FuzzText Fuzz/TextTarget.swift \
    $(ls Sources/VoiceCloneAnalysis/Text/*.swift | grep -v -e ResourceFile -e Syllables) -o "$out/fuzz-text"
quiet swiftc "${flags[@]}" -module-name FuzzMarkup Fuzz/MarkupTarget.swift Fuzz/ImportStubs.swift \
    Sources/VoiceCloneImport/Markup/*.swift Sources/VoiceCloneImport/Importing/ImportError.swift \
    -I Sources/CXML2 -Xcc -I/usr/include/libxml2 -lxml2 -o "$out/fuzz-markup"
quiet swiftc "${flags[@]}" -module-name FuzzFrontMatter Fuzz/FrontMatterTarget.swift \
    Sources/VoiceCloneVault/Format/FrontMatter.swift Sources/VoiceCloneVault/Format/YAMLLimits.swift \
    -I .build/debug/Modules -Xcc -fmodule-map-file=.build/checkouts/Yams/Sources/CYaml/include/module.modulemap \
    .build/debug/Yams.build/*.o $(find .build/debug/CYaml.build -name '*.o') -o "$out/fuzz-frontmatter"

status=0
for target in text markup frontmatter; do
    corpus="$out/corpus-$target"
    mkdir -p "$corpus" "$out/crashes-$target"
    cp -n Fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    log="$out/$target.log"
    set +e
    "$out/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="$out/crashes-$target/" "$corpus" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")
    if [ "$code" -ne 0 ]; then
        status=1
        echo "$target: CRASH after ${runs} runs — see $log and $out/crashes-$target/"
    else
        echo "$target: ${runs} executions in ${seconds} s, no crash ($(ls "$corpus" | wc -l) corpus files)"
    fi
done
exit $status
