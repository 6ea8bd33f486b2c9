#!/usr/bin/env bash
# Creates one SCRAM-SHA-512 user per service and the ACLs of acls.txt (beside this script),
# signed in as the administrator. Idempotent: users are upserted, existing ACLs kept. Run by
# the kafka-init job in docker-compose.yml before create-topics.sh.
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS must name the brokers, e.g. kafka-1:9092}"
here="$(dirname "$0")"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
config="$(mktemp)"
scram="$(mktemp)"
chmod 600 "${config}" "${scram}"
trap 'rm -f "${config}" "${scram}"' EXIT
bash "${here}/kafka-admin-config.sh" > "${config}"

for service in token-broker auth-gateway user-provisioning integration-registry audit; do
  variable="LANYARD_KAFKA_$(echo "${service}" | tr 'a-z-' 'A-Z_')_PASSWORD"
  password="${!variable:?${variable} must be set}"
  if [[ ! "${password}" =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "${variable} must be letters, digits, '.', '_' or '-'" >&2
    exit 1
  fi
  # from a file, so the password never shows in a process list
  printf 'SCRAM-SHA-512=[iterations=8192,password=%s]\n' "${password}" > "${scram}"
  "${bin}/kafka-configs.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --command-config "${config}" \
    --alter --entity-type users --entity-name "${service}" --add-config-file "${scram}" > /dev/null
  echo "Kafka user ${service} ready"
done

while read -r principal operation type pattern name; do
  [[ -z "${principal}" || "${principal}" == \#* ]] && continue
  "${bin}/kafka-acls.sh" --bootstrap-server "${BOOTSTRAP_SERVERS}" --command-config "${config}" \
    --add --allow-principal "User:${principal}" --operation "${operation}" \
    "--${type}" "${name}" --resource-pattern-type "${pattern}" > /dev/null
  echo "ACL: ${principal} may ${operation} ${type} ${name} (${pattern})"
done < "${here}/acls.txt"
