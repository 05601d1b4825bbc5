# Tsubame container image: one image for every role (web, federation,
# streaming, worker); the role is chosen at run time with SPRING_PROFILES_ACTIVE.
#
#   docker build -t tsubame:latest .
#   docker run --rm -p 8080:8080 tsubame:latest     # all roles, http://localhost:8080
#
# Without DATABASE_URL/DB_HOST and REDIS_URL/REDIS_HOST the process starts an
# embedded PostgreSQL and Redis under /var/lib/tsubame; docker-compose.yml runs
# separate ones. Configuration: config/tsubame.env.sample, config/README.md.

############################################################################
# Build stage
############################################################################
FROM eclipse-temurin:25-jdk AS build

# The Temurin image ships neither curl/wget nor unzip. The Maven wrapper then
# downloads Maven with Java, but unpacks the zip with unzip (falling back to
# tar, which cannot read zip files), so unzip is required here.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip; \
    rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Wrapper and POM first: this layer, with Maven and every dependency in it,
# is rebuilt only when pom.xml or the wrapper changes, not on each source edit.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw \
    && ./mvnw -B -q dependency:go-offline

COPY src/ src/
COPY db/ db/
# Tests run in CI against real PostgreSQL and Redis, which the image build has
# not got. go-offline misses a few plugin dependencies resolved only at run
# time, so this step may still download a little.
RUN ./mvnw -B -q -DskipTests package

############################################################################
# Runtime stage
############################################################################
FROM eclipse-temurin:25-jre

# curl is for health checks only (docker-compose.yml and HEALTHCHECK below);
# the Temurin runtime image no longer carries it.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
    rm -rf /var/lib/apt/lists/*

# Fixed uid/gid 991, so that files on the data volume keep their owner when the
# image is rebuilt or moved, and host directories can be chowned to match.
RUN set -eux; \
    groupadd --system --gid 991 tsubame; \
    useradd --system --uid 991 --gid 991 --home-dir /var/lib/tsubame \
            --no-create-home --shell /usr/sbin/nologin tsubame; \
    mkdir -p /app /var/lib/tsubame; \
    chown 991:991 /var/lib/tsubame; \
    chmod 0750 /var/lib/tsubame

# Owned by root and read-only to the server process.
COPY --from=build /build/target/tsubame.jar /app/tsubame.jar

# Local media, and the embedded PostgreSQL/Redis data when no external ones are
# configured. A named volume mounted here starts out owned by uid 991, because
# Docker copies the directory's owner from the image on first use.
ENV TSUBAME_DATA_DIR=/var/lib/tsubame \
    PORT=8080 \
    MANAGEMENT_SERVER_PORT=9090 \
    JAVA_OPTS=""
VOLUME ["/var/lib/tsubame"]
WORKDIR /var/lib/tsubame

# 8080: HTTP (web UI, client API, federation, streaming, depending on role).
# 9090: actuator (health, Prometheus metrics). Keep 9090 off the public proxy.
EXPOSE 8080 9090

USER 991:991

# Docker defines only exit codes 0 (healthy) and 1 (unhealthy); "|| exit 1"
# folds curl's own codes (7: refused, 22: HTTP error, ...) into 1. The port
# follows MANAGEMENT_SERVER_PORT if that is changed at run time.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
    CMD curl -fsS -o /dev/null "http://localhost:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1

# - MaxRAMPercentage=75: size the heap from the container's memory limit and
#   leave a quarter for metaspace, thread stacks, direct buffers and the like.
# - ExitOnOutOfMemoryError: a process that ran out of heap is in an unknown
#   state; exit so the restart policy brings up a clean one. Queue jobs are
#   acknowledged only after they commit, so none is lost.
# - JAVA_OPTS comes after the defaults, so an admin's flags win
#   (e.g. JAVA_OPTS="-XX:MaxRAMPercentage=60 -Xlog:gc").
# - exec replaces the shell, so java receives SIGTERM and shuts down gracefully.
# - Arguments given to `docker run IMAGE ...` / `docker compose run SERVICE ...`
#   are passed to the application after -jar.
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/tsubame.jar \"$@\"", "tsubame"]
