#!/usr/bin/env bash
# Browser test of the static page (web/, built by scripts/build-web.sh): types a story into it in
# headless Chromium and checks the findings drawn match `copydesk check --format json` on the
# same text. Installs what it needs (Debian's chromium, playwright-core from npm into a cache
# folder) and prints SKIP when Chromium cannot be had.
#
# Usage: tests/web/run.sh [PATH/TO/copydesk]     (default: target/release/copydesk)
# Env:   COPYDESK_WEB_CACHE  where playwright-core is kept (default /var/cache/copydesk-web as
#                            root, else ~/.cache/copydesk-web)
#        COPYDESK_WEB_DIR    test an already built page instead of running scripts/build-web.sh
#        COPYDESK_WEB_STORY  the story to type (default examples/draft-story.md)
#        COPYDESK_WEB_SHOT   screenshot path (default .ci/artifacts/web.png)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
bin=$(realpath "${1:-target/release/copydesk}")
[ -x "$bin" ] || { echo "web test: no copydesk binary at $bin (cargo build --release first)"; exit 1; }

readonly PLAYWRIGHT_CORE_VERSION=1.65.1
if [ "$(id -u)" = 0 ]; then cache=${COPYDESK_WEB_CACHE:-/var/cache/copydesk-web}
else cache=${COPYDESK_WEB_CACHE:-$HOME/.cache/copydesk-web}; fi
chromium=/usr/bin/chromium

if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium (apt)…"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }; } \
      >/tmp/copydesk-web-apt.log 2>&1 || true
  fi
  if [ ! -x "$chromium" ]; then
    echo "SKIP web test: Chromium is not installed and could not be installed with apt-get (see /tmp/copydesk-web-apt.log)"
    exit 0
  fi
fi

mkdir -p "$cache"
if [ "$(node -e "try{console.log(require('$cache/node_modules/playwright-core/package.json').version)}catch{}")" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  echo "installing playwright-core $PLAYWRIGHT_CORE_VERSION into $cache…"
  [ -f "$cache/package.json" ] || echo '{"private": true}' >"$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_CORE_VERSION")
fi

web=${COPYDESK_WEB_DIR:-}
if [ -z "$web" ]; then
  bash scripts/build-web.sh "$repo/target/web"
  web=$repo/target/web
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$web" >/tmp/copydesk-web-http.log 2>&1 &
server=$!
profile=$(mktemp -d /tmp/copydesk-web-profile.XXXXXX)
work=$(mktemp -d /tmp/copydesk-web-check.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile" "$work"' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done

NODE_PATH=$cache/node_modules \
  COPYDESK_BIN=$bin CHROMIUM=$chromium PAGE_URL="http://127.0.0.1:$port/" \
  USER_DATA_DIR=$profile CHECK_DIR=$work WASM_FILE=$web/copydesk.wasm \
  STORY=$(realpath "${COPYDESK_WEB_STORY:-examples/draft-story.md}") \
  SHOT=${COPYDESK_WEB_SHOT:-$repo/.ci/artifacts/web.png} \
  node "$here/page.test.cjs"
