#!/usr/bin/env bash
# Up-to-date checks per second and write throughput: one server on SQLite, then one and two
# servers on one PostgreSQL database (a throwaway cluster in a temporary folder, fsync on, as in
# production). wrk drives each server with 4 connections on loopback; with two servers, both at once
# and the rates added. The built-in registry, so the numbers are about the store, not the size.
#   tests/bench/replica_bench.sh build/bin/partnership [SECONDS]
set -euo pipefail
bin=$(realpath "$1")
seconds=${2:-10}
pgbin=${PRD_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
[ -x "$pgbin/initdb" ] || { echo "replica bench: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 0; }
work=$(mktemp -d)
chmod 755 "$work"
servers=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg/data" -U prd --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-k $work/pg -c listen_addresses='' -c max_connections=100" start >/dev/null
as_pg "$pgbin/createdb" -h "$work/pg" -U prd bench
uri="postgresql:///bench?host=$work/pg&user=prd"

serve() {  # serve STORE_OPTION VALUE -> prints the port
    local out="$work/serve.$RANDOM"
    "$bin" serve "$1" "$2" --listen 127.0.0.1:0 --web "" --write-burst 1000000 >"$out" 2>/dev/null &
    servers+=($!)
    for _ in $(seq 300); do grep -q listening "$out" && break; sleep 0.1; done
    sed -nE 's/^listening on http:\/\/127\.0\.0\.1:([0-9]+)$/\1/p' "$out"
}

id=UA46060250000025047  # Lviv
put_script() {  # a wrk script that saves Lviv again and again (If-Match: *, so none conflicts)
    local port=$1 token=$2 body
    body=$(curl -s "http://127.0.0.1:$port/api/v1/municipalities/$id" |
           node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
                    r.contacts={...r.contacts,person:"bench"};process.stdout.write(JSON.stringify(JSON.stringify(r)))})')
    cat >"$work/put.lua" <<LUA
wrk.method = "PUT"
wrk.body = $body
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["If-Match"] = "*"
wrk.headers["Content-Type"] = "application/json"
LUA
}

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
measure() {  # measure NAME PORT... : up-to-date checks, then writes, on every port at once
    local name=$1; shift
    local revision pids=() i=0 checks=0 writes=0 non2xx=0
    for port in "$@"; do
        revision=$(curl -s "http://127.0.0.1:$port/api/v1/health" | sed -E 's/.*"revision":([0-9]+).*/\1/')
        wrk -t1 -c4 -d"${seconds}s" "http://127.0.0.1:$port/api/v1/changes?since=$revision" >"$work/check.$i" &
        pids+=($!); i=$((i + 1))
    done
    wait "${pids[@]}"; pids=()
    for ((j = 0; j < i; j++)); do checks=$(awk -v a="$checks" -v b="$(rate "$work/check.$j")" 'BEGIN {print a + b}'); done
    i=0
    for port in "$@"; do
        wrk -t1 -c4 -d"${seconds}s" -s "$work/put.lua" "http://127.0.0.1:$port/api/v1/municipalities/$id" >"$work/write.$i" &
        pids+=($!); i=$((i + 1))
    done
    wait "${pids[@]}"
    for ((j = 0; j < i; j++)); do
        writes=$(awk -v a="$writes" -v b="$(rate "$work/write.$j")" 'BEGIN {print a + b}')
        non2xx=$((non2xx + $(awk '/Non-2xx/ {print $NF}' "$work/write.$j" | tr -d '\n' || echo 0) + 0))
    done
    printf '%-28s %12.0f %14.0f %10s\n' "$name" "$checks" "$writes" "$non2xx"
}

printf '%-28s %12s %14s %10s\n' "" "checks/s" "writes/s" "refused"
sqlite_token=$("$bin" token create --data "$work/sqlite" --role moderator --label bench 2>/dev/null | head -n1)
port=$(serve --data "$work/sqlite")
put_script "$port" "$sqlite_token"
measure "SQLite, one server" "$port"

pg_token=$("$bin" token create --store "$uri" --role moderator --label bench 2>/dev/null | head -n1)
first=$(serve --store "$uri")
put_script "$first" "$pg_token"
measure "PostgreSQL, one server" "$first"
second=$(serve --store "$uri")
measure "PostgreSQL, two servers" "$first" "$second"
