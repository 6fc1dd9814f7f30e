#!/usr/bin/env bash
# Installs what the forecast benchmark's comparison needs from Debian: R with the forecast package (ets, thetaf), used by
# benchmarks/forecast/compare.R. The benchmark runs without it and then scores only the forecaster and seasonal naive.
# Does nothing when the package is present.
set -euo pipefail

dpkg -s r-cran-forecast >/dev/null 2>&1 && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-bench-deps: installing r-cran-forecast"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends r-cran-forecast
