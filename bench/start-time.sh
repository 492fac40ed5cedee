#!/usr/bin/env bash
# Times the README's start command in a fresh clone: first start (no jars in a fresh Maven
# repository, no data: Maven downloads Neo4j, the seed is loaded) and second start (both
# reused). Each start is stopped with Ctrl-C (SIGINT to its process group, as a terminal does).
#   bash bench/start-time.sh            # clones this checkout into a temporary folder
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/govgraph"
cd "$work/govgraph"
npm ci --no-audit --no-fund >/dev/null
export MAVEN_OPTS="-Dmaven.repo.local=$work/m2"

start_once() {
  local out="$work/start.out" started pid
  : >"$out"
  started=$(date +%s.%N)
  PORT=0 setsid npm start >"$out" 2>&1 &
  pid=$!
  until grep -q "ready at" "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out"; exit 1; }
    sleep 0.1
  done
  echo "$1 start: ready after $(echo "$(date +%s.%N) - $started" | bc) s"
  kill -INT -- "-$pid"
  wait "$pid" || true
  # The embedded Neo4j holds its store until its JVM has exited.
  while pgrep -f "$work/govgraph/.data/neo4j" >/dev/null; do sleep 0.2; done
}

start_once first
start_once second
