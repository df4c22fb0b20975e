#!/usr/bin/env bash
# Build copydesk for the browser and assemble the static page in target/web/, ready to publish
# as it is (GitHub Pages or any static file server).
#
# Usage: scripts/build-web.sh [OUT_DIR]   (default: <repo>/target/web)
#
# With a rustup toolchain that has the wasm32-unknown-unknown target (GitHub Actions), a plain
# cargo build. Otherwise (this project's CI) the way scripts/check-wasm.sh builds the engine:
# Debian's rustc-web with rust-web-src and -Zbuild-std (rustup's target download is not a
# registry CI can rely on), linked by the wasm-ld of the LLVM rustc-web was built with (lld-NN).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-$root/target/web}

readonly TARGET=wasm32-unknown-unknown
readonly DEB_RUSTC=/usr/bin/rustc DEB_RUSTDOC=/usr/bin/rustdoc DEB_CARGO=/usr/bin/cargo

fail() { echo "build-web: FAILED - $*" >&2; exit 1; }

pkg_version() { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null \
    | awk '$3 == "installed" { print $4 }'; }
apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        >/tmp/build-web-apt.log 2>&1
}
install_or_fail() {
    [[ $(id -u) -eq 0 ]] || fail "missing $*; install them (apt-get install $*) or run as root"
    if ! apt_install "$@"; then
        apt-get update -qq
        apt_install "$@" || { cat /tmp/build-web-apt.log >&2; fail "apt-get install $*"; }
    fi
}

target_dir=$root/target/wasm32-web
start=$SECONDS
log=$(mktemp /tmp/build-web.XXXXXX.log)
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    # A rustup toolchain with the wasm32 target (GitHub Actions: `rustup target add`): a plain
    # build, linked by the rust-lld that ships with it.
    how="rustup $(rustc -V | cut -d' ' -f2)"
    cargo build --lib -p copydesk-wasm --profile wasm-release --target "$TARGET" \
        --target-dir "$target_dir" >"$log" 2>&1 \
        || { tail -n 60 "$log" >&2; fail "copydesk-wasm does not build for $TARGET (full log: $log)"; }
else
    # The compiler, cargo and std sources, all of one version (build-std rejects a mismatch).
    v=$(pkg_version rustc-web)
    if [[ -z $v || $(pkg_version cargo-web) != "$v" || $(pkg_version rust-web-src) != "$v" ]]; then
        bash scripts/check-wasm.sh crates/copydesk-core/Cargo.toml >/dev/null \
            || fail "the Debian rustc-web toolchain could not be installed (scripts/check-wasm.sh)"
    fi
    # The linker: wasm-ld of the LLVM major version the compiler was built with, so it reads
    # the compiler's objects.
    llvm_major=$("$DEB_RUSTC" -vV | awk '/^LLVM version:/ { split($3, v, "."); print v[1] }')
    [[ -n $llvm_major ]] || fail "cannot read the LLVM version of $DEB_RUSTC"
    linker=/usr/lib/llvm-$llvm_major/bin/wasm-ld
    [[ -x $linker ]] || install_or_fail "lld-$llvm_major"
    [[ -x $linker ]] || fail "no $linker after installing lld-$llvm_major"
    how="Debian $("$DEB_RUSTC" -V | cut -d' ' -f2) with build-std"
    # RUSTC_BOOTSTRAP=1 unlocks -Zbuild-std on this stable compiler, for this command only.
    # panic=immediate-abort drops std's panic formatting from the module (a panic traps; the
    # page then starts a fresh instance and says so); optimize_for_size picks std's smaller code.
    env RUSTC_BOOTSTRAP=1 RUSTC="$DEB_RUSTC" RUSTDOC="$DEB_RUSTDOC" RUSTC_WRAPPER= \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$linker" \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
        "$DEB_CARGO" build --lib -p copydesk-wasm --profile wasm-release --target "$TARGET" \
        -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
        --target-dir "$target_dir" >"$log" 2>&1 \
        || { tail -n 60 "$log" >&2; fail "copydesk-wasm does not build for $TARGET (full log: $log)"; }
fi
rm -f "$log"
wasm=$target_dir/$TARGET/wasm-release/copydesk_wasm.wasm
[[ -f $wasm ]] || fail "cargo finished but $wasm is missing"

rm -rf "$out"
mkdir -p "$out"
cp web/index.html web/app.js web/copydesk.js web/style.css "$out/"
cp "$wasm" "$out/copydesk.wasm"
# The project's own example stories, offered by the page's "Load an example" menu.
mkdir -p "$out/examples"
cp examples/draft-story.md examples/clean-story.md "$out/examples/"
# GitHub Pages runs Jekyll unless told not to; the page needs none of it.
touch "$out/.nojekyll"

size=$(stat -c %s "$out/copydesk.wasm")
gz=$(gzip -9 -c "$out/copydesk.wasm" | wc -c)
echo "build-web: OK - $out (copydesk.wasm: $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped; $how, $((SECONDS - start))s)"
