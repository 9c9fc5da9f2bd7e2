#!/usr/bin/env bash
# The one test command: every Rust test (unit, mock-server and end-to-end against the sandbox),
# then, where Python 3 is present, the interoperability tests with HashiCorp's Python SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked
