//===- Passes.h - passes on the lq dialect ----------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_PASSES_H
#define LQ_DIALECT_LQ_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir::lq {

#define GEN_PASS_DECL
#include "lq/Dialect/LQ/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "lq/Dialect/LQ/Transforms/Passes.h.inc"

} // namespace mlir::lq

#endif // LQ_DIALECT_LQ_TRANSFORMS_PASSES_H
