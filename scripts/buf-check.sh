#!/usr/bin/env bash
# buf lint on proto/, and buf breaking against the last committed contract on main (the file set of
# proto/ at `git merge-base HEAD main`, or HEAD when on main), so a change that breaks counterparts fails.
set -euo pipefail
cd "$(dirname "$0")/.."
npx buf lint proto
against=$(git merge-base HEAD main 2>/dev/null || true)
if [[ -n $against ]] && git cat-file -e "$against:proto" 2>/dev/null; then
  npx buf breaking proto --against ".git#ref=$against,subdir=proto"
else
  echo "buf breaking: no earlier proto/ in git to compare with (first contract)"
fi
