#!/usr/bin/env bash
# The one test command (README; .ci/run calls exactly this): installs the test dependencies, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test LuoshiArchive.sln --nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for tools: "N passed, N failed" summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo "$passed passed, $failed failed"
exit $status
