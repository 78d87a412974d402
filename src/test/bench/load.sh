#!/usr/bin/env bash
# Pages under load (see src/site/markdown/performance.md): the packaged application on Debian's PostgreSQL 15 with
# 200,000 claims, 100,000 of them waiting for review, measured with wrk (2 threads, 16 connections, 10 s a page, then
# 32 connections) side by side: an editor's article list (the baseline), the approval queue and the dashboard.
#
# Needs: ./mvnw -o package -DskipTests, Debian's postgresql 15 and wrk (apt-get install wrk), python3. Drops and
# recreates the database "quotecheck" of the local cluster (do not run it next to .ci/run). With LOAD_JFR=file the
# application records a Java Flight Recording of the run there (profile settings; `jfr print --events
# jdk.ExecutionSample file` or JDK Mission Control show where the time goes); LOAD_RUNS="/review 16;/review 32"
# measures only the pages listed (page and connections, separated by semicolons).
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source src/test/bench/postgres.sh
bench_start_cluster
work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  bench_drop_database
  bench_stop_cluster
  rm -rf "$work"
}
trap cleanup EXIT
owner_password="load-owner-$RANDOM$RANDOM"
app_password="load-app-$RANDOM$RANDOM"
admin_password="load-secret-$RANDOM$RANDOM"
bench_create_database "$owner_password" "$app_password"
port=$(bench_free_port)
(cd "$work" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/quotecheck \
  QUARKUS_DATASOURCE_USERNAME=quotecheck_app QUARKUS_DATASOURCE_PASSWORD="$app_password" \
  QUARKUS_FLYWAY_USERNAME=quotecheck QUARKUS_FLYWAY_PASSWORD="$owner_password" QUARKUS_HTTP_PORT=$port \
  QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" QUOTECHECK_JOBS_ENABLED=false \
  exec java -Xmx2g ${LOAD_JFR:+-XX:StartFlightRecording=filename=$LOAD_JFR,settings=profile} -jar "$bench_root/target/quarkus-app/quarkus-run.jar" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$port/q/health" 2>/dev/null | grep -q '"status": *"UP"' && break
  sleep 1
done
echo "seeding 1,000 articles and 200,000 claims (100,000 in review)"
PGPASSWORD="$owner_password" psql -h 127.0.0.1 -U quotecheck -d quotecheck -q 2>/dev/null <<'SQL'
INSERT INTO article (title, body, created_by, updated_by, created_at, updated_at)
  SELECT 'Article ' || g, 'Body of article ' || g, u.id, u.id, now(), now()
  FROM generate_series(1, 1000) g, (SELECT id FROM app_user WHERE username = 'admin') u;
INSERT INTO claim (article_id, type, text, start_offset, end_offset, speaker, origin, state, rating, rationale,
                   submitted_by, submitted_at, created_at, updated_at)
  SELECT a.first + (g % 1000), 'DIRECT_QUOTE', 'Quote number ' || g, 0, 10, 'Speaker ' || (g % 50), 'EXTRACTED',
         CASE WHEN g % 2 = 0 THEN 'IN_REVIEW' ELSE 'APPROVED' END, 'ACCURATE', 'Rationale', u.id,
         now() - (random() * interval '90 days'), now(), now()
  FROM generate_series(1, 200000) g, (SELECT min(id) AS first FROM article) a, (SELECT id FROM app_user WHERE username = 'admin') u;
UPDATE claim SET decided_at = submitted_at + interval '1 hour', decided_by = submitted_by WHERE state = 'APPROVED';
ANALYZE article; ANALYZE claim;
SQL
jar="$work/cookies"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf-token=$token" --data-urlencode username=admin \
  --data-urlencode "password=$admin_password" "http://127.0.0.1:$port/login"
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
for page in /articles /review /dashboard; do   # signed in (200, not a redirect to the login page), then warm-up
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$page")
  [ "$code" = 200 ] || { echo "$page answered $code: not signed in"; exit 1; }
  wrk -t2 -c4 -d3s -H "Cookie: $cookie" "http://127.0.0.1:$port$page" >/dev/null
done
echo "| page | connections | requests/s | of the article list | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|---|"
baseline=""
IFS=';' read -ra runs <<<"${LOAD_RUNS:-/articles 16;/review 16;/dashboard 16;/review 32;/dashboard 32}"
for run in "${runs[@]}"; do
  set -- $run
  out=$(wrk -t2 -c"$2" -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$1")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  # "Socket errors: connect 0, read 0, write 0, timeout 3" and "Non-2xx or 3xx responses: N"
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
  [ -z "$baseline" ] && baseline=$rps
  share=$(python3 -c "print(f'{100 * $rps / $baseline:.0f}%')")
  echo "| $1 | $2 | $rps | $share | $p50 | $p99 | $errors |"
done
