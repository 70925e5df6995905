#!/usr/bin/env python3
"""faststylometry 1.0.5 (Burrows' Delta) on the same splits as Voice Clone's attribution evaluation.

Chunking matches Sources/voiceclone-bench/AttributionCorpus.swift exactly: whitespace-split words,
up to 20 evenly spaced non-overlapping chunks of N words per book, joined with single spaces.
Timing covers what Voice Clone's timing covers: tokenising the training books and the chunks,
building the model and attributing (file reading and chunking excluded).

Usage: faststylometry_eval.py CORPORA_DIR [--vocab 100]
"""
import csv
import os
import sys
import time

from faststylometry import Corpus, tokenise_remove_pronouns_en
from faststylometry.burrows_delta import calculate_burrows_delta


def chunks(text, size, count=20):
    words = text.split()
    available = len(words) // size
    picks = list(range(available)) if available <= count else [i * available // count for i in range(count)]
    return [" ".join(words[p * size:(p + 1) * size]) for p in picks]


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def attribute(train_books, tests, vocab):
    """train_books: [(author, title, text)]; tests: [text]. Returns the predicted author per test."""
    train = Corpus()
    for author, title, text in train_books:
        train.add_book(author, title, text)
    train.tokenise(tokenise_remove_pronouns_en)
    test = Corpus()
    for index, text in enumerate(tests):
        test.add_book("unknown", f"chunk{index:05d}", text)
    test.tokenise(tokenise_remove_pronouns_en)
    deltas = calculate_burrows_delta(train, test, vocab_size=vocab)
    return [deltas[column].idxmin() for column in deltas.columns]


def fiction(corpora, vocab):
    folder = os.path.join(corpora, "british_fiction_small")
    with open(os.path.join(folder, "metadata.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    books = [(r["author"], r["title"], read(os.path.join(folder, r["file"]))) for r in rows]
    counts = {}
    for author, _, _ in books:
        counts[author] = counts.get(author, 0) + 1
    eligible = [b for b in books if counts[b[0]] >= 2]
    correct = {2000: 0, 500: 0}
    tested = {2000: 0, 500: 0}
    seconds = 0.0
    for author, title, text in eligible:
        tests = {size: chunks(text, size) for size in (2000, 500)}
        training = [b for b in eligible if b[1] != title or b[0] != author]
        start = time.perf_counter()
        for size in (2000, 500):
            predicted = attribute(training, tests[size], vocab)
            correct[size] += sum(1 for p in predicted if p == author)
            tested[size] += len(predicted)
        seconds += time.perf_counter() - start
    print(f"british_fiction_small (leave-one-novel-out, {len(set(b[0] for b in eligible))} authors, 20 chunks per novel):")
    for size in (2000, 500):
        print(f"  {size:5d}-word chunks: {100 * correct[size] / max(1, tested[size]):.1f}% of {tested[size]}")
    print(f"  time: {seconds:.2f} s")


def federalist(corpora, vocab):
    folder = os.path.join(corpora, "federalist")
    with open(os.path.join(folder, "labels.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    training = [(r["label"], r["number"], read(os.path.join(folder, r["file"])))
                for r in rows if r["label"] in ("hamilton", "madison", "jay")]
    disputed = [(r["number"], read(os.path.join(folder, r["file"]))) for r in rows if r["label"] == "disputed"]
    start = time.perf_counter()
    predicted = attribute(training, [text for _, text in disputed], vocab)
    seconds = time.perf_counter() - start
    print("federalist (trained on 70 single-author papers; 12 disputed):")
    print(f"  to Madison: {sum(1 for p in predicted if p == 'madison')} of {len(predicted)}")
    for (number, _), author in zip(disputed, predicted):
        print(f"    No. {number} -> {author}")
    print(f"  time: {seconds:.3f} s")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: faststylometry_eval.py CORPORA_DIR [--vocab N]")
    corpora = sys.argv[1]
    vocab = int(sys.argv[sys.argv.index("--vocab") + 1]) if "--vocab" in sys.argv else 100
    if not os.path.isdir(os.path.join(corpora, "federalist")):
        sys.exit(f"{corpora} has no federalist/ folder: pass the corpora directory (../shared/corpora).")
    print(f"faststylometry 1.0.5 (Burrows' Delta, {vocab} MFW, pronouns removed)")
    fiction(corpora, vocab)
    federalist(corpora, vocab)


if __name__ == "__main__":
    main()
