#!/usr/bin/env bash
# Runs each fuzz target for a fixed number of executions and keeps every failing input as a
# regression test (fuzz/regressions/TARGET/, replayed by `cargo test --test fuzz_regressions`).
# Not part of CI: at 10^6 executions a target this takes minutes to hours on two cores.
#
# Usage: fuzz/run.sh [RUNS] [TARGET...]      RUNS defaults to 1000000; targets to all four:
#        engine (any story), extract (Markdown/plain-text prose copy), config (.copydesk.toml
#        text), framing (the language server's stdin).
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(engine extract config framing)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# The project has no unsafe code of its own, so AddressSanitizer buys little and costs a third
# of the speed; FUZZ_SANITIZER=address brings it back.
sanitizer=${FUZZ_SANITIZER:-none}
# cargo-fuzz passes nightly-only flags (-Zsanitizer, coverage options); the stable compiler
# accepts them when told it is building itself.
export RUSTC_BOOTSTRAP=1

# Seeds: the project's own fixture stories, examples and configuration files.
seed() {
  local target=$1 dir=seeds/$1
  mkdir -p "$dir"
  case $target in
    # `head` closes the pipe once it has enough, which pipefail would count as find failing.
    engine|extract) { find ../crates/copydesk-core/tests/fixtures ../examples -name '*.md' -o -name '*.txt' || true; } \
                      | head -200 | while read -r f; do cp "$f" "$dir/"; done ;;
    config) find ../crates/copydesk-core/tests/fixtures .. -maxdepth 6 -name 'copydesk.toml' -o -name '.copydesk.toml' \
              | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
            printf 'preset = "ap"\n[rules]\nanonymous-source = "off"\n' > "$dir/minimal.toml" ;;
    framing) printf 'Content-Length: 52\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' > "$dir/initialize" ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "corpus/$target" "regressions/$target"
  log=$(mktemp)
  echo "== $target: $runs executions"
  # -rss_limit_mb and -timeout turn runaway memory and hangs into failures too.
  if cargo fuzz run --release --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- \
      -runs="$runs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
      >"$log" 2>&1; then
    done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)
    echo "   ${done_line:-finished}: no crash"
  else
    status=1
    echo "   FAILED; last lines:"; tail -30 "$log" | sed 's/^/   /'
  fi
  # Crashes, timeouts and memory blow-ups are regressions; "slow-unit" files are only reports.
  for crash in artifacts/"$target"/{crash,leak,timeout,oom}-*; do
    [ -f "$crash" ] || continue
    cp "$crash" "regressions/$target/"
    echo "   kept $(basename "$crash") as a regression test"
  done
  rm -f "$log"
done
exit $status
