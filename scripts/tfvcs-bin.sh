#!/usr/bin/env bash
# Builds tfvcs (cargo build --locked) and prints the path of the binary cargo made. The path
# comes from the build's own messages, so a target directory set elsewhere (CARGO_TARGET_DIR,
# build.target-dir in a cargo config) is where it is looked for. Extra arguments go to cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=$(cargo build --locked --quiet --message-format=json-render-diagnostics "$@")
# The artifact message of the `tfvcs` bin target names its executable (the lib's is null).
bin=$(printf '%s\n' "$messages" |
    sed -n 's/.*"target":{[^}]*"name":"tfvcs"[^}]*}.*"executable":"\([^"]*\)".*/\1/p' |
    tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "error: cargo build did not name a tfvcs binary" >&2
    exit 1
fi
printf '%s\n' "$bin"
