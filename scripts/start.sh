#!/usr/bin/env bash
# Install, then run the main job: compare the shipped scenarios (the default municipality,
# 3 seeds paired by seed). Extra arguments go to 'transitiesim compare'.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/transitiesim compare --seeds 3 "$@"
