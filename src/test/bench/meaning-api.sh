#!/usr/bin/env bash
# Checks by meaning through the HTTP API, against a stored 1 MB source that the background job has embedded:
# how long until the source is searchable by meaning, then the median and 95th percentile of 100 statement checks
# (POST /api/verify with sourceId and claimType STATEMENT), signed in with a session cookie as the pages are.
#
# Needs the packaged app (./mvnw package -DskipTests), Java 17, curl and python3. Starts the jar on a free port with
# an embedded PostgreSQL in a temporary directory, and removes everything afterwards.
# Run: bash src/test/bench/meaning-api.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password="bench-secret-$RANDOM$RANDOM"
QUOTECHECK_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$port QUOTECHECK_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  java -Xmx2g -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 90); do curl -fs "$base/q/health" >/dev/null 2>&1 && break; sleep 1; done

# The same 1 MB recipe as MeaningBenchmark: the corpora's texts in turn, the ministry summary once.
python3 - "$work/source.json" <<'PY'
import json, sys, pathlib
r = pathlib.Path("src/test/resources")
files = ["corpus/articles/gyeongju-summit.txt", "extraction/riverton-budget.txt", "verification/sea-level-press-release.txt",
         "extraction/senate-defense-bill.txt", "meaning/sources/economy-central-bank.txt", "meaning/sources/health-vaccine-trial.txt",
         "meaning/sources/politics-coalition-vote.txt", "meaning/sources/sports-cup-final.txt",
         "meaning/sources/science-glacier-study.txt", "verification/nordvik-earnings-call.txt"]
filler = [(r / f).read_text(encoding="utf-8") for f in files]
parts, size, n = [], 0, 0
while size < 1_000_000:
    part = f"Session {n}, item {n * 7 % 113}. {filler[n % len(filler)]}\n"
    if n == 300:
        part += (r / "corpus/sources/mofa-summit-summary-2025-10-30.txt").read_text(encoding="utf-8") + "\n"
    parts.append(part); size += len(part); n += 1
json.dump({"title": "Benchmark source (1 MB)", "type": "TRANSCRIPT", "text": "".join(parts)}, open(sys.argv[1], "w"))
PY

jar="$work/cookies"
token=$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf-token=$token" --data-urlencode username=admin \
  --data-urlencode "password=$password" "$base/login"

started=$(date +%s.%N)
id=$(curl -fs -b "$jar" -H 'Content-Type: application/json' --data @"$work/source.json" "$base/api/sources" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while true; do
  state=$(curl -fs -b "$jar" "$base/api/sources/$id" | python3 -c 'import json,sys; s=json.load(sys.stdin)["semantic"]; print(s["state"], s["embedded"], s["passages"])')
  [[ "$state" == READY* ]] && break
  sleep 2
done
ready=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
echo "1 MB source searchable by meaning after ${ready} s ($state)"

body='{"quote": "The meeting was scheduled for 30 minutes but lasted 45.", "sourceId": '"$id"', "claimType": "STATEMENT"}'
curl -fs -b "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/verify" >/dev/null   # first check loads the cache
for _ in $(seq 1 100); do
  curl -fs -o /dev/null -w '%{time_total}\n' -b "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/verify"
done >"$work/times"
python3 - "$work/times" <<'PY'
import statistics, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
print(f"statement check through the API, 100 calls: median {statistics.median(t):.1f} ms, p95 {t[94]:.1f} ms, max {t[-1]:.1f} ms")
PY
