#!/usr/bin/env bash
#===- examples/bnn/run.sh - the main job: a binarized CNN, end to end ------===#
#
# Generates the example network (make_model.py: float stem, three binary conv
# blocks with batch norm and max pooling, binary dense head; Larq-style
# latent float weights behind lq.ste_sign), compiles it twice with lq-opt to
# LLVM IR and native executables -- the float graph as written, and the same
# graph through lq-binarize -- runs both on the same input, checks that the
# logits agree and prints the time per inference of each.
#
# Usage: examples/bnn/run.sh [--threads] [--iterations N]
#
#===------------------------------------------------------------------------===#
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

ITERATIONS=20
PIPELINE_OPTIONS=""
THREAD_FLAGS=()
while (($#)); do
  case "$1" in
    --threads) PIPELINE_OPTIONS="threads=1"
               THREAD_FLAGS=(-L"$LLVM_PREFIX/lib" -lomp) ;;
    --iterations) ITERATIONS="$2"; shift ;;
    *) echo "usage: $0 [--threads] [--iterations N]" >&2; exit 2 ;;
  esac
  shift
done

lq_build lq-opt
OUT="$LQ_BUILD_DIR/examples/bnn"
mkdir -p "$OUT"
BIN="$LLVM_PREFIX/bin"
LQ_OPT="$LQ_BUILD_DIR/bin/lq-opt"

python3 "$LQ_ROOT/examples/bnn/make_model.py" "$OUT/bnn.mlir" \
  --iterations "$ITERATIONS"

# variant name, extra lq-opt passes before the lowering
compile() {
  local name=$1; shift
  "$LQ_OPT" "$OUT/bnn.mlir" "$@" -o "$OUT/$name.lq.mlir"
  "$LQ_OPT" "$OUT/$name.lq.mlir" --lq-to-llvm="$PIPELINE_OPTIONS" |
    "$BIN/mlir-translate" --mlir-to-llvmir -o "$OUT/$name.ll"
  "$BIN/clang" -O3 -march=native -Wno-override-module "$OUT/$name.ll" \
    -o "$OUT/$name" -L"$LLVM_PREFIX/lib" -lmlir_runner_utils \
    -lmlir_c_runner_utils -Wl,-rpath,"$LLVM_PREFIX/lib" "${THREAD_FLAGS[@]}"
}

lq_log "compiling the float graph"
compile float --canonicalize
lq_log "compiling the binarized graph (lq-binarize)"
compile binary --lq-binarize 2>"$OUT/binarize-remarks.txt"

lq_log "running ($ITERATIONS inferences each)"
"$OUT/float" >"$OUT/float.out"
"$OUT/binary" >"$OUT/binary.out"

python3 - "$OUT" <<'PY'
import re, sys
out = sys.argv[1]

def load(name):
    lines = open(f"{out}/{name}.out").read().split("\n")
    ms = float(lines[0])
    logits = [float(v) for v in re.findall(r"-?[\d.]+(?:e-?\d+)?",
                                           " ".join(lines[2:]))]
    return ms, logits

def count(name, op):
    return open(f"{out}/{name}.lq.mlir").read().count(op + " ")

float_ms, float_logits = load("float")
binary_ms, binary_logits = load("binary")
diff = max(abs(a - b) for a, b in zip(float_logits, binary_logits))
print()
print("binarized graph: %d lq.bconv2d, %d lq.bmatmul, %d lq.bmaxpool2d, "
      "%d float conv left (the stem)" % (
          count("binary", "lq.bconv2d"), count("binary", "lq.bmatmul"),
          count("binary", "lq.bmaxpool2d"),
          count("binary", "linalg.conv_2d_nhwc_hwcf")))
print("logits (float graph) : " + " ".join("%g" % v for v in float_logits))
print("logits (binarized)   : " + " ".join("%g" % v for v in binary_logits))
print("max |difference|     : %g" % diff)
print()
print("%-28s %12s" % ("graph", "ms/inference"))
print("%-28s %12.3f" % ("float (lq-to-llvm)", float_ms))
print("%-28s %12.3f" % ("binarized (lq-binarize)", binary_ms))
print("%-28s %11.1fx" % ("speedup", float_ms / binary_ms))
if diff != 0.0:
    print("FAIL: the binarized network disagrees with the float graph")
    sys.exit(1)
PY
