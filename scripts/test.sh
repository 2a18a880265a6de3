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
stage typecheck npx tsc --noEmit
stage lint npm run --silent lint
stage vitest npx vitest run --reporter=default --reporter=json --outputFile.json=.data/test-results/vitest.json
stage e2e npx playwright test

echo
node --import tsx scripts/test-summary.ts "${failed[@]}"
[ ${#failed[@]} -eq 0 ]
