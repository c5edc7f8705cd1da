#!/usr/bin/env bash
# Start or stop a throw-away Virtuoso for the tests, on 127.0.0.1 only.
#   scripts/virtuoso.sh start DIR HTTP_PORT ISQL_PORT   -> prints the SPARQL URLs when ready
#   scripts/virtuoso.sh stop DIR
# Installs Debian's virtuoso-opensource when missing (needs root, as in CI).
# SPARQL update is granted to one user, "mandat" (password "mandat"), used only for loading
# through the digest-authenticated endpoint /sparql-auth; anonymous /sparql stays read-only.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?DIR}
if [ "$cmd" = stop ]; then
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
  sleep 1; rm -rf "$dir"; exit 0
fi
http=${3:?HTTP_PORT}; isql=${4:?ISQL_PORT}
if ! command -v virtuoso-t >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" | debconf-set-selections
  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | debconf-set-selections
  apt-get update -qq >/dev/null && apt-get install -y -qq virtuoso-opensource >/dev/null
fi
mkdir -p "$dir"
sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir#g" \
    -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$isql#" \
    -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
    -e "s#^\(DirsAllowed *=.*\)#\1, $dir#" \
    -e "s#^Load[0-9]* *=.*##" \
    -e "s#^ResultSetMaxRows *=.*#ResultSetMaxRows = 10000000#" \
    /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
( cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" > "$dir/stdout.log" 2>&1 ) &
echo $! > "$dir/pid"
for _ in $(seq 1 60); do
  if isql-vt "127.0.0.1:$isql" dba dba exec="status();" >/dev/null 2>&1; then break; fi
  sleep 1
done
isql-vt "127.0.0.1:$isql" dba dba exec="DB.DBA.USER_CREATE('mandat', 'mandat'); GRANT SPARQL_UPDATE TO \"mandat\";" >/dev/null
for _ in $(seq 1 30); do
  curl -sf "http://127.0.0.1:$http/sparql?query=ASK%7B%7D" >/dev/null 2>&1 && break
  sleep 1
done
echo "http://127.0.0.1:$http/sparql http://127.0.0.1:$http/sparql-auth"
