#!/usr/bin/env bash
# Build the release artefacts of one platform into target/dist/:
#   copydesk-v<version>-<target>.tar.gz  (.zip on Windows): the binary, README and licences
#   copydesk-v<version>-<target>.tar.gz.sha256
#   copydesk-<vscode-target>-<version>.vsix: the VS Code extension, bundled with esbuild, carrying
#   the same binary as its server (editors/vscode runs server/copydesk when none is on PATH)
#   copydesk-<vscode-target>-<version>.vsix.sha256
#
# Usage: scripts/release.sh [--target TRIPLE] [--no-vsix]
#   TRIPLE defaults to the host's (rustc -vV). The GitHub release workflow
#   (.github/workflows/release.yml) runs this script once per platform.
# Needs: cargo (with the target installed), node and npm (for the .vsix), tar or 7z.
set -euo pipefail
cd "$(dirname "$0")/.."
VSCE_VERSION=${VSCE_VERSION:-3.9.2}
root=$PWD

target=
vsix=yes
while [ $# -gt 0 ]; do
  case $1 in
    --target) target=${2:?--target needs a triple}; shift 2 ;;
    --no-vsix) vsix=no; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "release: unknown argument $1" >&2; exit 2 ;;
  esac
done

fail() { echo "release: FAILED - $*" >&2; exit 1; }
step() { printf '\n--- %s\n' "$*"; }

host=$(rustc -vV | sed -n 's/^host: //p')
target=${target:-$host}
# The first `version =` of the root manifest is [workspace.package]'s, which every crate uses.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || fail "cannot read the version from Cargo.toml"

case $target in
  *-windows-*) exe=.exe; archive_ext=zip ;;
  *) exe=; archive_ext=tar.gz ;;
esac
# VS Code's platform names (vsce package --target) for the triples the workflow builds.
case $target in
  x86_64-unknown-linux-gnu) vscode_target=linux-x64 ;;
  aarch64-unknown-linux-gnu) vscode_target=linux-arm64 ;;
  x86_64-unknown-linux-musl) vscode_target=alpine-x64 ;;
  aarch64-unknown-linux-musl) vscode_target=alpine-arm64 ;;
  x86_64-apple-darwin) vscode_target=darwin-x64 ;;
  aarch64-apple-darwin) vscode_target=darwin-arm64 ;;
  x86_64-pc-windows-msvc) vscode_target=win32-x64 ;;
  aarch64-pc-windows-msvc) vscode_target=win32-arm64 ;;
  *) vscode_target= ;;
esac

sha256() {  # prints "<hash>  <name>" for a file in the current folder, as sha256sum -c expects
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi
}

dist=$root/target/dist
mkdir -p "$dist"

# The host's own build goes to target/release, where `cargo build --release` (and CI) put it.
if [ "$target" = "$host" ]; then
  step "cargo build --release --locked"
  cargo build --release --locked --bin copydesk
  binary=$root/target/release/copydesk$exe
else
  step "cargo build --release --locked --target $target"
  cargo build --release --locked --bin copydesk --target "$target"
  binary=$root/target/$target/release/copydesk$exe
fi
[ -f "$binary" ] || fail "no binary at $binary"
# The release profile keeps line tables for backtraces during development; what ships is
# stripped (a tenth of the size). MSVC builds keep their symbols in a .pdb already.
shipped=$(mktemp -d)/copydesk$exe
cp "$binary" "$shipped"
case $target in
  *-windows-*) ;;
  *-apple-*) strip -x "$shipped" ;;
  *) if command -v strip >/dev/null; then strip "$shipped"; fi ;;
esac
if [ "$target" = "$host" ]; then
  "$shipped" --version >/dev/null || fail "$shipped does not run"
fi
binary=$shipped

name=copydesk-v$version-$target
step "archive $name.$archive_ext"
stage=$(mktemp -d)
trap 'rm -rf "$stage" "$(dirname "$shipped")"' EXIT
mkdir "$stage/$name"
cp "$binary" README.md LICENSE-MIT LICENSE-APACHE "$stage/$name/"
rm -f "$dist/$name.$archive_ext"
if [ "$archive_ext" = zip ]; then
  if command -v 7z >/dev/null; then (cd "$stage" && 7z a -tzip -bd "$dist/$name.zip" "$name" >/dev/null)
  else (cd "$stage" && zip -qr "$dist/$name.zip" "$name"); fi
else
  # Fixed owner and order, so two builds of the same binary give the same archive.
  (cd "$stage" && tar --owner=0 --group=0 --numeric-owner --sort=name -czf "$dist/$name.tar.gz" "$name" 2>/dev/null \
    || tar -czf "$dist/$name.tar.gz" "$name")
fi
(cd "$dist" && sha256 "$name.$archive_ext" >"$name.$archive_ext.sha256")

# Other tools download these archives by name: cargo binstall (Cargo.toml) and Mason
# (editors/nvim/mason). Fail here rather than in a user's install when a name drifts.
mason=editors/nvim/mason/packages/copydesk/package.yaml
grep -qF "file: copydesk-{{ version }}-$target.$archive_ext" "$mason" \
  && grep -qF "bin: copydesk-{{ version }}-$target/copydesk$exe" "$mason" \
  || fail "$mason has no asset named copydesk-{{ version }}-$target.$archive_ext holding copydesk$exe"
grep -qF '{ name }-v{ version }-{ target }.'"$archive_ext"'"' Cargo.toml \
  && grep -qF 'bin-dir = "{ name }-v{ version }-{ target }/{ bin }{ binary-ext }"' Cargo.toml \
  || fail "Cargo.toml's [package.metadata.binstall] does not name $name.$archive_ext"

if [ "$vsix" = yes ]; then
  [ -n "$vscode_target" ] || fail "no VS Code platform for $target (use --no-vsix)"
  command -v npm >/dev/null || fail "npm is needed for the .vsix (or use --no-vsix)"
  ext=$root/editors/vscode
  vsix_name=copydesk-$vscode_target-$version.vsix
  step "VS Code extension $vsix_name"
  # vsce is a packaging tool, not a dependency of the extension: kept beside the build.
  tools=$root/target/release-tools
  vsce=$tools/node_modules/.bin/vsce
  if ! grep -qs '"version": "'"$VSCE_VERSION"'"' "$tools/node_modules/@vscode/vsce/package.json"; then
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --silent "@vscode/vsce@$VSCE_VERSION")
  fi
  (cd "$ext" && npm ci --no-audit --no-fund --silent)
  # Type-check, then bundle the extension and vscode-languageclient into one file: the package
  # then needs no node_modules (vsce --no-dependencies).
  (cd "$ext" && node_modules/.bin/tsc -p . --noEmit && npm run --silent bundle)
  rm -rf "$ext/server"
  mkdir -p "$ext/server"
  cp "$binary" "$ext/server/copydesk$exe"
  chmod +x "$ext/server/copydesk$exe"
  # README images stay relative: they ship inside the package and VS Code shows them from there.
  (cd "$ext" && "$vsce" package --no-dependencies --no-rewrite-relative-links \
    --target "$vscode_target" --out "$dist/$vsix_name" </dev/null)
  rm -rf "$ext/server"
  (cd "$dist" && sha256 "$vsix_name" >"$vsix_name.sha256")
fi

step "target/dist"
ls -l "$dist"
