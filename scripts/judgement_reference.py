#!/usr/bin/env python3
"""The plain reference beside `voiceclone-bench judgement`: scikit-learn TfidfVectorizer(analyzer='char',
ngram_range=(1, 4), sublinear_tf=True, min_df=2, max_features=300000) + LinearSVC(C=1), exactly as
/work/shared/tools/reference.py, trained on split=train and scored on every other split of the JSON splits
written by judgement_splits.py (so both tools see the same texts).

Verification reference (the plain PAN-style baseline), on the same pairs as `voiceclone-bench judgement`
(<corpus>.pairs.tsv): the same TF-IDF character 1-4-grams fitted on the vault writers' training texts, each
voice the mean of its training-text vectors, the evidence the cosine similarity of the questioned text to the
voice, turned into a probability by a logistic fit on training pairs only (each vault writer's training text
against its voice without that text: same; against another vault voice: different; equal weight), then
AUC, c@1, F1 (PAN 2020) and ECE (10 bins) exactly as the bench computes them.

  judgement_reference.py CORPORA SPLITDIR

scikit-learn comes from the venv reference.py uses (~/.cache/voiceclone-reference, created from PyPI once)."""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_venv import ensure_sklearn  # noqa: E402
ensure_sklearn()
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
import numpy as np
import random

def text(corpora, corpus, item):
    # A development fold (`<corpus>@<fold>`, judgement_development_splits.py) reads its corpus's files.
    t = open(os.path.join(corpora, corpus.split('@')[0], item['file']), encoding='utf-8', errors='replace').read()
    if item.get('words') is None and not item.get('start'): return t
    words = t.split(); s = item.get('start') or 0
    return ' '.join(words[s:s + item['words']] if item.get('words') else words[s:])

def main(corpora, splitdir):
    for name in sorted(f[:-5] for f in os.listdir(splitdir) if f.endswith('.json')):
        items = json.load(open(os.path.join(splitdir, name + '.json')))
        tr = [i for i in items if i['split'] == 'train']
        started = time.time()
        vec = TfidfVectorizer(analyzer='char', ngram_range=(1, 4), sublinear_tf=True, min_df=2, max_features=300000)
        X = vec.fit_transform([text(corpora, name, i) for i in tr]); clf = LinearSVC(C=1.0).fit(X, [i['author'] for i in tr])
        for split in sorted({i['split'] for i in items} - {'train'}):
            te = [i for i in items if i['split'] == split]
            p = clf.predict(vec.transform([text(corpora, name, i) for i in te]))
            acc = sum(a == i['author'] for a, i in zip(p, te)) / len(te)
            print(f"reference {name} {split}: accuracy={acc * 100:.1f}% ({len(te)} texts)")
        print(f"reference {name} time: {time.time() - started:.2f} s")
        pairs = os.path.join(splitdir, name + '.pairs.tsv')
        if os.path.exists(pairs): verification(corpora, name, items, pairs)

def metrics(p, y):
    p = np.asarray(p, float); y = np.asarray(y, bool)
    pos, neg = p[y], p[~y]
    auc = ((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg))
    answered = p != 0.5; n = len(p)
    correct = ((p > 0.5) == y)[answered].sum()
    c1 = (correct + (n - answered.sum()) * correct / n) / n
    tp = ((p > 0.5) & y & answered).sum(); fp = ((p > 0.5) & ~y & answered).sum(); fn = y.sum() - tp
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    bins = np.minimum(9, (p * 10).astype(int))
    ece = sum(abs(p[bins == b].sum() - y[bins == b].sum()) for b in range(10)) / n
    return auc, c1, f1, ece

def verification(corpora, name, items, pairs):
    started = time.time()
    rows = [line.split('\t') for line in open(pairs, encoding='utf-8').read().splitlines()]
    vault = sorted({i['author'] for i in items if i['split'] == 'train'})[0::2]
    train = {a: [text(corpora, name, i) for i in items if i['split'] == 'train' and i['author'] == a] for a in vault}
    vec = TfidfVectorizer(analyzer='char', ngram_range=(1, 4), sublinear_tf=True, min_df=2, max_features=300000)
    vec.fit([t for a in vault for t in train[a]])
    X = {a: vec.transform(train[a]) for a in vault}
    sums = {a: np.asarray(X[a].sum(axis=0)).ravel() for a in vault}
    def cosine(x, profile):
        x = x.toarray().ravel(); d = np.linalg.norm(x) * np.linalg.norm(profile)
        return float(x @ profile / d) if d > 0 else 0.0
    # Calibration pairs from training texts only (leave the text out of its own voice).
    draw = random.Random(16); feats, labels = [], []
    for k, a in enumerate(vault):
        n = X[a].shape[0]
        if n < 2: continue
        for j in range(n):
            row = X[a][j]
            feats.append(cosine(row, (sums[a] - row.toarray().ravel()) / (n - 1))); labels.append(1)
            other = vault[(k + 1 + draw.randrange(len(vault) - 1)) % len(vault)]
            feats.append(cosine(row, sums[other] / X[other].shape[0])); labels.append(0)
    model = LogisticRegression(C=1e4).fit(np.array(feats)[:, None], labels)
    probabilities, truths = [], []
    for index, target, same in rows:
        item = items[int(index)]
        x = vec.transform([text(corpora, name, item)])
        probabilities.append(model.predict_proba([[cosine(x, sums[target] / X[target].shape[0])]])[0, 1]); truths.append(same == '1')
    auc, c1, f1, ece = metrics(probabilities, truths)
    print(f"reference {name} verification: {sum(truths)} same / {len(truths) - sum(truths)} different pairs: "
          f"AUC={auc:.3f} c@1={c1:.3f} F1={f1:.3f} ECE={ece:.3f} ({time.time() - started:.1f} s)")

if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
