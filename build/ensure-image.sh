# Sourced: builds the runtime image unless it is newer than every source file.
image=modules/dist/target/image
if [ ! -x "$image/bin/betweenrows" ] || [ -n "$(find modules build module-info-templates pom.xml -newer "$image/bin/betweenrows" \
     -type f \( -name '*.java' -o -name '*.xml' -o -name '*.sql' -o -name '*.yaml' -o -name '*.sh' -o -name '*.txt' \
     -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -not -path '*/target/*' -print -quit)" ]; then
  echo "building the runtime image (first time: a few minutes)..."
  mvn -B -q --no-transfer-progress -DskipTests install
fi
