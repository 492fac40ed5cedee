#!/usr/bin/env bash
# Times the first requests a freshly started server answers: `npm start` on a new, empty data
# folder (seeded at start), with the warm-up (src/http/warm-up.ts) on or off, then one search of
# each kind a client may send first, each once, and a timeline. Each search text is new to the
# server, so no answer comes from the response cache. Prints how long the start and the warm-up
# took and each request's seconds (curl's time_total).
#   bash bench/first-requests.sh            # warm-up on, as npm start runs by default
#   GOVGRAPH_WARM_UP=false bash bench/first-requests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
log="$data/server.log"
port=${PORT:-4521}
trap 'kill -INT -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
started=$(date +%s.%N)
GOVGRAPH_DATA_DIR="$data/neo4j" PORT=$port setsid npm start >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q 'ready at' "$log" && break; sleep 0.2; done
grep -q 'ready at' "$log" || { cat "$log"; echo "not ready"; exit 1; }
echo "ready after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s (warm-up ${GOVGRAPH_WARM_UP:-true}; $(grep -o 'warmed up in [0-9]* ms' "$log" || echo 'no warm-up'))"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ask() {
  curl -s -o /dev/null -w "%{time_total}" -H 'content-type: application/json' -d "$1" "http://127.0.0.1:$port/graphql"
}
for text in 'MSK-IX' 'Vorobyev' 'head of the Coordination Center' 'RIPN' 'Qrator Labs members' 'OAC' 'who signed the memorandum with MSK-IX'; do
  printf '%-40s %s s\n' "search \"$text\"" "$(ask "{\"query\":\"{ search(query: \\\"$text\\\", first: 1) { node { __typename } } }\"}")"
done
printf '%-40s %s s\n' 'timeline of msk-ix' "$(ask '{"query":"{ timeline(actor: \"msk-ix\") { totalCount } }"}')"
