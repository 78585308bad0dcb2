#!/usr/bin/env bash
# Install, then run the whole test suite. Extra arguments go to pytest.
# The browser test needs Debian's chromium; as root this script installs it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-kernels
# On a fresh machine the kernels' compilation (about a minute) and the type checker's first
# pass (about 25 s, which fills .mypy_cache for tests/test_types.py) each keep one core busy:
# side by side, not one after the other. The type check's verdict is the test's to give.
bash scripts/kernels.sh &
kernels=$!
.venv/bin/python -m mypy >/dev/null 2>&1 || true
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser test"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "the browser test needs Debian's chromium: sudo apt-get install chromium" >&2
  fi
fi
wait "$kernels"
exec .venv/bin/python -m pytest "$@"
