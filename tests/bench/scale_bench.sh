#!/usr/bin/env bash
# The server at 100,000 municipalities and 60,000 partnerships (partnership generate): memory after
# start and under load, the time to build a snapshot, the cost of one write, and the latency of
# /health and /changes while a writer commits once a second and readers fetch the snapshot.
# Usage: scale_bench.sh PATH/TO/partnership [SECONDS] [MUNICIPALITIES] [PARTNERSHIPS]
set -euo pipefail
bin=$1
seconds=${2:-20}
municipalities=${3:-100000}
partnerships=${4:-60000}
data=$(mktemp -d)
out=$(mktemp)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    kill "$server" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$data" "$out"
}
trap cleanup EXIT

ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }

"$bin" generate --data "$data" --municipalities "$municipalities" --partnerships "$partnerships" --seed 1
token=$("$bin" token create --data "$data" --role moderator --label bench 2>/dev/null | head -n1)

"$bin" serve --data "$data" --listen 127.0.0.1:0 --web "" --write-burst 1000000 >"$out" 2>/dev/null &
server=$!
for _ in $(seq 300); do grep -q listening "$out" && break; sleep 0.1; done
port=$(sed -nE 's/^listening on http:\/\/127\.0\.0\.1:([0-9]+)$/\1/p' "$out")
[ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port/api/v1"
echo "== $municipalities municipalities, $partnerships partnerships"
echo "server memory after start: $(rss)"

first=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} %{size_download}' "$base/snapshot")
echo "first snapshot (stored JSON read in one transaction, gzip -9): $(ms "${first% *}") ms, ${first#* } bytes gzip"

# One write: a moderator's PUT of a municipality, acknowledged after SQLite's fsync.
id=UA46060250000025047  # Lviv, one of the real records every generated registry keeps
record=$(curl -s "$base/municipalities/$id")
write() {
    local body
    body=$(node -e 'const r = JSON.parse(process.argv[1]); r.contacts = {...r.contacts, person: "bench " + process.argv[2]};
                    process.stdout.write(JSON.stringify(r))' "$record" "$1")
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X PUT -H "Authorization: Bearer $token" -H 'If-Match: *' \
        -H 'Content-Type: application/json' --data "$body" "$base/municipalities/$id"
}
times=()
for i in $(seq 10); do
    answer=$(write "$i")
    [ "${answer% *}" = 200 ] || { echo "a write failed: $answer" >&2; exit 1; }
    times+=("${answer#* }")
done
echo "one write (PUT, 10 in a row): median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p | xargs -I{} awk 'BEGIN { printf "%.1f", {} * 1000 }') ms"
rebuilt=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total}' "$base/snapshot")
echo "snapshot after a write: $(ms "$rebuilt") ms"

echo
echo "== ${seconds}s: a writer commits once a second, 2 readers fetch the gzip snapshot in a loop,"
echo "   wrk measures /health and /changes?since=<current> (4 connections each)"
( i=100; while :; do write $((i++)) >/dev/null; sleep 1; done ) &
pids+=($!)
for _ in 1 2; do
    ( while :; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$base/snapshot"; done ) &
    pids+=($!)
done
revision=$(curl -s "$base/health" | sed -E 's/.*"revision":([0-9]+).*/\1/')
wrk -t1 -c4 -d"${seconds}s" --latency "$base/health" >"$data/health.txt" &
w1=$!
wrk -t1 -c4 -d"${seconds}s" --latency "$base/changes?since=$revision" >"$data/changes.txt" &
w2=$!
sleep $((seconds / 2))
load_rss=$(rss)
wait "$w1" "$w2"
for name in health changes; do
    p50=$(awk '$1 == "50%" {print $2}' "$data/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$data/$name.txt")
    rate=$(awk '/Requests\/sec/ {print $2}' "$data/$name.txt")
    echo "/$name: p50 $p50, p99 $p99, $rate requests/s"
done
echo "server memory under load: $load_rss; at the end: $(rss)"
