#!/usr/bin/env bash
# Installs what the benchmarks need from Debian, each only when missing: wrk, the HTTP benchmark's load generator, and R
# with the forecast package (ets, thetaf) for benchmarks/forecast/compare.R (the forecast benchmark runs without it and
# then scores only the forecaster and seasonal naive).
set -euo pipefail

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
dpkg -s r-cran-forecast >/dev/null 2>&1 || missing+=(r-cran-forecast)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-bench-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
