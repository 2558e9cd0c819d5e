//===- LQOps.h - lq op declarations -----------------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQOPS_H
#define LQ_DIALECT_LQ_IR_LQOPS_H

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/QuantizerSemantics.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "lq/Dialect/LQ/IR/LQInterfaces.h.inc"

#define GET_OP_CLASSES
#include "lq/Dialect/LQ/IR/LQOps.h.inc"

namespace mlir::lq {

/// Decode a `clip_value` attribute: std::nullopt for `none` (no clipping),
/// else the bound.
semantics::ClipBound getClipBound(Attribute clipValue);

/// Decode a DoReFa `mode` string; std::nullopt when it is not one of
/// "activations" and "weights".
std::optional<semantics::DoReFaMode> parseDoReFaMode(llvm::StringRef mode);

} // namespace mlir::lq

#endif // LQ_DIALECT_LQ_IR_LQOPS_H
