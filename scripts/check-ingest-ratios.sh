#!/usr/bin/env bash
# Ingest against bare indexing (issue 24): runs the bench's ingest measure and reads the ratios from its JSON.
#   scripts/check-ingest-ratios.sh [DOCS] [INGEST]      (defaults 3000 and 300, as in the issue)
# Prints each format's ratio beside its target (TXT ≥ 0.7, DOCX ≥ 0.5); exits 1 when one is below its target.
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-3000}"
ingest="${2:-300}"
json="$(mktemp)"
trap 'rm -f "$json"' EXIT
dotnet run -c Release --project tests/LuoshiArchive.Bench -- --docs "$docs" --ingest "$ingest" --formats txt,docx \
    --bundle "" --json > "$json"
python3 - "$json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
ratios = report.get("IngestRatios") or {}
targets = {"txt": 0.7, "docx": 0.5}
failed = False
for fmt, target in targets.items():
    ratio = ratios.get(fmt)
    if ratio is None:
        print(f"{fmt}: no ratio in the bench's JSON"); failed = True; continue
    met = ratio >= target
    failed |= not met
    print(f"{fmt}: {ratio:.3f} of bare indexing (target ≥ {target}): {'met' if met else 'not met'}")
sys.exit(1 if failed else 0)
PY
