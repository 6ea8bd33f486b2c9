#!/bin/sh
# Runs once, when the PostgreSQL volume is new: one database per service (and one for
# Apicurio Registry), each owned by its own role that can connect to nothing else, so no
# service can read another's data.
set -eu

: "${DATABASES:?DATABASES must list the databases to create}"
: "${SERVICE_DB_PASSWORD:?SERVICE_DB_PASSWORD must be set}"

for db in ${DATABASES}; do
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    -v db="${db}" -v password="${SERVICE_DB_PASSWORD}" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "Database ${db} created, owned by role ${db}"
done
