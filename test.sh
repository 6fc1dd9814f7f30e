#!/usr/bin/env bash
# The README's test command: installs what the browser tests need (Chromium and a Chinese font, only when missing),
# then runs every test. Extra arguments go to dotnet test (CI adds a TRX logger).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-test-deps.sh
exec dotnet test ChainLink.sln --logger "console;verbosity=normal" "$@"
