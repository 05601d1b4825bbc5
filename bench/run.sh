#!/usr/bin/env bash
# Runs one benchmark against a Tsubame of its own (a separate JVM) on embedded PostgreSQL and Redis, and prints its
# figures and the command that reruns it.
# Usage: bench/run.sh burst|delivery|fanout|reads|stream [--option value ...]   (BENCH_JAVA_OPTS: flags for the measured JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

case "${1:-}" in
  fanout) main=LocalFanOutBenchmark ;;
  reads) main=ReadsBenchmark ;;
  delivery) main=DeliveryBenchmark ;;
  burst) main=InboundBurstBenchmark ;;
  stream) main=StreamingBenchmark ;;
  *) echo "usage: bench/run.sh burst|delivery|fanout|reads|stream [--option value ...]" >&2; exit 2 ;;
esac
shift

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Dlogback.configurationFile=bench/logback.xml -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "social.tsubame.bench.$main" "$@"
