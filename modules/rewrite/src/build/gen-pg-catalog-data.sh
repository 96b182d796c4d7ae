#!/bin/sh
# Regenerates the built-in catalog rows the emulated pg_catalog serves (src/main/resources/catalog/*.tsv)
# from a throw-away PostgreSQL 15 cluster (Debian postgresql-15). Run as root or as the postgres user:
#   sh modules/rewrite/src/build/gen-pg-catalog-data.sh
# Only built-in objects (oid < 16384) are exported; nothing of a user database (no user-defined functions).
set -eu
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
OUT=$(cd "$(dirname "$0")/../main/resources/catalog" && pwd)
DIR=$(mktemp -d)
PORT=${PG_PORT:-54915}
RUN=""
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; RUN="runuser -u postgres --"; fi
cleanup() { $RUN "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
$RUN "$BIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
$RUN "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=''" -w start >/dev/null
q() { $RUN psql -X -q -h "$DIR" -p "$PORT" -U postgres -d postgres -c "$1"; }
# information_schema's OID differs between clusters: its types get the emulation's (VisibleCatalog, 13000).
q "COPY (SELECT oid, typname, CASE typnamespace WHEN 11 THEN 11 ELSE 13000 END, typlen, typbyval, typtype, typcategory, typdelim, typrelid,
             typelem, typarray, typbasetype, typtypmod, typnotnull, typcollation,
             typowner, typispreferred, typisdefined, typinput::oid, typoutput::oid, typreceive::oid,
             typsend::oid, typalign, typstorage, typndims, typdefault, typacl
      FROM pg_type WHERE oid < 16384 AND typrelid = 0 ORDER BY oid) TO STDOUT" > "$OUT/pg_type.tsv"
q "COPY (SELECT oid, amname, amtype FROM pg_am ORDER BY oid) TO STDOUT" > "$OUT/pg_am.tsv"
# Built-in functions only (a fresh cluster has no others); argument defaults and SQL bodies (node trees) are exported as NULL.
q "COPY (SELECT oid, proname, CASE pronamespace WHEN 11 THEN 11 ELSE 13000 END, proowner, prolang, procost, prorows, provariadic,
             prosupport::oid, prokind, prosecdef, proleakproof, proisstrict, proretset, provolatile, proparallel,
             pronargs, pronargdefaults, prorettype, proargtypes, proallargtypes, proargmodes, proargnames, NULL,
             protrftypes, prosrc, probin, NULL, proconfig, proacl
      FROM pg_proc WHERE oid < 16384 ORDER BY oid) TO STDOUT" > "$OUT/pg_proc.tsv"
q "COPY (SELECT oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding,
             collcollate, collctype, colliculocale, collversion FROM pg_collation ORDER BY oid) TO STDOUT" > "$OUT/pg_collation.tsv"
q "COPY (SELECT word, catcode, barelabel, catdesc, baredesc FROM pg_get_keywords() ORDER BY word) TO STDOUT" > "$OUT/pg_keywords.tsv"
echo "wrote $(wc -l < "$OUT/pg_type.tsv") types, $(wc -l < "$OUT/pg_am.tsv") access methods," \
     "$(wc -l < "$OUT/pg_proc.tsv") functions, $(wc -l < "$OUT/pg_collation.tsv") collations," \
     "$(wc -l < "$OUT/pg_keywords.tsv") keywords to $OUT"
