#!/usr/bin/env bash
# The one test command: every Rust test (unit, mock-server and end-to-end against the sandbox),
# then the interoperability tests that drive the sandbox with HashiCorp's Python SDK (pytfe),
# then the sandbox's answers and tfvcs's --dry-run bodies against HashiCorp's OpenAPI document
# (jsonschema); both Python packages pinned, installed into .venv inside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked

echo "== interop: pytfe against tfvcs sandbox"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pytfe==1.5.0" "jsonschema==4.26.0"
# Where cargo put it: CARGO_TARGET_DIR (or a cargo config's target-dir) is honoured.
tfvcs_bin=$(scripts/tfvcs-bin.sh)
TFVCS_BIN="$tfvcs_bin" .venv/bin/python -m unittest discover -s tests/interop -p 'test_*.py' -v

echo "== conformance: sandbox and --dry-run bodies against HashiCorp's OpenAPI document"
TFVCS_BIN="$tfvcs_bin" .venv/bin/python tests/conformance/check_oas.py
