#!/usr/bin/env bash
# One-command demo: a local PostgreSQL with a multi-tenant shop (150k orders), BetweenRows in front of it,
# configured through the admin REST API with users in two tenants, an auditor, roles, an attribute and
# policies of all five types. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
. build/env.sh

PG_PORT=${DEMO_PG_PORT:-55432}
PROXY=${BR_PROXY_BIND_ADDR:-127.0.0.1:5434}
ADMIN=${BR_ADMIN_BIND_ADDR:-127.0.0.1:5435}
ADMIN_PW=demo-admin-password
work=$PWD/demo-data
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else echo "PostgreSQL server binaries are missing: sudo apt-get install postgresql" >&2; exit 1; fi
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
. build/ensure-image.sh

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  echo; echo "stopping the demo..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -f "$work/pg/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  echo "stopped. Data is kept in $work (delete it for a fresh demo)."
}
trap cleanup EXIT INT TERM

mkdir -p "$work"
if [ ! -f "$work/pg/PG_VERSION" ]; then
  echo "creating the sample upstream PostgreSQL in $work/pg ..."
  mkdir -p "$work/pg" "$work/sock" "$work/pglog"
  # PostgreSQL refuses to run as root: its directories belong to the postgres user then
  [ "$(id -u)" = 0 ] && chown -R postgres "$work/pg" "$work/sock" "$work/pglog"
  as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  fresh_pg=1
fi
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pglog/postgres.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $work/sock" start >/dev/null
if [ "${fresh_pg:-0}" = 1 ]; then
  echo "loading the shop data set (deterministic; ~20 s) ..."
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE shop" >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d shop -v ON_ERROR_STOP=1 -f demo/shop.sql >/dev/null
fi

fresh_br=0; [ -d "$work/br/store" ] || fresh_br=1
BR_DATA_DIR=$work/br BR_ADMIN_PASSWORD=$ADMIN_PW BR_PROXY_BIND_ADDR=$PROXY BR_ADMIN_BIND_ADDR=$ADMIN \
  modules/dist/target/image/bin/betweenrows serve > "$work/betweenrows.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do grep -q ' ready: ' "$work/betweenrows.log" && break; sleep 0.1; done
grep ' ready: ' "$work/betweenrows.log" || { tail -20 "$work/betweenrows.log"; exit 1; }

api() { # METHOD PATH [JSON] -> body (fails on HTTP errors)
  curl -sS --fail-with-body -X "$1" "http://$ADMIN$2" -H "Authorization: Bearer ${TOKEN:-}" \
       ${3:+-H 'Content-Type: application/json' --data "$3"}
}
id_of() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; }
TOKEN=$(api POST /api/v1/auth/login "{\"username\":\"admin\",\"password\":\"$ADMIN_PW\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

if [ "$fresh_br" = 1 ]; then
  echo "configuring BetweenRows through its REST API ..."
  DS=$(api POST /api/v1/datasources "{\"name\":\"shop\",\"ds_type\":\"postgres\",\"access_mode\":\"open\",\"config\":{\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"database\":\"shop\",\"username\":\"br_upstream\",\"password\":\"demo-upstream-password\",\"sslmode\":\"disable\"}}" | id_of)
  tables() { for t in "$@"; do printf '{"table_name":"%s","is_selected":true},' "$t"; done | sed 's/,$//'; }
  JOB=$(api POST "/api/v1/datasources/$DS/discover" "{\"action\":\"save_catalog\",\"schemas\":[{\"schema_name\":\"public\",\"is_selected\":true,\"tables\":[$(tables customers products orders payments)]},{\"schema_name\":\"hr\",\"is_selected\":true,\"tables\":[$(tables employees)]}]}" | sed -n 's/.*"job_id":"\([^"]*\)".*/\1/p')
  for _ in $(seq 1 100); do api GET "/api/v1/datasources/$DS/discover/$JOB" | grep -q '"status":"completed"' && break; sleep 0.2; done
  api POST /api/v1/attribute-definitions '{"key":"tenant","entity_type":"user","display_name":"Tenant","value_type":"string","allowed_values":["acme","globex"]}' >/dev/null
  ALICE=$(api POST /api/v1/users '{"username":"alice","password":"alice-demo-pw","display_name":"Alice (acme analyst)","attributes":{"tenant":"acme"}}' | id_of)
  BOB=$(api POST /api/v1/users '{"username":"bob","password":"bob-demo-pw","display_name":"Bob (globex analyst)","attributes":{"tenant":"globex"}}' | id_of)
  AUDITOR=$(api POST /api/v1/users '{"username":"auditor","password":"auditor-demo-pw","display_name":"Auditor (all tenants)"}' | id_of)
  ANALYSTS=$(api POST /api/v1/roles '{"name":"analysts","description":"tenant analysts"}' | id_of)
  AUDITORS=$(api POST /api/v1/roles '{"name":"auditors","description":"cross-tenant auditors"}' | id_of)
  api POST "/api/v1/roles/$ANALYSTS/members" "{\"user_ids\":[\"$ALICE\",\"$BOB\"]}" >/dev/null
  api POST "/api/v1/roles/$AUDITORS/members" "{\"user_ids\":[\"$AUDITOR\"]}" >/dev/null
  api PUT "/api/v1/datasources/$DS/access/all" '{"enabled":true}' >/dev/null
  policy() { # name type targets-json definition-json scope scope-id
    local body="{\"name\":\"$1\",\"policy_type\":\"$2\",\"is_enabled\":true,\"targets\":$3${4:+,\"definition\":$4}}"
    local id; id=$(api POST /api/v1/policies "$body" | id_of)
    local who; case "$5" in role) who="\"role_id\":\"$6\"";; *) who="";; esac
    api POST "/api/v1/datasources/$DS/policies" "{\"policy_id\":\"$id\",\"scope\":\"$5\"${who:+,$who},\"priority\":100}" >/dev/null
  }
  policy "tenant isolation" row_filter '[{"schemas":["public","hr"],"tables":["customers","orders","payments","products","employees"]}]' \
         '{"filter_expression":"tenant = {user.tenant}"}' role "$ANALYSTS"
  policy "mask email" column_mask '[{"schemas":["public"],"tables":["customers"],"columns":["email"]}]' \
         "{\"mask_expression\":\"left(email, 2) || '***@' || split_part(email, '@', 2)\"}" all
  policy "hide ssn" column_deny '[{"schemas":["public"],"tables":["customers"],"columns":["ssn"]}]' "" all
  policy "hr summary only" column_allow '[{"schemas":["hr"],"tables":["employees"],"columns":["id","name","department","tenant"]}]' "" role "$ANALYSTS"
  policy "no payments for analysts" table_deny '[{"schemas":["public"],"tables":["payments"]}]' "" role "$ANALYSTS"
else
  # A re-run keeps the configured store: point its data source at this run's upstream (the port may differ).
  DS=$(api GET /api/v1/datasources | sed -n 's/.*"id":"\([^"]*\)","is_active":[a-z]*,"name":"shop".*/\1/p')
  [ -z "$DS" ] || api PUT "/api/v1/datasources/$DS" "{\"config\":{\"host\":\"127.0.0.1\",\"port\":$PG_PORT}}" >/dev/null
fi

host=${PROXY%:*}; port=${PROXY##*:}
cat <<MSG

BetweenRows demo is running (Ctrl-C stops it).

  Data plane (PostgreSQL protocol): $PROXY   upstream: PostgreSQL on 127.0.0.1:$PG_PORT, database "shop"
  Admin UI and API:                 http://$ADMIN   (admin / $ADMIN_PW)
  Query audit:                      http://$ADMIN/api/v1/audit/queries   (and the Query audit page)

Try two users of different tenants — same query, different rows, masked e-mail, no ssn:
  PGPASSWORD=alice-demo-pw psql "host=$host port=$port dbname=shop user=alice sslmode=require" -c "SELECT * FROM customers ORDER BY id LIMIT 5"
  PGPASSWORD=bob-demo-pw   psql "host=$host port=$port dbname=shop user=bob sslmode=require"   -c "SELECT * FROM customers ORDER BY id LIMIT 5"
More:
  ... user=alice -c "SELECT status, count(*), sum(amount) FROM orders GROUP BY status"    (only acme's 75,000 orders)
  ... user=alice -c "SELECT * FROM payments"                                             (table_deny: looks missing)
  ... user=alice -c "SELECT name, salary FROM hr.employees"                              (column_allow: no salary)
  ... user=alice -c "DELETE FROM orders"                                                 (refused: read-only)
  PGPASSWORD=auditor-demo-pw psql "host=$host port=$port dbname=shop user=auditor sslmode=require" -c "SELECT tenant, count(*) FROM orders GROUP BY tenant"
MSG
wait "${pids[0]}"
