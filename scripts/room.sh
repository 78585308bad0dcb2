#!/usr/bin/env bash
# Install, then serve the workshop to a room: every participant joins from their own browser.
# The room mode listens on every interface of this machine (port 8501 unless --server.port is
# given) and shows the workshop pages alone: the scenario comparison and the sweep folder box are
# never served beyond this machine. Share http://<this machine's address>:8501 with the room.
# Extra arguments go to 'streamlit run', e.g. --server.port 8600.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The port Streamlit will use: the last --server.port given (either spelling), else 8501.
port=8501
prev=""
for arg in "$@"; do
  case "$arg" in
    --server.port=*) port="${arg#--server.port=}" ;;
    *) [ "$prev" = "--server.port" ] && port="$arg" ;;
  esac
  prev="$arg"
done
echo "transitiesim: serving the workshop pages to the room on port $port (Ctrl+C stops it)"
TRANSITIESIM_ROOM=1 exec .venv/bin/streamlit run app.py --server.address 0.0.0.0 "$@"
