#!/usr/bin/env bash
# Benchmarks that print numbers (nothing here passes or fails on a time): the sandbox's page
# latency at 1,000 and 100,000 items, the latency of requests on one kept-alive connection,
# the time of 5,000 creates with --state, what `client usage` costs on a large organization
# of a slow, rate-limited server, what `token relink` of 100 of 1,000 workspaces costs, and
# what `doctor` costs on 1,000 and 10,000 connections. Each measurement is one function; run them all,
# or name some: scripts/bench.sh page_latency keepalive_latency.
#
# Requests are sent with curl over one kept-alive connection per measurement and timed by
# curl itself (time_total per transfer), so process start-up is not counted. The sandbox
# runs from a release build, in the background (--detach), and is stopped by its pid.
#
# tfvcs itself (one table, printed at the end with the machine it ran on): one `token show`
# against curl and a pytfe script; a 5,000-token organization list against pytfe's, with the
# sandbox answering at once, then at --latency-ms 200 --rate-limit 30 (429s counted in the
# sandbox's request log); the peak memory and CPU time of a 5,000-client
# `client list -o json`; the release binary's size. Timings come from hyperfine (installed
# with apt-get when missing), memory and CPU from /usr/bin/time; the sandbox is seeded with
# its --populate option. Only these: scripts/bench.sh read_one list_org list_paced
# list_memory binary_size.
#
# At scale (SPEC §4 "Pacing" and "Memory"): the peak RSS and wall of `token usage` and
# `client usage` over 100,000 workspaces (1 and 1,000 matches) and of a 100,000-client
# `client list` in each -o (scale_memory); `token relink` of 150 of 1,500 workspaces at
# --latency-ms 200 --rate-limit 30 beside its floor, its requests ÷ 30 a second (relink_paced);
# two `client usage` walks of 6,000 workspaces at once on one token, with their 429s
# (usage_shared).
set -euo pipefail
cd "$(dirname "$0")/.."
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
# TFVCS_BENCH_BIN: measure this binary instead of building the release one.
BIN="${TFVCS_BENCH_BIN:-}"
WORK="$(mktemp -d)"
SANDBOX_PIDS=()
ROWS=()
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
    # Where cargo put it (CARGO_TARGET_DIR and a cargo config's target-dir are honoured).
    BIN=$(scripts/tfvcs-bin.sh --release)
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

# What SPEC §11's doctor costs on organizations of 1,000 and 10,000 connections (each client
# with its token and a workspace linked through it): requests, time and peak RSS; at 1,000
# also with --live (one authorized-repos page per token in use, paced at 20 a second by a
# server that names no rate limit: 10,000 would take over 8 minutes).
doctor_cost() {
    local n live requests kib elapsed lives
    for n in 1000 10000; do
        start_sandbox --populate "$n"
        lives=("")
        [ "$n" -eq 1000 ] && lives+=(--live)
        for live in "${lives[@]}"; do
            /usr/bin/time -o "$WORK/doctor.time" -f '%M %e' \
                "$BIN" doctor $live -o id -v >/dev/null 2>"$WORK/doctor.trace" || true
            read -r kib elapsed <"$WORK/doctor.time"
            requests=$(grep -cE '^(GET|POST|PATCH|DELETE) ' "$WORK/doctor.trace" || true)
            printf 'doctor %s on %d clients, %d tokens, %d workspaces: %d requests, %.2f s, peak RSS %.1f MiB\n' \
                "${live:-(no --live)}" "$n" "$n" "$n" "$requests" "$elapsed" "$(echo "$kib / 1024" | bc -l)"
        done
        stop_sandbox
    done
}

# pytfe 1.5.0 (HashiCorp's Python SDK) in .venv, as scripts/test.sh installs it.
pytfe_env() {
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "pytfe==1.5.0"
    cat >"$WORK/pytfe_show.py" <<'EOF'
import os, sys
os.environ.pop("SSL_CERT_FILE", None)
from pytfe import TFEClient, TFEConfig
client = TFEClient(TFEConfig(address=os.environ["TFE_HOSTNAME"], token=os.environ["TFE_TOKEN"]))
print(client.oauth_tokens.read(sys.argv[1]).id)
EOF
    cat >"$WORK/pytfe_list.py" <<'EOF'
import os
os.environ.pop("SSL_CERT_FILE", None)
from pytfe import TFEClient, TFEConfig
client = TFEClient(TFEConfig(address=os.environ["TFE_HOSTNAME"], token=os.environ["TFE_TOKEN"]))
print(sum(1 for _ in client.oauth_tokens.list(os.environ["TFE_ORGANIZATION"])))
EOF
}

# hyperfine over the given commands (no shell in between); prints each command's mean in
# seconds, one a line, in the order given.
means() { # RUNS COMMAND...
    local runs="$1"
    shift
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$WORK/h.json" "$@" >/dev/null
    python3 -c 'import json,sys; [print(r["mean"]) for r in json.load(open(sys.argv[1]))["results"]]' "$WORK/h.json"
}

row() { # MEASUREMENT TFVCS CURL PYTFE TARGET RESULT
    ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |")
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
sec() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "NOT met") }'; }

# The first token id of the sandbox's organization.
first_token() {
    curl -s -H @"$WORK/auth" "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/oauth-tokens?page%5Bsize%5D=1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])'
}

auth_header() {
    printf 'Authorization: Bearer %s\nAccept: application/vnd.api+json\n' "$TFE_TOKEN" >"$WORK/auth"
}

read_one() {
    start_sandbox --populate 100
    auth_header
    local id url tfvcs curl pytfe
    id=$(first_token)
    url="$TFE_HOSTNAME/api/v2/oauth-tokens/$id"
    { read -r tfvcs; read -r curl; read -r pytfe; } < <(means 30 \
        "$BIN token show $id -o json" \
        "curl -s -o /dev/null -H @$WORK/auth $url" \
        ".venv/bin/python $WORK/pytfe_show.py $id")
    stop_sandbox
    row "one read: \`token show\`" "$(ms "$tfvcs")" "$(ms "$curl")" "$(ms "$pytfe")" \
        "≤ 1.3× curl, ≥ 20× faster than pytfe" \
        "$(ratio "$tfvcs" "$curl")× curl, $(ratio "$pytfe" "$tfvcs")× faster than pytfe: $(verdict "$(awk -v t="$tfvcs" -v c="$curl" -v p="$pytfe" 'BEGIN { print (t <= 1.3 * c && p >= 20 * t) }')")"
}

list_org() {
    start_sandbox --populate 5000
    local tfvcs pytfe
    { read -r tfvcs; read -r pytfe; } < <(means 5 \
        "$BIN token list -o id" \
        ".venv/bin/python $WORK/pytfe_list.py")
    stop_sandbox
    row "5,000-token list, sandbox answering at once (50 pages)" "$(sec "$tfvcs")" "" "$(sec "$pytfe")" \
        "(none; tfvcs paces at 20 req/s when the server names no limit)" "$(ratio "$pytfe" "$tfvcs")× pytfe's speed"
}

list_paced() {
    local log="$WORK/paced.log" tfvcs pytfe limited answered
    start_sandbox --populate 5000 --latency-ms 200 --rate-limit 30 --log "$log"
    tfvcs=$(means 3 "$BIN token list -o id")
    # Counted before pytfe runs: these are tfvcs's answers only.
    limited=$(grep -c ' 429 ' "$log" || true)
    answered=$(grep -c ' 200 ' "$log" || true)
    pytfe=$(means 2 ".venv/bin/python $WORK/pytfe_list.py")
    stop_sandbox
    row "5,000-token list at --latency-ms 200 --rate-limit 30" "$(sec "$tfvcs")" "" "$(sec "$pytfe")" \
        "≤ 2.4 s, 0 × 429" \
        "$limited × 429 in tfvcs's $answered answers: $(verdict "$(awk -v t="$tfvcs" -v n="$limited" 'BEGIN { print (t <= 2.4 && n == 0) }')")"
}

list_memory() {
    start_sandbox --populate 5000
    local peak=0 cpu=0 kib user sys
    for _ in 1 2 3; do
        read -r kib user sys < <(/usr/bin/time -f '%M %U %S' "$BIN" client list -o json 2>&1 >/dev/null | tail -1)
        [ "$kib" -gt "$peak" ] && peak=$kib
        cpu=$(awk -v a="$cpu" -v u="$user" -v s="$sys" 'BEGIN { c = u + s; print (c > a ? c : a) }')
    done
    stop_sandbox
    row "5,000-client \`client list -o json\`: peak RSS, CPU (worst of 3)" \
        "$(awk -v k="$peak" 'BEGIN { printf "%.1f MiB", k / 1024 }'), $(sec "$cpu")" "" "" \
        "≤ 16 MiB, ≤ 0.3 s" "$(verdict "$(awk -v k="$peak" -v c="$cpu" 'BEGIN { print (k <= 16384 && c <= 0.3) }')")"
}

# Runs COMMAND... with stdout and stderr to files; sets PEAK_KIB, WALL (seconds) and CODE.
measure() {
    local status=0
    /usr/bin/time -o "$WORK/time" -f '%M %e' "$@" >"$WORK/out" 2>"$WORK/err" || status=$?
    read -r PEAK_KIB WALL < <(tail -1 "$WORK/time")
    CODE=$status
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

# One row of scale_memory: the last `measure`, its target 48 MiB and exit 0.
memory_row() { # MEASUREMENT EXPECTED-LINES
    local lines
    lines=$(wc -l <"$WORK/out")
    row "$1" "$(mib "$PEAK_KIB"), $(sec "$WALL")" "" "" "≤ 48 MiB" \
        "exit $CODE, $lines lines: $(verdict "$(awk -v k="$PEAK_KIB" -v c="$CODE" -v l="$lines" -v e="$2" 'BEGIN { print (k <= 49152 && c == 0 && l >= e) }')")"
}

scale_memory() {
    start_sandbox --populate 100000
    auth_header
    local token client many
    token=$(first_token)
    client=$(curl -s -H @"$WORK/auth" "$TFE_HOSTNAME/api/v2/oauth-tokens/$token" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["relationships"]["oauth-client"]["data"]["id"])')
    # 1,000 tokens, each linked to its own workspace.
    many=$(for page in $(seq 10); do
        curl -s -H @"$WORK/auth" "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/oauth-tokens?page%5Bsize%5D=100&page%5Bnumber%5D=$page" |
            python3 -c 'import json,sys; print(" ".join(t["id"] for t in json.load(sys.stdin)["data"]))'
    done)
    measure "$BIN" token usage "$token" --kind workspace -o id
    memory_row "\`token usage\` over 100,000 workspaces, 1 match: peak RSS, wall" 1
    # shellcheck disable=SC2086 # one argument per token id
    measure "$BIN" token usage $many --kind workspace -o id
    memory_row "\`token usage\` of 1,000 tokens over 100,000 workspaces, 1,000 matches" 1000
    measure "$BIN" client usage "$client" -o id
    memory_row "\`client usage\` over 100,000 workspaces (all kinds), 1 match" 1
    for output in table json id; do
        measure "$BIN" client list -o "$output"
        memory_row "100,000-client \`client list -o $output\`" 100000
    done
    stop_sandbox
}

# Creates a GitHub client named NAME with its token; prints "CLIENT TOKEN".
new_connection() { # NAME
    curl -s -X POST -H "Authorization: Bearer $TFE_TOKEN" -H "Content-Type: application/vnd.api+json" \
        --data "{\"data\":{\"type\":\"oauth-clients\",\"attributes\":{\"name\":\"$1\",\"service-provider\":\"github\",\"http-url\":\"https://github.com\",\"api-url\":\"https://api.github.com\",\"oauth-token-string\":\"pat\"}}}" \
        "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/oauth-clients" |
        jq -r '.data.id + " " + .data.relationships["oauth-tokens"].data[0].id'
}

# N workspaces, one JSON body a line: the first LINKED on token FROM, the rest on token TO.
workspace_bodies() { # N LINKED FROM TO
    for i in $(seq "$1"); do
        local on="$4"
        [ "$i" -le "$2" ] && on="$3"
        echo "{\"data\":{\"type\":\"workspaces\",\"attributes\":{\"name\":\"ws-$i\",\"vcs-repo\":{\"identifier\":\"acme/app-$i\",\"branch\":\"main\",\"oauth-token-id\":\"$on\"}}}}"
    done
}

# A sandbox whose organization has two connections, `from` and `to`, and N workspaces, the
# first LINKED on from's token and the rest on to's; created at full speed, then served at
# --latency-ms 200 --rate-limit 30 with its request log in LOG. Sets FROM_CLIENT, FROM_TOKEN
# and TARGET_TOKEN.
paced_organization() { # NAME N LINKED LOG
    need jq
    local state="$WORK/$1.json" token="bench-$1"
    start_sandbox --state "$state" --token "$token"
    read -r FROM_CLIENT FROM_TOKEN < <(new_connection from)
    read -r _ TARGET_TOKEN < <(new_connection to)
    workspace_bodies "$2" "$3" "$FROM_TOKEN" "$TARGET_TOKEN" >"$WORK/$1.jsonl"
    post_each "/api/v2/organizations/$TFE_ORGANIZATION/workspaces" "$WORK/$1.jsonl"
    stop_sandbox
    start_sandbox --state "$state" --token "$token" --latency-ms 200 --rate-limit 30 --log "$4"
}

relink_paced() {
    local log="$WORK/paced-relink.log"
    paced_organization paced-relink 1500 150 "$log"
    measure "$BIN" token relink "$FROM_TOKEN" --to "$TARGET_TOKEN" --yes -o id -v
    local requests limited relinked floor
    requests=$(grep -cE '^(GET|POST|PATCH|DELETE) ' "$WORK/err" || true)
    limited=$(grep -c ' 429 ' "$log" || true)
    relinked=$(wc -l <"$WORK/out")
    stop_sandbox
    floor=$(awk -v r="$requests" 'BEGIN { print r / 30 }')
    row "\`token relink\` of 150 of 1,500 workspaces at --latency-ms 200 --rate-limit 30" "$(sec "$WALL")" "" "" \
        "≤ 1.25× floor (requests ÷ 30/s), 0 × 429" \
        "exit $CODE, $relinked relinked, $requests requests, floor $(sec "$floor"): $(ratio "$WALL" "$floor")× floor, $limited × 429: $(verdict "$(awk -v w="$WALL" -v f="$floor" -v n="$limited" -v c="$CODE" -v r="$relinked" 'BEGIN { print (w <= 1.25 * f && n == 0 && c == 0 && r == 150) }')")"
}

usage_shared() {
    local log="$WORK/shared.log"
    paced_organization shared 6000 6000 "$log"
    local started ended a=0 b=0
    started=$(date +%s.%N)
    "$BIN" client usage "$FROM_CLIENT" -o id -v >"$WORK/a.out" 2>"$WORK/a.err" & local pid_a=$!
    "$BIN" client usage "$FROM_CLIENT" -o id -v >"$WORK/b.out" 2>"$WORK/b.err" & local pid_b=$!
    wait "$pid_a" || a=$?
    wait "$pid_b" || b=$?
    ended=$(date +%s.%N)
    local requests limited found_a found_b
    requests=$(cat "$WORK/a.err" "$WORK/b.err" | grep -cE '^(GET|POST|PATCH|DELETE) ' || true)
    limited=$(grep -c ' 429 ' "$log" || true)
    found_a=$(wc -l <"$WORK/a.out")
    found_b=$(wc -l <"$WORK/b.out")
    stop_sandbox
    row "two \`client usage\` walks of 6,000 workspaces at once on one token, --latency-ms 200 --rate-limit 30" \
        "$(sec "$(echo "$ended - $started" | bc -l)")" "" "" "both exit 0, 429s ≤ 2% of requests" \
        "exits $a and $b, $found_a and $found_b found, $limited × 429 in $requests requests ($(awk -v l="$limited" -v r="$requests" 'BEGIN { printf "%.1f", 100 * l / r }')%): $(verdict "$(awk -v a="$a" -v b="$b" -v l="$limited" -v r="$requests" -v x="$found_a" -v y="$found_b" 'BEGIN { print (a == 0 && b == 0 && l <= 0.02 * r && x == 6000 && y == 6000) }')")"
}

binary_size() {
    local bytes
    bytes=$(stat -c %s "$BIN")
    row "release binary" "$(awk -v b="$bytes" 'BEGIN { printf "%.2f MiB", b / 1048576 }')" "" "" "≤ 6 MiB" \
        "$(verdict "$((bytes <= 6 * 1048576))")"
}

need curl
need bc
need hyperfine
need python3
[ -x /usr/bin/time ] || need /usr/bin/time time
build
pytfe_env
if [ $# -eq 0 ]; then
    set -- page_latency keepalive_latency creates_with_state usage_walk relink_cost doctor_cost \
        read_one list_org list_paced list_memory binary_size scale_memory relink_paced usage_shared
fi
for measurement in "$@"; do
    echo "== $measurement" >&2
    "$measurement"
done

if [ ${#ROWS[@]} -gt 0 ]; then
    echo
    echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); tfvcs $("$BIN" --version | awk '{ print $2 }'), $(hyperfine --version), $(curl --version | head -1 | awk '{ print $1, $2 }'), pytfe 1.5.0 on $(.venv/bin/python --version)"
    echo
    echo "| measurement | tfvcs | curl | pytfe | target | result |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
fi
