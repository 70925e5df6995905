#!/usr/bin/env python3
"""Development splits for choosing the learned attributor's settings, carved from the *training* texts of the
official splits only (never their test, obfuscation or imitation texts), one JSON per fold in the format
`judgement_splits.py` writes, named `<corpus>@<fold>.json` so `judgement_reference.py` and `voiceclone-bench
judgement-development` read the same texts:

- enron_pan11_emails: each writer's training emails in label order, cut in quarters; fold k holds quarter k out
  (split "development") and trains on the other three (four folds, so every training email is scored once).
- ebg_adversarial: one fold, cut as the corpus's own test split was (its PROVENANCE.md): each writer's training
  segments in order, cut at a source-document boundary so the held-out part shares no document with the rest,
  the cut whose held-out share is closest to a quarter (15-50% allowed), a segment straddling it dropped; a writer
  with no such cut holds out the last quarter of segments.

  judgement_development_splits.py CORPORA SPLITDIR     (SPLITDIR: where judgement_splits.py wrote its JSON)
"""
import csv, json, os, sys


def docs(corpora, corpus):
    """Source documents of each ebg file (labels.csv's source_docs, e.g. "1+2")."""
    rows = csv.DictReader(open(os.path.join(corpora, corpus, 'labels.csv'), encoding='utf-8'))
    return {r['file']: set(r['source_docs'].split('+')) for r in rows if r.get('source_docs')}


def by_author(items):
    out = {}
    for i in items:
        if i['split'] == 'train': out.setdefault(i['author'], []).append(i)
    return out


def enron_folds(items, folds=4):
    writers = by_author(items)
    for k in range(folds):
        fold = []
        for author, own in sorted(writers.items()):
            n = len(own)
            for j, item in enumerate(own):
                held = j * folds // n == k
                fold.append(dict(item, split='development' if held else 'train'))
        yield f'dev{k + 1}', fold


def ebg_fold(items, sources):
    fold = []
    for author, own in sorted(by_author(items).items()):
        n = len(own)
        best = None
        ordered = sorted({d for i in own for d in sources[i['file']]}, key=int)
        for boundary in ordered[1:]:
            later = lambda i: all(int(d) >= int(boundary) for d in sources[i['file']])
            earlier = lambda i: all(int(d) < int(boundary) for d in sources[i['file']])
            held = [i for i in own if later(i)]
            kept = [i for i in own if earlier(i)]
            share = len(held) / n
            if 0.15 <= share <= 0.5 and len(kept) >= 2 and (best is None or abs(share - 0.25) < abs(best[0] - 0.25)):
                best = (share, kept, held)
        if best is None:
            cut = n - max(1, n // 4)
            kept, held = own[:cut], own[cut:]
        else:
            kept, held = best[1], best[2]
        fold += [dict(i, split='train') for i in kept] + [dict(i, split='development') for i in held]
    return fold


def main(corpora, splitdir):
    enron = json.load(open(os.path.join(splitdir, 'enron_pan11_emails.json')))
    for name, fold in enron_folds(enron):
        write(splitdir, f'enron_pan11_emails@{name}', fold)
    ebg = json.load(open(os.path.join(splitdir, 'ebg_adversarial.json')))
    write(splitdir, 'ebg_adversarial@dev', ebg_fold(ebg, docs(corpora, 'ebg_adversarial')))


def write(splitdir, name, fold):
    json.dump(fold, open(os.path.join(splitdir, name + '.json'), 'w'), indent=0)
    counts = {s: sum(1 for i in fold if i['split'] == s) for s in ('train', 'development')}
    print(f"{name}: train {counts['train']}, development {counts['development']}")


if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
