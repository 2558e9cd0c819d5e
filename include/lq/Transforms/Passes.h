//===- Passes.h - lq code generation passes ---------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_TRANSFORMS_PASSES_H
#define LQ_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir::lq {

#define GEN_PASS_DECL
#include "lq/Transforms/Passes.h.inc"

/// The widest SIMD register of the host CPU in bits (512 with AVX-512F, 256
/// with AVX, else 128).
unsigned getHostVectorBits();

#define GEN_PASS_REGISTRATION
#include "lq/Transforms/Passes.h.inc"

} // namespace mlir::lq

#endif // LQ_TRANSFORMS_PASSES_H
