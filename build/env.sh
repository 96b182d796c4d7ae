# Sourced by the project scripts: selects the Temurin 25 JDK (build and run).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"2[5-9]'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/temurin-25-jdk; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/jlink" ]; then
  echo "BetweenRows needs a JDK 25 with jlink (Temurin 25 under /usr/lib/jvm); set JAVA_HOME" >&2
  exit 1
fi
export PATH=$JAVA_HOME/bin:$PATH
