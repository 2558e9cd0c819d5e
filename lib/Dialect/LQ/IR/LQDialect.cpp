//===- LQDialect.cpp - lq dialect registration ----------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

using namespace mlir;
using namespace mlir::lq;

#include "lq/Dialect/LQ/IR/LQOpsDialect.cpp.inc"

void LQDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "lq/Dialect/LQ/IR/LQOps.cpp.inc"
      >();
}

/// Folders produce float/dense attributes; they materialize as arith.constant.
Operation *LQDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return arith::ConstantOp::create(builder, loc, type, typed);
}
