#!/usr/bin/env python3
"""Measures `voiceclone learn`: does a writer's consistent editing policy stop showing up in new drafts?

A simulated writer edits 20 saved drafts of an example-vault voice with one policy:
  - replace three AI-typical words (leverage -> use, robust -> solid, seamless -> smooth),
  - cut a sentence-initial "So",
  - split sentences over 25 words.
Each edited piece is approved, then `voiceclone learn` runs. New drafts are written before and after learning:
  - through a loopback fake model (an OpenAI-compatible server on 127.0.0.1 this script starts) that writes
    AI-flavoured drafts and follows only the do/don't lines of the prompt's "changes in drafts" section, so it
    measures whether the lessons reach the prompt in a form a model can act on;
  - offline: `voiceclone rewrite` (the offline rewrite) of held-out fake-model drafts, which applies the
    writer's replacements and cuts itself;
  - offline: `voiceclone generate --provider local` drafting from notes, the held-out drafts' sentences given
    as the writer's bullet points (the engine keeps the notes' words, so only the lessons can remove them).
Reference in the same run: the same counts before `learn` (the stock prompt and stock offline rewrite), and a
control vault where the writer approved the same drafts unedited (nothing to learn: no reduction expected).

It prints the pattern counts before and after, the reduction, the lessons listed, and whether they match the policy
with none from a single piece. Nothing here is a test: it measures and reports. Exit 1 only when a step fails.

usage: scripts/eval-edit-learning.py [--bin .build/debug/voiceclone] [--clone dana-okafor] [--drafts 20]
"""
import argparse
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

AI_WORDS = {"leverage": "use", "robust": "solid", "seamless": "smooth"}
SPLIT_OVER = 25

TOPICS = ["Friday deploys", "on-call rotations", "flaky tests", "code review", "incident reviews", "feature flags",
          "dependency updates", "team rituals", "documentation", "migrations", "staging environments",
          "load testing", "pairing", "release notes", "postmortems", "alert fatigue", "tech debt", "interviews",
          "roadmaps", "retrospectives", "monitoring", "canary releases", "schema changes", "runbooks",
          "estimates", "hiring", "mentoring", "backlogs", "demos", "config drift", "test data", "logging",
          "rollbacks", "standups", "ownership", "SLAs", "build times", "secrets", "caching", "queues"]

# The fake model's stock sentences; {t} is the topic. Long ones (over 25 words) carry ", and" where a writer splits.
OPENERS = [
    "So, let's talk about {t}.",
    "{t} deserve more attention than they get.",
    "So here is what I learned about {t} this year.",
]
MIDDLES = [
    "We leverage {t} to keep the team honest.",
    "A robust approach to {t} starts with small, boring steps.",
    "So the first thing we changed was the checklist.",
    "The handover between people should feel seamless, and nobody should have to ask twice who owns the next step "
    "when the pager goes off at night.",
    "Most teams treat {t} as an afterthought until the week it hurts them, and by then the habits are set and "
    "every fix feels like a fight with the calendar.",
    "It works.",
    "We wrote it down.",
    "So we kept the parts that worked and dropped the rest.",
    "Good tooling lets you leverage what the team already knows about {t}.",
    "The result is a robust, seamless routine that new people pick up in a week, and the old hands stop "
    "complaining about it after the second month of using it every day.",
]
CLOSERS = ["That is the whole trick.", "So try it for a month.", "Start small."]


def fake_draft(prompt, seed):
    """A deterministic AI-flavoured draft for `prompt` and `seed`."""
    h = int(hashlib.sha256(f"{prompt}|{seed}".encode()).hexdigest(), 16)
    topic = prompt.split(":")[-1].strip() or "the work"
    picks = [MIDDLES[(h >> (4 * i)) % len(MIDDLES)] for i in range(6)]
    body = [OPENERS[h % len(OPENERS)]] + list(dict.fromkeys(picks)) + [CLOSERS[(h >> 40) % len(CLOSERS)]]
    text = " ".join(s.replace("{t}", topic) for s in body)
    return text[0].upper() + text[1:]


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def words(sentence):
    return re.findall(r"[A-Za-z0-9'’-]+", sentence)


def replace_word(text, old, new):
    def sub(m):
        w = m.group(0)
        return new.capitalize() if w[0].isupper() else new
    return re.sub(rf"(?<![\w'’-]){re.escape(old)}(?![\w'’-])", sub, text, flags=re.IGNORECASE)


def cut_opener(text, word):
    def sub(m):
        rest = m.group(2)
        return m.group(1) + rest[0].upper() + rest[1:]
    return re.sub(rf"(^|[.!?]\s+)(?:{word}),?\s+(\w)", lambda m: m.group(1) + m.group(2).upper(), text,
                  flags=re.IGNORECASE | re.MULTILINE)


def split_long(text, over):
    out = []
    for s in sentences(text):
        if len(words(s)) > over and ", and " in s:
            cut = min((m.start() for m in re.finditer(", and ", s)), key=lambda i: abs(i - len(s) / 2))
            first, second = s[:cut] + ".", s[cut + len(", and "):]
            out += [first, second[0].upper() + second[1:]]
        else:
            out.append(s)
    return " ".join(out)


def writer_policy(text):
    for old, new in AI_WORDS.items():
        text = replace_word(text, old, new)
    return split_long(cut_opener(text, "so"), SPLIT_OVER)


def count_patterns(text):
    ss = sentences(text)
    counts = {w: len(re.findall(rf"(?<![\w'’-]){w}(?![\w'’-])", text, flags=re.IGNORECASE)) for w in AI_WORDS}
    counts["sentence-initial So"] = sum(1 for s in ss if re.match(r"[\"“(]?so\b", s, flags=re.IGNORECASE))
    counts[f"sentence over {SPLIT_OVER} words"] = sum(1 for s in ss if len(words(s)) > SPLIT_OVER)
    return counts


def follow_instructions(text, system):
    """What an obedient model does with the prompt's lessons section (and nothing else)."""
    section = system.split("changes in drafts", 1)
    if len(section) < 2:
        return text
    for line in section[1].splitlines():
        m = re.match(r'- Don\'t write "([^"]+)"; write "([^"]+)"\.', line)
        if m:
            text = replace_word(text, m.group(1), m.group(2))
            continue
        m = re.match(r'- Don\'t write "([^"]+)"; leave it out\.', line)
        if m:
            text = replace_word(text, m.group(1), "").replace("  ", " ")
            continue
        m = re.match(r'- Don\'t start a sentence with "([^"]+)"\.', line)
        if m:
            text = cut_opener(text, re.escape(m.group(1)))
            continue
        m = re.match(r"- Split any sentence over (\d+) words", line)
        if m:
            text = split_long(text, int(m.group(1)))
    return text


class FakeModel(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        messages = body.get("messages", [])
        system = "\n".join(m.get("content", "") for m in messages if m.get("role") == "system")
        user = [m.get("content", "") for m in messages if m.get("role") == "user"]
        request = user[-1] if user else ""
        m = re.search(r"TOPIC: ([^\n]+)", request)
        prompt = m.group(1).strip() if m else request[-80:]
        text = follow_instructions(fake_draft(prompt, body.get("seed", 0)), system)
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            chunk = {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            return
        reply = {"id": "fake", "object": "chat.completion", "model": body.get("model", "fake"),
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def run(binary, args, env, vault):
    p = subprocess.run([binary] + args + ["--vault", vault], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"voiceclone {' '.join(args)} failed: {p.stderr.strip()}")
    return p.stdout


def body_of(path):
    text = open(path, encoding="utf-8").read()
    head, _, body = text.partition("\n---\n")
    return head, body


def total(counts_list):
    out = {}
    for c in counts_list:
        for k, v in c.items():
            out[k] = out.get(k, 0) + v
    return out


def drafts(binary, env, vault, clone, url, prompts, seed0):
    texts = []
    for i, prompt in enumerate(prompts):
        out = run(binary, ["generate", clone, "--provider", "openai-compatible", "--base-url", url, "--model", "fake",
                           "--prompt", f"A short post. TOPIC: {prompt}", "--seed", str(seed0 + i), "--json"], env, vault)
        texts.append(json.loads(out)["text"])
    return texts


def offline_rewrites(binary, env, vault, clone, texts, work):
    out = []
    for i, text in enumerate(texts):
        path = os.path.join(work, f"held-out-{i}.md")
        open(path, "w", encoding="utf-8").write(text)
        out.append(json.loads(run(binary, ["rewrite", clone, path, "--json"], env, vault))["text"])
    return out


def offline_drafts(binary, env, vault, clone, prompts, seed0):
    """The offline engine (drafting from notes): each held-out fake draft's sentences given as the writer's notes."""
    texts = []
    for i, prompt in enumerate(prompts):
        notes = "\n".join("- " + s for s in sentences(fake_draft(f"A short post. TOPIC: {prompt}", seed0 + i)))
        out = run(binary, ["generate", clone, "--provider", "local", "--platform", "blog", "--prompt=" + notes,
                           "--seed", str(seed0 + i), "--json"], env, vault)
        texts.append(json.loads(out)["text"])
    return texts


def setup_vault(binary, env, repo, work, name):
    vault = os.path.join(work, name)
    shutil.copytree(os.path.join(repo, "example-vault"), vault)
    subprocess.run([binary, "init", vault], check=True, stdout=subprocess.DEVNULL, env=env)
    run(binary, ["analyze", "--all"], env, vault)
    return vault


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=None)
    ap.add_argument("--clone", default="dana-okafor")
    ap.add_argument("--drafts", type=int, default=20)
    args = ap.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.bin or os.path.join(repo, ".build", "debug", "voiceclone")
    work = tempfile.mkdtemp(prefix="voiceclone-learn.")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"), HOME=os.path.join(work, "home"),
               OPENAI_API_KEY="", ANTHROPIC_API_KEY="", OPENAI_COMPATIBLE_API_KEY="loopback-fake")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    n = args.drafts
    training = TOPICS[:n]
    held_out = TOPICS[n:n + n] if len(TOPICS) >= 2 * n else [t + " again" for t in TOPICS[:n]]

    results = {}
    for name, edit in [("policy", writer_policy), ("control", lambda t: t)]:
        vault = setup_vault(binary, env, repo, work, name)
        before = drafts(binary, env, vault, args.clone, url, held_out, 1000)
        before_offline = offline_rewrites(binary, env, vault, args.clone, before, work)
        before_local = offline_drafts(binary, env, vault, args.clone, held_out, 1000)
        # The writer's 20 drafts, saved, edited by the policy and approved.
        for i, prompt in enumerate(training):
            out = run(binary, ["generate", args.clone, "--provider", "openai-compatible", "--base-url", url,
                               "--model", "fake", "--prompt", f"A short post. TOPIC: {prompt}", "--seed", str(i),
                               "--save", "--json"], env, vault)
            saved = json.loads(out)["saved"]
            path = os.path.join(vault, saved["path"])
            head, body = body_of(path)
            open(path, "w", encoding="utf-8").write(head + "\n---\n" + edit(body.strip()) + "\n")
            run(binary, ["library", "set-status", saved["id"], "approved"], env, vault)
        learned = json.loads(run(binary, ["learn", args.clone, "--json"], env, vault))
        after = drafts(binary, env, vault, args.clone, url, held_out, 1000)
        after_offline = offline_rewrites(binary, env, vault, args.clone, before, work)
        after_local = offline_drafts(binary, env, vault, args.clone, held_out, 1000)
        results[name] = dict(before_local=total(map(count_patterns, before_local)),
                             after_local=total(map(count_patterns, after_local)),learned=learned, before=total(map(count_patterns, before)),
                             after=total(map(count_patterns, after)),
                             before_offline=total(map(count_patterns, before_offline)),
                             after_offline=total(map(count_patterns, after_offline)))
        print(f"[{name}] done: {json.dumps({k: v for k, v in results[name].items() if k != 'learned'})}", flush=True)
    server.shutdown()

    def report(title, b, a):
        print(f"\n{title}")
        print(f"  {'pattern':28} {'before':>7} {'after':>7}")
        for k in b:
            print(f"  {k:28} {b[k]:7d} {a[k]:7d}")
        tb, ta = sum(b.values()), sum(a.values())
        print(f"  {'all patterns':28} {tb:7d} {ta:7d}   reduction {100 * (1 - ta / tb) if tb else 0:.0f}%")
        return tb, ta

    print(f"voice: {args.clone} (example-vault); {n} drafts edited by the policy; {len(held_out)} new drafts per measurement")
    p = results["policy"]
    tb, ta = report("Fake model (loopback), policy writer:", p["before"], p["after"])
    ob, oa = report("Offline rewrite of the same fake drafts, policy writer:", p["before_offline"], p["after_offline"])
    lb, la = report("Offline drafts from notes (the same held-out drafts as notes), policy writer:",
                    p["before_local"], p["after_local"])
    c = results["control"]
    report("Control, offline drafts from notes:", c["before_local"], c["after_local"])
    cb, ca = report("Control (the same drafts approved unedited), fake model:", c["before"], c["after"])
    report("Control, offline rewrite:", c["before_offline"], c["after_offline"])

    lessons = p["learned"]["lessons"]
    print(f"\nLessons learned ({len(lessons)}), policy writer:")
    for line in p["learned"]["summary"]:
        print("  - " + line)
    expected = {("replace", w, r) for w, r in AI_WORDS.items()} | {("cut_sentence_start", "so", None)}
    found = {(l["kind"], l.get("before"), l.get("after")) for l in lessons if l["kind"] in ("replace", "cut_sentence_start")}
    splits = [l for l in lessons if l["kind"] == "split"]
    extra = [l for l in lessons if (l["kind"], l.get("before"), l.get("after")) not in expected and l["kind"] != "split"]
    single = [l for l in lessons if l["support"] < 2]
    print(f"  policy words and opener learned: {len(expected & found)} of {len(expected)}"
          f"{'' if expected <= found else ' (missing: ' + str(sorted(map(str, expected - found))) + ')'}")
    print(f"  split threshold learned: {splits[0]['value'] if splits else 'none'} (policy: over {SPLIT_OVER})")
    print(f"  lessons beyond the policy: {len(extra)}" + "".join(f"\n    {json.dumps(l)[:160]}" for l in extra))
    print(f"  lessons from a single piece: {len(single)}")
    print(f"  control lessons: {len(c['learned']['lessons'])}")
    print(f"\nSummary: fake model {tb} -> {ta} ({100 * (1 - ta / tb) if tb else 0:.0f}% fewer), "
          f"offline rewrite {ob} -> {oa} ({100 * (1 - oa / ob) if ob else 0:.0f}% fewer), "
          f"offline drafts from notes {lb} -> {la} ({100 * (1 - la / lb) if lb else 0:.0f}% fewer), "
          f"control {cb} -> {ca}.")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
