#!/usr/bin/env bash
# The README's test command: every check and every test tier. Unit tests need nothing running; the
# integration and end-to-end tiers start (and stop) a real local Kafka themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "generate code from proto/"
npm run --silent proto:gen
if compgen -G "proto/**/*.proto" >/dev/null || compgen -G "proto/*/*/*.proto" >/dev/null; then
  step "buf lint and buf breaking"
  bash scripts/buf-check.sh
fi
step "typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console
step "lint"
npx eslint . --max-warnings 0
step "dependency rules (.dependency-cruiser.cjs): no import circles, no upward imports"
npx depcruise apps libs bench --config .dependency-cruiser.cjs
step "jest (unit, integration, end-to-end)"
XB_TIER="${XB_TIER:-all}" npx jest --ci "$@"
