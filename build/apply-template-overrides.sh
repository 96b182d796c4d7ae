#!/usr/bin/env bash
# Applies module-info-templates/overrides.txt to freshly generated templates (idempotent).
set -euo pipefail
dir=${1:?templates dir}
while read -r module verb type; do
  case "$module" in ''|'#'*) continue ;; esac
  f="$dir/$module.java"
  [ -f "$f" ] || { echo "override for unknown module $module" >&2; exit 1; }
  case "$verb" in
    uses)
      grep -q "uses $type;" "$f" || sed -i "0,/^open module .* {/s//&\n    uses $type;/" "$f" ;;
    drop-provides)
      # removes a whole 'provides <type> with a, b;' clause, which may span several lines
      perl -0pi -e "s/\n\s*provides \Q$type\E with[^;]*;//g" "$f" ;;
    *) echo "unknown verb $verb" >&2; exit 1 ;;
  esac
done < "$dir/overrides.txt"
