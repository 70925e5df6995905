#!/usr/bin/env python3
"""TF-IDF reference for issue 18's leave-one-corpus-out folds, trained on exactly the bench's split.

  scripts/detection-reference.py SPLIT.jsonl

SPLIT.jsonl is written by `voiceclone-bench detection-cross --dump FILE`: every corpus text (role "corpus") and every
human-only text with its half (role "calibration" or "test", and whether its terms allow training). For each corpus
held out, the reference trains on the other corpora plus the trainable calibration halves (federalist, novel chunks,
example-vault), exactly the examples the bench's model is fitted on, and is tested on the held-out corpus; a
machine-only corpus (our own, read by path with --own) is tested against the human test halves no fit saw.
The model is ../shared/tools/reference.py's: TF-IDF word 1-2-grams (sublinear, min_df 2) + logistic regression
(C=4), from the same scikit-learn venv (~/.cache/voiceclone-reference, created from PyPI if missing)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_venv import ensure_sklearn  # noqa: E402
ensure_sklearn()
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

MODERN = {'example-vault', 'ebg_adversarial', 'enron_pan11_emails'}


def figures(machine, human):
    """AUROC and TPR at 1% / 5% FPR, thresholds taken from the human scores as reference.py does."""
    hum = sorted(human, reverse=True)
    def tpr(fpr):
        thr = hum[max(0, int(fpr * len(hum)) - 1)]
        return sum(v > thr for v in machine) / max(1, len(machine))
    auc = roc_auc_score([1] * len(machine) + [0] * len(human), list(machine) + list(human))
    return f"AUROC {auc:.3f}  TPR@1%FPR {tpr(0.01):.3f}  TPR@5%FPR {tpr(0.05):.3f}  ({len(machine)} machine, {len(human)} human)"


def main(path):
    rows = [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]
    corpus_rows = [r for r in rows if r['role'] == 'corpus']
    extra = [r for r in rows if r['role'] == 'calibration' and r['trainable']]
    tests = [r for r in rows if r['role'] == 'test']
    names = [c for c in ('outfox', 'l2r', 'ours') if any(r['corpus'] == c for r in corpus_rows)]
    print(f"== Reference: TF-IDF word 1-2-grams + logistic regression, leave-one-corpus-out over {', '.join(names)} ==")
    aucs = []
    for held in names:
        train = [r for r in corpus_rows if r['corpus'] != held] + extra
        vec = TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        X = vec.fit_transform([r['text'] for r in train])
        clf = LogisticRegression(max_iter=2000, C=4.0).fit(X, [1 if r['machine'] else 0 for r in train])
        score = lambda rs: list(clf.decision_function(vec.transform([r['text'] for r in rs]))) if rs else []
        held_rows = [r for r in corpus_rows if r['corpus'] == held]
        machine_rows = [r for r in held_rows if r['machine']]
        machine = score(machine_rows)
        human = score([r for r in held_rows if not r['machine']])
        label = f"held out {held}"
        if not human:
            human = score(tests)
            label += " vs every human test half"
        aucs.append(roc_auc_score([1] * len(machine) + [0] * len(human), machine + human))
        print(f"  {label:<50} {figures(machine, human)}")
        by = 'domain' if held == 'ours' else 'generator'
        if held == 'ours':
            print(f"  {'  vs modern human test halves':<50} {figures(machine, score([r for r in tests if r['corpus'] in MODERN]))}")
        for v in sorted({r[by] for r in machine_rows}):
            print(f"  {'  ' + v:<50} {figures([s for s, r in zip(machine, machine_rows) if r[by] == v], human)}")
    print(f"  mean held-out-corpus AUROC {sum(aucs) / len(aucs):.3f}")


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
