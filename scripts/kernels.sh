#!/usr/bin/env bash
# Compile the model's kernels (numba caches them next to the source; about a minute on a fresh
# machine, under a second once cached): one short run of the default municipality.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -c "from transitiesim import load_scenario, run
run(load_scenario('default').with_params(scale=0.01, end_year=2014), seed=0)"
