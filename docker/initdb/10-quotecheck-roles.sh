#!/bin/sh
# Runs once, when the postgres container initialises its data directory: the schema owner (migrations) and the
# least-privileged role the application connects as. Neither is a superuser; both passwords come from the environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$QUOTECHECK_DB_OWNER_PASSWORD" -v app_password="$QUOTECHECK_DB_APP_PASSWORD" <<'SQL'
SET password_encryption = 'scram-sha-256';
CREATE ROLE quotecheck LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE quotecheck_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE quotecheck OWNER quotecheck ENCODING 'UTF8';
REVOKE ALL ON DATABASE quotecheck FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE quotecheck TO quotecheck_app;
\connect quotecheck
ALTER SCHEMA public OWNER TO quotecheck;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO quotecheck_app;
SQL
