#!/usr/bin/env bash
# The one test command (README; .ci/run calls exactly this): installs the test dependencies, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
log=$(mktemp)
# A throwaway PostgreSQL for the second engine (a cluster in a temp folder on a free loopback port), stopped at the end.
pgdir=$(mktemp -d -t luoshi-pg-XXXXXX)
trap 'bash scripts/test-postgres.sh stop "$pgdir"; rm -f "$log"' EXIT
LUOSHI_TEST_POSTGRES=$(bash scripts/test-postgres.sh start "$pgdir")
export LUOSHI_TEST_POSTGRES
status=0
dotnet test LuoshiArchive.sln --nologo 2>&1 | tee "$log" || status=$?
# The storage-dependent Core tests again, every store on PostgreSQL (TestDatabase; the CLI with --database).
LUOSHI_TEST_ENGINE=postgres dotnet test tests/LuoshiArchive.Core.Tests --no-build --nologo 2>&1 | tee -a "$log" || status=$?

# One plain closing line for tools: "N passed, N failed" summed over the test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo "$passed passed, $failed failed"
exit $status
