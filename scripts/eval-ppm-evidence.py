#!/usr/bin/env python3
"""Issue 18 experiment: does compression-style cross-entropy carry across corpora?

The issue suggests the PAN 2024 baseline idea: score a text by how much better a model of machine prose
predicts it than a model of human prose. This script measures that evidence ALONE, leave-one-corpus-out, before
anything is built into the detector: character models of order K (Witten-Bell interpolation, the smoothing of
PPM-C's escape estimate) are trained on the human and on the machine texts of one corpus, and the other corpus
is scored by cross-entropy(human model) - cross-entropy(machine model), in bits per character.

    python3 scripts/eval-ppm-evidence.py [CORPORA_DIR] [K]      (default ../shared/corpora, K = 4)
    python3 scripts/eval-ppm-evidence.py CORPORA_DIR K --redistributable   references we could ship (see below)

Prints AUROC per held-out corpus and per generator (the attacked/paraphrased OUTFOX texts, labelled
machine_attacked, are left out, as are texts of neither label). Pure Python, no packages; slow (minutes).
"""
import csv
import math
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict

CORPORA = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora"
ORDER = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 4


def load(name):
    texts = []
    with open(f"{CORPORA}/{name}/labels.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["label"] not in ("human", "machine"):
                continue
            with open(f"{CORPORA}/{name}/{row['file']}", encoding="utf-8") as text:
                texts.append((" ".join(text.read().lower().split()), row["label"] == "machine",
                              row.get("generator") or row.get("model")))
    return texts


class CharModel:
    def __init__(self, order):
        self.order = order
        self.counts = [defaultdict(lambda: defaultdict(int)) for _ in range(order + 1)]

    def train(self, text):
        for i, char in enumerate(text):
            for o in range(min(self.order, i) + 1):
                self.counts[o][text[i - o:i]][char] += 1

    def freeze(self):
        self.totals = [{h: sum(d.values()) for h, d in level.items()} for level in self.counts]
        self.types = [{h: len(d) for h, d in level.items()} for level in self.counts]

    def bits_per_char(self, text):
        bits = 0.0
        for i, char in enumerate(text):
            p = 1 / 256
            for o in range(min(self.order, i) + 1):
                history = text[i - o:i]
                total = self.totals[o].get(history)
                if not total:
                    break
                weight = total / (total + self.types[o][history])
                p = weight * self.counts[o][history].get(char, 0) / total + (1 - weight) * p
            bits -= math.log2(p)
        return bits / max(len(text), 1)


def auroc(positives, negatives):
    negatives = sorted(negatives)
    wins = sum(bisect_left(negatives, s) + (bisect_right(negatives, s) - bisect_left(negatives, s)) / 2
               for s in positives)
    return wins / (len(positives) * len(negatives))


def redistributable_references():
    """Issue 18, third round: the same evidence with references this project could ship. Machine prose: our own
    machine-written set, read by path from VOICECLONE_OWN_CORPUS (corpora are not kept in the repository). Human prose: the even-numbered (training) halves of the public-domain
    Federalist papers, the first 20,000 words of each British novel, and example-vault's samples. The human reference is
    cut to the machine reference's length, so neither model wins by size. Neither shared detection corpus is trained
    on, so OUTFOX and l2r are both held out; the modern human sets (ebg, Enron test halves) show whether the evidence
    only separates old prose from new."""
    import glob
    import zlib
    import os
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    flat = lambda t: " ".join(t.lower().split())
    machine_text = [flat(open(f, encoding="utf-8").read())
                    for f in sorted(glob.glob(os.path.join(os.environ["VOICECLONE_OWN_CORPUS"], "[0-9]*.txt")))]
    human_text = []
    with open(f"{CORPORA}/federalist/labels.csv", encoding="utf-8") as handle:
        human_text += [flat(open(f"{CORPORA}/federalist/{r['file']}", encoding="utf-8").read())
                       for i, r in enumerate(csv.DictReader(handle)) if i % 2 == 0]
    with open(f"{CORPORA}/british_fiction_small/metadata.csv", encoding="utf-8") as handle:
        human_text += [" ".join(open(f"{CORPORA}/british_fiction_small/{r['file']}", encoding="utf-8").read().lower().split()[:20000])
                       for r in csv.DictReader(handle)]
    human_text += [flat(open(f, encoding="utf-8").read().split("---", 2)[-1])
                   for f in sorted(glob.glob(f"{root}/example-vault/clones/*/samples/*.md"))]
    budget = sum(len(t) for t in machine_text)
    human, machine = CharModel(ORDER), CharModel(ORDER)
    for t in machine_text:
        machine.train(t)
    # Interleave the human sources so the cut keeps some of each.
    used = 0
    for t in sorted(human_text, key=lambda t: zlib.crc32(t[:40].encode())):
        if used >= budget:
            break
        human.train(t[:budget - used])
        used += min(len(t), budget - used)
    human.freeze()
    machine.freeze()
    score = lambda t: human.bits_per_char(t) - machine.bits_per_char(t)
    modern = []
    for name in ("ebg_adversarial", "enron_pan11_emails"):
        with open(f"{CORPORA}/{name}/labels.csv", encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["file"].endswith(".txt")]
        modern += [score(flat(open(f"{CORPORA}/{name}/{r['file']}", encoding="utf-8").read())) for r in rows[1::2][:300]]
    for test in ("ai_vs_human_outfox", "ai_vs_human_l2r"):
        texts = load(test)
        scored = [(score(t), m, g) for t, m, g in texts]
        humans = [s for s, m, _ in scored if not m]
        machines = [s for s, m, _ in scored if m]
        print(f"order {ORDER}, redistributable references ({budget} characters each): held out {test}: "
              f"AUROC {auroc(machines, humans):.3f}; its machine texts vs ebg+Enron test humans {auroc(machines, modern):.3f}",
              flush=True)


if "--redistributable" in sys.argv:
    redistributable_references()
    sys.exit(0)

corpora = {name: load(name) for name in ("ai_vs_human_outfox", "ai_vs_human_l2r")}
for train, test in (("ai_vs_human_l2r", "ai_vs_human_outfox"), ("ai_vs_human_outfox", "ai_vs_human_l2r")):
    human, machine = CharModel(ORDER), CharModel(ORDER)
    for text, is_machine, _ in corpora[train]:
        (machine if is_machine else human).train(text)
    human.freeze()
    machine.freeze()
    scored = [(human.bits_per_char(t) - machine.bits_per_char(t), m, g) for t, m, g in corpora[test]]
    humans = [s for s, m, _ in scored if not m]
    print(f"order {ORDER}: trained on {train}, held out {test}: "
          f"AUROC {auroc([s for s, m, _ in scored if m], humans):.3f}", flush=True)
    for generator in sorted({g for _, m, g in scored if m}):
        print(f"    {generator}: {auroc([s for s, m, g in scored if m and g == generator], humans):.3f}")
