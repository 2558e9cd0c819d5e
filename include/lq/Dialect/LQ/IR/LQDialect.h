//===- LQDialect.h - lq dialect declaration ---------------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQDIALECT_H
#define LQ_DIALECT_LQ_IR_LQDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Dialect.h"

#include "lq/Dialect/LQ/IR/LQOpsDialect.h.inc"

#endif // LQ_DIALECT_LQ_IR_LQDIALECT_H
