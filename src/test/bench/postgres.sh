# Shared by the benchmark harnesses (sourced, not run): Debian's PostgreSQL 15 cluster, the database "quotecheck"
# with the two roles of docker/initdb/10-quotecheck-roles.sh, and a free port.
bench_started_cluster=false

# Starts the local cluster unless it runs; bench_stop_cluster stops it again only if this started it.
bench_start_cluster() {
  if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
    pg_ctlcluster 15 main start
    bench_started_cluster=true
  fi
}

bench_stop_cluster() {
  if $bench_started_cluster; then pg_ctlcluster 15 main stop || true; fi
}

bench_drop_database() {
  for sql in "DROP DATABASE IF EXISTS quotecheck" "DROP ROLE IF EXISTS quotecheck_app" "DROP ROLE IF EXISTS quotecheck"; do
    runuser -u postgres -- psql -q -c "$sql" >/dev/null 2>&1 || true
  done
}

# A fresh database: the owner (migrations) and the application's role, with these passwords.
bench_create_database() { # owner password, app password
  bench_drop_database
  (cd /tmp && runuser -u postgres -- env POSTGRES_USER=postgres QUOTECHECK_DB_OWNER_PASSWORD="$1" \
    QUOTECHECK_DB_APP_PASSWORD="$2" sh -s <"$bench_root/docker/initdb/10-quotecheck-roles.sh" >/dev/null)
}

bench_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

bench_root=$(pwd)
