#!/usr/bin/env python3
"""Writes the train/test splits `scripts/eval-judgement` measures on, one JSON per corpus, so Voice Clone
(`voiceclone-bench judgement`) and the scikit-learn reference (`judgement_reference.py`) read exactly the
same texts. Nothing here looks at a model's output: splits come from labels.csv / metadata.csv alone.

  judgement_splits.py CORPORA OUTDIR

Each item: {"file", "author", "split", "start", "words"}; the text is ' '.join(text.split()[start:start+words])
(words = null: the whole text). Splits:
- ebg_adversarial, enron_pan11_emails, faststylometry_sample: the split column of their labels (test, obfuscation,
  imitation ...); faststylometry's two test books are also cut at 100/500/2,000 words (test@N: 10 excerpts each).
- federalist: train = the 70 single-author papers; test = the 12 disputed papers (truth: madison, the consensus).
- british_fiction_small: authors with 2+ novels; each author's alphabetically last novel is held out and 10 evenly
  spaced excerpts of 100, 500 and 2,000 words are the tests (test@N); the other novels train.

Verification pairs (OUTDIR/<corpus>.pairs.tsv, for ebg_adversarial and enron_pan11_emails): writers sorted by
name, those at even positions are in the vault. Every test text is one pair: a vault writer's text against its
own voice (same), an outside writer's text against a vault voice drawn with a seeded generator (different: its
writer is nowhere in the vault). Columns: index into the corpus's JSON, target voice, 1 = same / 0 = different.
"""
import csv, json, os, random, sys

def rows(folder):
    for name in ('labels.csv', 'metadata.csv'):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            return list(csv.DictReader(open(p, encoding='utf-8')))
    sys.exit(f'{folder}: no labels.csv or metadata.csv')

def count_words(folder, f):
    return len(open(os.path.join(folder, f), encoding='utf-8', errors='replace').read().split())

def excerpts(folder, f, author, sizes=(100, 500, 2000), per=10):
    n = count_words(folder, f)
    out = []
    for size in sizes:
        if n < size: continue
        for k in range(per):
            start = (n - size) * k // max(1, per - 1)
            out.append(dict(file=f, author=author, split=f'test@{size}', start=start, words=size))
    return out

def main(corpora, outdir):
    os.makedirs(outdir, exist_ok=True)
    splits = {}
    for name in ('ebg_adversarial', 'enron_pan11_emails', 'faststylometry_sample'):
        folder = os.path.join(corpora, name)
        rs = rows(folder); key = 'author' if 'author' in rs[0] else 'true_author'
        items = [dict(file=r['file'], author=r[key], split=r['split'], start=0, words=None) for r in rs]
        if name == 'faststylometry_sample':
            for r in rs:
                if r['split'] == 'test': items += excerpts(folder, r['file'], r[key])
        splits[name] = items
    folder = os.path.join(corpora, 'federalist')
    items = []
    for r in rows(folder):
        if r['label'] in ('hamilton', 'madison', 'jay'):
            items.append(dict(file=r['file'], author=r['label'], split='train', start=0, words=None, number=r['number']))
        elif r['label'] == 'disputed':
            items.append(dict(file=r['file'], author='madison', split='test', start=0, words=None, number=r['number']))
    splits['federalist'] = items
    folder = os.path.join(corpora, 'british_fiction_small')
    by_author = {}
    for r in rows(folder): by_author.setdefault(r['author'], []).append(r['file'])
    items = []
    for author, files in sorted(by_author.items()):
        if len(files) < 2: continue
        files = sorted(files)
        for f in files[:-1]: items.append(dict(file=f, author=author, split='train', start=0, words=None))
        items += excerpts(folder, files[-1], author)
    splits['british_fiction_small'] = items
    for name in ('ebg_adversarial', 'enron_pan11_emails'):
        items = splits[name]
        authors = sorted({i['author'] for i in items if i['split'] == 'train'})
        vault = authors[0::2]
        draw = random.Random(16)
        with open(os.path.join(outdir, name + '.pairs.tsv'), 'w') as out:
            for index, item in enumerate(items):
                if item['split'] != 'test': continue
                same = item['author'] in vault
                out.write(f"{index}\t{item['author'] if same else draw.choice(vault)}\t{int(same)}\n")
    for name, items in splits.items():
        json.dump(items, open(os.path.join(outdir, name + '.json'), 'w'), indent=0)
        print(f'{name}: ' + ', '.join(f"{s} {sum(1 for i in items if i['split'] == s)}" for s in sorted({i['split'] for i in items})))

if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
