#!/usr/bin/env bash
# Runs every test: unit tests per module, then integration tests against the jlinked runtime image,
# a throwaway PostgreSQL and real clients. Needs the packages .ci/run installs (PostgreSQL, psql).
set -euo pipefail
cd "$(dirname "$0")"
. build/env.sh
exec mvn -B --no-transfer-progress verify "$@"
