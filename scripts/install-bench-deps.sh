#!/usr/bin/env bash
# Installs the HTTP benchmark's load generator, wrk, from Debian. Does nothing when it is present.
set -euo pipefail

command -v wrk >/dev/null 2>&1 && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-bench-deps: installing wrk"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y wrk
