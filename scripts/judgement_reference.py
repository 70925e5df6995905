#!/usr/bin/env python3
"""The plain reference beside `voiceclone-bench judgement`: scikit-learn TfidfVectorizer(analyzer='char',
ngram_range=(1, 4), sublinear_tf=True, min_df=2, max_features=300000) + LinearSVC(C=1), exactly as
/work/shared/tools/reference.py, trained on split=train and scored on every other split of the JSON splits
written by judgement_splits.py (so both tools see the same texts).

  judgement_reference.py CORPORA SPLITDIR

scikit-learn comes from the venv reference.py uses (~/.cache/voiceclone-reference, created from PyPI once)."""
import json, os, subprocess, sys, time
VENV = os.path.expanduser('~/.cache/voiceclone-reference')
try:
    import sklearn  # noqa: F401
except ImportError:
    py = os.path.join(VENV, 'bin', 'python')
    if not os.path.exists(py):
        subprocess.run([sys.executable, '-m', 'venv', VENV], check=True)
        subprocess.run([py, '-m', 'pip', 'install', '-q', 'scikit-learn'], check=True)
    os.execv(py, [py] + sys.argv)
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

def text(corpora, corpus, item):
    t = open(os.path.join(corpora, corpus, item['file']), encoding='utf-8', errors='replace').read()
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

if __name__ == '__main__':
    if len(sys.argv) != 3: sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
