#!/usr/bin/env bash
# Install transitiesim's locked environment into .venv (uv, from PyPI; pip installs uv if needed).
# Run by start.sh, room.sh and test.sh. Needs Python 3.11.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
py=${PYTHON:-$(command -v python3.11 || command -v python3 || true)}
if [ -z "$py" ]; then
  echo "transitiesim needs Python 3.11: none found on PATH (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
# The real interpreter, not a pyenv shim, so uv does not rebuild .venv on every run.
py=$("$py" -c 'import sys; print(sys.executable)')
if ! "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "transitiesim needs Python 3.11; $py is $("$py" --version 2>&1) (set PYTHON=...)" >&2
  exit 1
fi
if command -v uv >/dev/null 2>&1; then
  uv=(uv)
else
  "$py" -m uv --version >/dev/null 2>&1 || "$py" -m pip install --quiet --disable-pip-version-check uv \
    || "$py" -m pip install --quiet --disable-pip-version-check --user uv
  uv=("$py" -m uv)
fi
export UV_PYTHON_DOWNLOADS=never UV_PYTHON="$py"
"${uv[@]}" sync --frozen --all-extras --compile-bytecode --quiet
# Compile the model's kernels now (about a minute on a fresh machine, once; numba caches them
# next to the source), so the first run in the app or a test does not wait for it. With
# --no-kernels the caller does it (scripts/test.sh, beside other work).
if [ "${1:-}" != "--no-kernels" ]; then
  bash scripts/kernels.sh
fi
