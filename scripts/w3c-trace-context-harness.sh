#!/usr/bin/env bash
# Runs the official W3C Trace Context harness (../shared/w3c-trace-context-harness, or $HARNESS) at its
# strictest level, Level 2 tests included, against a minimal service on the starter
# (W3cHarnessService in the starter's test sources). Needs Python 3 with aiohttp: on Debian,
# python3-aiohttp, installed here when missing. Not part of the default test command.
set -euo pipefail
cd "$(dirname "$0")/.."
HARNESS=${HARNESS:-../shared/w3c-trace-context-harness}
SERVICE_PORT=${SERVICE_PORT:-18089}
HARNESS_PORT=${HARNESS_PORT:-7777}

if ! /usr/bin/python3 -c 'import aiohttp' 2>/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-aiohttp
fi

./mvnw -B -q -pl tracing-starter test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/harness-classpath.txt
# The starter's test classpath also holds Boot's tracing (Brave, OpenTelemetry) for the coexistence
# tests. With it, Boot's server span continues the caller first and ours follows it; the harness tests
# the starter alone, so those libraries are left out.
DEPENDENCIES=$(tr ':' '\n' < tracing-starter/target/harness-classpath.txt \
    | grep -v -e brave -e micrometer-tracing -e opentelemetry -e zipkin | paste -sd: -)
CLASSPATH="tracing-starter/target/test-classes:tracing-starter/target/classes:$DEPENDENCIES"

java -cp "$CLASSPATH" io.agenttracing.w3charness.W3cHarnessService --server.port="$SERVICE_PORT" \
    --spring.main.banner-mode=off --logging.level.root=warn > tracing-starter/target/w3c-harness-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    if curl -s -o /dev/null "http://127.0.0.1:$SERVICE_PORT/"; then break; fi
    sleep 1
done

cd "$HARNESS/test"
STRICT_LEVEL=2 SPEC_LEVEL=2 HARNESS_HOST=127.0.0.1 HARNESS_PORT="$HARNESS_PORT" \
    /usr/bin/python3 test.py "http://127.0.0.1:$SERVICE_PORT/test"
