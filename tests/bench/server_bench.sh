#!/usr/bin/env bash
# Drives the real server with wrk on loopback: the up-to-date /changes check and /snapshot with 64
# connections, then a new client timed while 200 idle keep-alive connections are held open.
# Usage: server_bench.sh PATH/TO/partnership [SECONDS]
set -euo pipefail
bin=$1
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d)
out=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data" "$out"' EXIT

"$bin" serve --data "$data" --listen 127.0.0.1:0 --web "" >"$out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
port=$(sed -nE 's/^listening on http:\/\/127\.0\.0\.1:([0-9]+)$/\1/p' "$out")
[ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }
revision=$(curl -s "http://127.0.0.1:$port/api/v1/health" | sed -E 's/.*"revision":([0-9]+).*/\1/')
rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$pid/status"; }

echo "server: revision $revision, memory $(rss) after start"
echo
echo "== up-to-date check: GET /api/v1/changes?since=$revision, 64 connections, 2 threads, ${seconds}s"
wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port/api/v1/changes?since=$revision" | sed -n '/Latency/,/Transfer/p'
echo
echo "== snapshot: GET /api/v1/snapshot (gzip), 64 connections, 2 threads, ${seconds}s"
wrk -t2 -c64 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/api/v1/snapshot" | sed -n '/Latency/,/Transfer/p'
echo
echo "== idle connections"
node "$here/idle_clients.mjs" "$port" 200 20
echo
echo "server memory at the end: $(rss)"
