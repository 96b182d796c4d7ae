#!/usr/bin/env bash
# Links the application and every runtime dependency into one jlink runtime image.
# Jars without a module descriptor get one from module-info-templates/<automatic-name>.java
# (compiled against the other jars, injected with `jar --update`). Patched jars are cached by
# the hash of jar + template, so only a dependency change pays for patching again.
#
# usage: build/link-image.sh JARS_DIR IMAGE_DIR VERSION
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jars=$(cd "${1:?jars dir}" && pwd); image=${2:?image dir}; version=${3:?version}
: "${JAVA_HOME:?set JAVA_HOME to the Temurin 25 JDK}"
J=$JAVA_HOME/bin
cache=${BR_BUILD_CACHE:-$HOME/.cache/betweenrows}/patched-jars
work=$(dirname "$image")/link-work
rm -rf "$work" "$image"; mkdir -p "$work/mods" "$work/src" "$work/classes" "$cache"

# "<jar> <module> <explicit|automatic>" per jar, as the module system itself reads them
"$J/java" "$root/build/ModuleNames.java" "$jars" > "$work/modules.txt"

pending=()     # automatic modules that need a descriptor compiled
while read -r base name kind; do
  j=$jars/$base
  if [ "$kind" = explicit ]; then cp "$j" "$work/mods/$base"; continue; fi
  tpl=$root/module-info-templates/$name.java
  [ -f "$tpl" ] || { echo "ERROR: $base has no module descriptor and no template $tpl;" \
                          "run build/gen-module-info-templates.sh and review the result" >&2; exit 1; }
  key=$(cat "$j" "$tpl" | sha256sum | cut -c1-24)
  if [ -f "$cache/$key.jar" ]; then cp "$cache/$key.jar" "$work/mods/$base"; continue; fi
  mkdir -p "$work/src/$name"; cp "$tpl" "$work/src/$name/module-info.java"
  pending+=("$name=$j=$key=$base")
done < "$work/modules.txt"

if [ ${#pending[@]} -gt 0 ]; then
  echo "patching ${#pending[@]} jars with module-info templates"
  patch_args=(); modules=()
  for p in "${pending[@]}"; do IFS='=' read -r name j key base <<<"$p"; patch_args+=(--patch-module "$name=$j"); modules+=("$name"); done
  # Modules being patched are compiled together (multi-module mode); all other jars form the module path.
  mp=$(for j in "$jars"/*.jar; do skip=; for p in "${pending[@]}"; do [[ "$p" == *"=$j="* ]] && skip=1; done; [ -z "$skip" ] && printf '%s:' "$j"; done)
  "$J/javac" -nowarn -Xlint:none --module-source-path "$work/src" --module-path "${mp%:}" "${patch_args[@]}" \
    -d "$work/classes" --module "$(IFS=,; echo "${modules[*]}")"
  for p in "${pending[@]}"; do
    IFS='=' read -r name j key base <<<"$p"
    cp "$j" "$work/$key.jar"
    "$J/jar" --update --file "$work/$key.jar" -C "$work/classes/$name" module-info.class
    mv "$work/$key.jar" "$cache/$key.jar"; cp "$cache/$key.jar" "$work/mods/$base"
  done
fi

all=$(awk '{print $2}' "$work/modules.txt" | paste -sd, -)
echo "linking $(echo "$all" | tr ',' '\n' | wc -l) modules"
# no --strip-debug: it also strips MethodParameters, which JSON-B needs to bind request records
"$J/jlink" --module-path "$work/mods" --add-modules "$all" --output "$image" \
  --no-header-files --no-man-pages --compress=zip-6 --ignore-signing-information \
  >/dev/null
cat > "$image/bin/betweenrows" <<'LAUNCHER'
#!/bin/sh
# BetweenRows launcher: the jlinked runtime with the server module as entry point.
here=$(cd "$(dirname "$0")" && pwd)
# ALL-SYSTEM resolves every linked module, also those Helidon only `requires static` (Prometheus registry).
# The AOT cache (made by a training run at build time) cuts start-up to well under a second; a JVM
# started with options it does not match simply ignores it.
aot=
[ -f "$here/../lib/betweenrows.aot" ] && aot="-XX:AOTCache=$here/../lib/betweenrows.aot -Xlog:aot*=off"
# Defaults: serial GC (small footprint, 2 cores) with a bounded heap so RSS stays bounded; full JIT, also of
# methods over 8,000 bytecodes (Calcite's generated parser has some: interpreted, a first-seen statement's parse
# took ~20 % longer).
exec "$here/java" --add-modules ALL-SYSTEM $aot ${BR_JAVA_OPTS:--XX:+UseSerialGC -Xmx1g -XX:-DontCompileHugeMethods} -m dev.betweenrows.server/dev.betweenrows.server.Main "$@"
LAUNCHER
chmod +x "$image/bin/betweenrows"

# Training run for the AOT cache: `train` starts a server on a throwaway data dir, runs made-up statements through
# the guard in-process (so the cache also holds the parser's method profiles: a fresh proxy's first thousand new
# statements parse about twice as fast), and stops.
train=$(mktemp -d); trap 'rm -rf "$train"' EXIT
rc=0
BR_DATA_DIR=$train/data BR_ADMIN_PASSWORD=training-only-password BR_PROXY_BIND_ADDR=127.0.0.1:0 BR_ADMIN_BIND_ADDR=127.0.0.1:0 \
  BR_JAVA_OPTS="-XX:AOTCacheOutput=$image/lib/betweenrows.aot -Xlog:aot=error -XX:+UseSerialGC -Xmx1g -XX:-DontCompileHugeMethods" \
  timeout 600 "$image/bin/betweenrows" train > "$train/out.log" 2>&1 || rc=$?
# train exits 1 unless every made-up statement got the decision it should: a guard that refuses them is a broken
# image, and a cache without the parser's profiles would pass unnoticed
if [ "$rc" != 0 ] || ! grep -q '^training: ' "$train/out.log"; then
  echo "ERROR: the AOT training run failed (exit $rc):" >&2; tail -20 "$train/out.log" >&2
  rm -f "$image/lib/betweenrows.aot"; exit 1
fi
grep '^training: ' "$train/out.log"
if [ -f "$image/lib/betweenrows.aot" ]; then echo "AOT cache: $(du -h "$image/lib/betweenrows.aot" | cut -f1)"
else echo "WARNING: the training run wrote no AOT cache; the image starts without one:"; tail -5 "$train/out.log"; fi
rm -rf "$work"
echo "image $image: $(du -sh "$image" | cut -f1), JDK modules: $("$image/bin/java" --list-modules | grep -cE '^(java|jdk)\.')"
