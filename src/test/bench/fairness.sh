#!/usr/bin/env bash
# Fair background jobs (see src/site/markdown/performance.md): a big article (about 2,900 claims, near the limit)
# is saved, and right after it a small article (3 claims) and a small source. Reported: how long the small article
# waits for its suggestions and the small source for its passages, while the big article's job is under way, and
# how far the big one got meanwhile. Run once per time slice given in FAIRNESS_SLICES (default "PT2S PT10S PT1H";
# PT1H means a job never lets others go first, as a plain first-come queue would).
#
# Needs: ./mvnw -o package -DskipTests, Debian's postgresql 15, python3, curl. Drops and recreates the database
# "quotecheck" of the local cluster (do not run it next to .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../../.."
source src/test/bench/postgres.sh
bench_start_cluster
work=$(mktemp -d)
app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }
cleanup() {
  stop_app
  bench_drop_database
  bench_stop_cluster
  rm -rf "$work"
}
trap cleanup EXIT
owner_password="fair-owner-$RANDOM$RANDOM"
app_password="fair-app-$RANDOM$RANDOM"
admin_password="fair-secret-$RANDOM$RANDOM"
now_ms() { date +%s%3N; }

python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
lines = []
for i in range(1, 2900):
    lines.append(f"\u201cThe harbour fee rose {i} percent,\u201d she said.")
json.dump({"title": "Big article", "body": "Port director Mara Velde spoke.\n" + "\n".join(lines)}, open(os.path.join(work, "big.json"), "w"))
json.dump({"title": "Small article", "body": "Mayor Dana Whitfield said, \u201cThe pier opens in May.\u201d Residents cheered."
           " She said the ferry would run twice an hour."}, open(os.path.join(work, "small.json"), "w"))
json.dump({"title": "Small source", "type": "TRANSCRIPT", "text": "WHITFIELD: The pier opens in May. The ferry will run twice an hour."},
          open(os.path.join(work, "source.json"), "w"))
town = ["Harbour fees rose %d percent in the %s budget, the port director said." % (n, y) for n in range(1, 60) for y in ("spring", "autumn")]
json.dump({"title": "Port budget", "type": "DOCUMENT", "text": " ".join(town)}, open(os.path.join(work, "library.json"), "w"))
PY

echo "| time slice | small article's suggestions | small source's passages | big article done meanwhile |"
echo "|---|---|---|---|"
for slice in ${FAIRNESS_SLICES:-PT2S PT10S PT1H}; do
  bench_create_database "$owner_password" "$app_password"
  port=$(bench_free_port)
  (cd "$work" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/quotecheck \
    QUARKUS_DATASOURCE_USERNAME=quotecheck_app QUARKUS_DATASOURCE_PASSWORD="$app_password" \
    QUARKUS_FLYWAY_USERNAME=quotecheck QUARKUS_FLYWAY_PASSWORD="$owner_password" QUARKUS_HTTP_PORT=$port \
    QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" QUOTECHECK_JOBS_SLICE="$slice" \
    exec java -Xmx1g -jar "$bench_root/target/quarkus-app/quarkus-run.jar" >"$work/app-$slice.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$port/q/health" 2>/dev/null | grep -q '"status": *"UP"' && break
    sleep 1
  done
  api() { curl -fs -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; }
  base="http://127.0.0.1:$port"
  library=$(api -d @"$work/library.json" "$base/api/sources" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until api "$base/api/sources/$library" | grep -q '"state":"READY"'; do sleep 0.5; done
  big=$(api -d @"$work/big.json" "$base/api/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  sleep 2 # the big job is under way
  began=$(now_ms)
  small=$(api -d @"$work/small.json" "$base/api/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  source=$(api -d @"$work/source.json" "$base/api/sources" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  claims=$(api "$base/api/articles/$small/claims" | python3 -c 'import json,sys; print(" ".join(str(c["id"]) for c in json.load(sys.stdin)))')
  suggestions_ms=""; source_ms=""
  while [ -z "$suggestions_ms" ] || [ -z "$source_ms" ]; do
    if [ -z "$source_ms" ] && api "$base/api/sources/$source" | grep -q '"state":"READY"'; then source_ms=$(( $(now_ms) - began )); fi
    if [ -z "$suggestions_ms" ]; then
      waiting=0
      for c in $claims; do api "$base/api/claims/$c/suggestions" | grep -q '"state":"DONE"' || waiting=1; done
      [ $waiting = 0 ] && suggestions_ms=$(( $(now_ms) - began ))
    fi
    [ $(( $(now_ms) - began )) -gt 900000 ] && { suggestions_ms=${suggestions_ms:-">900000"}; source_ms=${source_ms:-">900000"}; }
    sleep 0.2
  done
  big_done=$(PGPASSWORD="$owner_password" psql -h 127.0.0.1 -U quotecheck -d quotecheck -tAc \
    "SELECT progress_done || ' of ' || progress_total FROM job WHERE kind = 'ARTICLE_SUGGESTIONS' AND subject_id = $big ORDER BY id DESC LIMIT 1")
  echo "| $slice | $(python3 -c "print(f'{$suggestions_ms/1000:.1f} s')" 2>/dev/null || echo "$suggestions_ms ms") | $(python3 -c "print(f'{$source_ms/1000:.1f} s')" 2>/dev/null || echo "$source_ms ms") | $big_done claims |"
  stop_app
done
