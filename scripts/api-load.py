#!/usr/bin/env python3
"""Bounded loopback load run against `voiceclone serve` (a benchmark: it prints figures and asserts behaviour
only of the vault afterwards).

8 clients for 60 s mix reads (clone list/show, sample list, DNA, library), uploads of new Markdown samples and
offline generation. Afterwards: `git fsck`, `voiceclone check`, and every upload the server acknowledged (201)
must be in the vault and in a commit. Prints requests/s and p50/p99 latency per kind and overall.

    swift build -c release --product voiceclone
    scripts/api-load.py [--seconds 60] [--clients 8] [--bin PATH]
"""
import argparse, http.client, json, os, random, re, shutil, subprocess, sys, tempfile, threading, time, uuid

def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * (len(s) - 1)))))
    return s[k]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--bin", default=None)
    args = ap.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.bin or os.path.join(subprocess.check_output(
        ["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo, text=True).strip(), "voiceclone")
    work = tempfile.mkdtemp(prefix="voiceclone-load.")
    vault = os.path.join(work, "vault")
    shutil.copytree(os.path.join(repo, "example-vault"), vault)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"), HOME=os.path.join(work, "home"),
               OPENAI_API_KEY="", ANTHROPIC_API_KEY="", OPENAI_COMPATIBLE_API_KEY="")
    subprocess.run([binary, "init", vault], check=True, stdout=subprocess.DEVNULL, env=env)
    subprocess.run([binary, "analyze", "--all", "--vault", vault], check=True, stdout=subprocess.DEVNULL, env=env)
    clones = json.loads(subprocess.check_output([binary, "clone", "list", "--json", "--vault", vault], env=env))
    slugs = [c["slug"] for c in clones if c.get("samples", 0) > 0 and not c.get("merged_from")]
    out = open(os.path.join(work, "serve.out"), "w+")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--quiet", "--vault", vault], stdout=out,
                              stderr=subprocess.DEVNULL, env=env)
    url = None
    for _ in range(200):
        out.seek(0)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)", out.read())
        if m:
            url = m
            break
        time.sleep(0.05)
    if not url:
        server.kill()
        sys.exit("the server did not start")
    port, token = int(url.group(1)), url.group(2)

    lock = threading.Lock()
    latencies = {}      # kind -> [seconds]
    statuses = {}       # (kind, status) -> count
    acknowledged = []   # (clone, marker) of uploads answered 201
    deadline = time.monotonic() + args.seconds

    def request(conn, method, path, body=None, headers=None):
        h = {"Authorization": "Bearer " + token}
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        return r.status, r.read()

    def client(n):
        rng = random.Random(n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.monotonic() < deadline:
            slug = rng.choice(slugs)
            roll = rng.random()
            t0 = time.monotonic()
            try:
                if roll < 0.70:
                    kind = "read"
                    path = rng.choice(["/api/clones", f"/api/clones/{slug}", f"/api/clones/{slug}/samples",
                                       f"/api/clones/{slug}/dna", "/api/library", f"/api/clones/{slug}/dna/log"])
                    status, _ = request(conn, "GET", path)
                elif roll < 0.90:
                    kind = "upload"
                    marker = uuid.uuid4().hex
                    text = f"# Load note {marker}\n\nThis is a short note written during the load run, number {marker}. " \
                           "It has a few plain sentences so that it counts as text. Nothing else matters here.\n"
                    boundary = "b" + uuid.uuid4().hex
                    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note-{marker}.md\"\r\n\r\n"
                            f"{text}\r\n--{boundary}--\r\n").encode()
                    status, _ = request(conn, "POST", f"/api/clones/{slug}/samples", body,
                                        {"Content-Type": f"multipart/form-data; boundary={boundary}"})
                    if status == 201:
                        with lock:
                            acknowledged.append((slug, marker))
                else:
                    kind = "generate"
                    body = json.dumps({"prompt": "a short note about the week", "words": 60, "seed": rng.randrange(1 << 30)}).encode()
                    status, _ = request(conn, "POST", f"/api/clones/{slug}/generate", body, {"Content-Type": "application/json"})
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                kind, status = "error", 0
            elapsed = time.monotonic() - t0
            with lock:
                latencies.setdefault(kind, []).append(elapsed)
                statuses[(kind, status)] = statuses.get((kind, status), 0) + 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.monotonic() - started
    server.terminate()
    server.wait(timeout=60)

    total = sum(len(v) for v in latencies.values())
    print(f"{args.clients} clients, {wall:.1f} s, {total} requests, {total / wall:.1f} req/s")
    for kind in sorted(latencies):
        v = latencies[kind]
        print(f"  {kind:9s} n={len(v):6d}  p50={percentile(v, 50) * 1000:8.1f} ms  p99={percentile(v, 99) * 1000:8.1f} ms")
    allv = [x for v in latencies.values() for x in v]
    print(f"  {'all':9s} n={len(allv):6d}  p50={percentile(allv, 50) * 1000:8.1f} ms  p99={percentile(allv, 99) * 1000:8.1f} ms")
    print("  statuses:", ", ".join(f"{k[0]} {k[1]}: {n}" for k, n in sorted(statuses.items())))

    problems = []
    fsck = subprocess.run(["git", "-C", vault, "fsck", "--strict", "--no-progress"], capture_output=True, text=True)
    if fsck.returncode != 0: problems.append("git fsck: " + fsck.stderr.strip())
    check = subprocess.run([binary, "check", "--vault", vault], capture_output=True, text=True, env=env)
    if check.returncode != 0: problems.append("voiceclone check: " + check.stdout.strip() + check.stderr.strip())
    dirty = subprocess.check_output(["git", "-C", vault, "status", "--porcelain"], text=True).strip()
    if dirty: problems.append("uncommitted files after the run:\n" + dirty)
    committed = subprocess.check_output(["git", "-C", vault, "grep", "-h", "-o", "Load note [0-9a-f]*", "HEAD", "--", "clones"], text=True)
    missing = [m for _, m in acknowledged if m not in committed]
    if missing: problems.append(f"{len(missing)} acknowledged uploads are not in HEAD")
    print(f"  acknowledged uploads: {len(acknowledged)}, all in HEAD: {not missing}; git fsck clean: {fsck.returncode == 0}; "
          f"voiceclone check clean: {check.returncode == 0}")
    shutil.rmtree(work, ignore_errors=True)
    if problems:
        print("\n".join(problems))
        sys.exit(1)

main()
