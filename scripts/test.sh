#!/usr/bin/env bash
# npm test: typecheck, lint, unit + integration tests (vitest, real embedded services),
# then Playwright e2e in Debian's Chromium against the built app. Installs what it needs.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --test || exit 1
export NEXT_TELEMETRY_DISABLED=1
rm -rf .data/test-results .data/e2e && mkdir -p .data/test-results

failed=()
stage() {
  local name=$1
  shift
  echo -e "\n── $name ──"
  "$@" || failed+=("$name")
}
# The e2e stage's production build runs beside typecheck and lint, which each use one core.
node --import tsx scripts/build-web-app.ts >.data/test-results/next-build.log 2>&1 &
build=$!
stage typecheck npx tsc --noEmit
stage lint npm run --silent lint
build_finished() { wait "$build" || { cat .data/test-results/next-build.log; return 1; }; }
stage build build_finished
stage vitest npx vitest run --reporter=default --reporter=json --outputFile.json=.data/test-results/vitest.json
stage e2e npx playwright test

echo
node --import tsx scripts/test-summary.ts "${failed[@]}"
[ ${#failed[@]} -eq 0 ]
