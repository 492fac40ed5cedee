#!/usr/bin/env bash
# Runs the README's "npm install && npm start" from this clone, waits for the server to answer a
# GraphQL query over HTTP, then stops it with SIGINT as a person's Ctrl-C would.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
port=${GOVGRAPH_SMOKE_PORT:-4517}
npm install --no-audit --no-fund
# A generous start-up limit: this checks that the command works, not how fast a busy machine runs it.
PORT=$port GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS=${GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS:-600000} setsid npm start >"$log" 2>&1 &
pid=$!
stop() { kill -INT -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 900); do
  if grep -q 'ready at' "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "ci: npm start exited before it was ready"; exit 1; fi
  sleep 1
done
grep -q 'ready at' "$log" || { cat "$log"; echo "ci: npm start was not ready within 900 s"; exit 1; }
answer=$(curl -sf -H 'content-type: application/json' -d '{"query":"{ search(query: \"MSK-IX\", first: 1) { node { __typename } } }"}' "http://127.0.0.1:$port/graphql")
echo "ci: npm start answered: $answer"
case "$answer" in *'"data"'*) ;; *) echo "ci: unexpected answer"; exit 1 ;; esac
stop
trap - EXIT
grep -q 'stopped in' "$log" || { cat "$log"; echo "ci: npm start did not stop cleanly on Ctrl-C"; exit 1; }
echo "ci: npm start stopped cleanly"
