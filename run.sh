#!/usr/bin/env bash
# Builds the runtime image if needed and starts BetweenRows on the embedded store in ./data.
# First start: set BR_ADMIN_PASSWORD (or it is asked for here). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
. build/env.sh
image=modules/dist/target/image
if [ ! -x "$image/bin/betweenrows" ] || [ -n "$(find modules build module-info-templates pom.xml -newer "$image/bin/betweenrows" \
     -type f \( -name '*.java' -o -name '*.xml' -o -name '*.sql' -o -name '*.yaml' -o -name '*.sh' -o -name '*.txt' \) -not -path '*/target/*' -print -quit)" ]; then
  echo "building the runtime image (first time: a few minutes)..."
  mvn -B -q --no-transfer-progress -DskipTests install
fi
export BR_DATA_DIR=${BR_DATA_DIR:-$PWD/data}
if [ ! -d "$BR_DATA_DIR/store" ] && [ -z "${BR_ADMIN_PASSWORD:-}" ]; then
  read -r -s -p "First start: choose the admin password (at least 8 characters): " BR_ADMIN_PASSWORD; echo
  export BR_ADMIN_PASSWORD
fi
exec "$image/bin/betweenrows" serve
