#!/bin/sh
# Runs once, when the PostgreSQL volume is new: one database per service (and one for
# Apicurio Registry), each owned by its own role with its own password (DB_PASSWORD_<db>)
# that can connect to nothing else, so no service can read another's data.
set -eu

: "${DATABASES:?DATABASES must list the databases to create}"
for db in ${DATABASES}; do
  eval "password=\${DB_PASSWORD_${db}:-}"
  if [ -z "${password}" ]; then
    echo "DB_PASSWORD_${db} must be set" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    -v db="${db}" -v password="${password}" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "Database ${db} created, owned by role ${db}"
done
