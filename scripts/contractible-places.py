#!/usr/bin/env python3
"""How many places a set of texts offers for a contraction, per 1,000 words, by kind: the ceiling on how far a
rewrite can raise the contraction rate without rewording. Usage: contractible-places.py FILE...

Counts the expansions the offline rewrite contracts (scripts/../Sources/VoiceCloneRewrite/Steps/ContractionPlanner.swift),
case-insensitively and without its safety rules (quotations, clause ends, possessive "have"), so the figure is an
upper bound; contractions already written are counted apart."""
import re, sys, collections

NEG = ["is not", "are not", "was not", "were not", "do not", "does not", "did not", "cannot", "can not", "will not",
       "would not", "could not", "should not", "have not", "has not", "had not", "must not"]
PRON = [f"{p} {v}" for p in ["i", "we", "you", "they", "he", "she", "it"] for v in ["is", "am", "are", "will", "would", "have", "has", "had"]
        if not (p == "i" and v in ("is", "are", "has")) and not (p != "i" and v == "am")
        and not (p in ("we", "you", "they") and v in ("is", "has")) and not (p in ("he", "she", "it") and v in ("are", "have"))]
OTHER = ["there is", "that is", "here is", "what is", "let us"]
# Written contractions; "'s" only on the words where it is "is"/"has", not a possessive.
done = re.compile(r"\b(?:\w+n't|\w+'re|\w+'ll|\w+'ve|\w+'d|i'm|(?:it|that|there|here|what|he|she|let|who|where)'s)\b")

words = 0
kinds = collections.Counter()
already = 0
for path in sys.argv[1:]:
    text = open(path, errors="replace").read().replace("’", "'")
    lower = text.lower()
    words += len(re.findall(r"[A-Za-z0-9']+", text))
    already += len(done.findall(lower))
    for group, forms in (("negation", NEG), ("pronoun + auxiliary", PRON), ("there/that/here/what is, let us", OTHER)):
        for f in forms:
            n = len(re.findall(r"\b" + f.replace(" ", r"\s+") + r"\b", lower))
            kinds[(group, f)] += n
total = sum(kinds.values())
print(f"{len(sys.argv) - 1} files, {words} words; contractions already written: {already} ({already * 1000 / max(words, 1):.1f} per 1,000)")
print(f"places that could be contracted: {total} = {total * 1000 / max(words, 1):.1f} per 1,000 words")
for group in ("negation", "pronoun + auxiliary", "there/that/here/what is, let us"):
    g = {f: n for (gr, f), n in kinds.items() if gr == group and n}
    s = sum(g.values())
    print(f"  {group}: {s} ({s * 1000 / max(words, 1):.1f} per 1,000): " + ", ".join(f"{f} {n}" for f, n in sorted(g.items(), key=lambda x: -x[1])))
