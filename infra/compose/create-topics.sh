#!/usr/bin/env bash
# Creates every topic listed in topics.txt (beside this script) on the Kafka cluster,
# skipping those that exist. Run by the kafka-init job in docker-compose.yml.
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS must name the brokers, e.g. kafka-1:9092}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION_FACTOR:-3}"
topics_file="$(dirname "$0")/topics.txt"
kafka_topics="${KAFKA_TOPICS_COMMAND:-/opt/kafka/bin/kafka-topics.sh}"
# the brokers take only authenticated clients: the administrator's settings, owner-only
config="$(mktemp)"
chmod 600 "${config}"
trap 'rm -f "${config}"' EXIT
bash "$(dirname "$0")/kafka-admin-config.sh" > "${config}"

# a compacted topic keeps every record whole for 7 days (dev.lanyard.platform.kafka.Topic.COMPACTION_LAG):
# audit stores every record and may fall that far behind before the cleaner could remove one it has not read
compaction_lag_ms=604800000

while read -r topic _schema cleanup; do
  [[ -z "${topic}" || "${topic}" == \#* ]] && continue
  settings=(--config "cleanup.policy=${cleanup}")
  if [[ "${cleanup}" == "compact" ]]; then
    settings+=(--config "min.compaction.lag.ms=${compaction_lag_ms}")
  fi
  "${kafka_topics}" --bootstrap-server "${BOOTSTRAP_SERVERS}" --command-config "${config}" --create --if-not-exists \
    --topic "${topic}" --partitions "${partitions}" --replication-factor "${replication}" "${settings[@]}"
  echo "Topic ${topic} ready (${partitions} partitions, replication ${replication}, ${cleanup})"
done < "${topics_file}"
