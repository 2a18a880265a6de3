#!/usr/bin/env bash
# npm start / npm run dev: install what is missing, then hand over to the launcher on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# `npm run` put node_modules/.bin first on PATH, so this is the project's Node 24, not the system's.
exec node --import tsx scripts/selah.ts "$@"
