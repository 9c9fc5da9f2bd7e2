#!/usr/bin/env bash
# Benchmarks that print numbers (nothing here passes or fails on a time): the sandbox's page
# latency at 1,000 and 100,000 items, the latency of requests on one kept-alive connection,
# and the time of 5,000 creates with --state. Each measurement is one function; run them all,
# or name some: scripts/bench.sh page_latency keepalive_latency.
#
# Requests are sent with curl over one kept-alive connection per measurement and timed by
# curl itself (time_total per transfer), so process start-up is not counted. The sandbox
# runs from a release build, in the background (--detach), and is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
BIN="$PWD/target/release/tfvcs"
WORK="$(mktemp -d)"
SANDBOX_PIDS=()
cleanup() {
    for pid in "${SANDBOX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

need() { # COMMAND [DEBIAN PACKAGE]: install it with apt-get when missing
    command -v "$1" >/dev/null && return
    apt-get update -qq && apt-get install -y -qq "${2:-$1}" >/dev/null
}

build() {
    echo "== building tfvcs (release)" >&2
    cargo build --release --locked --quiet
    echo "binary: $(stat -c %s "$BIN") bytes ($BIN)"
}

# Starts a sandbox in the background with the given options; sets TFE_HOSTNAME, TFE_TOKEN,
# TFE_ORGANIZATION and TFVCS_SANDBOX_PID.
start_sandbox() {
    eval "$("$BIN" sandbox --detach --listen 127.0.0.1:0 "$@")"
    SANDBOX_PIDS+=("$TFVCS_SANDBOX_PID")
}

stop_sandbox() {
    kill "$TFVCS_SANDBOX_PID"
}

# Sends GET PATH N times on one connection; prints each transfer's time in milliseconds.
get_times() { # PATH N
    local path="$1" n="$2" config="$WORK/get.curl"
    : >"$config"
    for i in $(seq "$n"); do
        [ "$i" -gt 1 ] && echo next >>"$config"
        printf 'url = "%s%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total}\\n"\nheader = "Authorization: Bearer %s"\n' \
            "$TFE_HOSTNAME" "$path" "$TFE_TOKEN" >>"$config"
    done
    curl -s -K "$config" | awk '$1 != 200 { print "unexpected status " $1 > "/dev/stderr"; exit 1 } { printf "%.3f\n", $2 * 1000 }'
}

# Mean, median and 99th percentile of numbers on stdin (milliseconds).
summary() {
    sort -n | awk '{ v[NR] = $1; s += $1 } END {
        p99 = int(NR * 0.99); if (p99 < 1) p99 = 1
        printf "mean %.2f ms, median %.2f ms, p99 %.2f ms over %d requests\n",
            s / NR, v[int((NR + 1) / 2)], v[p99], NR }'
}

page_latency_at() { # ITEMS
    local items="$1" last=$(( $1 / 100 ))
    start_sandbox --populate "$items"
    local clients="/api/v2/organizations/$TFE_ORGANIZATION/oauth-clients?include=oauth_tokens&page%5Bsize%5D=100&page%5Bnumber%5D=$last"
    local workspaces="/api/v2/organizations/$TFE_ORGANIZATION/workspaces?page%5Bsize%5D=100&page%5Bnumber%5D=$last"
    printf 'page latency, %7d clients: last page of 100 with include=oauth_tokens: %s\n' "$items" "$(get_times "$clients" 200 | summary)"
    printf 'page latency, %7d workspaces: last page of 100:                       %s\n' "$items" "$(get_times "$workspaces" 200 | summary)"
    stop_sandbox
}

page_latency() {
    page_latency_at 1000
    page_latency_at 100000
}

keepalive_latency() {
    start_sandbox
    printf 'kept-alive connection, GET /api/v2/account/details: %s\n' \
        "$(get_times /api/v2/account/details 1000 | summary)"
    stop_sandbox
}

creates_with_state() { # [N]
    local n="${1:-5000}" config="$WORK/create.curl" state="$WORK/state.json"
    start_sandbox --state "$state"
    : >"$config"
    for i in $(seq "$n"); do
        [ "$i" -gt 1 ] && echo next >>"$config"
        printf 'url = "%s/api/v2/organizations/%s/oauth-clients"\nrequest = "POST"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/vnd.api+json"\ndata = "{\\"data\\":{\\"type\\":\\"oauth-clients\\",\\"attributes\\":{\\"service-provider\\":\\"github\\",\\"name\\":\\"bench-%s\\",\\"http-url\\":\\"https://github.com\\",\\"api-url\\":\\"https://api.github.com\\",\\"oauth-token-string\\":\\"pat-%s\\"}}}"\n' \
            "$TFE_HOSTNAME" "$TFE_ORGANIZATION" "$TFE_TOKEN" "$i" "$i" >>"$config"
    done
    local started ended created
    started=$(date +%s.%N)
    created=$(curl -s -K "$config" | grep -c '^201$' || true)
    ended=$(date +%s.%N)
    stop_sandbox
    [ "$created" -eq "$n" ] || { echo "only $created of $n creates answered 201" >&2; exit 1; }
    printf '%d creates with --state (sequential, one connection; each written before its answer): %.2f s, state file %d bytes\n' \
        "$n" "$(echo "$ended - $started" | bc -l)" "$(stat -c %s "$state")"
}

need curl
need bc
build
if [ $# -eq 0 ]; then
    set -- page_latency keepalive_latency creates_with_state
fi
for measurement in "$@"; do
    "$measurement"
done
