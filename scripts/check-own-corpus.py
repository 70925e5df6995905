#!/usr/bin/env python3
"""Checks that a corpus we wrote ourselves (kept outside the repository, given by path) holds no text from the shared
corpora: lists every run of 8 words it shares with any text under ../shared/corpora. Stock phrases ("please do not
hesitate to contact me") are expected; a longer shared run would mean copied text.

Usage: check-own-corpus.py OWN_DIR [SHARED_CORPORA_DIR]"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) < 2: sys.exit("usage: check-own-corpus.py OWN_CORPUS_DIR [SHARED_CORPORA_DIR]")
OWN = sys.argv[1]
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared", "corpora")
N = 8


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


own = {}
for path in sorted(glob.glob(os.path.join(OWN, "*.txt"))):
    w = words(open(path, encoding="utf-8").read())
    for i in range(len(w) - N + 1):
        own.setdefault(" ".join(w[i:i + N]), os.path.basename(path))
shared_hits = {}
for path in glob.glob(os.path.join(SHARED, "**", "*"), recursive=True):
    if not path.endswith((".txt", ".md")) or os.path.isdir(path):
        continue
    w = words(open(path, encoding="utf-8", errors="ignore").read())
    for i in range(len(w) - N + 1):
        run = " ".join(w[i:i + N])
        if run in own:
            shared_hits.setdefault((own[run], run), os.path.relpath(path, SHARED))
print(f"{len(own)} {N}-word runs in {OWN}; {len(shared_hits)} also in {SHARED}")
for (name, run), where in sorted(shared_hits.items()):
    print(f"  {name}: \"{run}\" (also in {where})")
