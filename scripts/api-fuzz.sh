#!/usr/bin/env bash
# Property-based API testing: schemathesis (PyPI) generates requests from openapi.yaml and runs them against a
# live `voiceclone serve` on a temporary copy of example-vault, on loopback. Fails on any 5xx, any response that
# does not match its schema, or a content type the document does not declare. Prints the number of cases run.
#
#   scripts/api-fuzz.sh [MAX_EXAMPLES_PER_OPERATION]    (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
max_examples="${1:-40}"
venv="${VOICECLONE_FUZZ_VENV:-${TMPDIR:-/tmp}/voiceclone-api-fuzz-venv}"

if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi

swift build --product voiceclone 2>&1 | tail -n 1
bin="$(swift build --show-bin-path)/voiceclone"

work="$(mktemp -d "${TMPDIR:-/tmp}/voiceclone-fuzz.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

cp -R example-vault "$work/vault"
"$bin" init "$work/vault" >/dev/null
"$bin" analyze --all --vault "$work/vault" >/dev/null
# No provider keys of the user's reach the server: generation stays on the offline engine. A key schemathesis
# sets through PUT /api/providers/{provider}/key lands in $work/xdg, and every remote endpoint is a closed
# loopback port, so nothing ever leaves this machine. No local model server is probed either.
export XDG_CONFIG_HOME="$work/xdg" HOME="$work/home" OPENAI_API_KEY="" ANTHROPIC_API_KEY="" OPENAI_COMPATIBLE_API_KEY=""
export OPENAI_BASE_URL="http://127.0.0.1:9/v1" ANTHROPIC_BASE_URL="http://127.0.0.1:9" VOICECLONE_LOCAL_PORTS="9"
"$bin" serve --port 0 --quiet --vault "$work/vault" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$work/serve.out" || true)"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:"; cat "$work/serve.err"; exit 1; }
base="${url%%/?token=*}"
token="${url##*token=}"

set +e
"$venv/bin/schemathesis" run "$base/api/openapi.yaml" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance \
    --max-examples "$max_examples" \
    --phases examples,coverage,fuzzing \
    --request-timeout 60 \
    --no-color 2>&1 | tee "$work/fuzz.log"
status=${PIPESTATUS[0]}
set -e
echo
grep -E "test cases|Test cases|cases generated|passed|failed" "$work/fuzz.log" | tail -n 5 || true
# The vault must still be whole after every operation schemathesis ran.
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
"$bin" check --vault "$work/vault" >/dev/null && git -C "$work/vault" fsck --no-progress --strict >/dev/null \
    && echo "vault after fuzzing: check and git fsck clean"
exit "$status"
