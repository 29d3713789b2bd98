#!/usr/bin/env bash
# Start-up bench: time from launch to /actuator/health UP, and resident memory once healthy,
# of the MetroLIMS JVM and of its embedded MariaDB.
#   app/bench/startup.sh            three scenarios on scale-1 demo data (see below)
#   SCALE=0.1 app/bench/startup.sh  a smaller demo province
# Scenarios: (1) first start on an empty data folder with the demo disabled (installs the data
# folder, migrates); (2) first start that loads the demo province; (3) restart on that data.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE="${SCALE:-1}"

java_bin=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$home" ] && "$home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$home/bin/java"; break
  fi
done
[ -n "$java_bin" ] || { echo "no JDK >= 21 found" >&2; exit 1; }

./mvnw -q -B -DskipTests -pl app -am package
jar=app/target/metrolims.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

run() { # name, data dir, extra args...
  local name=$1 data=$2; shift 2
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local start end pid
  start=$(date +%s%N)
  SERVER_PORT=$port "$java_bin" -jar "$jar" --lims.db.data-dir="$data" "$@" > "$work/$name.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "$name: the app exited; see its log:"; tail -30 "$work/$name.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 1 # let start-up work settle before reading memory
  local db_pid
  db_pid=$(pgrep -f "mariadbd.*--datadir=$data" | head -1 || true)
  printf '%-34s %8d ms to healthy   JVM RSS %5s MB   MariaDB RSS %5s MB\n' "$name" \
    $(( (end - start) / 1000000 )) "$(rss_mb $pid)" "$( [ -n "$db_pid" ] && rss_mb "$db_pid" || echo '?')"
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

echo "MetroLIMS start-up bench ($(nproc) cores, $("$java_bin" -version 2>&1 | head -1))"
run "empty database, no demo" "$work/empty" --lims.demo.enabled=false
run "empty database, demo scale $SCALE" "$work/demo" --spring.profiles.active=demo --lims.demo.scale="$SCALE"
run "restart on demo data" "$work/demo" --spring.profiles.active=demo --lims.demo.scale="$SCALE"
