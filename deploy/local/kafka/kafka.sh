#!/usr/bin/env bash
# One real Apache Kafka broker (KRaft, combined broker+controller) on loopback, for the demo, the tests
# and a person typing. Usage: kafka.sh fetch|start|stop|status|logs
# `kafka.sh cluster start|stop|...` runs the secured three-broker cluster instead (cluster.sh).
#
# Settings (environment, all optional):
#   KAFKA_PORT             client port                        (default 9092)
#   KAFKA_CONTROLLER_PORT  controller port                    (default KAFKA_PORT+1)
#   KAFKA_STATE_DIR        data, pid file and log             (default <repo>/.local/kafka-<KAFKA_PORT>)
#   XB_CACHE_DIR           where the resolved jars are kept   (default ~/.cache/xborder)
#   KAFKA_HEAP             JVM heap                           (default 512m)
#   KAFKA_START_TIMEOUT_S  how long start waits for clients   (default 90)
#   KAFKA_KEEP_DATA        1: keep topics and offsets of the last run (a restart); else fresh storage
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=kafka
. "$here/common.sh"
port=${KAFKA_PORT:-9092}
cport=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
state=${KAFKA_STATE_DIR:-$repo/.local/kafka-$port}
pidfile=$state/kafka.pid
logfile=$state/kafka.log

fetch() {
  # The marker is written last, so an interrupted download is redone rather than trusted.
  if [[ -f $libs/.complete ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found: install Maven (apt-get install maven)"
  say "resolving kafka_2.13 $version and its runtime jars from Maven Central into $libs"
  rm -rf "$libs" && mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime >&2 || die "mvn could not resolve the Kafka jars"
  ls "$libs"/kafka_2.13-"$version".jar >/dev/null 2>&1 || die "kafka_2.13-$version.jar missing after mvn"
  touch "$libs/.complete"
}

running_pid() {
  [[ -f $pidfile ]] || return 1
  local pid; pid=$(cat "$pidfile")
  # A recycled pid that belongs to another program is not our broker.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $state/"; then
    echo "$pid"; return 0
  fi
  return 1
}

stop() {
  local pid
  if pid=$(running_pid); then
    say "stopping broker pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then say "broker ignored SIGTERM for 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

write_config() {
  cat >"$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$state/data
# One node: every internal topic has one replica; fewer partitions make the first group join quick.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are provisioned by the exchange with the admin client, never by a typo in a client.
auto.create.topics.enable=false
num.partitions=3
PROPS
}

start() {
  fetch
  mkdir -p "$state"
  if running_pid >/dev/null; then
    # A broker left behind by a crashed run may hold old topics and offsets: replace it, never reuse it.
    say "a broker from an earlier run is still up on $state: replacing it"
    stop
  fi
  if port_open "$port" || port_open "$cport"; then
    die "port $port or $cport is taken by another process (not a broker of ours): set KAFKA_PORT"
  fi
  local cp="$libs/*"
  if [[ ${KAFKA_KEEP_DATA:-0} == 1 && -f $state/data/meta.properties ]]; then
    say "keeping the storage of the last run (KAFKA_KEEP_DATA=1)"
  else
    rm -rf "$state/data" && mkdir -p "$state/data"
    write_config
    local cluster; cluster=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$cluster" -c "$state/server.properties" >"$state/format.log" 2>&1 \
      || { cat "$state/format.log" >&2; die "formatting KRaft storage failed"; }
  fi
  say "starting Kafka $version on 127.0.0.1:$port (controller $cport), state in $state"
  setsid java -Xms128m -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$cp" kafka.Kafka "$state/server.properties" >"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT_S:-90}))
  local pid; pid=$(cat "$pidfile")
  while ((SECONDS < deadline)); do
    # Liveness by pid only: for a moment after the fork the process is still the shell, not yet java.
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$logfile" >&2
      if grep -q "Address already in use" "$logfile"; then
        die "port $port or $cport is held by another socket (ports in the kernel's ephemeral range, $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range), can be taken by any client connection): choose another KAFKA_PORT"
      fi
      die "broker exited during start-up (log: $logfile)"
    fi
    if grep -q "Kafka Server started" "$logfile" && port_open "$port"; then
      say "ready on 127.0.0.1:$port"
      echo "127.0.0.1:$port"
      return 0
    fi
    sleep 0.2
  done
  stop
  die "broker did not accept clients within ${KAFKA_START_TIMEOUT_S:-90} s (log: $logfile)"
}

status() {
  local pid
  if pid=$(running_pid); then echo "running pid $pid on 127.0.0.1:$port"; else echo "stopped"; return 3; fi
}

case "${1:-}" in
  cluster) shift; exec bash "$here/cluster.sh" "$@" ;;
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  logs) tail -n "${2:-100}" "$logfile" ;;
  *) echo "usage: $0 fetch|start|stop|status|logs [n] | cluster ..." >&2; exit 2 ;;
esac
