//===- Registration.cpp - lq dialect pass registration --------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/Passes.h"

/// Register the passes of Passes.td (the generated function is inline).
void registerLQDialectPassesOnce() { mlir::lq::registerLQDialectPasses(); }
