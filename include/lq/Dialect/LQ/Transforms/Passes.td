//===- Passes.td - passes on the lq dialect ----------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Passes that rewrite programs in terms of lq ops: binarization for
// inference, differentiation for training. Keep the defs alphabetical.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD
#define LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

#endif // LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD
