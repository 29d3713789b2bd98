#!/usr/bin/env bash
# Load bench: USERS people (50) work in the browser at once for SECONDS (60) on the scale-1 demo province, and the
# latencies per kind of request, the throughput and the errors are printed (app/bench/LoadBench.java does the work).
#   app/bench/load.sh                              packages the jar, loads a fresh demo (1-3 min), runs the load
#   JAR=app/target/metrolims.jar app/bench/load.sh  reuse a built jar
#   DATA=some/folder app/bench/load.sh              keep the data folder (a second run skips the demo load)
#   USERS=20 SECONDS=30 THINK_MS=500 SCALE=0.1 app/bench/load.sh
#   LOG=app.log app/bench/load.sh                   keep the application's log (to read the causes of errors)
#   PORT=9201 app/bench/load.sh                     a fixed port instead of a free one
# Each person signs in with the form (CSRF token from the page, then a session cookie), clicks with a random pause of
# 0..2*THINK_MS ms, and signs out and in again after 10-29 clicks. Technicians (in pairs per institute) open the due
# list, the coverage dashboard and the review queue, write a calibration draft and submit it, and approve the other
# technician's submitted draft (re-entering the password); the officer opens the dashboard and the due list; labs
# their portal and PT pages. An error is any answer that is not the expected one (a 4xx/5xx, a sign-in sent back to
# the login page, an approval that did not take) and any transport error. Goal: 0 errors, p95 under 500 ms on 2
# cores. The run stops by itself (SECONDS and MAX_REQUESTS) and sends traffic to 127.0.0.1 only.
set -euo pipefail
# bash counts SECONDS up from the value it was given: read the wanted duration before anything runs
run_seconds="$SECONDS"; [ "$run_seconds" -gt 0 ] || run_seconds=60
cd "$(dirname "$0")/../.."
SCALE="${SCALE:-1}"

java_bin=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$home" ] && "$home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$home/bin/java"; break
  fi
done
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }

jar="${JAR:-app/target/metrolims.jar}"
if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests -pl app -am package
fi
work=$(mktemp -d)
data="${DATA:-$work/data}"
port="${PORT:-}"
[ -n "$port" ] || port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "${LOG:-}" ] && [ -f "$work/app.log" ]; then cp "$work/app.log" "$LOG"; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "MetroLIMS ${BENCH_NAME:-load} bench ($(nproc) cores, $("$java_bin" -version 2>&1 | head -1), demo scale $SCALE)"
started=$(date +%s)
"$java_bin" -jar "$jar" --server.port="$port" --lims.db.data-dir="$data" --spring.profiles.active=demo \
  --lims.demo.scale="$SCALE" > "$work/app.log" 2>&1 &
app_pid=$!
until curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; its log:"; tail -40 "$work/app.log"; exit 1; }
  sleep 0.5
done
echo "app healthy after $(( $(date +%s) - started )) s"
echo "before: $(uptime)"
env SECONDS="$run_seconds" "$java_bin" "app/bench/${BENCH_MAIN:-LoadBench.java}" "$base"
echo "after:  $(uptime)"
grep -E ' ERROR ' "$work/app.log" | head -5 || true
