#!/usr/bin/env bash
# Fault figures for SPEC §5 against the bundled sandbox: lists under --fail-rate, creates under
# --fail-rate (duplicates), and a burst of reads under --rate-limit. Prints numbers; exits 1 if
# a figure misses its target. Usage: scripts/faults.sh [path/to/tfvcs]
set -euo pipefail

# No path given: the release binary, built where cargo puts it (CARGO_TARGET_DIR honoured).
TFVCS=${1:-$("$(dirname "$0")/tfvcs-bin.sh" --release)}
TFVCS=$(realpath "$TFVCS")
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
unset HTTPS_PROXY HTTP_PROXY ALL_PROXY https_proxy http_proxy all_proxy NO_PROXY no_proxy
failed=0

# Starts a sandbox with the given options; sets URL. Its token is fixed: tok-faults.
start() {
  local out="$WORK/sandbox.$RANDOM"
  "$TFVCS" sandbox --listen 127.0.0.1:0 --token tok-faults "$@" >"$out" 2>"$out.err" &
  PIDS+=($!)
  for _ in $(seq 50); do grep -q TFE_HOSTNAME "$out" 2>/dev/null && break; sleep 0.1; done
  URL=$(sed -n 's/^export TFE_HOSTNAME=//p' "$out")
}
stop_last() { kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'; }
run() { env -i PATH="$PATH" HOME="$WORK" TFE_HOSTNAME="$URL" TFE_TOKEN=tok-faults \
          TFE_ORGANIZATION=sandbox "$TFVCS" "$@"; }
check() { # name, got, want
  if [ "$2" = "$3" ]; then echo "  ok   $1: $2"; else echo "  FAIL $1: $2 (want $3)"; failed=1; fi
}

echo "1. a 500-item list under --fail-rate 0.3, 20 runs"
start --state "$WORK/state.json"
for i in $(seq 500); do
  printf 'ghp_%032d' "$i" | run client create --provider github --name "c$i" --pat-file - -o id >/dev/null 2>&1
done
stop_last
start --state "$WORK/state.json" --fail-rate 0.3
complete=0; retries=0; injected=0
for run_n in $(seq 20); do
  if run -v client list -o id >"$WORK/ids" 2>"$WORK/err"; then
    [ "$(sort -u "$WORK/ids" | wc -l)" = 500 ] && [ "$(wc -l <"$WORK/ids")" = 500 ] && complete=$((complete + 1))
  else
    echo "  run $run_n failed: $(grep '^error' "$WORK/err")"
  fi
  retries=$((retries + $(grep -c '^  retry ' "$WORK/err" || true)))
  injected=$((injected + $(grep -c '^GET .* 503 ' "$WORK/err" || true)))
  grep -q panicked "$WORK/err" && { echo "  PANIC"; failed=1; }
done
stop_last
check "runs with exactly 500 unique ids" "$complete" 20
echo "  faults injected (503 answers seen): $injected; retries: $retries"

echo "2. 50 creates under --fail-rate 0.3"
start --fail-rate 0.3
created=0; refused=0; panics=0
for i in $(seq 50); do
  if printf 'ghp_%032d' "$i" | run client create --provider github --name "d$i" --pat-file - -o id >>"$WORK/created" 2>"$WORK/err"; then
    created=$((created + 1))
  else
    refused=$((refused + 1))
    grep -q 'a POST is never retried' "$WORK/err" || { echo "  no POST hint: $(cat "$WORK/err")"; failed=1; }
  fi
  grep -q panicked "$WORK/err" && panics=$((panics + 1))
done
on_server=$(run client list -o id | wc -l)
echo "  reported created: $created, failed (503, not retried): $refused"
check "clients on the server minus reported created (duplicates)" "$((on_server - created))" 0
check "panics" "$panics" 0
stop_last

echo "3. a burst of 40 reads under --rate-limit 5"
start --rate-limit 5
client=$(printf 'ghp_%032d' 1 | run client create --provider github --pat-file - -o id 2>/dev/null)
sleep 1.1
ok=0; limited=0
for i in $(seq 40); do
  if run -v client show "$client" -o id >/dev/null 2>"$WORK/err"; then ok=$((ok + 1)); fi
  limited=$((limited + $(grep -c '^GET .* 429 ' "$WORK/err" || true)))
done
check "sequential reads that succeeded" "$ok" 40
echo "  429 answers waited out: $limited"
# 40 processes at once share 5 requests a second: each has its own retry budget.
for retries in 5 10; do
  sleep 1.1
  rm -f "$WORK"/par.*
  readers=()
  for i in $(seq 40); do
    ( run --retries "$retries" client show "$client" -o id >/dev/null 2>"$WORK/par.$i" \
        && touch "$WORK/par.$i.ok" ) &
    readers+=($!)
  done
  for pid in "${readers[@]}"; do wait "$pid" || true; done
  par_ok=$(find "$WORK" -name 'par.*.ok' | wc -l)
  echo "  concurrent reads (40 processes at once, --retries $retries) that succeeded: $par_ok of 40"
  grep -h '^error' "$WORK"/par.* 2>/dev/null | sed 's/http[^ ]*//' | sort | uniq -c | sed 's/^/  /' || true
done
stop_last
exit $failed
