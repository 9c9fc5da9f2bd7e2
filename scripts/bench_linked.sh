#!/usr/bin/env bash
# What `usage` and `relink` cost against the sandbox (SPEC §10): requests and wall time.
#
#   relink:  N workspaces on one token in an organization of W, at --latency-ms 200
#   usage:   `client usage` over W workspaces, P policy sets and M modules, at
#            --latency-ms 200 --rate-limit 30
#
# The organization is seeded once without latency (kept in a --state file), then served again
# with latency for each measurement. Requests are counted from the sandbox's request log.
# Usage: scripts/bench_linked.sh [W] [N] [P] [M]   (defaults 1000 100 200 300)
set -euo pipefail
cd "$(dirname "$0")/.."

W=${1:-1000}
N=${2:-100}
P=${3:-200}
M=${4:-300}

cargo build --quiet
tfvcs="$PWD/target/debug/tfvcs"
work=$(mktemp -d)
pid=""
stop() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
trap 'stop; rm -rf "$work"' EXIT INT TERM

token=bench-token-$$
# Starts the sandbox on the state file with extra options; sets TFE_* and the log path.
start() {
    : >"$work/requests.log"
    "$tfvcs" sandbox --listen 127.0.0.1:0 --token "$token" --state "$work/state.json" \
        --log "$work/requests.log" "$@" >"$work/env" 2>/dev/null &
    pid=$!
    for _ in $(seq 200); do
        [ "$(wc -l <"$work/env")" -ge 3 ] && break
        sleep 0.05
    done
    # shellcheck disable=SC1091
    . "$work/env"
    export TFE_HOSTNAME TFE_TOKEN TFE_ORGANIZATION
}

api() { # METHOD PATH BODY-FILE
    curl -sS -o /dev/null -w '%{http_code}\n' -X "$1" -H "Authorization: Bearer $TFE_TOKEN" \
        -H 'Content-Type: application/vnd.api+json' "$TFE_HOSTNAME/api/v2$2" --data "@$3"
}
export -f api

connection() { # NAME -> token id
    printf 'pat-%s' "$1" | "$tfvcs" client create --provider github --name "$1" --pat-file - -o id >/dev/null
    "$tfvcs" token list "$1" -o id
}

echo "seeding: $W workspaces ($N on FROM), $P policy sets, $M modules..." >&2
start
from=$(connection bench-from)
to=$(connection bench-to)
other=$(connection bench-other)
org="/organizations/$TFE_ORGANIZATION"
n=0
# One line per create: METHOD PATH BODY-FILE (a file, so that xargs never sees JSON quotes).
request() {
    n=$((n + 1))
    printf '%s\n' "$3" >"$work/body-$n.json"
    echo "$1 $2 $work/body-$n.json"
}
{
    for i in $(seq 1 "$W"); do
        t=$other
        [ "$i" -le "$N" ] && t=$from
        request POST "$org"/workspaces '{"data":{"type":"workspaces","attributes":{"name":"ws-'"$i"'","vcs-repo":{"identifier":"acme/app-'"$i"'","branch":"main","oauth-token-id":"'"$t"'"}}}}'
    done
    for i in $(seq 1 "$P"); do
        request POST "$org"/policy-sets '{"data":{"type":"policy-sets","attributes":{"name":"set-'"$i"'","kind":"sentinel","vcs-repo":{"identifier":"acme/policies-'"$i"'","branch":"main","oauth-token-id":"'"$other"'"}}}}'
    done
    for i in $(seq 1 "$M"); do
        request POST "$org"/registry-modules/vcs '{"data":{"type":"registry-modules","attributes":{"vcs-repo":{"identifier":"acme/terraform-aws-mod'"$i"'","display-identifier":"acme/terraform-aws-mod'"$i"'","branch":"main","oauth-token-id":"'"$other"'"}}}}'
    done
} | xargs -P 8 -L 1 bash -c 'api "$0" "$1" "$2"' | sort | uniq -c >&2
stop

measure() { # LABEL ARGS...
    local label=$1
    shift
    local started ended
    started=$(date +%s.%N)
    "$tfvcs" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
    ended=$(date +%s.%N)
    stop
    local requests
    requests=$(grep -c . "$work/requests.log" || true)
    printf '%-60s %5d requests %7.2f s\n' "$label" "$requests" "$(echo "$ended - $started" | bc)"
    tail -1 "$work/stderr" >&2
}

echo >&2
start --latency-ms 200
measure "token relink (N=$N of W=$W, P=$P, M=$M) --latency-ms 200" \
    token relink "$from" --to "$to" --yes
start --latency-ms 200
measure "token relink --kind workspace (N=$N of W=$W) --latency-ms 200" \
    token relink "$to" --to "$from" --yes --kind workspace
start --latency-ms 200 --rate-limit 30
measure "client usage (W=$W, P=$P, M=$M) --latency-ms 200 --rate-limit 30" \
    client usage bench-other
