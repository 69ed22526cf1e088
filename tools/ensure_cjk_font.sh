#!/usr/bin/env bash
# Make sure the tests' and the benchmark's Chromium have a Chinese font (Debian fonts-noto-cjk), as readers' phones do.
# Without one, every Chinese character on the glossary sends Chromium through a failing font search.
set -euo pipefail
if fc-list :lang=zh family 2>/dev/null | grep -q .; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "no Chinese font: run 'sudo apt-get install -y fonts-noto-cjk' (the benchmark would measure a fallback search no phone does)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null 2>&1 || {
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
}
fc-list :lang=zh family | head -1
