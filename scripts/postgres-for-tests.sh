#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (initdb in a temp folder, unix socket only) and prints its address;
# Ctrl-C stops it and deletes it. The store tests start their own; this one is for trying a team
# workspace by hand, or for running the tests against one server:
#   bash scripts/postgres-for-tests.sh          # prints WORKBENCH_TEST_PG_URL=…
#   WORKBENCH_TEST_PG_URL=… .venv/bin/python -m pytest tests/store
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python tests/store/pg_throwaway.py
