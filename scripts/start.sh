#!/usr/bin/env bash
# Install, then open the scenario comparison app on the shipped scenarios:
# http://127.0.0.1:8501 (bound to this machine only; see .streamlit/config.toml).
# Extra arguments go to 'streamlit run', e.g. --server.port 8600.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Streamlit prints the address it serves on (the port may be changed by the arguments).
echo "transitiesim: starting the app; open the URL printed below in your browser (Ctrl+C stops it)"
exec .venv/bin/streamlit run app.py "$@"
