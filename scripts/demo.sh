#!/usr/bin/env bash
# Try tfvcs in one command, offline: builds it, starts the bundled sandbox on a free port,
# runs the main flow of a VCS connection, then stops the sandbox and removes what it made.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Building tfvcs (cargo build)..." >&2
# Where cargo put it: CARGO_TARGET_DIR (or a cargo config's target-dir) is honoured.
bin=$(scripts/tfvcs-bin.sh)
export PATH="$(dirname "$bin"):$PATH"

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null || true
        # Not our child (it detached): wait until it is gone, so that nothing outlives the demo.
        for _ in $(seq 50); do
            kill -0 "$sandbox_pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# In the background on a free port; it returns once it listens, with the variables to export.
eval "$(tfvcs sandbox --detach --listen 127.0.0.1:0 --log "$work/sandbox.log")"
sandbox_pid=$TFVCS_SANDBOX_PID
# .ci/run reads the pid from this line to check that the demo stopped its own sandbox.
echo "Sandbox running at $TFE_HOSTNAME (organization $TFE_ORGANIZATION, sandbox pid $sandbox_pid)." >&2

step() {
    printf '\n$ %s\n' "$1"
    eval "$1"
}

# An SSH key for the clone step: a fresh one if ssh-keygen is here, else a sample.
if command -v ssh-keygen >/dev/null 2>&1; then
    ssh-keygen -q -t ed25519 -N '' -C tfvcs-demo -f "$work/deploy_key"
else
    printf '%s\n' '-----BEGIN OPENSSH PRIVATE KEY-----' \
        'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB' \
        '-----END OPENSSH PRIVATE KEY-----' >"$work/deploy_key"
    chmod 600 "$work/deploy_key"
fi
cd "$work"

step 'echo "ghp_demo_personal_access_token" | tfvcs client create --provider github --name demo-github --pat-file -'
step 'tfvcs client list'
step 'tfvcs client show demo-github'
step 'echo "ghp_rotated_token" | tfvcs client set-pat demo-github --pat-file - -o id'
step 'tfvcs token list demo-github'
step 'TOKEN_ID=$(tfvcs token list demo-github -o id); echo "$TOKEN_ID"'
step 'tfvcs token set-ssh-key "$TOKEN_ID" --ssh-key-file deploy_key'

# What uses this connection, and moving it: two workspaces and a Stack on the token (made
# with curl through the sandbox's API, as they would be in TFE), then a second connection to
# move to.
api() {
    curl -sS --fail -H "Authorization: Bearer $TFE_TOKEN" \
        -H 'Content-Type: application/vnd.api+json' "$@"
}
workspace() {
    api -o /dev/null -X POST "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/workspaces" \
        --data "{\"data\":{\"type\":\"workspaces\",\"attributes\":{\"name\":\"$1\",\"vcs-repo\":{\"identifier\":\"$2\",\"branch\":\"main\",\"oauth-token-id\":\"$TOKEN_ID\"}}}}"
}
# A Stack lives in a project: the organization's Default Project.
stack() {
    local project
    project=$(api "$TFE_HOSTNAME/api/v2/organizations/$TFE_ORGANIZATION/projects" |
        grep -o 'prj-[A-Za-z0-9]*' | head -n 1)
    api -o /dev/null -X POST "$TFE_HOSTNAME/api/v2/stacks" \
        --data "{\"data\":{\"type\":\"stacks\",\"attributes\":{\"name\":\"$1\",\"vcs-repo\":{\"identifier\":\"$2\",\"branch\":\"release\",\"oauth-token-id\":\"$TOKEN_ID\"}},\"relationships\":{\"project\":{\"data\":{\"type\":\"projects\",\"id\":\"$project\"}}}}}"
}
step 'workspace web acme/web; workspace api acme/api; stack platform acme/platform'
step 'tfvcs token usage "$TOKEN_ID"'
step 'echo "ghp_second_token" | tfvcs client create --provider github --name demo-github-2 --pat-file - -o id'
step 'NEW_TOKEN_ID=$(tfvcs token list demo-github-2 -o id); echo "$NEW_TOKEN_ID"'
step 'tfvcs token relink "$TOKEN_ID" --to "$NEW_TOKEN_ID" --dry-run'
# The journal goes in the demo's folder (by default it is kept in ~/.local/state/tfvcs/journal/).
step 'tfvcs token relink "$TOKEN_ID" --to "$NEW_TOKEN_ID" --yes --journal relink.jsonl'
step 'tfvcs token usage "$TOKEN_ID"'
step 'tfvcs client usage demo-github-2'
step 'tfvcs token relink --undo relink.jsonl --dry-run'

step 'tfvcs client delete demo-github --dry-run'
step 'tfvcs client delete demo-github --yes'
step 'tfvcs client list -o json'

trap - EXIT INT TERM
cleanup
printf '\nDone: the sandbox is stopped and its files removed.\n' >&2
