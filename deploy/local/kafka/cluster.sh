#!/usr/bin/env bash
# Three real Apache Kafka brokers (KRaft, each broker+controller, a 3-voter quorum) on loopback, secured
# as a production cluster is: SASL_SSL with SCRAM-SHA-512 users per agency, TLS certificates made with
# the JDK's keytool at start (hostname verification on), mutual TLS on every listener,
# the StandardAuthorizer with the agencies' ACLs (docs/operations.md), topics with replication factor 3
# and min.insync.replicas=2. Called as `kafka.sh cluster start|stop|status|kill N|restart N|logs N`.
# deploy/compose runs the same cluster one broker per container: `prepare` (once), `run N` in the
# foreground, then `grants`, with XB_CLUSTER_HOSTS naming the three hosts.
#
# Settings (environment, all optional):
#   KAFKA_PORT             client port of broker 1; brokers 2 and 3 use the next two  (default 9192)
#   KAFKA_CONTROLLER_PORT  controller port of broker 1; the next two likewise          (default KAFKA_PORT+10)
#   KAFKA_STATE_DIR        certificates, credentials, one folder per broker  (default <repo>/.local/kafka-cluster-<KAFKA_PORT>)
#   XB_CLUSTER_AGENCIES    agencies that get a SCRAM user, topics and ACLs   (default VN.BGC.LAICHAU,CN.YN.BORDERPOLICE)
#   XB_CLUSTER_HOSTS       three host names, one broker each on KAFKA_PORT   (default: all on 127.0.0.1, ports as above)
#   XB_CACHE_DIR, KAFKA_HEAP (default 384m per broker), KAFKA_START_TIMEOUT_S (default 180)
#
# `start` prints the bootstrap list; a node of agency A connects with the settings in
# $KAFKA_STATE_DIR/clients/A.env (KAFKA_BROKERS, KAFKA_SSL*, KAFKA_SASL_*).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=kafka-cluster
. "$here/common.sh"
base=${KAFKA_PORT:-9192}
cbase=${KAFKA_CONTROLLER_PORT:-$((base + 10))}
state=${KAFKA_STATE_DIR:-$repo/.local/kafka-cluster-$base}
agencies=${XB_CLUSTER_AGENCIES:-VN.BGC.LAICHAU,CN.YN.BORDERPOLICE}
tls=$state/tls
BROKERS=(1 2 3)

IFS=, read -r -a hosts <<<"${XB_CLUSTER_HOSTS:-}"
# On loopback the brokers share an address and differ by port; on named hosts they share the ports.
host_of() { if ((${#hosts[@]})); then echo "${hosts[$1 - 1]}"; else echo 127.0.0.1; fi; }
bind_of() { if ((${#hosts[@]})); then echo 0.0.0.0; else echo 127.0.0.1; fi; }
port_of() { if ((${#hosts[@]})); then echo "$base"; else echo $((base + $1 - 1)); fi; }
cport_of() { if ((${#hosts[@]})); then echo "$cbase"; else echo $((cbase + $1 - 1)); fi; }
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }
bootstrap() { local i list=(); for i in "${BROKERS[@]}"; do list+=("$(host_of "$i"):$(port_of "$i")"); done; (IFS=,; echo "${list[*]}"); }
san() { local h list=(dns:localhost ip:127.0.0.1); for h in "${hosts[@]}"; do list+=("dns:$h"); done; (IFS=,; echo "SAN=${list[*]}"); }

running_pid() {
  local pidfile=$state/broker-$1/kafka.pid pid
  [[ -f $pidfile ]] || return 1
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $state/broker-$1/"; then
    echo "$pid"; return 0
  fi
  return 1
}

# kill N: SIGKILL, as a crashed machine; stop_broker N: SIGTERM, then SIGKILL after 30 s.
stop_broker() {
  local pid signal=${2:-TERM}
  if pid=$(running_pid "$1"); then
    say "broker $1: SIG$signal to pid $pid"
    kill -"$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$state/broker-$1/kafka.pid"
}

# The CA signs one broker certificate whose SAN (localhost, 127.0.0.1) matches every advertised
# address, so clients and brokers verify host names, and one client certificate that every node of the
# cluster presents (mutual TLS; SCRAM then tells the agencies apart). Keystores are PKCS12; clients get
# the CA, their certificate and key as PEM (openssl converts the key: keytool cannot export one).
make_certificates() {
  local pw; pw=$(secret)
  rm -rf "$tls" && mkdir -p "$tls" && chmod 700 "$tls"
  echo "$pw" >"$tls/password"
  local kt=(keytool -storetype PKCS12 -storepass "$pw" -keypass "$pw")
  "${kt[@]}" -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 30 \
    -dname "CN=xborder local CA" -ext bc:c -keystore "$tls/ca.p12" 2>/dev/null
  "${kt[@]}" -exportcert -rfc -alias ca -keystore "$tls/ca.p12" -file "$tls/ca.pem" 2>/dev/null
  "${kt[@]}" -importcert -noprompt -alias ca -file "$tls/ca.pem" -keystore "$tls/truststore.p12" 2>/dev/null
  issue broker "CN=xb-broker" -ext "$(san)" -ext "EKU=serverAuth,clientAuth" &
  local broker=$!
  issue client "CN=xb-client" -ext "EKU=clientAuth" &
  local client=$!
  wait "$broker" && wait "$client" || die "keytool could not issue the certificates"
  openssl pkcs12 -in "$tls/client.p12" -passin "pass:$pw" -nodes -nocerts -out "$tls/client.key.pem" 2>/dev/null
  openssl pkcs12 -in "$tls/client.p12" -passin "pass:$pw" -clcerts -nokeys -out "$tls/client.cert.pem" 2>/dev/null
}

# issue NAME DNAME EXT...: a key pair in NAME.p12 with a certificate the CA signs, and the CA beside it.
issue() {
  local name=$1 dname=$2 pw; shift 2; pw=$(cat "$tls/password")
  local kt=(keytool -storetype PKCS12 -storepass "$pw" -keypass "$pw")
  "${kt[@]}" -genkeypair -alias "$name" -keyalg EC -groupname secp256r1 -validity 30 \
    -dname "$dname" -keystore "$tls/$name.p12" 2>/dev/null
  "${kt[@]}" -certreq -alias "$name" -keystore "$tls/$name.p12" -file "$tls/$name.csr" 2>/dev/null
  "${kt[@]}" -gencert -alias ca -keystore "$tls/ca.p12" -infile "$tls/$name.csr" -outfile "$tls/$name.pem" -rfc \
    -validity 30 "$@" 2>/dev/null
  "${kt[@]}" -importcert -noprompt -alias ca -file "$tls/ca.pem" -keystore "$tls/$name.p12" 2>/dev/null
  "${kt[@]}" -importcert -noprompt -alias "$name" -file "$tls/$name.pem" -keystore "$tls/$name.p12" 2>/dev/null
  rm -f "$tls/$name.csr"
}

write_config() {
  local i=$1 dir=$state/broker-$1 pw admin_pw voters=() j
  pw=$(cat "$tls/password"); admin_pw=$(cat "$state/admin.password")
  for j in "${BROKERS[@]}"; do voters+=("$j@$(host_of "$j"):$(cport_of "$j")"); done
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$i
controller.quorum.voters=$(IFS=,; echo "${voters[*]}")
listeners=SASL_SSL://$(bind_of):$(port_of "$i"),CONTROLLER://$(bind_of):$(cport_of "$i")
advertised.listeners=SASL_SSL://$(host_of "$i"):$(port_of "$i")
controller.listener.names=CONTROLLER
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL
inter.broker.listener.name=SASL_SSL
log.dirs=$dir/data
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="xb-admin" password="$admin_pw";
ssl.keystore.type=PKCS12
ssl.keystore.location=$tls/broker.p12
ssl.keystore.password=$pw
ssl.key.password=$pw
ssl.truststore.type=PKCS12
ssl.truststore.location=$tls/truststore.p12
ssl.truststore.password=$pw
ssl.endpoint.identification.algorithm=https
# Mutual TLS on every listener: a client must present a certificate of our CA before it may try SCRAM;
# on the controller listener the certificate is the identity (only CN=xb-broker is authorised). A
# SASL_SSL listener ignores the broker-wide setting (KIP-684): it is set for that listener by name.
ssl.client.auth=required
listener.name.sasl_ssl.ssl.client.auth=required
ssl.principal.mapping.rules=RULE:^CN=([^,]+)\$/\$1/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:xb-admin;User:xb-broker
offsets.topic.replication.factor=3
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
default.replication.factor=3
min.insync.replicas=2
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.partitions=3
PROPS
}

launch() {
  local i=$1 dir=$state/broker-$1
  if port_open "$(port_of "$i")" || port_open "$(cport_of "$i")"; then
    die "port $(port_of "$i") or $(cport_of "$i") is taken by another process: set KAFKA_PORT"
  fi
  setsid java -Xms128m -Xmx"${KAFKA_HEAP:-384m}" -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -cp "$libs/*" kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 </dev/null &
  echo $! >"$dir/kafka.pid"
}

await_started() {
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT_S:-180})) i pending
  while ((SECONDS < deadline)); do
    pending=0
    for i in "$@"; do
      local dir=$state/broker-$i pid; pid=$(cat "$dir/kafka.pid")
      kill -0 "$pid" 2>/dev/null || { tail -n 30 "$dir/kafka.log" >&2; die "broker $i exited during start-up (log: $dir/kafka.log)"; }
      grep -q "Kafka Server started" "$dir/kafka.log" && port_open "$(port_of "$i")" || pending=1
    done
    ((pending == 0)) && return 0
    sleep 0.3
  done
  die "brokers $* did not start within ${KAFKA_START_TIMEOUT_S:-180} s (logs in $state/broker-*/kafka.log)"
}

# Client settings of one agency (and of the admin), in the node's own setting names.
write_clients() {
  mkdir -p "$state/clients" && chmod 700 "$state/clients"
  local agency user pw
  for user in xb-admin ${agencies//,/ }; do
    pw=$(cat "$state/users/$user.password")
    cat >"$state/clients/$user.env" <<ENV
KAFKA_BROKERS=$(bootstrap)
KAFKA_SSL=true
KAFKA_SSL_CA_FILE=$tls/ca.pem
KAFKA_SSL_CERT_FILE=$tls/client.cert.pem
KAFKA_SSL_KEY_FILE=$tls/client.key.pem
KAFKA_SASL_MECHANISM=scram-sha-512
KAFKA_SASL_USERNAME=$user
KAFKA_SASL_PASSWORD=$pw
KAFKA_TOPIC_REPLICATION=3
ENV
  done
  cat >"$state/admin.properties" <<PROPS
bootstrap.servers=$(bootstrap)
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="xb-admin" password="$(cat "$state/admin.password")";
ssl.truststore.type=PEM
ssl.truststore.location=$tls/ca.pem
ssl.keystore.type=PKCS12
ssl.keystore.location=$tls/client.p12
ssl.keystore.password=$(cat "$tls/password")
PROPS
}

# Certificates, users and fresh storage for the three brokers (nothing runs yet).
prepare() {
  bash "$here/kafka.sh" fetch
  mkdir -p "$state" && find "$state" -mindepth 1 -delete
  mkdir -p "$state/users" && chmod 700 "$state/users"
  say "making TLS certificates with keytool in $tls"
  make_certificates
  secret >"$state/admin.password"
  cp "$state/admin.password" "$state/users/xb-admin.password"
  local scram=(-S "SCRAM-SHA-512=[name=xb-admin,password=$(cat "$state/admin.password")]") agency i cluster
  for agency in ${agencies//,/ }; do
    secret >"$state/users/$agency.password"
    scram+=(-S "SCRAM-SHA-512=[name=$agency,password=$(cat "$state/users/$agency.password")]")
  done
  cluster=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  for i in "${BROKERS[@]}"; do
    mkdir -p "$state/broker-$i/data"
    write_config "$i"
    java -cp "$libs/*" kafka.tools.StorageTool format -t "$cluster" -c "$state/broker-$i/server.properties" "${scram[@]}" \
      >"$state/broker-$i/format.log" 2>&1 || { cat "$state/broker-$i/format.log" >&2; die "formatting broker $i failed"; }
  done
  write_clients
  touch "$state/.prepared"
}

grants() {
  say "creating the agencies' topics (replication 3, min.insync.replicas 2) and ACLs"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$libs/*" "$here/ClusterGrants.java" "$state/admin.properties" "$agencies" >&2 \
    || die "granting the agencies' topics and ACLs failed"
}

start() {
  stop
  prepare
  say "starting 3 brokers of Kafka $version on $(bootstrap) (SASL_SSL), controllers on $cbase-$((cbase + 2))"
  for i in "${BROKERS[@]}"; do launch "$i"; done
  await_started "${BROKERS[@]}"
  grants
  say "ready on $(bootstrap); client settings in $state/clients/"
  bootstrap
}

# One broker in the foreground (a container's main process), on the storage `prepare` made.
run() {
  exec java -Xms128m -Xmx"${KAFKA_HEAP:-384m}" -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$libs/*" kafka.Kafka "$state/broker-$1/server.properties"
}

stop() { local i; for i in "${BROKERS[@]}"; do stop_broker "$i"; done; }

status() {
  local i pid down=0
  for i in "${BROKERS[@]}"; do
    if pid=$(running_pid "$i"); then echo "broker $i: running pid $pid on 127.0.0.1:$(port_of "$i")"; else echo "broker $i: stopped"; down=1; fi
  done
  return $((down * 3))
}

valid_broker() { [[ ${1:-} =~ ^[123]$ ]] || die "name a broker: 1, 2 or 3"; }

case "${1:-}" in
  start) start ;;
  prepare) if [[ -f $state/.prepared ]]; then say "already prepared: $state"; else prepare; fi ;;
  run) valid_broker "${2:-}"; run "$2" ;;
  grants) grants ;;
  stop) stop ;;
  status) status ;;
  kill) valid_broker "${2:-}"; stop_broker "$2" KILL ;;
  restart) valid_broker "${2:-}"; stop_broker "$2"; launch "$2"; await_started "$2"; say "broker $2 back" ;;
  logs) valid_broker "${2:-}"; tail -n "${3:-100}" "$state/broker-$2/kafka.log" ;;
  *) echo "usage: kafka.sh cluster start|stop|status|kill N|restart N|logs N [n]|prepare|run N|grants" >&2; exit 2 ;;
esac
