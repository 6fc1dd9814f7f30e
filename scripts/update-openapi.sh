#!/usr/bin/env bash
# Brings the web client's OpenAPI snapshot (src/ChainLink.Api/frontend/openapi.json) up to date with the API.
# When the API test OpenApiSnapshotTests has just failed it left the live document beside the snapshot
# (openapi.live.json): that is copied over. Otherwise the API is built without the front end (which needs the
# snapshot), started on a throw-away data folder and asked for /openapi/v1.json. Then `npm run build` (or the next
# dotnet build) regenerates src/api/schema.d.ts from it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
frontend="$root/src/ChainLink.Api/frontend"
live="$frontend/openapi.live.json"

if [[ -f "$live" ]]; then
  mv "$live" "$frontend/openapi.json"
  echo "openapi.json updated from the document the API test wrote."
  exit 0
fi

port="${PORT:-5191}"
data="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
dotnet build "$root/src/ChainLink.Api" -v q -p:BuildFrontend=false
ChainLink__DataDirectory="$data" ASPNETCORE_ENVIRONMENT=Development \
  dotnet run --no-build --no-launch-profile --project "$root/src/ChainLink.Api" --urls "http://localhost:$port" >"$data/api.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$port/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/api.log"; exit 1; }
  sleep 1
done
# The servers list names the host that answered; the snapshot leaves it out, as the test compares it.
curl -fsS "http://localhost:$port/openapi/v1.json" | node -e '
  let text = ""; process.stdin.on("data", c => text += c).on("end", () => {
    const doc = JSON.parse(text); delete doc.servers;
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  });' >"$frontend/openapi.json"
echo "openapi.json updated from http://localhost:$port/openapi/v1.json."
