#!/usr/bin/env bash
# Measures cold start (JVM launch to readiness UP) and idle RSS of the all-in-one server in embedded mode.
# Usage: [JAVA_OPTS=...] bench/startup.sh [data-dir]   (builds target/tsubame.jar first if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[[ -f target/tsubame.jar ]] || ./mvnw -B -q package -DskipTests
DATA_DIR="${1:-$(mktemp -d)}"
PORT="${PORT:-18080}"

start=$(date +%s%N)
TSUBAME_DATA_DIR="$DATA_DIR" PORT="$PORT" "$JAVA" ${JAVA_OPTS:-} -jar target/tsubame.jar > "$DATA_DIR/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "server exited; see $DATA_DIR/server.log"; exit 1; }
  sleep 0.1
done
ready=$(date +%s%N)
sleep 30
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
pg_rss_kb=$(ps -eo rss=,args= | awk -v dir="$DATA_DIR" '$0 ~ /postgres/ && $0 ~ dir {s+=$1} END {print s+0}')
redis_rss_kb=$(ps -eo rss=,args= | awk '/redis-server/ && !/awk/ {s+=$1} END {print s+0}')
echo "data dir:            $DATA_DIR"
echo "start to ready:      $(( (ready - start) / 1000000 )) ms"
echo "idle RSS (JVM):      $(( rss_kb / 1024 )) MiB after 30 s"
echo "embedded PostgreSQL: $(( pg_rss_kb / 1024 )) MiB (sum over its processes, shared memory counted in each)"
echo "embedded Redis:      $(( redis_rss_kb / 1024 )) MiB"
echo "JVM options:         ${JAVA_OPTS:-(defaults)}"
echo "rerun: JAVA_OPTS='${JAVA_OPTS:-}' bench/startup.sh $DATA_DIR"
