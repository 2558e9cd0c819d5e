#!/usr/bin/env bash
#===- examples/training/run.sh - train the binarized MLP and CNN ----------===#
#
# Usage: examples/training/run.sh [mlp_sgd|mlp_bop|cnn_sgd|cnn_bop ...]
#
# Builds lq-opt if needed (scripts/lib.sh; LQ_BUILD_DIR selects the build
# directory), then for each model:
#   1. lq-opt -lq-differentiate   generates @loss_grad from @loss (kept in
#                                 $LQ_TRAINING_OUT/<model>.grad.mlir to read);
#   2. lq-opt -lq-to-llvm         lowers everything to the LLVM dialect;
#   3. mlir-runner                JIT-compiles and runs each training loop,
#                                 which prints the loss and accuracy per epoch
#                                 and the final accuracy.
# Without arguments all four runs are made.
#
#===------------------------------------------------------------------------===#
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

EXAMPLES="$LQ_ROOT/examples/training"
OUT="${LQ_TRAINING_OUT:-$LQ_BUILD_DIR/examples/training}"
LQ_OPT="$LQ_BUILD_DIR/bin/lq-opt"
RUNNER="$LLVM_PREFIX/bin/mlir-runner"
LIBS="$LLVM_PREFIX/lib/libmlir_runner_utils.so,$LLVM_PREFIX/lib/libmlir_c_runner_utils.so"

if [[ ! -x "$LQ_OPT" ]]; then
  lq_build lq-opt
fi
mkdir -p "$OUT"

# Compile <model> (mlp or cnn) once.
compile() {
  local model="$1"
  if [[ -f "$OUT/$model.llvm.mlir" &&
        "$OUT/$model.llvm.mlir" -nt "$EXAMPLES/$model.mlir" &&
        "$OUT/$model.llvm.mlir" -nt "$LQ_OPT" ]]; then
    return
  fi
  lq_log "compiling $model.mlir"
  "$LQ_OPT" "$EXAMPLES/$model.mlir" -lq-differentiate -o "$OUT/$model.grad.mlir"
  # lq-to-llvm leaves the bufferization.clone ops of functions that return
  # a buffer they do not own; the second lq-opt lowers them.
  "$LQ_OPT" "$OUT/$model.grad.mlir" -lq-to-llvm |
    "$LQ_OPT" -convert-bufferization-to-memref -finalize-memref-to-llvm \
      -convert-arith-to-llvm -convert-index-to-llvm \
      -reconcile-unrealized-casts -o "$OUT/$model.llvm.mlir"
}

runs=("$@")
if ((${#runs[@]} == 0)); then
  runs=(mlp_sgd mlp_bop cnn_sgd cnn_bop)
fi
for run in "${runs[@]}"; do
  model="${run%%_*}"
  case "$run" in
    mlp_sgd|mlp_bop|cnn_sgd|cnn_bop) ;;
    *) echo "unknown run '$run' (expected mlp_sgd, mlp_bop, cnn_sgd or cnn_bop)" >&2
       exit 2 ;;
  esac
  compile "$model"
  lq_log "running $run"
  start=$(date +%s.%N)
  "$RUNNER" "$OUT/$model.llvm.mlir" -e "$run" -entry-point-result=void \
    -shared-libs="$LIBS"
  end=$(date +%s.%N)
  lq_log "$run took $(awk "BEGIN { printf \"%.2f\", $end - $start }") s (JIT compilation included)"
done
