#!/usr/bin/env bash
#===- scripts/bench.sh - set up, build and run an lq benchmark ------------===#
#
# Usage: scripts/bench.sh <benchmark> [benchmark arguments]
#        scripts/bench.sh quantizers [--reps=N] [--warmup=N] [--filter=TEXT]
#                                    [--csv=PATH] [--smoke]
#        scripts/bench.sh binary [--quick] [--sweep] [--threads=N] [common]
# Installs missing packages, configures and builds lq (like scripts/test.sh),
# then builds and runs $LQ_BUILD_DIR/bench/lq-bench-<benchmark>. The CSV goes
# to $LQ_BUILD_DIR/bench/<benchmark>.csv unless --csv is given. Exit status:
# the benchmark's (non-zero when a kernel computes a wrong result). The binary
# benchmark also writes a PNG of % of peak per kernel next to its CSV.
# Benchmarks: quantizers (bench/quantizers), binary (bench/binary).
#
#===------------------------------------------------------------------------===#
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if (($# < 1)) || [[ $1 == -h || $1 == --help ]]; then
  echo "usage: scripts/bench.sh <benchmark> [benchmark arguments]" >&2
  echo "benchmarks: quantizers, binary (arguments: --help after its name)" >&2
  exit 2
fi
benchmark="$1"
shift
case "$benchmark" in
  quantizers | binary) ;;
  *) lq_log "unknown benchmark '$benchmark' (known: quantizers, binary)"; exit 2 ;;
esac

# The binary benchmark also plots % of peak per kernel (gnuplot).
if [[ $benchmark == binary ]]; then
  LQ_PACKAGES+=(gnuplot-nox)
fi
lq_build
lq_build "lq-bench-$benchmark"
csv="$LQ_BUILD_DIR/bench/$benchmark.csv"
for arg in "$@"; do
  if [[ $arg == --csv=* ]]; then csv="${arg#--csv=}"; fi
done
lq_log "running lq-bench-$benchmark"
status=0
"$LQ_BUILD_DIR/bench/lq-bench-$benchmark" --csv="$LQ_BUILD_DIR/bench/$benchmark.csv" \
  "$@" || status=$?
if [[ $benchmark == binary && -s $csv ]] && ! [[ " $* " == *" --smoke "* ]]; then
  python3 "$LQ_ROOT/bench/binary/plot.py" "$csv" "${csv%.csv}.png" || status=1
fi
exit "$status"
