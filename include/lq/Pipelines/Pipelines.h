//===- Pipelines.h - lq pass pipelines --------------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_PIPELINES_PIPELINES_H
#define LQ_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;

namespace lq {

/// Options of `lq-to-llvm`.
struct LQToLLVMOptions : public PassPipelineOptions<LQToLLVMOptions> {
  PassOptions::Option<unsigned> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("SIMD register width in bits for vectorized loops "
                     "(0: the host CPU's widest: 512 with AVX-512, 256 with "
                     "AVX, else 128)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> libmTranscendentals{
      *this, "libm-transcendentals",
      llvm::cl::desc("Call the host libm for tanh/cosh (bit-identical to the "
                     "constant folder, scalar) instead of MLIR's vectorized "
                     "polynomial approximations"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> outParams{
      *this, "out-params",
      llvm::cl::desc("Turn static-shaped tensor results of public functions "
                     "into caller-allocated output arguments (no allocation "
                     "per call)"),
      llvm::cl::init(false)};
};

/// Build `lq-to-llvm`: a tensor-level module with lq ops (and the upstream
/// func/tensor/linalg/arith/math ops around them) to the LLVM dialect, ready
/// for `mlir-translate --mlir-to-llvmir` or `mlir-runner`.
void buildLQToLLVMPipeline(OpPassManager &pm, const LQToLLVMOptions &options);

/// Register every lq pipeline (`lq-to-llvm`, ...).
void registerLQPipelines();

} // namespace lq
} // namespace mlir

#endif // LQ_PIPELINES_PIPELINES_H
