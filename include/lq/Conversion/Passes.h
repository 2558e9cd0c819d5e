//===- Passes.h - lq conversion passes --------------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_CONVERSION_PASSES_H
#define LQ_CONVERSION_PASSES_H

#include "lq/Conversion/LQBinaryToVector/LQBinaryToVector.h"
#include "lq/Conversion/LQToLinalg/LQToLinalg.h"

namespace mlir::lq {

#define GEN_PASS_REGISTRATION
#include "lq/Conversion/Passes.h.inc"

} // namespace mlir::lq

#endif // LQ_CONVERSION_PASSES_H
