#!/usr/bin/env bash
# Library search at scale (see LibraryBenchmark): a synthetic library of 200, 2,000 and 20,000 sources (about 100
# passages each, with vectors) generated straight into Debian's PostgreSQL 15, searched through POST /api/search on
# the packaged application, and the suggestion job of a 30-claim article timed at each size.
#
# Needs: ./mvnw -o package -DskipTests (the jar and the compiled benchmark), Debian's postgresql 15, Java 17,
# python3, about 12 GB of free disk for the largest library. Drops and recreates the database "quotecheck" of the
# local cluster (do not run it next to .ci/run). Sizes: SIZES=200,2000 bash src/test/bench/library-search.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=${SIZES:-200,2000,20000}
started_cluster=false
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
  started_cluster=true
fi
drop_roles() {
  runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS quotecheck" >/dev/null 2>&1 || true
  runuser -u postgres -- psql -q -c "DROP ROLE IF EXISTS quotecheck_app" >/dev/null 2>&1 || true
  runuser -u postgres -- psql -q -c "DROP ROLE IF EXISTS quotecheck" >/dev/null 2>&1 || true
}
work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then
    echo "kept: database quotecheck, owner quotecheck, password $owner_password"
  else
    drop_roles
    if $started_cluster; then pg_ctlcluster 15 main stop || true; fi
  fi
  cp "$work/app.log" target/library-bench-app.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
owner_password="bench-owner-$RANDOM$RANDOM"
app_password="bench-app-$RANDOM$RANDOM"
admin_password="bench-secret-$RANDOM$RANDOM"
drop_roles
(cd /tmp && runuser -u postgres -- env POSTGRES_USER=postgres QUOTECHECK_DB_OWNER_PASSWORD="$owner_password" \
  QUOTECHECK_DB_APP_PASSWORD="$app_password" sh -s <"$OLDPWD/docker/initdb/10-quotecheck-roles.sh" >/dev/null)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
(cd "$work" && \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/quotecheck \
  QUARKUS_DATASOURCE_USERNAME=quotecheck_app QUARKUS_DATASOURCE_PASSWORD="$app_password" \
  QUARKUS_FLYWAY_USERNAME=quotecheck QUARKUS_FLYWAY_PASSWORD="$owner_password" \
  QUARKUS_HTTP_PORT=$port QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
  QUARKUS_LOG_CATEGORY__ORG_QUOTECHECK_LIBRARY__LEVEL=DEBUG \
  exec java -Xmx6g -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" >"$work/app.log" 2>&1) &
app_pid=$!
healthy=false
for _ in $(seq 1 90); do
  if curl -fs "http://127.0.0.1:$port/q/health" 2>/dev/null | grep -q '"status": *"UP"'; then healthy=true; break; fi
  sleep 1
done
$healthy || { echo "the application did not start:"; tail -40 "$work/app.log"; exit 1; }
driver=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)
java -Xmx2g -cp "target/test-classes:target/classes:$driver" org.quotecheck.benchmark.LibraryBenchmark \
  --jdbc jdbc:postgresql://127.0.0.1:5432/quotecheck --db-user quotecheck --db-password "$owner_password" \
  --app "http://127.0.0.1:$port" --admin-password "$admin_password" --sizes "$sizes" --queries "${QUERIES:-100}"
grep "Library vector index" "$work/app.log" || true
# Where a search's time goes (the application's debug lines): finding candidates, and checking them.
python3 - "$work/app.log" <<'PY'
import re, statistics, sys
rows = [tuple(map(int, m.groups())) for m in re.finditer(r"library search: \d+ candidates in (\d+) ms, checked in (\d+) ms", open(sys.argv[1]).read())]
if rows:
    print(f"searches logged: {len(rows)}; finding candidates: median {statistics.median(r[0] for r in rows)} ms,"
          f" max {max(r[0] for r in rows)} ms; checking them: median {statistics.median(r[1] for r in rows)} ms, max {max(r[1] for r in rows)} ms")
PY
