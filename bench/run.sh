#!/usr/bin/env bash
# BetweenRows benchmark: one command, everything measured in the same run against direct PostgreSQL.
# Starts its own throwaway PostgreSQL, PgBouncer and BetweenRows on loopback ports, measures, prints a
# summary and writes it (with the raw numbers) into bench/RESULTS.md. Ctrl-C stops everything it started.
# Knobs (env): BENCH_DURATION (s per pgbench run, 20), BENCH_LAT_DURATION (s per 1-client run, 10),
# BENCH_CLIENTS (8), BENCH_THREADS (2), BENCH_SCALE (10), BENCH_ROWS (10000000), BENCH_IDLE_CONNS (1000),
# BENCH_REWRITE_STMTS (300), BENCH_REWRITE_WARMUP (1000 of each kind through psql), BENCH_REWRITE_WARMUP_SECONDS
# (15 per user of new shapes through pgbench), BENCH_PORT_BASE (61430), BENCH_IMAGE (runtime launcher), BENCH_RESULTS
# (bench/RESULTS.md), BENCH_KEEP=1 keeps the work dir, BR_JAVA_OPTS (passed to the proxy JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -f build/env.sh ] && . build/env.sh

DURATION=${BENCH_DURATION:-20}
LAT_DURATION=${BENCH_LAT_DURATION:-10}
CLIENTS=${BENCH_CLIENTS:-8}
THREADS=${BENCH_THREADS:-2}
SCALE=${BENCH_SCALE:-10}
ROWS=${BENCH_ROWS:-10000000}
IDLE=${BENCH_IDLE_CONNS:-1000}
REWRITE_N=${BENCH_REWRITE_STMTS:-300}
REWRITE_WARMUP=${BENCH_REWRITE_WARMUP:-1000}
REWRITE_WARMUP_S=${BENCH_REWRITE_WARMUP_SECONDS:-15}
base=${BENCH_PORT_BASE:-61430}
PG_PORT=$((base + 2)); BOUNCER_PORT=$((base + 3)); PROXY_PORT=$((base + 4)); ADMIN_PORT=$((base + 5))
BENCH_ADMIN=127.0.0.1:$ADMIN_PORT
ADMIN_PW=bench-admin-password
UP_PW=bench-upstream-pw
BR_PW=bench-user-pw
IMAGE=${BENCH_IMAGE:-modules/dist/target/image/bin/betweenrows}
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}

find_pgbin
need_pkg pgbouncer pgbouncer
need_pkg jq jq
PGBENCH=$PGBIN/pgbench; PSQL=$PGBIN/psql
[ -x "$IMAGE" ] || { echo "runtime image missing: build it first (mvn -B -q install -DskipTests)" >&2; exit 1; }

bench_workdir br-bench

# ---------------------------------------------------------------- upstream PostgreSQL
log "starting PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (work dir $WORK)"
mkdir -p "$WORK/pg" "$WORK/sock" "$WORK/logs" "$WORK/pgb"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/sock" "$WORK/logs" "$WORK/pgb"
as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
# max_connections: the proxy pins one upstream session per client, so 1,000 idle clients need ~1,000 backends.
as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/logs/postgres.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 \
  -k $WORK/sock -c max_connections=$((IDLE + 200)) -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off" start >/dev/null
pg() { "$PSQL" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
pg -c "CREATE DATABASE bench" -c "CREATE ROLE bench_up LOGIN PASSWORD '$UP_PW'"
log "pgbench -i -s $SCALE ..."
"$PGBENCH" -i -q -s "$SCALE" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench >"$WORK/logs/pgbench-init.log" 2>&1
pg -d bench -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO bench_up" -c "VACUUM ANALYZE"

# ---------------------------------------------------------------- PgBouncer (pure-forwarding anchor)
# Transaction pooling for the simple protocol; PgBouncer 1.18 cannot keep protocol-level prepared
# statements across transactions, so -M prepared goes through a session-pooled alias of the same database.
cat > "$WORK/pgb/pgbouncer.ini" <<INI
[databases]
bench = host=127.0.0.1 port=$PG_PORT dbname=bench pool_mode=transaction
bench_session = host=127.0.0.1 port=$PG_PORT dbname=bench pool_mode=session
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = md5
auth_file = $WORK/pgb/userlist.txt
pool_mode = transaction
default_pool_size = $((CLIENTS + 4))
max_client_conn = $((IDLE + 100))
logfile = $WORK/pgb/pgbouncer.log
pidfile = $WORK/pgb/pgbouncer.pid
INI
echo "\"bench_up\" \"$UP_PW\"" > "$WORK/pgb/userlist.txt"
[ "$(id -u)" = 0 ] && chown -R postgres "$WORK/pgb"
as_pg pgbouncer -q -d "$WORK/pgb/pgbouncer.ini"   # daemonizes; bench_cleanup stops it through its pidfile
PGBOUNCER_PIDFILE=$WORK/pgb/pgbouncer.pid
wait_port "$BOUNCER_PORT" 10

# ---------------------------------------------------------------- BetweenRows
log "starting BetweenRows (BR_TLS=off, JVM options: ${BR_JAVA_OPTS:-launcher default})"
start_betweenrows() { # log file; sets BR_PID
  BR_DATA_DIR=$WORK/br BR_ADMIN_PASSWORD=$ADMIN_PW BR_TLS=off BR_PROXY_BIND_ADDR=127.0.0.1:$PROXY_PORT \
  BR_ADMIN_BIND_ADDR=$BENCH_ADMIN BR_MAX_CONNECTIONS=$((IDLE + 1000)) BR_IDLE_TIMEOUT_SECS=0 \
    "$IMAGE" serve > "$1" 2>&1 &
  BR_PID=$!
  BENCH_PIDS+=("$BR_PID")
  for _ in $(seq 1 300); do grep -q ' ready: ' "$1" && break; sleep 0.1; done
  grep -q ' ready: ' "$1" || { tail -20 "$1"; exit 1; }
}
start_betweenrows "$WORK/logs/betweenrows.log"
BENCH_TOKEN=$(api POST /api/v1/auth/login "{\"username\":\"admin\",\"password\":\"$ADMIN_PW\"}" | jq -r .token)

log "configuring BetweenRows through its REST API ..."
DS=$(api POST /api/v1/datasources "{\"name\":\"bench\",\"ds_type\":\"postgres\",\"access_mode\":\"open\",\"config\":{\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"database\":\"bench\",\"username\":\"bench_up\",\"password\":\"$UP_PW\",\"sslmode\":\"disable\"}}" | id_of)
tables=$(for t in pgbench_accounts pgbench_branches pgbench_tellers pgbench_history; do printf '{"table_name":"%s","is_selected":true},' "$t"; done | sed 's/,$//')
JOB=$(api POST "/api/v1/datasources/$DS/discover" "{\"action\":\"save_catalog\",\"schemas\":[{\"schema_name\":\"public\",\"is_selected\":true,\"tables\":[$tables]}]}" | jq -r .job_id)
for _ in $(seq 1 150); do api GET "/api/v1/datasources/$DS/discover/$JOB" | grep -q '"status":"completed"' && break; sleep 0.2; done
api GET "/api/v1/datasources/$DS/discover/$JOB" | grep -q '"status":"completed"' || { echo "catalog discovery did not complete" >&2; exit 1; }
api POST /api/v1/users "{\"username\":\"bench\",\"password\":\"$BR_PW\"}" >/dev/null
POL_USER=$(api POST /api/v1/users "{\"username\":\"bench_pol\",\"password\":\"$BR_PW\"}" | id_of)
api PUT "/api/v1/datasources/$DS/access/all" '{"enabled":true}' >/dev/null
# "policies on": a row filter that is always true (bid > 0) and a mask on filler, for user bench_pol only.
policy() { # name type targets definition
  local id; id=$(api POST /api/v1/policies "{\"name\":\"$1\",\"policy_type\":\"$2\",\"is_enabled\":true,\"targets\":$3,\"definition\":$4}" | id_of)
  api POST "/api/v1/datasources/$DS/policies" "{\"policy_id\":\"$id\",\"scope\":\"user\",\"user_id\":\"$POL_USER\",\"priority\":100}" >/dev/null
}
policy "bench filter" row_filter '[{"schemas":["public"],"tables":["pgbench_accounts"]}]' '{"filter_expression":"bid > 0"}'
policy "bench mask" column_mask '[{"schemas":["public"],"tables":["pgbench_accounts"],"columns":["filler"]}]' "{\"mask_expression\":\"'masked'\"}"

# Connection strings of the targets (libpq keywords; passwords through PGPASSWORD). direct_pol is PostgreSQL
# itself running the statement the proxy sends upstream for bench_pol: the anchor of the policies' own cost.
declare -A TARGET_ARGS=(
  [direct]="-h 127.0.0.1 -p $PG_PORT -U bench_up"
  [direct_pol]="-h 127.0.0.1 -p $PG_PORT -U bench_up"
  [pgbouncer]="-h 127.0.0.1 -p $BOUNCER_PORT -U bench_up"
  [proxy]="-h 127.0.0.1 -p $PROXY_PORT -U bench"
  [proxy_pol]="-h 127.0.0.1 -p $PROXY_PORT -U bench_pol"
)
TARGETS=(direct pgbouncer proxy direct_pol proxy_pol)
pw_of() { case "$1" in direct|direct_pol|pgbouncer) echo "$UP_PW";; *) echo "$BR_PW";; esac; }
anchor_of() { case "$1" in proxy_pol|direct_pol) echo direct_pol;; *) echo direct;; esac; }   # same SQL upstream
db_of() { [ "$1" = pgbouncer ] && [ "$2" = prepared ] && echo bench_session || echo bench; }

# Sanity: the pgbench query gives the same answer everywhere (and the policies are really active).
for t in direct pgbouncer proxy proxy_pol; do
  out=$(PGPASSWORD=$(pw_of "$t") "$PSQL" -X -At ${TARGET_ARGS[$t]} -d bench -c "SELECT abalance FROM pgbench_accounts WHERE aid = 42" 2>&1) \
    || { echo "$t: $out" >&2; exit 1; }
  [ "$out" = 0 ] || { echo "$t answered '$out' instead of 0" >&2; exit 1; }
done
masked=$(PGPASSWORD=$BR_PW "$PSQL" -X -At ${TARGET_ARGS[proxy_pol]} -d bench -c "SELECT filler FROM pgbench_accounts WHERE aid = 1")
[ "$masked" = masked ] || { echo "the mask is not active for bench_pol (got '$masked')" >&2; exit 1; }

# ---------------------------------------------------------------- pgbench -S
# The built-in -S script first reads pg_catalog (partition check), which the proxy refuses by design;
# this custom script is the same select-only transaction.
cat > "$WORK/select.sql" <<'SQL'
\set aid random(1, 100000 * :scale)
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
SQL
# direct_pol's script: the statement the proxy sent upstream for bench_pol (from the audit), :aid for the literal.
PGPASSWORD=$BR_PW "$PSQL" -X -At ${TARGET_ARGS[proxy_pol]} -d bench -c "SELECT abalance FROM pgbench_accounts WHERE aid = 424242" >/dev/null
sent=
for _ in $(seq 1 50); do
  sent=$(api GET "/api/v1/audit/queries?search=424242" \
    | jq -r '.. | objects | select((.original_query? // "") == "SELECT abalance FROM pgbench_accounts WHERE aid = 424242") | .rewritten_query' | head -1) || true
  [ -n "$sent" ] && [ "$sent" != null ] && break; sleep 0.2
done
grep -q "bid > 0" <<<"$sent" || { echo "no rewritten statement with the row filter in the audit (got '$sent')" >&2; exit 1; }
out=$(PGPASSWORD=$UP_PW "$PSQL" -X -At ${TARGET_ARGS[direct_pol]} -d bench -c "${sent//424242/42}" 2>&1) || true
[ "$out" = 0 ] || { echo "direct_pol's statement answered '$out' instead of 0" >&2; exit 1; }
{ echo '\set aid random(1, 100000 * :scale)'; echo "${sent//424242/:aid};"; } > "$WORK/select-pol.sql"
log "direct_pol runs: ${sent//424242/:aid}"
mkdir -p "$WORK/pglog"
declare -A TPS LAT P50 P99
run_pgbench() { # target mode clients threads seconds key
  local t=$1 mode=$2 key=$6 out
  rm -f "$WORK/pglog/$key".[0-9]*
  out=$(cd "$WORK/pglog" && PGPASSWORD=$(pw_of "$t") "$PGBENCH" -n -M "$mode" -c "$3" -j "$4" -T "$5" -D scale="$SCALE" \
        -f "$WORK/$([ "$t" = direct_pol ] && echo select-pol.sql || echo select.sql)" --log --log-prefix="$key" ${TARGET_ARGS[$t]} "$(db_of "$t" "$mode")" 2>&1) \
    || { echo "pgbench $key failed: $out" >&2; exit 1; }
  echo "$out" > "$WORK/logs/pgbench-$key.txt"
  TPS[$key]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)
  LAT[$key]=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
  # per-transaction log lines: client, transaction no, latency (µs), ...; files are <prefix>.<pid>[.<thread>]
  cat "$WORK/pglog/$key".[0-9]* | awk '{print $3}' > "$WORK/pglog/$key.us"
  P50[$key]=$(percentile "$WORK/pglog/$key.us" 50); P99[$key]=$(percentile "$WORK/pglog/$key.us" 99)
  log "$(printf '%-26s tps %10s  avg %7s ms  p50 %6s us  p99 %6s us' "$key" "${TPS[$key]}" "${LAT[$key]}" "${P50[$key]}" "${P99[$key]}")"
}
# A short warm-up through the proxy so the JIT has compiled the hot path before anything is measured.
log "warming up the proxy (5 s per mode) ..."
for mode in simple prepared; do
  PGPASSWORD=$BR_PW "$PGBENCH" -n -M "$mode" -c "$CLIENTS" -j "$THREADS" -T 5 -D scale="$SCALE" -f "$WORK/select.sql" \
    ${TARGET_ARGS[proxy_pol]} bench >/dev/null 2>&1
done
log "pgbench select-only: $CLIENTS clients, $THREADS threads, ${DURATION}s per run"
for mode in simple prepared; do
  for t in "${TARGETS[@]}"; do run_pgbench "$t" "$mode" "$CLIENTS" "$THREADS" "$DURATION" "${t}-${mode}-c$CLIENTS"; done
done
log "pgbench select-only, 1 client (latency without queueing), ${LAT_DURATION}s per run"
for mode in simple prepared; do
  for t in "${TARGETS[@]}"; do run_pgbench "$t" "$mode" 1 1 "$LAT_DURATION" "${t}-${mode}-c1"; done
done

# ---------------------------------------------------------------- big result transfer
BIG_SQL="SELECT g, md5(g::text) FROM generate_series(1,$ROWS) g"
declare -A XFER
transfer() { # target
  local t0 t1
  t0=$(date +%s.%N)
  PGPASSWORD=$(pw_of "$1") "$PSQL" -X -At ${TARGET_ARGS[$1]} -d bench -v ON_ERROR_STOP=1 -c "$BIG_SQL" > /dev/null
  t1=$(date +%s.%N)
  XFER[$1]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}
log "transferring $ROWS rows: direct ..."
transfer direct
RSS_BEFORE_XFER=$(rss_kb "$BR_PID")
rm -f "$WORK/rss-xfer" "$WORK/rss-xfer.stop"
rss_sampler "$BR_PID" "$WORK/rss-xfer" & SAMPLER=$!
log "transferring $ROWS rows: proxy ..."
transfer proxy
touch "$WORK/rss-xfer.stop"; wait "$SAMPLER" 2>/dev/null || true
RSS_PEAK_XFER=$(cat "$WORK/rss-xfer")
log "transfer: direct ${XFER[direct]} s, proxy ${XFER[proxy]} s, proxy RSS ${RSS_BEFORE_XFER} kB before, peak ${RSS_PEAK_XFER} kB"

# ---------------------------------------------------------------- rewrite cost (audit guard time)
# first: every text has a new shape (a new column alias), so it is parsed and rewritten from scratch;
# shape: new literal values in three known shapes (the rewrite template of the shape is reused, no parse);
# cached: the same three texts again (the exact-text cache).
rw_sql() { # kind (0 point lookup, 1 join, 2 aggregate) alias-clause literal: the measured kinds and their warm-ups
  case $1 in
    0) echo "SELECT abalance$2 FROM pgbench_accounts WHERE aid = $3;" ;;
    1) echo "SELECT a.aid, a.abalance$2, b.bbalance FROM pgbench_accounts a JOIN pgbench_branches b ON b.bid = a.bid WHERE a.aid = $3;" ;;
    2) echo "SELECT bid, count(*), sum(abalance)$2 FROM pgbench_accounts WHERE aid BETWEEN $3 AND $3 + 100 GROUP BY bid ORDER BY bid;" ;;
  esac
}
rw_file() { # first|shape|cached
  local i k n alias
  for i in $(seq 1 "$REWRITE_N"); do
    k=$(( i % 3 )); n=$i; [ "$1" = cached ] && n=$(( i % 3 + 1 ))
    alias=; [ "$k" = 2 ] && alias=" AS s"
    [ "$1" = first ] && alias=" AS $([ "$k" = 2 ] && echo s || echo b)$i"
    rw_sql "$k" "$alias" "$n"
  done
}
declare -A RW50 RW99 RWN
rewrite_cost() { # target kind
  local key="$1-$2" from to
  rw_file "$2" > "$WORK/rw-$key.sql"
  from=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ); sleep 0.01
  PGPASSWORD=$(pw_of "$1") "$PSQL" -X -q -At ${TARGET_ARGS[$1]} -d bench -v ON_ERROR_STOP=1 -f "$WORK/rw-$key.sql" > /dev/null
  sleep 0.01; to=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
  sleep 1.5  # the audit writer is asynchronous
  local user; user=$([ "$1" = proxy ] && echo bench || echo bench_pol)
  api GET "/api/v1/audit/queries/export?from=$from&to=$to" \
    | jq -r --arg u "$user" 'select(.username == $u and .kind == "statement" and .status == "allowed" and .guard_micros != null) | .guard_micros' > "$WORK/rw-$key.us" || true
  RWN[$key]=$(wc -l < "$WORK/rw-$key.us")
  RW50[$key]=$(percentile "$WORK/rw-$key.us" 50); RW99[$key]=$(percentile "$WORK/rw-$key.us" 99)
  log "$(printf 'rewrite %-20s n=%4s  p50 %6s us  p99 %6s us' "$key" "${RWN[$key]}" "${RW50[$key]}" "${RW99[$key]}")"
}
log "rewrite cost per statement ($REWRITE_N statements per kind, after a warm-up of the same kinds) ..."
# Warm-up 1: new shapes of the three kinds through pgbench until the JIT has compiled the parser. The statements
# before are almost all known shapes, so the parser has hardly run yet, and its ~1,700 lookahead methods each need
# thousands of calls before C2 compiles them: after 2,000 new shapes a first-seen aggregate still took ~560 µs
# in-process, after 30,000 ~140 µs. In -M simple pgbench writes :r into the text, so every statement has a new
# alias and is parsed and rewritten from scratch.
for k in 0 1 2; do
  { echo '\set r random(1, 2000000000)'; echo '\set n random(1, 1000000)'; rw_sql "$k" " AS w:r" :n; } \
    > "$WORK/rw-warm-$k.sql"
done
for t in proxy proxy_pol; do
  out=$(PGPASSWORD=$(pw_of "$t") "$PGBENCH" -n -M simple -c 2 -j 2 -T "$REWRITE_WARMUP_S" -f "$WORK/rw-warm-0.sql" \
        -f "$WORK/rw-warm-1.sql" -f "$WORK/rw-warm-2.sql" ${TARGET_ARGS[$t]} bench 2>&1) || { echo "rewrite warm-up: $out" >&2; exit 1; }
  log "rewrite warm-up $t: $(sed -n 's/^number of transactions actually processed: //p' <<<"$out") new shapes"
done
# Warm-up 2: the same kinds through psql, also known shapes and repeated texts; never measured or repeated.
for i in $(seq 1 "$REWRITE_WARMUP"); do
  rw_sql $(( i % 3 )) " AS w$i" "$i"   # new shapes of all three kinds
  echo "SELECT abalance AS w FROM pgbench_accounts WHERE aid = $i;"
  echo "SELECT abalance AS w FROM pgbench_accounts WHERE aid = 1;"
done > "$WORK/rw-warmup.sql"
for t in proxy proxy_pol; do
  PGPASSWORD=$(pw_of "$t") "$PSQL" -X -q -At ${TARGET_ARGS[$t]} -d bench -v ON_ERROR_STOP=1 -f "$WORK/rw-warmup.sql" > /dev/null
done
for t in proxy proxy_pol; do rewrite_cost "$t" first; rewrite_cost "$t" shape; rewrite_cost "$t" cached; done

# ---------------------------------------------------------------- idle connections
# The heap grew under the load above (the JVM keeps it), so the idle measurement gets a fresh process.
RSS_END_OF_LOAD=$(rss_kb "$BR_PID")
log "restarting BetweenRows for the idle measurement (RSS after the load: ${RSS_END_OF_LOAD} kB) ..."
kill "$BR_PID"; wait "$BR_PID" 2>/dev/null || true
keep=(); for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$BR_PID" ] || keep+=("$p"); done; BENCH_PIDS=("${keep[@]}")
start_betweenrows "$WORK/logs/betweenrows-2.log"
PGPASSWORD=$BR_PW "$PSQL" -X -At ${TARGET_ARGS[proxy]} -d bench -c "SELECT abalance FROM pgbench_accounts WHERE aid = 42" >/dev/null
RSS_BEFORE_IDLE=$(rss_kb "$BR_PID")
log "opening $IDLE idle connections to the proxy (fresh proxy RSS ${RSS_BEFORE_IDLE} kB) ..."
printf '\\sleep 60 s\n' > "$WORK/idle.sql"
ulimit -n $(( IDLE * 2 + 1024 )) 2>/dev/null || true
PGPASSWORD=$BR_PW "$PGBENCH" -n -c "$IDLE" -j 2 -T 60 -f "$WORK/idle.sql" ${TARGET_ARGS[proxy]} bench > "$WORK/logs/pgbench-idle.txt" 2>&1 &
IDLE_PID=$!
BENCH_PIDS+=("$IDLE_PID")
t0=$(date +%s); IDLE_OPEN=0
while [ $(( $(date +%s) - t0 )) -lt 50 ]; do
  IDLE_OPEN=$(ss -Htn state established "( sport = :$PROXY_PORT )" | wc -l)
  [ "$IDLE_OPEN" -ge "$IDLE" ] && break
  sleep 0.5
done
IDLE_SECS=$(( $(date +%s) - t0 ))
sleep 3
RSS_IDLE=$(rss_kb "$BR_PID"); IDLE_OPEN=$(ss -Htn state established "( sport = :$PROXY_PORT )" | wc -l)
UPSTREAM_OPEN=$(ss -Htn state established "( dport = :$PG_PORT )" | wc -l)
log "idle: $IDLE_OPEN client connections open after ${IDLE_SECS}s, $UPSTREAM_OPEN upstream connections, proxy RSS ${RSS_IDLE} kB"
kill "$IDLE_PID" 2>/dev/null || true; wait "$IDLE_PID" 2>/dev/null || true
RSS_HWM=$(hwm_kb "$BR_PID")

# ---------------------------------------------------------------- summary
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a == "") print "n/a"; else printf "%.2f", a / b }'; }
diff_us() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || a == "") print "n/a"; else printf "%+d", a - b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
summary() {
  echo "| run | target | TPS | × direct | × same SQL direct | avg ms | p50 µs | p99 µs | added p50 µs | added p99 µs |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  local c mode t k d a
  for c in "$CLIENTS" 1; do for mode in simple prepared; do for t in "${TARGETS[@]}"; do
    k="$t-$mode-c$c"; d="direct-$mode-c$c"; a="$(anchor_of "$t")-$mode-c$c"
    echo "| -S -M $mode -c $c | $t | ${TPS[$k]} | $(ratio "${TPS[$k]}" "${TPS[$d]}") | $(ratio "${TPS[$k]}" "${TPS[$a]}") | ${LAT[$k]} | ${P50[$k]} | ${P99[$k]} | $(diff_us "${P50[$k]}" "${P50[$a]}") | $(diff_us "${P99[$k]}" "${P99[$a]}") |"
  done; done; done
  echo
  echo "| big result ($ROWS rows, psql -At > /dev/null) | seconds | rows/s | × direct |"
  echo "|---|---:|---:|---:|"
  for t in direct proxy; do
    echo "| $t | ${XFER[$t]} | $(awk -v n="$ROWS" -v s="${XFER[$t]}" 'BEGIN { printf "%.0f", n / s }') | $(ratio "${XFER[direct]}" "${XFER[$t]}") |"
  done
  echo
  echo "| proxy memory | RSS MB |"
  echo "|---|---:|"
  echo "| before the big result | $(mb "$RSS_BEFORE_XFER") |"
  echo "| peak during the big result | $(mb "$RSS_PEAK_XFER") |"
  echo "| after all the load above (heap grown; JVM options: ${BR_JAVA_OPTS:-launcher default}) | $(mb "$RSS_END_OF_LOAD") |"
  echo "| restarted proxy, one session served, before the idle connections | $(mb "$RSS_BEFORE_IDLE") |"
  echo "| restarted proxy with $IDLE_OPEN idle client sessions open ($UPSTREAM_OPEN upstream), opened in ${IDLE_SECS}s | $(mb "$RSS_IDLE") |"
  echo "| restarted proxy, high-water mark (VmHWM) | $(mb "$RSS_HWM") |"
  echo
  echo "| rewrite (guard time from the audit) | statements | p50 µs | p99 µs |"
  echo "|---|---:|---:|---:|"
  for k in proxy-first proxy-shape proxy-cached proxy_pol-first proxy_pol-shape proxy_pol-cached; do
    echo "| $k | ${RWN[$k]} | ${RW50[$k]} | ${RW99[$k]} |"
  done
}
SUMMARY=$(summary)
echo; echo "$SUMMARY"

MACHINE="$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
{
  # the hand-written header above the marker is kept; everything below it is replaced
  if grep -q '^<!-- results -->$' "$RESULTS" 2>/dev/null; then sed -n '1,/^<!-- results -->$/p' "$RESULTS"; else echo '<!-- results -->'; fi
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $MACHINE; $(uname -sr)"
  echo "- PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), PgBouncer $(pgbouncer --version | awk 'NR==1 {print $2}'), BetweenRows image of commit $(git -C "$(dirname "$IMAGE")" rev-parse --short HEAD 2>/dev/null || echo '?') built $(date -u -r "$IMAGE" '+%H:%M UTC'), JVM options: ${BR_JAVA_OPTS:-launcher default}"
  echo "- Settings: scale $SCALE, $CLIENTS clients / $THREADS threads for ${DURATION}s, 1 client for ${LAT_DURATION}s, BR_TLS=off, everything on loopback on the same machine"
  echo
  echo "$SUMMARY"
  echo
  echo "<details><summary>raw pgbench output</summary>"
  echo
  echo '```'
  for f in "$WORK"/logs/pgbench-*-c*.txt; do echo "== $(basename "$f" .txt)"; grep -E '^(tps|latency|number of (transactions|failed))' "$f"; done
  echo '```'
  echo "</details>"
} > "$RESULTS.new"
mv "$RESULTS.new" "$RESULTS"
log "written $RESULTS"
