#!/usr/bin/env python3
"""Web app benchmark: the voices page and one voice's page over a large vault, beside `voiceclone clone list --json`.

Builds a vault of VOICES voices x SAMPLES samples (generated text, WORDS words each; no corpus text), analyses every
voice, starts `voiceclone serve` on a free loopback port, and times GET /voices and GET /voices/{one}: the first
request (which computes the figures the server then keeps) and the median of RUNS after it (time to first byte and
full body), beside `voiceclone clone list --json` on the same vault. Prints figures; asserts nothing. Usage: scripts/web-bench.py [--binary .build/release/voiceclone] [--voices 50] [--samples 200] [--words 300]
"""
import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

WORDS = ("the a of to and in that it is was for on with as at by this be from or have not but what all were we when "
         "your can said there use an each which she do how their if will up other about out many then them these so "
         "some her would make like him into time has look two more write go see number no way could people my than "
         "first water been call who oil its now find long down day did get come made may part over new sound take").split()


def build_vault(binary, root, voices, samples, words, env):
    subprocess.run([binary, "init", root], check=True, stdout=subprocess.DEVNULL, env=env)
    rng = random.Random(7)
    for v in range(voices):
        slug = f"writer-{v:02d}"
        folder = os.path.join(root, "clones", slug, "samples")
        os.makedirs(folder)
        with open(os.path.join(root, "clones", slug, "clone.md"), "w") as f:
            f.write(f"---\nname: Writer {v:02d}\ncreated: 2026-01-01\n---\n\nGenerated for the benchmark.\n")
        sentence_mean = 6 + v % 20
        for s in range(samples):
            out, count = [], 0
            while count < words:
                n = max(2, int(rng.gauss(sentence_mean, 4)))
                sentence = [rng.choice(WORDS) for _ in range(n)]
                out.append(" ".join(sentence).capitalize() + rng.choice([".", ".", ".", "?", "!", ";"]))
                count += n
            with open(os.path.join(folder, f"sample-{s:04d}.md"), "w") as f:
                f.write(f"---\ntitle: Sample {s}\ncontent_type: blog\n---\n\n" + " ".join(out) + "\n")
    subprocess.run(["git", "-C", root, "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", root, "commit", "-qm", "benchmark samples"], check=True, env=env)
    subprocess.run([binary, "analyze", "--all", "--vault", root], check=True, stdout=subprocess.DEVNULL, env=env)


def timed_get(port, cookie, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie, "Accept": "text/html"})
    response = connection.getresponse()
    first = response.read(1)
    ttfb = time.perf_counter() - start
    body = first + response.read()
    total = time.perf_counter() - start
    connection.close()
    assert response.status == 200, (path, response.status, body[:300])
    return ttfb, total, len(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/voiceclone")
    parser.add_argument("--voices", type=int, default=50)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="voiceclone-web-bench-")
    env = dict(os.environ, HOME=work, XDG_CONFIG_HOME=os.path.join(work, "xdg"), GIT_AUTHOR_NAME="Bench",
               GIT_AUTHOR_EMAIL="bench@example.invalid", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    vault = os.path.join(work, "vault")
    server = None
    try:
        start = time.perf_counter()
        build_vault(binary, vault, args.voices, args.samples, args.words, env)
        print(f"vault: {args.voices} voices x {args.samples} samples x {args.words} words, built and analysed in {time.perf_counter() - start:.1f} s")
        cli = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([binary, "clone", "list", "--json", "--vault", vault], check=True, stdout=subprocess.DEVNULL, env=env)
            cli.append(time.perf_counter() - start)
        server = subprocess.Popen([binary, "serve", "--port", "0", "--quiet", "--json", "--vault", vault],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        lines = []
        while not lines or lines[-1].rstrip() != "}":
            lines.append(server.stdout.readline())
        ready = json.loads("".join(lines))
        cookie = f"voiceclone_token_{ready['port']}={ready['url'].split('token=')[1]}"
        cli_median = statistics.median(cli)
        print(f"voiceclone clone list --json: median {cli_median * 1000:.0f} ms over {args.runs} runs")
        for path in ["/voices", "/voices/writer-00"]:
            # The first request also loads the templates and computes the figures the server keeps per vault state
            # (the voice map, habits, DNA timelines): what every request cost before that cache.
            cold = timed_get(ready["port"], cookie, path)
            runs = [timed_get(ready["port"], cookie, path) for _ in range(args.runs)]
            print(f"GET {path}: first request (figures computed) {cold[1] * 1000:.0f} ms")
            ttfb = statistics.median(r[0] for r in runs)
            total = statistics.median(r[1] for r in runs)
            print(f"GET {path}: first byte {ttfb * 1000:.0f} ms, full page {total * 1000:.0f} ms ({runs[0][2] // 1024} KB); "
                  f"{total / cli_median:.2f}x clone list --json")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
