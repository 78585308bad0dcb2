#!/usr/bin/env bash
# Install, then open the scenario comparison app on the shipped scenarios:
# http://127.0.0.1:8501 (bound to this machine only; see .streamlit/config.toml).
# Extra arguments go to 'streamlit run', e.g. --server.port 8600.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Runs are kept on disk between app processes (keyed by the code, so a change of the model
# never shows old results); the comparison the app opens with is computed now, not while
# the first visitor waits.
export TRANSITIESIM_CACHE_DIR="${TRANSITIESIM_CACHE_DIR:-$PWD/.cache/runs}"
.venv/bin/python -m transitiesim.ui.warm
# Streamlit prints the address it serves on (the port may be changed by the arguments).
echo "transitiesim: starting the app; open the URL printed below in your browser (Ctrl+C stops it)"
exec .venv/bin/streamlit run app.py "$@"
