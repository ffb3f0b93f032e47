# Shared by kafka.sh and cluster.sh (sourced): where the jars are, and how the scripts speak.
# The caller sets `here` (its own folder) and `name` (its log prefix).
repo=$(cd "$here/../../.." && pwd)
version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")
libs=${XB_CACHE_DIR:-$HOME/.cache/xborder}/kafka-$version/libs

say() { echo "[$name] $*" >&2; }
die() { say "error: $*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
