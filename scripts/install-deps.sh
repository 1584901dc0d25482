#!/usr/bin/env bash
# Installs what varselvakt needs to build, test and benchmark on Debian 12 (with the Swift
# toolchain already on PATH). Safe to run again: only missing packages are installed.
set -euo pipefail
pkgs=(libxml2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config python3 python3-aiosmtpd python3-jsonschema python3-yaml
  libxml2-utils openssl ca-certificates chromium chromium-driver python3-selenium prometheus)
[ "${1:-}" = "--bench" ] && pkgs+=(python3-feedparser python3-aiosmtpd python3-aiohttp time curl rss2email prometheus-alertmanager wrk)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
