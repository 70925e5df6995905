#!/usr/bin/env python3
"""Issue 23's measurement of the offline notes drafter and the offline rewrite, through the CLI users run.

Usage: eval-notes.py VOICECLONE_BINARY [CORPORA_DIR] [WORK_DIR] [ESSAYS_PER_CORPUS] [drafts,rewrite]
  CORPORA_DIR defaults to ../shared/corpora relative to the repository; WORK_DIR to /tmp/voiceclone-eval-notes.

Drafts: the 30 note sets in eval/notes/<platform>-<n>-<clone>.md (written for this evaluation, no corpus text),
each drafted with `generate --notes ... --json` on a fresh copy of example-vault. Reports content-word recall of the
notes, the parse rate of the drafts next to the writers' own samples (the independent judge
/work/shared/tools/fluency.py, CMU link grammar through link-parser), platform checks met, and the verification
probability of each draft next to the same notes rendered plainly ("before").

Rewrite: machine essays from ai_vs_human_outfox (chatgpt) and ai_vs_human_l2r (machine), each rewritten toward
every example-vault voice with `rewrite --json`. Reports content-word recall, fragments introduced (sentences that
parsed before and are new and do not parse after, by the same judge), doubled punctuation introduced, the
Kolmogorov-Smirnov distance between the text's sentence lengths and the writer's before and after, and AI-likeness
and verification before and after."""
import csv, json, os, re, shutil, subprocess, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
B = sys.argv[1]
CORPORA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPO, "..", "shared", "corpora")
WORK = sys.argv[3] if len(sys.argv) > 3 else "/tmp/voiceclone-eval-notes"
ESSAYS = int(sys.argv[4]) if len(sys.argv) > 4 else 10
PARTS = sys.argv[5].split(",") if len(sys.argv) > 5 else ["drafts", "rewrite"]
FLUENCY = os.environ.get("FLUENCY", "/work/shared/tools/fluency.py")
# EVAL_SKIP=N skips the first N essays of each corpus: a development set disjoint from the reported one (which is
# always the first ESSAYS of each, EVAL_SKIP unset).
SKIP = int(os.environ.get("EVAL_SKIP", "0"))
env = dict(os.environ, XDG_CONFIG_HOME=WORK + "/xdg", VOICECLONE_VAULT=WORK + "/vault")

def run(*args, ok=(0,)):
    r = subprocess.run([B, *args], capture_output=True, text=True, env=env)
    if r.returncode not in ok: sys.exit(f"{args}: exit {r.returncode}: {r.stderr}")
    return r.stdout

STOP = set("""a an the and or but if so of to in on at for with from by as is are was were be been being it its this that
these those i we you he she they me us him her them my our your his their not no do does did done have has had will would
can could should may might must shall there here then than when while where what which who whom whose how why all any
each every some such only own same too very just also into over under about after before again further once up down out
off because until am s t don isn aren wasn weren hasn haven hadn doesn didn won wouldn shouldn couldn can't i'm it's
we're you're they're that's there's i've we've you've i'll we'll you'll i'd let's""".split())

def words(text):
    return [w for w in re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", text.lower())]

def content(text):
    return [w for w in words(text) if w not in STOP and not re.fullmatch(r"(subject|title|to|tags)", w)]

def recall(source, out):
    have = collections.Counter(words(out)); need = collections.Counter(content(source))
    total = sum(need.values())
    return sum(min(c, have[w]) for w, c in need.items()) / max(1, total)

def fluency(paths, per_file=None):
    # Files with the same text (an essay's "before" for each voice) are judged once: the parser is the slow part.
    first = {}
    for p in paths: first.setdefault(open(p, errors="replace").read(), p)
    r = subprocess.run([sys.executable, FLUENCY, *first.values()], capture_output=True, text=True)
    judged = {}
    for line in r.stderr.splitlines():
        m = re.match(r"(.*): (\d+)/(\d+) parse$", line)
        if m: judged[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    ok = n = 0
    for p in paths:
        got = judged.get(first[open(p, errors="replace").read()])
        if got is None: continue
        ok += got[0]; n += got[1]
        if per_file is not None: per_file[p] = got
    return ok, n

def sentence_lengths(text):
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    out = []
    for s in re.split(r"(?<=[.!?])\s+", " ".join(l for l in text.splitlines() if l.strip())):
        n = len(s.split())
        if n: out.append(n)
    return out

def ks(a, b):
    if not a or not b: return 0.0
    a, b = sorted(a), sorted(b); values = sorted(set(a + b)); d = 0.0; i = j = 0
    for v in values:
        while i < len(a) and a[i] <= v: i += 1
        while j < len(b) and b[j] <= v: j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return d

# "rewrite-files" reports on the rewrites an earlier (perhaps interrupted) run left in WORK, without redoing them.
REUSE = "rewrite-files" in PARTS
# "rewrite-resume" carries on an interrupted rewrite run in WORK: rewrites already written are kept, not redone.
RESUME = "rewrite-resume" in PARTS
if RESUME: PARTS.append("rewrite")
if not (REUSE or RESUME):
    shutil.rmtree(WORK, ignore_errors=True); os.makedirs(WORK + "/drafts"); os.makedirs(WORK + "/rewrites")
    shutil.copytree(os.path.join(REPO, "example-vault"), WORK + "/vault")
    run("init", WORK + "/vault")
clones = sorted(os.listdir(WORK + "/vault/clones")); clones = [c for c in clones if not c.startswith(".")]
if not (REUSE or RESUME):
    for c in clones: run("analyze", c)
sample_files = {c: sorted(os.path.join(WORK, "vault/clones", c, "samples", f)
                          for f in os.listdir(os.path.join(WORK, "vault/clones", c, "samples"))) for c in clones}

# ---- drafts from notes
notes_dir = os.path.join(REPO, "eval", "notes")
rows = []
for name in sorted(os.listdir(notes_dir)) if "drafts" in PARTS else []:
    platform, _, clone = re.match(r"([a-z]+)-(\d+)-(.+)\.md$", name).groups()
    path = os.path.join(notes_dir, name)
    out = json.loads(run("generate", clone, "--platform", platform, "--notes", path, "--seed", "1", "--json", ok=(0, 1)))
    draft = WORK + "/drafts/" + name
    open(draft, "w").write(out["text"])
    rows.append(dict(name=name, clone=clone, platform=platform, recall=recall(open(path).read(), out["text"]),
                     checks=all(c["passed"] for c in out["checks"]), failed=[c["name"] for c in out["checks"] if not c["passed"]],
                     after=out["voice_match"], before=(out.get("before") or {}).get("voice_match"),
                     ai_after=out["ai_likeness"], ai_before=(out.get("before") or {}).get("ai_likeness"), path=draft))
if "drafts" in PARTS: print("== Drafts from notes (30 note sets, seed 1)")
for r in rows:
    print(f"{r['name']:40s} recall {r['recall']*100:5.1f}%  checks {'ok' if r['checks'] else 'FAIL ' + ','.join(r['failed'])}"
          f"  verification {r['before']}->{r['after']}  AI-likeness {r['ai_before']}->{r['ai_after']}")
mean = lambda xs: sum(xs) / max(1, len(xs))
if rows:
    print(f"content-word recall: mean {mean([r['recall'] for r in rows])*100:.1f}%, min {min(r['recall'] for r in rows)*100:.1f}%")
    print(f"platform checks met: {sum(r['checks'] for r in rows)}/{len(rows)}")
    ok, n = fluency([r["path"] for r in rows]); print(f"parse rate of drafts: {ok}/{n} = {ok/max(n,1):.3f}")
    notes_plain = []
    for r in rows:
        p = WORK + "/drafts/plain-" + r["name"]
        text = open(os.path.join(notes_dir, r["name"])).read()
        lines = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", l).strip() for l in text.splitlines()]
        lines = [l for l in lines if l and not re.match(r"^(subject|title|to|tags):", l, re.I) and not l.startswith("#")]
        open(p, "w").write(" ".join((l[0].upper() + l[1:]).rstrip(".") + "." for l in lines)); notes_plain.append(p)
    ok, n = fluency(notes_plain); print(f"parse rate of the notes rendered plainly (reference): {ok}/{n} = {ok/max(n,1):.3f}")
    for c in clones:
        ok, n = fluency(sample_files[c]); print(f"parse rate of {c}'s own samples (reference): {ok}/{n} = {ok/max(n,1):.3f}")
        mine = [r for r in rows if r["clone"] == c]
        ok, n = fluency([r["path"] for r in mine]); print(f"   drafts in {c}'s voice: {ok}/{n} = {ok/max(n,1):.3f}")
    have = [r for r in rows if r["before"] is not None and r["after"] is not None]
    print(f"verification probability (voice_match/100) for the intended voice: plain notes {mean([r['before'] for r in have]):.1f}"
          f" -> drafts {mean([r['after'] for r in have]):.1f}; higher for {sum(r['after'] > r['before'] for r in have)}/{len(have)}, "
          f"equal {sum(r['after'] == r['before'] for r in have)}")
    print(f"AI-likeness: plain notes {mean([r['ai_before'] for r in have]):.1f} -> drafts {mean([r['ai_after'] for r in have]):.1f}")

# ---- rewrite of machine essays
if "rewrite" not in PARTS and not REUSE: sys.exit(0)
essays = []
lab = os.path.join(CORPORA, "ai_vs_human_outfox", "labels.csv")
for row in csv.DictReader(open(lab)):
    if row["file"].startswith("chatgpt/") and len(essays) < SKIP + ESSAYS: essays.append(os.path.join(CORPORA, "ai_vs_human_outfox", row["file"]))
l2r = [os.path.join(CORPORA, "ai_vs_human_l2r", row["file"]) for row in csv.DictReader(open(os.path.join(CORPORA, "ai_vs_human_l2r", "labels.csv")))
       if row["label"] == "machine" and int(row["words"]) >= 120]
essays = essays[SKIP:] + l2r[SKIP:SKIP + ESSAYS]
writer_lengths = {c: sum((sentence_lengths(open(f).read()) for f in sample_files[c]), []) for c in clones}
stats = collections.defaultdict(list)
before_paths, after_paths = [], []
done = []
if REUSE:
    # Every essay whose rewrites toward all voices were written; an essay cut off midway is left out. A run from
    # before the JSON was kept has only the texts: the figures that need the CLI's scores are then not printed.
    for i in range(len(essays)):
        if all(os.path.exists(f"{WORK}/rewrites/{i}-{c}-after.txt") for c in clones): done.append(i)
    essays = [essays[i] for i in done]
# EVAL_JOBS=N writes the rewrites N at a time (the same CLI call each), then reads them as below.
JOBS = int(os.environ.get("EVAL_JOBS", "1"))
if JOBS > 1 and not REUSE:
    from concurrent.futures import ThreadPoolExecutor
    def one(job):
        i, essay, c = job
        jp = f"{WORK}/rewrites/{i}-{c}.json"
        if RESUME and os.path.exists(jp): return
        out = run("rewrite", c, essay, "--json")
        open(jp + ".tmp", "w").write(out); os.replace(jp + ".tmp", jp)
    with ThreadPoolExecutor(JOBS) as pool:
        list(pool.map(one, [(i, e, c) for i, e in enumerate(essays) for c in clones]))
    RESUME = True
for i, essay in enumerate(essays):
    text = open(essay).read()
    for c in clones:
        jp = f"{WORK}/rewrites/{i}-{c}.json"
        bp = f"{WORK}/rewrites/{i}-{c}-before.txt"; ap = f"{WORK}/rewrites/{i}-{c}-after.txt"
        if REUSE or (RESUME and (os.path.exists(ap) or os.path.exists(jp))):
            out = json.load(open(jp)) if os.path.exists(jp) else {"text": open(ap).read()}
        else:
            out = json.loads(run("rewrite", c, essay, "--json"))
            json.dump(out, open(jp, "w"))
        new = out["text"]
        open(bp, "w").write(text); open(ap, "w").write(new); before_paths.append(bp); after_paths.append(ap)
        # The script's own word-level recall of the essay's content words, beside the CLI's figure.
        stats["word_recall"].append(recall(text, new))
        doubled = sum(new.count(m) - text.count(m) for m in [",,", ", ,", ",.", ".,", ";;", "::"])
        stats["doubled"].append(max(0, doubled))
        stats["ks_before"].append(ks(sentence_lengths(text), writer_lengths[c]))
        stats["ks_after"].append(ks(sentence_lengths(new), writer_lengths[c]))
        stats["ks_before_" + c].append(stats["ks_before"][-1]); stats["ks_after_" + c].append(stats["ks_after"][-1])
        if "before" not in out: continue
        stats["recall"].append(out["content_word_recall"])
        stats["ai_before"].append(out["before"]["ai_likeness"]); stats["ai_after"].append(out["after"]["ai_likeness"])
        stats["vm_before"].append(out["before"]["voice_match"]); stats["vm_after"].append(out["after"]["voice_match"])
        stats["edits"].append(sum(out["edits"].values()))
n = len(stats["word_recall"])
print(f"\n== Rewrite of {len(essays)} machine essays ({'development set, after the first ' + str(SKIP) + ' of each; ' if SKIP else ''}of {ESSAYS} ai_vs_human_outfox chatgpt + {ESSAYS} ai_vs_human_l2r machine, in that order) toward {len(clones)} voices = {n} rewrites")
if stats["recall"]: print(f"content-word recall (CLI): mean {mean(stats['recall'])*100:.1f}%, min {min(stats['recall'])*100:.1f}%")
print(f"content-word recall (this script, every non-stop word): mean {mean(stats['word_recall'])*100:.1f}%, min {min(stats['word_recall'])*100:.1f}%")
print(f"doubled punctuation introduced: {sum(stats['doubled'])}")
pf = {}
ok_b, n_b = fluency(before_paths, pf); ok_a, n_a = fluency(after_paths, pf)
introduced = sum(max(0, (pf.get(a, (0, 0))[1] - pf.get(a, (0, 0))[0]) - (pf.get(b, (0, 0))[1] - pf.get(b, (0, 0))[0]))
                 for b, a in zip(before_paths, after_paths))
print(f"sentences failing the parser, more after than before (fragments introduced, summed per rewrite): {introduced}")
print(f"parse rate (independent judge): before {ok_b}/{n_b} = {ok_b/max(n_b,1):.3f}, after {ok_a}/{n_a} = {ok_a/max(n_a,1):.3f}")
print(f"KS distance of sentence lengths to the writer's: before {mean(stats['ks_before']):.3f}, after {mean(stats['ks_after']):.3f}; "
      + ", ".join(f"{c} {mean(stats['ks_before_' + c]):.3f} -> {mean(stats['ks_after_' + c]):.3f}" for c in clones))
if stats["recall"]: print(f"AI-likeness: {mean(stats['ai_before']):.1f} -> {mean(stats['ai_after']):.1f}; verification (voice match): "
      f"{mean(stats['vm_before']):.1f} -> {mean(stats['vm_after']):.1f}; edits per rewrite {mean(stats['edits']):.1f}")

# Contraction and dash rates against the writer's own sample-to-sample range (min to max over their samples), by the
# repository's own measure (`voiceclone stats`: contractions and em/en dashes per 1,000 words).
def rates(paths):
    out = {}
    for i in range(0, len(paths), 50):
        chunk = paths[i:i + 50]
        got = json.loads(run("stats", *chunk, "--json"))
        for d in (got if isinstance(got, list) else [got]):
            p = d["punctuation"]
            out[d["file"]] = (d["lexical"]["contractions_per_thousand"], p["em_dash"] + p["en_dash"])
    return out
sample_rates = {c: rates(sample_files[c]) for c in clones}
ranges = {c: [(min(v[k] for v in sample_rates[c].values()), max(v[k] for v in sample_rates[c].values())) for k in (0, 1)]
          for c in clones}
rb, ra = rates(before_paths), rates(after_paths)
for k, label in ((0, "contractions per 1,000 words"), (1, "dashes (em/en) per 1,000 words")):
    inside_b = inside_a = 0; vb = []; va = []
    for b, a in zip(before_paths, after_paths):
        c = next(c for c in clones if f"-{c}-" in a)
        lo, hi = ranges[c][k]
        vb.append(rb[b][k]); va.append(ra[a][k])
        inside_b += lo <= rb[b][k] <= hi; inside_a += lo <= ra[a][k] <= hi
    print(f"{label}: mean before {mean(vb):.1f} -> after {mean(va):.1f}; inside the writer's sample-to-sample range "
          f"before {inside_b}/{len(vb)}, after {inside_a}/{len(va)}; ranges " +
          ", ".join(f"{c} {ranges[c][k][0]:.1f}-{ranges[c][k][1]:.1f} (median {sorted(v[k] for v in sample_rates[c].values())[len(sample_rates[c]) // 2]:.1f})"
                    for c in clones))
