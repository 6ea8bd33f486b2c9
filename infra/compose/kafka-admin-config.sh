#!/usr/bin/env bash
# Prints the client settings of Kafka's administrator (SASL/PLAIN) for the command-line
# tools' --command-config. The password comes from LANYARD_KAFKA_ADMIN_PASSWORD; write the
# output to a file only the container can read, never to a log.
set -euo pipefail

: "${LANYARD_KAFKA_ADMIN_PASSWORD:?LANYARD_KAFKA_ADMIN_PASSWORD must be set}"
if [[ ! "${LANYARD_KAFKA_ADMIN_PASSWORD}" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "LANYARD_KAFKA_ADMIN_PASSWORD must be letters, digits, '.', '_' or '-'" >&2
  exit 1
fi
printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=PLAIN" \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"lanyard-admin\" password=\"${LANYARD_KAFKA_ADMIN_PASSWORD}\";"
