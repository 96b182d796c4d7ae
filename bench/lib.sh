# Sourced by bench/run.sh: small helpers to start and stop the benchmark's own processes.
# Every process started here is recorded in BENCH_PIDS and stopped by bench_cleanup.

BENCH_PIDS=()

# PostgreSQL, pgbench and PgBouncer refuse to run as root: run them as the postgres user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Installs a Debian package when a binary is missing (only as root; otherwise says what to install).
need_pkg() { # binary-path-or-name package
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing $2 ..."
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
    else
      echo "missing $1: sudo apt-get install $2" >&2; exit 1
    fi
  fi
}

# Waits until a TCP port accepts connections (bash /dev/tcp), at most $2 seconds.
wait_port() { # port seconds
  local i
  for i in $(seq 1 $(( ${2:-30} * 10 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "port $1 did not open" >&2; return 1
}

# Peak and current resident set size (kB) of a process, from /proc.
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# Polls the RSS of a process every 0.2 s into a file until the file $2.stop exists; the max is the peak.
rss_sampler() { # pid outfile
  local max=0 cur
  while [ ! -e "$2.stop" ] && kill -0 "$1" 2>/dev/null; do
    cur=$(rss_kb "$1"); [ "${cur:-0}" -gt "$max" ] && max=$cur
    echo "$max" > "$2"; sleep 0.2
  done
}

# Percentile (0..100) of the numbers in a file (one per line), nearest-rank.
percentile() { # file p
  sort -n "$1" | awk -v p="$2" '{ a[NR] = $1 } END { if (NR == 0) { print "n/a"; exit }
    r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; print a[r] }'
}

# Admin REST API call: METHOD PATH [JSON] -> body on stdout, fails on HTTP errors.
api() {
  curl -sS --fail-with-body -X "$1" "http://$BENCH_ADMIN$2" -H "Authorization: Bearer ${BENCH_TOKEN:-}" \
       ${3:+-H 'Content-Type: application/json' --data "$3"}
}
id_of() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; }

# Stops everything this run started, newest first; PgBouncer through its pidfile, PostgreSQL through pg_ctl.
bench_cleanup() {
  local i
  for (( i=${#BENCH_PIDS[@]}-1; i>=0; i-- )); do kill "${BENCH_PIDS[$i]}" 2>/dev/null || true; done
  for (( i=${#BENCH_PIDS[@]}-1; i>=0; i-- )); do wait "${BENCH_PIDS[$i]}" 2>/dev/null || true; done
  if [ -n "${PGBOUNCER_PIDFILE:-}" ] && [ -s "$PGBOUNCER_PIDFILE" ]; then
    kill "$(cat "$PGBOUNCER_PIDFILE")" 2>/dev/null || true
  fi
  if [ -n "${PGDATA_DIR:-}" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
  fi
}

# PostgreSQL's newest installed server binaries (installs Debian's when there are none): sets PGBIN.
find_pgbin() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$PGBIN" ] || { need_pkg /usr/lib/postgresql/15/bin/postgres postgresql; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
}

# A fresh work dir (sets WORK and PGDATA_DIR); on exit everything started is stopped and the dir removed
# (kept with BENCH_KEEP=1 or after a failure).
bench_workdir() { # prefix
  WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  chmod 755 "$WORK"
  PGDATA_DIR=$WORK/pg
  trap bench_finish EXIT
  trap 'exit 130' INT TERM
}
bench_finish() {
  local rc=$?
  bench_cleanup
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$rc" != 0 ]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
