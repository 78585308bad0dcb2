#!/usr/bin/env bash
# Install, then open the scenario comparison app on the shipped scenarios:
# http://127.0.0.1:8501 (bound to this machine only; see .streamlit/config.toml).
# Extra arguments go to 'streamlit run', e.g. --server.port 8600.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "transitiesim: opening the app at http://127.0.0.1:8501 (Ctrl+C stops it)"
exec .venv/bin/streamlit run app.py "$@"
