#!/usr/bin/env bash
# Crash bench: consistency of imports when the JVM, or separately the embedded MariaDB, is killed (SIGKILL) at a
# random moment, then started again (the JVM by this script, the server by the app's own watch).
#   app/bench/crash.sh                 3 rounds of each kind on a small demo province
#   ROUNDS=5 BATCH=100 app/bench/crash.sh
#   JAR=app/target/metrolims.jar app/bench/crash.sh   reuse a built jar
# Each round: an importer posts batches of BATCH instruments (POST /api/instruments/import, CSV, all or nothing) as
# `tech` in a loop; after 2-7 s one process is killed with SIGKILL. Afterwards the stored rows are read straight from
# the database (with the account and password the data folder holds) and compared with what was acknowledged:
#   lost       acknowledged (200) but not stored                       want 0
#   partial    batches stored in part (all-or-nothing broken)           want 0
#   duplicates serial numbers stored twice                              want 0
#   orphans    instruments without their audit line, or schedule/audit rows without their instrument   want 0
# Everything runs on 127.0.0.1, on ports and a data folder of its own, deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${ROUNDS:-3}"
BATCH="${BATCH:-50}"
SCALE="${SCALE:-0.02}"

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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
db_port=$(free_port)
data="$work/data"
base="http://127.0.0.1:$port"
auth="tech:demo2026"
app_pid=""
importer_pid=""

cleanup() {
  [ -n "$importer_pid" ] && kill "$importer_pid" 2>/dev/null || true
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_app() {
  local started=$(date +%s%N)
  "$java_bin" -jar "$jar" --server.port="$port" --lims.db.data-dir="$data" --lims.db.port="$db_port" \
    --lims.demo.enabled=true --lims.demo.scale="$SCALE" --lims.recall.enabled=false >> "$work/app.log" 2>&1 &
  app_pid=$!
  until curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; its log:"; tail -40 "$work/app.log"; exit 1; }
    sleep 0.2
  done
  echo "  app healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

sql() { # runs SQL as the application's account, with the password the data folder keeps
  local client
  client="$(ls -d "${TMPDIR:-/tmp}"/metrolims-mariadb-*/bin/mariadb | head -1)"
  LD_LIBRARY_PATH="$(dirname "$(dirname "$client")")/libs" "$client" --no-defaults --skip-ssl -h 127.0.0.1 \
    -P "$db_port" -u metrolims -p"$(cat "$data/metrolims-db.password")" -N -B lims -e "$1"
}

importer() { # round; posts batches until killed, logging acknowledged batches
  local round=$1 n=0 owner type
  owner=$2; type=$3
  while true; do
    n=$((n + 1))
    local id="CR-$round-$n" csv="owner,type,manufacturer,model,serialNo,unit"
    for i in $(seq 1 "$BATCH"); do csv+=$'\n'"$owner,$type,CrashBench,CRASH,$id-$i,g"; done
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -u "$auth" -H 'Content-Type: text/csv' \
      --data-binary "$csv" "$base/api/instruments/import" || true)
    echo "$id $code $(date +%T.%N | cut -c1-12)" >> "$work/sent.log"
    [ "$code" = "200" ] && echo "$id" >> "$work/acked.log"
    [ "$code" = "000" ] && sleep 0.2 # no answer: the JVM is gone or restarting
  done
}

echo "MetroLIMS crash bench ($(nproc) cores, $ROUNDS rounds of each kind, batches of $BATCH, demo scale $SCALE)"
: > "$work/sent.log"; : > "$work/acked.log"
start_app
owner=$(sql "SELECT o.code FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.username = 'tech'")
type=$(sql "SELECT code FROM instrument_type ORDER BY id LIMIT 1")

for round in $(seq 1 $((ROUNDS * 2))); do
  if [ $((round % 2)) -eq 1 ]; then kind=jvm; else kind=mariadbd; fi
  importer "$round" "$owner" "$type" &
  importer_pid=$!
  delay=$((RANDOM % 6 + 2))
  sleep "$delay"
  if [ "$kind" = jvm ]; then
    echo "round $round: kill -9 of the JVM after ${delay} s"
    kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
    kill "$importer_pid" 2>/dev/null; wait "$importer_pid" 2>/dev/null || true
    start_app
  else
    db_pid=$(cat "$data/mariadbd.pid")
    echo "round $round: kill -9 of mariadbd (pid $db_pid) after ${delay} s"
    killed=$(date +%s%N)
    kill -9 "$db_pid"
    until [ -f "$data/mariadbd.pid" ] && [ "$(cat "$data/mariadbd.pid" 2>/dev/null)" != "$db_pid" ] \
        && curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
      sleep 0.2
      if [ $(( ($(date +%s%N) - killed) / 1000000000 )) -gt 60 ]; then echo "  not back after 60 s"; break; fi
    done
    echo "  served again (health UP) $(( ($(date +%s%N) - killed) / 1000000 )) ms after the kill"
    sleep 2
    kill "$importer_pid" 2>/dev/null; wait "$importer_pid" 2>/dev/null || true
  fi
  importer_pid=""
done

acked=$(sort -u "$work/acked.log" | wc -l)
sent=$(wc -l < "$work/sent.log")
codes=$(awk '{print $2}' "$work/sent.log" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
stored_batches=$(sql "SELECT COUNT(DISTINCT SUBSTRING_INDEX(serial_no, '-', 3)) FROM instrument WHERE model = 'CRASH'")
stored_rows=$(sql "SELECT COUNT(*) FROM instrument WHERE model = 'CRASH'")
sql "SELECT DISTINCT SUBSTRING_INDEX(serial_no, '-', 3) FROM instrument WHERE model = 'CRASH'" | sort > "$work/stored.txt"
lost=$(sort -u "$work/acked.log" | comm -23 - "$work/stored.txt" | wc -l)
unacked_stored=$(sort -u "$work/acked.log" | comm -13 - "$work/stored.txt" | wc -l)
partial=$(sql "SELECT COUNT(*) FROM (SELECT SUBSTRING_INDEX(serial_no, '-', 3) b FROM instrument WHERE model = 'CRASH'
  GROUP BY b HAVING COUNT(*) <> $BATCH) p")
duplicates=$(sql "SELECT COUNT(*) FROM (SELECT serial_no FROM instrument WHERE model = 'CRASH' GROUP BY serial_no
  HAVING COUNT(*) > 1) d")
orphans=$(sql "SELECT
  (SELECT COUNT(*) FROM instrument i WHERE i.model = 'CRASH' AND NOT EXISTS (SELECT 1 FROM audit_event a
     WHERE a.entity_type = 'instrument' AND a.entity_id = CAST(i.id AS CHAR)))
  + (SELECT COUNT(*) FROM audit_event a WHERE a.entity_type = 'instrument'
     AND NOT EXISTS (SELECT 1 FROM instrument i WHERE CAST(i.id AS CHAR) = a.entity_id))
  + (SELECT COUNT(*) FROM calibration_schedule s WHERE NOT EXISTS (SELECT 1 FROM instrument i WHERE i.id = s.instrument_id))")

echo
echo "requests: $sent ($codes)"
echo "acknowledged batches: $acked; stored batches: $stored_batches ($stored_rows rows)"
echo "stored without an acknowledgement (in flight at a kill): $unacked_stored"
echo "lost: $lost   partial: $partial   duplicates: $duplicates   orphans: $orphans"
if awk '$2 ~ /^5/ && $2 != "503"' "$work/sent.log" | grep -q .; then
  echo; echo "answers other than 200 or 503, and what the app logged about them:"
  awk '$2 !~ /^(200|503|000)$/' "$work/sent.log"
  grep -E "ERROR|Exception" "$work/app.log" | grep -v "ManagedProcess\|mariadbd:" | cut -c1-300 | sort | uniq -c | sort -rn | head -20
fi
[ "$lost" -eq 0 ] && [ "$partial" -eq 0 ] && [ "$duplicates" -eq 0 ] && [ "$orphans" -eq 0 ]
