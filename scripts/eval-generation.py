#!/usr/bin/env python3
"""Issue 6's measurement through the Kit path users hit: one clone per british_fiction_small author
(8 samples of 2,000 words spread over their novels), `voiceclone analyze`, then 20 pieces of 500 words per
author from `voiceclone generate --provider local --variants 10 --json` (DNA-steered StyleTargets), each
attributed back with `voiceclone attribute --json`. Reports accuracy and the longest copied run."""
import csv, json, os, subprocess, sys, shutil, collections
B = sys.argv[1]; CORPUS = sys.argv[2]; WORK = sys.argv[3]
SAMPLES, WORDS = 8, 2000
env = dict(os.environ, XDG_CONFIG_HOME=WORK + "/xdg", VOICECLONE_VAULT=WORK + "/vault")
def run(*args, stdin=None):
    r = subprocess.run([B, *args], capture_output=True, text=True, env=env, input=stdin)
    if r.returncode != 0: sys.exit(f"{args}: {r.stderr}")
    return r.stdout
shutil.rmtree(WORK, ignore_errors=True); os.makedirs(WORK + "/in")
run("init", WORK + "/vault")
books = collections.defaultdict(list)
for row in csv.DictReader(open(CORPUS + "/metadata.csv")): books[row["author"]].append(row["file"])
for author in sorted(books):
    run("clone", "create", author)
    files = []
    per = max(1, SAMPLES // len(books[author]))
    for f in sorted(books[author]):
        words = open(os.path.join(CORPUS, f), encoding="utf-8").read().split()
        step = max(WORDS, (len(words) - WORDS) // per)
        for k in range(per):
            chunk = words[k * step: k * step + WORDS]
            if len(chunk) < WORDS: break
            p = f"{WORK}/in/{author}-{os.path.basename(f)}-{k}.txt"
            open(p, "w").write(" ".join(chunk)); files.append(p)
    run("sample", "add", author.lower(), *files)
    run("analyze", author.lower())
prompts = ["a letter about money and marriage", "an evening visit that goes badly"]
pieces, longest = [], 0
for author in sorted(books):
    for i, prompt in enumerate(prompts):
        out = json.loads(run("generate", author.lower(), "--provider", "local", "--prompt", prompt, "--words", "500",
                             "--variants", "10", "--seed", str(1 + 10 * i), "--json"))
        for piece in out:
            longest = max(longest, piece["longest_copied_run"])
            p = f"{WORK}/in/gen-{author}-{piece['seed']}.md"; open(p, "w").write(piece["text"])
            pieces.append((author.lower(), p, piece["voice_match"], piece["dna_version"]))
answers = json.loads(run("attribute", *[p for _, p, _, _ in pieces], "--json"))
right = collections.Counter(); total = collections.Counter()
for (author, p, _, _), a in zip(pieces, answers):
    best = a.get("best") or (a.get("candidates") or [{}])[0].get("clone") or a.get("ranking", [{}])[0].get("clone")
    total[author] += 1; right[author] += (best == author)
for a in sorted(total): print(f"{a:12s} {right[a]}/{total[a]}")
print(f"overall {sum(right.values())}/{sum(total.values())} = {100*sum(right.values())/sum(total.values()):.1f}% attributed to the intended author")
print(f"longest copied run: {longest} words; mean voice match {sum(m for _,_,m,_ in pieces)/len(pieces):.1f}/100; dna_version {pieces[0][3]}")
json.dump(answers[:1], open(WORK + "/sample-answer.json", "w"), indent=1)
