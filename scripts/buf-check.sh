#!/usr/bin/env bash
# buf lint on proto/, then buf breaking against the contract last committed before this change, so a
# change that would break counterparts fails (rules in proto/buf.yaml; policy in docs/protocol.md):
# - on a branch: against the merge base with main (or origin/main, as CI clones often have only that);
# - on main with uncommitted proto/ changes: against HEAD;
# - on main with a clean tree (CI after a merge): against HEAD~1, i.e. the commit being tested is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
npx buf lint proto

against=""
for ref in main origin/main; do
  against=$(git merge-base HEAD "$ref" 2>/dev/null) && break
done
if [[ -n $against && $against == "$(git rev-parse HEAD)" ]] && git diff --quiet HEAD -- proto; then
  against=$(git rev-parse -q --verify 'HEAD~1' || true)
fi
if [[ -n $against ]] && git cat-file -e "$against:proto" 2>/dev/null; then
  echo "buf breaking: against ${against:0:12}"
  npx buf breaking proto --against ".git#ref=$against,subdir=proto"
else
  echo "buf breaking: no earlier proto/ in git to compare with (first contract)"
fi
