#!/usr/bin/env bash
# Installs the Debian packages tsubo builds, tests and runs with. Idempotent: skips apt when all are present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libxapian-dev xapian-tools
  libmecab-dev mecab mecab-utils mecab-ipadic-utf8
  libicu-dev
  nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev
  libcpp-httplib-dev libssl-dev
  libpugixml-dev libpoppler-cpp-dev libarchive-dev libxml2-dev libjemalloc-dev
  chromium fonts-ipafont-gothic fonts-noto-cjk
  wrk groonga-bin groonga-tokenizer-mecab python3-xapian
  python3-docx
  clang libfuzzer-14-dev
)

# The browser tests run playwright-core under Node.js; take Debian's when the machine has none.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "[deps] installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
