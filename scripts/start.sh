#!/usr/bin/env bash
# The README's main job: a local Kafka (unless KAFKA_BROKERS points elsewhere) and one node, in the
# foreground. Ctrl-C stops the node and the broker this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

started_kafka=""
cleanup() {
  if [[ -n $started_kafka ]]; then bash deploy/local/kafka/kafka.sh stop || true; fi
}
trap cleanup EXIT
if [[ -z ${KAFKA_BROKERS:-} ]]; then
  export KAFKA_BROKERS
  KAFKA_BROKERS=$(bash deploy/local/kafka/kafka.sh start)
  started_kafka=yes
fi
node scripts/run.mjs apps/node/src/main.ts "$@"
