//===- LQToLinalg.h - lower lq ops to linalg/arith/math ---------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_CONVERSION_LQTOLINALG_LQTOLINALG_H
#define LQ_CONVERSION_LQTOLINALG_LQTOLINALG_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;

namespace lq {

#define GEN_PASS_DECL_CONVERTLQTOLINALGPASS
#include "lq/Conversion/Passes.h.inc"

/// Patterns lowering every lq quantizer and gradient op to linalg (tensors)
/// or arith/math (scalars and vectors).
void populateLQToLinalgConversionPatterns(RewritePatternSet &patterns);

/// Patterns giving the straightforward (reference) lowering of the
/// bit-packed ops (bitpack, bitunpack, bconv2d, bmatmul, bmaxpool2d) to
/// linalg with xor + math.ctpop; part of the set above.
void populateBinaryOpsToLinalgPatterns(RewritePatternSet &patterns);

/// Patterns lowering the training ops (bop_update, flip_ratio) to linalg
/// (tensors) or arith/math (scalars and vectors); part of the set above.
void populateTrainingOpsToLinalgPatterns(RewritePatternSet &patterns);

} // namespace lq
} // namespace mlir

#endif // LQ_CONVERSION_LQTOLINALG_LQTOLINALG_H
