#!/usr/bin/env bash
# Benchmarks that print numbers (nothing here passes or fails on a time): the sandbox's page
# latency at 1,000 and 100,000 items, the latency of requests on one kept-alive connection,
# the time of 5,000 creates with --state, what `client usage` costs on a large organization
# of a slow, rate-limited server, and what `token relink` of 100 of 1,000 workspaces costs. Each measurement is one function; run them all,
# or name some: scripts/bench.sh page_latency keepalive_latency.
#
# Requests are sent with curl over one kept-alive connection per measurement and timed by
# curl itself (time_total per transfer), so process start-up is not counted. The sandbox
# runs from a release build, in the background (--detach), and is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
# TFVCS_BENCH_BIN: measure this binary instead of building the release one.
BIN="${TFVCS_BENCH_BIN:-$PWD/target/release/tfvcs}"
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
    [ -n "${TFVCS_BENCH_BIN:-}" ] && return
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

# Sends the POSTs of FILE (one JSON body a line) to PATH on one connection; fails unless every
# one is answered 201.
post_each() { # PATH FILE
    local path="$1" bodies="$2" config="$WORK/post.curl" i=0
    : >"$config"
    while IFS= read -r body; do
        i=$((i + 1))
        [ "$i" -gt 1 ] && echo next >>"$config"
        printf 'url = "%s%s"\nrequest = "POST"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/vnd.api+json"\ndata = "%s"\n' \
            "$TFE_HOSTNAME" "$path" "$TFE_TOKEN" "${body//\"/\\\"}" >>"$config"
    done <"$bodies"
    local created
    created=$(curl -s -K "$config" | grep -c '^201$' || true)
    [ "$created" -eq "$i" ] || { echo "only $created of $i POSTs to $path answered 201" >&2; exit 1; }
}

# What SPEC §10's usage walk costs on an organization of 1,000 workspaces, 200 policy sets
# and 300 modules, all on one token, served at --latency-ms 200 --rate-limit 30.
usage_walk() {
    need jq
    local state="$WORK/usage.json" token="bench-usage-token"
    start_sandbox --state "$state" --token "$token"
    local client token_id
    client=$(curl -s -X POST -H "Authorization: Bearer $TFE_TOKEN" -H "Content-Type: application/vnd.api+json" \
        --data '{"data":{"type":"oauth-clients","attributes":{"service-provider":"github","http-url":"https://github.com","api-url":"https://api.github.com","oauth-token-string":"pat"}}}' \
        "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/oauth-clients")
    token_id=$(jq -r '.data.relationships["oauth-tokens"].data[0].id' <<<"$client")
    client=$(jq -r '.data.id' <<<"$client")
    local repo="\"identifier\":\"acme/repo\",\"oauth-token-id\":\"$token_id\""
    for i in $(seq 1000); do
        echo "{\"data\":{\"type\":\"workspaces\",\"attributes\":{\"name\":\"ws-$i\",\"vcs-repo\":{$repo}}}}"
    done >"$WORK/workspaces.jsonl"
    for i in $(seq 200); do
        echo "{\"data\":{\"type\":\"policy-sets\",\"attributes\":{\"name\":\"ps-$i\",\"vcs-repo\":{$repo}}}}"
    done >"$WORK/policy-sets.jsonl"
    for i in $(seq 300); do
        echo "{\"data\":{\"type\":\"registry-modules\",\"attributes\":{\"vcs-repo\":{\"identifier\":\"acme/terraform-aws-m$i\",\"display-identifier\":\"acme/terraform-aws-m$i\",\"oauth-token-id\":\"$token_id\"}}}}"
    done >"$WORK/modules.jsonl"
    post_each "/api/v2/organizations/$TFE_ORGANIZATION/workspaces" "$WORK/workspaces.jsonl"
    post_each "/api/v2/organizations/$TFE_ORGANIZATION/policy-sets" "$WORK/policy-sets.jsonl"
    post_each "/api/v2/organizations/$TFE_ORGANIZATION/registry-modules/vcs" "$WORK/modules.jsonl"
    stop_sandbox
    start_sandbox --state "$state" --token "$token" --latency-ms 200 --rate-limit 30
    local started ended requests found
    started=$(date +%s.%N)
    found=$("$BIN" client usage "$client" -o id -v 2>"$WORK/usage.trace" | wc -l)
    ended=$(date +%s.%N)
    requests=$(grep -cE '^(GET|POST|PATCH|DELETE) ' "$WORK/usage.trace" || true)
    stop_sandbox
    printf 'client usage, 1,000 workspaces + 200 policy sets + 300 modules at --latency-ms 200 --rate-limit 30: %d found, %d requests, %.1f s\n' \
        "$found" "$requests" "$(echo "$ended - $started" | bc -l)"
}

# What SPEC §10's relink costs: 100 of an organization's 1,000 workspaces moved from one
# token to another (checks, the three walks, one PATCH each), served at --latency-ms 200.
relink_cost() {
    need jq
    local state="$WORK/relink.json" token="bench-relink-token"
    start_sandbox --state "$state" --token "$token"
    local tokens=()
    for name in from to; do
        tokens+=("$(curl -s -X POST -H "Authorization: Bearer $TFE_TOKEN" -H "Content-Type: application/vnd.api+json" \
            --data "{\"data\":{\"type\":\"oauth-clients\",\"attributes\":{\"name\":\"$name\",\"service-provider\":\"github\",\"http-url\":\"https://github.com\",\"api-url\":\"https://api.github.com\",\"oauth-token-string\":\"pat\"}}}" \
            "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/oauth-clients" |
            jq -r '.data.relationships["oauth-tokens"].data[0].id')")
    done
    local from="${tokens[0]}" to="${tokens[1]}"
    for i in $(seq 1000); do
        local on="$to"
        [ "$i" -le 100 ] && on="$from"
        echo "{\"data\":{\"type\":\"workspaces\",\"attributes\":{\"name\":\"ws-$i\",\"vcs-repo\":{\"identifier\":\"acme/app-$i\",\"branch\":\"main\",\"oauth-token-id\":\"$on\"}}}}"
    done >"$WORK/relink-workspaces.jsonl"
    post_each "/api/v2/organizations/$TFE_ORGANIZATION/workspaces" "$WORK/relink-workspaces.jsonl"
    stop_sandbox
    start_sandbox --state "$state" --token "$token" --latency-ms 200
    local started ended requests relinked
    started=$(date +%s.%N)
    relinked=$("$BIN" token relink "$from" --to "$to" --yes -o id -v 2>"$WORK/relink.trace" | wc -l)
    ended=$(date +%s.%N)
    requests=$(grep -cE '^(GET|POST|PATCH|DELETE) ' "$WORK/relink.trace" || true)
    stop_sandbox
    printf 'token relink, 100 of 1,000 workspaces at --latency-ms 200: %d relinked, %d requests, %.1f s\n' \
        "$relinked" "$requests" "$(echo "$ended - $started" | bc -l)"
}

need curl
need bc
build
if [ $# -eq 0 ]; then
    set -- page_latency keepalive_latency creates_with_state usage_walk relink_cost
fi
for measurement in "$@"; do
    "$measurement"
done
