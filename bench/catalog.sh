#!/usr/bin/env bash
# BetweenRows catalog benchmark: how fast psql's \d, \dt and \d <table> are answered in-process.
# Starts its own throwaway PostgreSQL and BetweenRows on loopback ports, runs psql's backslash commands
# through the proxy and directly, and writes the summary into bench/RESULTS.md between the catalog markers
# (everything else in the file is kept). Ctrl-C stops everything it started.
# Knobs (env): BENCH_CATALOG_REPEAT (repeated runs per command, 200), BENCH_CATALOG_TABLES (extra tables, each
# described once, 40), BENCH_CATALOG_WARMUP (distinct warm-up statements, 100),
# BENCH_PORT_BASE (61440 here), BENCH_IMAGE, BENCH_RESULTS, BENCH_KEEP=1 keeps the work dir.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -f build/env.sh ] && . build/env.sh

REPEAT=${BENCH_CATALOG_REPEAT:-200}
NTABLES=${BENCH_CATALOG_TABLES:-40}
WARMUP=${BENCH_CATALOG_WARMUP:-100}
base=${BENCH_PORT_BASE:-61440}
PG_PORT=$((base + 2)); PROXY_PORT=$((base + 4)); ADMIN_PORT=$((base + 5))
BENCH_ADMIN=127.0.0.1:$ADMIN_PORT
ADMIN_PW=bench-admin-password
UP_PW=bench-upstream-pw
BR_PW=bench-user-pw
IMAGE=${BENCH_IMAGE:-modules/dist/target/image/bin/betweenrows}
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}

find_pgbin
need_pkg jq jq
PSQL=$PGBIN/psql
[ -x "$IMAGE" ] || { echo "runtime image missing: build it first (mvn -B -q package -DskipTests)" >&2; exit 1; }

bench_workdir br-catbench

# ---------------------------------------------------------------- upstream PostgreSQL
log "starting PostgreSQL on 127.0.0.1:$PG_PORT (work dir $WORK)"
mkdir -p "$WORK/pg" "$WORK/sock" "$WORK/logs"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/sock" "$WORK/logs"
as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/logs/postgres.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 \
  -k $WORK/sock -c fsync=off" start >/dev/null
pg() { "$PSQL" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
pg -c "CREATE DATABASE bench" -c "CREATE ROLE bench_up LOGIN PASSWORD '$UP_PW'"
"$PGBIN/pgbench" -i -q -s 1 -h 127.0.0.1 -p "$PG_PORT" -U postgres bench >"$WORK/logs/pgbench-init.log" 2>&1
for i in $(seq -w 1 "$NTABLES"); do
  echo "CREATE TABLE t$i (id int PRIMARY KEY, name text NOT NULL, amount numeric(10,2), created_at timestamptz, note varchar(40));"
done | pg -d bench
pg -d bench -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO bench_up"

# ---------------------------------------------------------------- BetweenRows
log "starting BetweenRows"
BR_DATA_DIR=$WORK/br BR_ADMIN_PASSWORD=$ADMIN_PW BR_TLS=off BR_PROXY_BIND_ADDR=127.0.0.1:$PROXY_PORT \
BR_ADMIN_BIND_ADDR=$BENCH_ADMIN BR_IDLE_TIMEOUT_SECS=0 "$IMAGE" serve > "$WORK/logs/betweenrows.log" 2>&1 &
BENCH_PIDS+=("$!")
for _ in $(seq 1 300); do grep -q ' ready: ' "$WORK/logs/betweenrows.log" && break; sleep 0.1; done
grep -q ' ready: ' "$WORK/logs/betweenrows.log" || { tail -20 "$WORK/logs/betweenrows.log"; exit 1; }
BENCH_TOKEN=$(api POST /api/v1/auth/login "{\"username\":\"admin\",\"password\":\"$ADMIN_PW\"}" | jq -r .token)
DS=$(api POST /api/v1/datasources "{\"name\":\"bench\",\"ds_type\":\"postgres\",\"access_mode\":\"open\",\"config\":{\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"database\":\"bench\",\"username\":\"bench_up\",\"password\":\"$UP_PW\",\"sslmode\":\"disable\"}}" | id_of)
tables=$( (for t in pgbench_accounts pgbench_branches pgbench_tellers pgbench_history; do echo "$t"; done
           for i in $(seq -w 1 "$NTABLES"); do echo "t$i"; done) | sed 's/.*/{"table_name":"&","is_selected":true}/' | paste -sd,)
JOB=$(api POST "/api/v1/datasources/$DS/discover" "{\"action\":\"save_catalog\",\"schemas\":[{\"schema_name\":\"public\",\"is_selected\":true,\"tables\":[$tables]}]}" | jq -r .job_id)
for _ in $(seq 1 150); do api GET "/api/v1/datasources/$DS/discover/$JOB" | grep -q '"status":"completed"' && break; sleep 0.2; done
api GET "/api/v1/datasources/$DS/discover/$JOB" | grep -q '"status":"completed"' || { echo "catalog discovery did not complete" >&2; exit 1; }
api POST /api/v1/users "{\"username\":\"bench\",\"password\":\"$BR_PW\"}" >/dev/null
api PUT "/api/v1/datasources/$DS/access/all" '{"enabled":true}' >/dev/null

proxy_psql() { PGPASSWORD=$BR_PW "$PSQL" -X -q -h 127.0.0.1 -p "$PROXY_PORT" -U bench -d bench -v ON_ERROR_STOP=1 "$@"; }
direct_psql() { PGPASSWORD=$UP_PW "$PSQL" -X -q -h 127.0.0.1 -p "$PG_PORT" -U bench_up -d bench -v ON_ERROR_STOP=1 "$@"; }

# Sanity: the proxy answers \d <table> from its catalog.
proxy_psql -c '\d t01' | grep -q 'amount' || { echo "\\d t01 through the proxy did not describe the table" >&2; exit 1; }

# ---------------------------------------------------------------- in-process answer time (audit guard_micros)
# Each psql backslash command sends one or more catalog statements; the audit records each with the guard's
# time (the whole in-process answer: classify, normalise, plan or cached plan, execute).
declare -A N P50 P99 WALL_PROXY WALL_DIRECT
measure() { # key script-file
  local key=$1 from to
  from=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ); sleep 0.01
  proxy_psql -v ON_ERROR_STOP=0 -f "$2" > /dev/null 2>&1
  sleep 0.01; to=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
  sleep 1.5  # the audit writer is asynchronous
  api GET "/api/v1/audit/queries/export?from=$from&to=$to" \
    | jq -r 'select(.username == "bench" and .kind == "statement" and .status == "allowed" and .guard_micros != null) | .guard_micros' \
    > "$WORK/$key.us" || true
  N[$key]=$(wc -l < "$WORK/$key.us")
  P50[$key]=$(percentile "$WORK/$key.us" 50); P99[$key]=$(percentile "$WORK/$key.us" 99)
  log "$(printf 'catalog %-18s statements %5s  p50 %7s us  p99 %7s us' "$key" "${N[$key]}" "${P50[$key]}" "${P99[$key]}")"
}
# A warm JVM, as in production: distinct catalog statements (an integer literal is part of the plan's text, so
# each one compiles) warm the parser, planner and code generator without caching any text measured below.
for i in $(seq 1 "$WARMUP"); do
  echo "SELECT c.relname, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relnatts > $i ORDER BY 1;"
done > "$WORK/warmup.sql"
log "warming up the proxy ($WARMUP distinct catalog statements) ..."
proxy_psql -f "$WORK/warmup.sql" > /dev/null
# 1. compiled: psql commands run for the first time in the process, so each statement's plan is compiled
#    (\d+ and \dS variants send other statements than \d; statements the emulation refuses are not counted).
printf '%s\n' '\d' '\dt' '\d pgbench_accounts' '\dS' '\d+' '\dt+' '\dtS' '\dv' '\dm' '\di' '\ds' '\dn' '\dn+' \
  '\l' '\dv+' '\di+' '\dE' > "$WORK/first.sql"
# 2. new literals: \dt <pattern> and \d <table> for tables not described before: new statement texts whose
#    compared literals are lifted into parameters, so they reuse the plans compiled in 1.
for i in $(seq -w 1 "$NTABLES"); do printf '\\dt t%s\n' "$i"; done > "$WORK/dt-new.sql"
for i in $(seq -w 1 "$NTABLES"); do printf '\\d t%s\n' "$i"; done > "$WORK/dtable-new.sql"
# 3. repeated: the same text again, the plan cache's hit path.
for _ in $(seq 1 "$REPEAT"); do printf '\\d\n'; done > "$WORK/d-repeat.sql"
for _ in $(seq 1 "$REPEAT"); do printf '\\dt\n'; done > "$WORK/dt-repeat.sql"
for _ in $(seq 1 "$REPEAT"); do printf '\\d pgbench_accounts\n'; done > "$WORK/dtable-repeat.sql"
log "catalog commands through the proxy: first-seen, new literals, then repeated ${REPEAT}x"
KEYS=(first dt-new dtable-new d-repeat dt-repeat dtable-repeat)
for k in "${KEYS[@]}"; do measure "$k" "$WORK/$k.sql"; done

# ---------------------------------------------------------------- client-visible time, proxy vs direct
# Wall time of one psql session running the repeated script, per backslash command (psql and the loopback
# round trips included): the same script against PostgreSQL itself and through the proxy.
wall_ms() { # psql-function script -> ms per command
  local t0 t1
  t0=$(date +%s%N); "$1" -f "$2" > /dev/null; t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" -v n="$REPEAT" 'BEGIN { printf "%.2f", (b - a) / 1e6 / n }'
}
for k in d-repeat dt-repeat dtable-repeat; do
  WALL_DIRECT[$k]=$(wall_ms direct_psql "$WORK/$k.sql"); WALL_PROXY[$k]=$(wall_ms proxy_psql "$WORK/$k.sql")
  log "$(printf 'wall %-14s direct %6s ms  proxy %6s ms per command' "$k" "${WALL_DIRECT[$k]}" "${WALL_PROXY[$k]}")"
done

# ---------------------------------------------------------------- summary
ms() { awk -v u="$1" 'BEGIN { if (u == "n/a" || u == "") print "n/a"; else printf "%.2f", u / 1000 }'; }
summary() {
  echo "| psql command | statements | in-process p50 ms | in-process p99 ms |"
  echo "|---|---:|---:|---:|"
  local k label
  for k in "${KEYS[@]}"; do
    case $k in
      first) label='first run of 17 psql commands (`\d`, `\dt`, `\d pgbench_accounts`, `\dS`, `\d+`, `\dv`, `\dn`, `\l`, …): plans compiled (statements answered by shape need none)';;
      dt-new) label="\`\\dt tNN\`, $NTABLES new patterns: plan reused, new literal";;
      dtable-new) label="\`\\d tNN\`, $NTABLES tables not described before: plans reused, new literals";;
      d-repeat) label="\`\\d\`, repeated ${REPEAT}x";;
      dt-repeat) label="\`\\dt\`, repeated ${REPEAT}x";;
      dtable-repeat) label="\`\\d pgbench_accounts\`, repeated ${REPEAT}x";;
    esac
    echo "| $label | ${N[$k]} | $(ms "${P50[$k]}") | $(ms "${P99[$k]}") |"
  done
  echo
  echo "| psql command, repeated ${REPEAT}x in one session | direct ms per command | proxy ms per command |"
  echo "|---|---:|---:|"
  echo "| \`\\d\` | ${WALL_DIRECT[d-repeat]} | ${WALL_PROXY[d-repeat]} |"
  echo "| \`\\dt\` | ${WALL_DIRECT[dt-repeat]} | ${WALL_PROXY[dt-repeat]} |"
  echo "| \`\\d pgbench_accounts\` | ${WALL_DIRECT[dtable-repeat]} | ${WALL_PROXY[dtable-repeat]} |"
}
SUMMARY=$(summary)
echo; echo "$SUMMARY"

MACHINE="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
SECTION="$WORK/section.md"
{
  echo '<!-- catalog -->'
  echo "### Catalog run of $(date -u '+%Y-%m-%d %H:%M UTC') (\`bench/catalog.sh\`)"
  echo
  echo "- Machine: $MACHINE; PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'); BetweenRows image of commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); catalog of $((NTABLES + 4)) tables"
  echo
  echo "$SUMMARY"
  echo '<!-- /catalog -->'
} > "$SECTION"
# Replace the previous catalog section (kept above the results marker, so bench/run.sh keeps it too), or
# insert it just before the results marker.
if grep -q '^<!-- catalog -->$' "$RESULTS"; then
  awk -v f="$SECTION" '/^<!-- catalog -->$/ { while ((getline l < f) > 0) print l; skip = 1; next }
                       /^<!-- \/catalog -->$/ { skip = 0; next } !skip' "$RESULTS" > "$RESULTS.new"
else
  awk -v f="$SECTION" '/^<!-- results -->$/ { while ((getline l < f) > 0) print l; print "" } { print }' \
    "$RESULTS" > "$RESULTS.new"
fi
mv "$RESULTS.new" "$RESULTS"
log "written $RESULTS"
