#!/usr/bin/env bash
# Check that the engine crate builds for wasm32-unknown-unknown.
#
# Usage: scripts/check-wasm.sh [MANIFEST]   (default: crates/copydesk-core/Cargo.toml)
# Env:   WASM_TARGET_DIR  override the target dir (default: <workspace>/target/wasm32-check)
#        WASM_CARGO_CMD   "build" (default: full codegen) or "check" (faster, no codegen)
#
# Why not `rustup target add wasm32-unknown-unknown`? Rustup's download server is not
# one of the registries this workplace promises to reach, so CI cannot rely on it.
# Instead we use Debian bookworm's `rustc-web` toolchain (bookworm-security, a current
# rustc) plus `rust-web-src`, and compile std for wasm ourselves with -Zbuild-std.
# Debian has no prebuilt wasm32 std for rustc-web (libstd-rust-dev-wasm32 is for the
# old 1.63 `rustc` package), so build-std is the only apt-only route.
# build-std needs std's own crate deps (hashbrown, dlmalloc, ...); cargo pins them with
# the source package's library/Cargo.lock and fetches them from crates.io.
set -euo pipefail

readonly TARGET=wasm32-unknown-unknown
readonly PKGS=(rustc-web cargo-web rust-web-src)
# Debian's rustc-web installs plain /usr/bin/rustc and /usr/bin/cargo. rustup's proxies in
# ~/.cargo/bin come first on PATH, so we call Debian's by absolute path and never touch
# the normal (rustup 1.95) build.
readonly DEB_RUSTC=/usr/bin/rustc DEB_RUSTDOC=/usr/bin/rustdoc DEB_CARGO=/usr/bin/cargo

manifest=${1:-crates/copydesk-core/Cargo.toml}
mode=${WASM_CARGO_CMD:-build}

fail() { echo "wasm32 check: FAILED - $*" >&2; exit 1; }

[[ -f $manifest ]] || fail "no manifest at $manifest"
[[ $mode == build || $mode == check ]] || fail "WASM_CARGO_CMD must be build or check"

pkg_version() { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null \
    | awk '$3 == "installed" { print $4 }'; }

# The toolchain is usable only if all three packages are installed and the std source
# has exactly the compiler's version (build-std rejects a mismatched std).
# The workspace's rust-version: a Debian compiler older than that cannot build the engine, so
# an old rustc-web left by a stale package list counts as missing.
required=$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' "$(dirname "$0")/../Cargo.toml" | head -n 1)

toolchain_ok() {
    local v; v=$(pkg_version rustc-web)
    [[ -n $v && $(pkg_version cargo-web) == "$v" && $(pkg_version rust-web-src) == "$v" ]] \
        && { [[ -z $required ]] || dpkg --compare-versions "$v" ge "$required"; }
}

apt_install() {
    # Quiet, non-interactive, no recommends (rust-web-llvm etc. are not needed for an rlib).
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        >/tmp/check-wasm-apt.log 2>&1
}

if ! toolchain_ok; then
    [[ $(id -u) -eq 0 ]] || fail "Debian rustc-web toolchain missing and not root to apt-get it"
    # Always refresh the package lists first: stale lists can offer a rustc-web older than
    # the workspace's rust-version (the current one comes from bookworm-security), or
    # versions the mirror has since dropped.
    apt-get update -qq || true
    if ! apt_install "${PKGS[@]}"; then
        apt-get update -qq
        apt_install "${PKGS[@]}" || { cat /tmp/check-wasm-apt.log >&2; fail "apt-get install ${PKGS[*]}"; }
    fi
    # rust-web-src does not depend on a version of rustc-web: pin it to the compiler's.
    if ! toolchain_ok; then
        v=$(pkg_version rustc-web)
        apt_install "cargo-web=$v" "rust-web-src=$v" \
            || { cat /tmp/check-wasm-apt.log >&2; fail "cannot match rust-web-src to rustc-web $v"; }
    fi
    toolchain_ok || fail "Debian's rustc-web is $(pkg_version rustc-web); the workspace needs rust-version $required (is bookworm-security in the apt sources?)"
fi

sysroot=$("$DEB_RUSTC" --print sysroot)
[[ -f $sysroot/lib/rustlib/src/rust/library/Cargo.lock ]] \
    || fail "std sources missing at $sysroot/lib/rustlib/src/rust/library (rust-web-src)"

# A target dir of its own: a different compiler in the normal target/ would make cargo
# rebuild everything there on the next ordinary build.
workspace_root=$(dirname "$("$DEB_CARGO" locate-project --workspace --message-format plain \
    --manifest-path "$manifest")")
target_dir=${WASM_TARGET_DIR:-$workspace_root/target/wasm32-check}

log=$(mktemp /tmp/check-wasm.XXXXXX.log)
start=$SECONDS
# RUSTC_BOOTSTRAP=1 unlocks -Zbuild-std on this stable compiler (scoped to this command).
# RUSTC/RUSTDOC point cargo at Debian's compiler, not the rustup proxy found on PATH.
# panic_abort: wasm32-unknown-unknown has no unwinding, so std is built with panic=abort.
if env RUSTC_BOOTSTRAP=1 RUSTC="$DEB_RUSTC" RUSTDOC="$DEB_RUSTDOC" RUSTC_WRAPPER= \
    "$DEB_CARGO" "$mode" --lib --manifest-path "$manifest" --target "$TARGET" \
    -Zbuild-std=std,panic_abort --target-dir "$target_dir" >"$log" 2>&1; then
    echo "wasm32 check: OK - $manifest builds for $TARGET ($("$DEB_RUSTC" -V | cut -d' ' -f1-2), cargo $mode, $((SECONDS - start))s)"
    rm -f "$log"
else
    # Show the compiler's own words: the last part of the log holds the errors.
    tail -n 60 "$log" >&2
    fail "$manifest does not build for $TARGET (full log: $log)"
fi
