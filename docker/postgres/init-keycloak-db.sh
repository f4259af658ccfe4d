#!/bin/sh
# Creates Keycloak's own database beside the repository's on the first start of the postgres
# volume (the official image runs /docker-entrypoint-initdb.d/* only then). psql variables keep
# the password out of the SQL text, so a quote in it cannot break or inject the statement.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v kc_user="$KEYCLOAK_DB_USER" -v kc_password="$KEYCLOAK_DB_PASSWORD" <<'EOSQL'
CREATE USER :"kc_user" WITH PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER :"kc_user";
EOSQL
