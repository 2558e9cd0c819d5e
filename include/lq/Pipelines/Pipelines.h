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

/// How `lq-to-llvm` lowers the bit-packed binary ops.
enum class BinaryKernels { Fast, Reference };

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
  PassOptions::Option<BinaryKernels> binaryKernels{
      *this, "binary-kernels",
      llvm::cl::desc("Lowering of lq.bmatmul/bconv2d/bitpack"),
      llvm::cl::init(BinaryKernels::Fast),
      llvm::cl::values(
          clEnumValN(BinaryKernels::Fast, "fast",
                     "register-blocked vector microkernels (shapes they do "
                     "not cover fall back to the reference)"),
          clEnumValN(BinaryKernels::Reference, "reference",
                     "the straightforward linalg lowering"))};
  PassOptions::Option<unsigned> tileRows{
      *this, "tile-rows",
      llvm::cl::desc("Binary microkernel rows per register tile (0: chosen "
                     "for the target)"),
      llvm::cl::init(0)};
  PassOptions::Option<unsigned> tileVectors{
      *this, "tile-vectors",
      llvm::cl::desc("Binary microkernel vectors of output channels per "
                     "register tile, a power of two (0: chosen for the "
                     "target)"),
      llvm::cl::init(0)};
  PassOptions::Option<std::string> popcount{
      *this, "popcount",
      llvm::cl::desc("Binary microkernel popcount width: i64, i8 or auto "
                     "(the host's)"),
      llvm::cl::init("auto")};
  PassOptions::Option<bool> threads{
      *this, "threads",
      llvm::cl::desc("Run the binary kernels' row blocks on OpenMP threads "
                     "(link libomp; OMP_NUM_THREADS sets the count)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> portable{
      *this, "portable",
      llvm::cl::desc("Emit only target-independent vector code (no x86 "
                     "intrinsics), so the output lowers for any target"),
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
