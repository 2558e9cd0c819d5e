//===- LQBinaryToVector.h - fast binary kernels -----------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_CONVERSION_LQBINARYTOVECTOR_LQBINARYTOVECTOR_H
#define LQ_CONVERSION_LQBINARYTOVECTOR_LQBINARYTOVECTOR_H

#include "mlir/Pass/Pass.h"

#include <cstdint>

namespace mlir {
class RewritePatternSet;

namespace lq {

#define GEN_PASS_DECL_CONVERTLQBINARYTOVECTORPASS
#include "lq/Conversion/Passes.h.inc"

/// The shape of the register-blocked microkernel.
struct BinaryKernelConfig {
  /// 64-bit lanes per vector register.
  int64_t lanes = 4;
  /// Rows (output pixels) per register tile.
  int64_t rows = 4;
  /// Vectors of output channels per register tile (a power of two).
  int64_t vectors = 2;
  /// Popcount per byte into byte accumulators (no native 64-bit vector
  /// popcount), flushed every `flushInterval` (<= 31) steps.
  bool bytePopcount = true;
  int64_t flushInterval = 31;
  /// Distribute row blocks over threads with scf.forall.
  bool threads = false;

  /// Output channels per tile.
  int64_t columns() const { return lanes * vectors; }
};

/// The configuration for the host CPU (or `vectorBits` if non-zero), with the
/// tile sizes measured to be fastest there.
BinaryKernelConfig getDefaultBinaryKernelConfig(unsigned vectorBits = 0);

/// Patterns lowering lq.bmatmul, lq.bconv2d and lq.bitpack to the vector
/// microkernels (those shapes they cover; the rest is left alone).
void populateLQBinaryToVectorPatterns(RewritePatternSet &patterns,
                                      const BinaryKernelConfig &config);

} // namespace lq
} // namespace mlir

#endif // LQ_CONVERSION_LQBINARYTOVECTOR_LQBINARYTOVECTOR_H
