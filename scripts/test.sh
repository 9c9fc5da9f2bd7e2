#!/usr/bin/env bash
# The one test command: every Rust test (unit, mock-server and end-to-end against the sandbox),
# then the interoperability tests that drive the sandbox with HashiCorp's Python SDK (pytfe),
# installed into .venv inside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked

echo "== interop: pytfe against tfvcs sandbox"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pytfe==1.5.0"
cargo build --locked --quiet
TFVCS_BIN="$PWD/target/debug/tfvcs" .venv/bin/python -m unittest discover -s tests/interop -p 'test_*.py' -v
