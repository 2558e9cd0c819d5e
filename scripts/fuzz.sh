#!/usr/bin/env bash
#===- scripts/fuzz.sh - build and run the lq fuzzers -----------------------===#
#
# Usage: scripts/fuzz.sh [parse|pass|all] [extra libFuzzer arguments]
#
# Configures $LQ_BUILD_DIR (default build-fuzz) with -DLQ_BUILD_FUZZERS=ON,
# builds lq-parse-fuzzer and lq-pass-fuzzer (fuzz/), extracts the seed corpus
# from the lit tests (scripts/fuzz-corpus.py) and runs each fuzzer for a
# bounded time or execution count with the lq dictionary (fuzz/lq.dict):
#
#   LQ_FUZZ_TIME=600     seconds per fuzzer (libFuzzer -max_total_time)
#   LQ_FUZZ_JOBS=1       worker processes (libFuzzer's -fork mode), which
#                        keep fuzzing after a crash, timeout or OOM (the
#                        upstream dialects parsed next to lq's have bugs of
#                        their own); 0: one in-process run that stops at the
#                        first crash
#   LQ_FUZZ_RUNS=N       with LQ_FUZZ_JOBS=0: stop after N executions
#   LQ_FUZZ_WORK=DIR     corpora and crashes (default $LQ_BUILD_DIR/fuzz-work)
#
# Inputs that crash are written to $LQ_FUZZ_WORK/<fuzzer>/crashes/; the exit
# status is non-zero if any fuzzer found one (whether the bug is lq's or
# upstream MLIR's: see the stack, docs/Robustness.md). Reproduce a crash with
#   $LQ_BUILD_DIR/bin/lq-<name>-fuzzer <crash file>
# and turn it into a lit test (docs/Robustness.md).
#
#===------------------------------------------------------------------------===#
LQ_BUILD_DIR="${LQ_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-fuzz}"
LQ_CMAKE_ARGS="-DLQ_BUILD_FUZZERS=ON ${LQ_CMAKE_ARGS:-}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

which="${1:-all}"
shift || true
case "$which" in
  parse) fuzzers=(lq-parse-fuzzer) ;;
  pass) fuzzers=(lq-pass-fuzzer) ;;
  all) fuzzers=(lq-parse-fuzzer lq-pass-fuzzer) ;;
  *) echo "usage: $0 [parse|pass|all] [libFuzzer args]" >&2; exit 2 ;;
esac

lq_build "${fuzzers[@]}"

work="${LQ_FUZZ_WORK:-$LQ_BUILD_DIR/fuzz-work}"

# Only lq's code is instrumented (libMLIR.so is Debian's); leaks are checked
# as libFuzzer does (per input, when mallocs and frees do not balance).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

status=0
for fuzzer in "${fuzzers[@]}"; do
  dir="$work/$fuzzer"
  mkdir -p "$dir/corpus" "$dir/crashes"
  # The seeds, fresh from test/ (the corpus keeps what the fuzzer found).
  seeds="$dir/seeds"
  rm -rf "$seeds"
  lq_log "$fuzzer: $(python3 "$LQ_ROOT/scripts/fuzz-corpus.py" "$seeds") seeds from test/"
  args=(-dict="$LQ_ROOT/fuzz/lq.dict" -max_len=8192 -timeout=60
        -rss_limit_mb=4096 -print_final_stats=1
        -artifact_prefix="$dir/crashes/")
  if ((${LQ_FUZZ_JOBS:-1} > 0)); then
    args+=(-fork="${LQ_FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1
           -ignore_ooms=1 -max_total_time="${LQ_FUZZ_TIME:-600}")
  elif [[ -n "${LQ_FUZZ_RUNS:-}" ]]; then
    args+=(-runs="$LQ_FUZZ_RUNS")
  else
    args+=(-max_total_time="${LQ_FUZZ_TIME:-600}")
  fi
  lq_log "running $fuzzer (log: $dir/fuzz.log)"
  "$LQ_BUILD_DIR/bin/$fuzzer" "${args[@]}" "$@" "$dir/corpus" "$seeds" \
    >"$dir/fuzz.log" 2>&1 || true
  # The last progress line: executions, exec/s, crashes (fork mode).
  grep -E '^#[0-9]+' "$dir/fuzz.log" | tail -n 1 >&2 || true
  grep -E '^stat::' "$dir/fuzz.log" >&2 || true
  if [[ -n "$(ls -A "$dir/crashes")" ]]; then
    lq_log "$fuzzer: crashing inputs in $dir/crashes: $(ls "$dir/crashes" | wc -l)"
    status=1
  fi
done
exit "$status"
