#!/usr/bin/env bash
# The README's workflows on PostgreSQL (Luoshi__Database set), with several processes at once: init --demo, users add,
# two ingests at the same time, search, meetings and minutes, three `doc render` with auto numbers at the same time,
# bundle export / verify / import, backup / verify / restore, audit verify, check. Prints what each step answered.
#   scripts/check-postgres-workflows.sh        (starts a throwaway PostgreSQL with scripts/test-postgres.sh)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/luoshi-pg-workflows-XXXX); chmod 755 "$work"
trap 'bash "$root/scripts/test-postgres.sh" stop "$work/pg"; rm -rf "$work"' EXIT
server=$(bash "$root/scripts/test-postgres.sh" start "$work/pg") || exit 1
dotnet build "$root/src/LuoshiArchive.Cli" -c Release -o "$work/cli" >/dev/null || exit 1
PG=${server%;Database=postgres}
for d in wf1 wf2 wf3; do
  psql "$(echo "$PG" | sed 's/Host=/host=/;s/;Port=/ port=/;s/;Username=/ user=/') dbname=postgres" -qc "create database $d"
done
export Luoshi__Database="$PG;Database=wf1"
S=$work/s; mkdir -p $work/out
L() { dotnet "$work/cli/luoshi.dll" --storage "$S" "$@"; }
step() { echo "== $*"; }
step init; L init --demo 2>&1 | head -2
step users; echo "pw-123456-abc" | L users add --name office --role admin 2>&1 | tail -1
Y=$(L tasks list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["tasks"][0]["code"][:4])')
step "ingest x2 concurrently"; mkdir -p "$work/in1" "$work/in2"
for i in $(seq 1 10); do echo "关于落实第${i}项重点任务的通知 督查督办 $RANDOM" > "$work/in1/f$i.txt"; done
for i in $(seq 11 13); do echo "关于落实第${i}项重点任务的报告 $RANDOM" > "$work/in2/f$i.txt"; done
L ingest "$work/in1" --task $Y-001 2>&1 | tr '\r' '\n' | tail -1 &
L ingest "$work/in2" --task $Y-002 2>&1 | tr '\r' '\n' | tail -1; wait
step search; L search 落实 --json | python3 -c 'import json,sys; print("total", json.load(sys.stdin)["total"])'
step meetings; M=$(L meetings add --kind MonthlyPush --date $Y-03-05 --title 三月推进会 --task $Y-001 --task $Y-002 2>/dev/null); echo "meeting $M"
printf '三月推进会会议纪要：研究落实重点任务。' > $work/out/纪要.txt
L minutes attach $work/out/纪要.txt --meeting $M --task $Y-001 --task $Y-002 2>&1 | tail -1
step "doc render auto numbers x3 concurrently"
for i in 1 2 3; do sed 's/"number": *"[^"]*"/"number": "auto"/' "$root/docs/examples/seed-notice.json" > $work/out/spec$i.json; done
for i in 1 2 3; do L doc render $work/out/spec$i.json --out $work/out/n$i.docx > $work/out/render$i.log 2>&1 & done; wait
cat $work/out/render*.log | grep -o "津教[^ ]*号\|〔[0-9]*〕[0-9]*号" | sort | uniq -c
step "bundle export/verify/import"
L bundle export --year $Y --out $work/out/bundle.zip 2>&1 | tail -1; echo "exit $?"
L bundle verify $work/out/bundle.zip 2>&1 | tail -1
Luoshi__Database="$PG;Database=wf2" dotnet "$work/cli/luoshi.dll" --storage $work/s2 bundle import $work/out/bundle.zip 2>&1 | tail -1
step "backup/verify/restore"
L backup --out $work/out/backup.zip 2>&1 | tail -1
L backup verify $work/out/backup.zip 2>&1 | tail -1
Luoshi__Database="$PG;Database=wf3" dotnet "$work/cli/luoshi.dll" --storage $work/s3 restore $work/out/backup.zip 2>&1 | tail -1
Luoshi__Database="$PG;Database=wf3" dotnet "$work/cli/luoshi.dll" --storage $work/s3 search 落实 --json | python3 -c 'import json,sys; print("restored total", json.load(sys.stdin)["total"])'
step "audit verify + check"
L audit verify 2>&1 | tail -1; echo "exit $?"
L check 2>&1 | tr '\r' '\n' | grep -v '^\[' | tail -1
