#!/usr/bin/env bash
# Builds the runtime image if needed and starts BetweenRows on the embedded store in ./data.
# First start: set BR_ADMIN_PASSWORD (or it is asked for here). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
. build/env.sh
. build/ensure-image.sh
export BR_DATA_DIR=${BR_DATA_DIR:-$PWD/data}
if [ ! -d "$BR_DATA_DIR/store" ] && [ -z "${BR_ADMIN_PASSWORD:-}" ]; then
  read -r -s -p "First start: choose the admin password (at least 8 characters): " BR_ADMIN_PASSWORD; echo
  export BR_ADMIN_PASSWORD
fi
exec modules/dist/target/image/bin/betweenrows serve
