//===- DifferentiableOpInterface.h - reverse-mode rules ---------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// DifferentiableOpInterface (the reverse-mode rule of an op), the reverse
// sweep over a block that `lq-differentiate` and region-carrying rules share,
// and the helpers the rules are written with.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_H
#define LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Value.h"

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h.inc"

namespace mlir {
class DialectRegistry;

namespace lq {

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

/// Attach DifferentiableOpInterface to the upstream ops lq can differentiate
/// (arith, math, linalg, tensor) and to every lq quantizer op (through its
/// QuantizerOpInterface::buildGradient). Tools and the plugin call this from
/// lq::registerAllDialects.
void registerDifferentiationExternalModels(DialectRegistry &registry);

/// The per-dialect parts of registerDifferentiationExternalModels.
void registerArithMathDifferentiationModels(DialectRegistry &registry);
void registerLinalgDifferentiationModels(DialectRegistry &registry);
void registerTensorDifferentiationModels(DialectRegistry &registry);
void registerLQDifferentiationModels(DialectRegistry &registry);

//===----------------------------------------------------------------------===//
// The reverse sweep
//===----------------------------------------------------------------------===//

/// Differentiate the straight-line block `primal` (every op but its
/// terminator; the terminator's operands are the block's outputs).
///
/// At the builder's insertion point, first recomputes the ops of `primal`
/// with its arguments replaced by `arguments`, then propagates
/// `outputCotangents` (one per terminator operand; null for none) backwards
/// through the recomputed ops, calling each op's DifferentiableOpInterface
/// rule. Only ops on a path from an argument with `wrt[i]` set to an output
/// are differentiated, so an op without a rule elsewhere is fine. A value
/// used by several ops receives the sum of their contributions.
///
/// On success, `argumentCotangents[i]` is the cotangent of argument `i` when
/// `wrt[i]` is set and some gradient reaches it (null otherwise: the caller
/// decides how to materialize zero), and `outputs` (when given) receives the
/// recomputed terminator operands. On failure an error naming the offending
/// op has been emitted; the ops built so far are left for the caller to
/// erase.
LogicalResult differentiateBlock(OpBuilder &builder, Block &primal,
                                 ValueRange arguments, ArrayRef<bool> wrt,
                                 ArrayRef<Value> outputCotangents,
                                 SmallVectorImpl<Value> &argumentCotangents,
                                 SmallVectorImpl<Value> *outputs = nullptr);

//===----------------------------------------------------------------------===//
// Helpers for writing rules
//===----------------------------------------------------------------------===//

/// True for the types that carry a cotangent: float scalars, and vectors and
/// ranked tensors of floats.
bool isDifferentiableType(Type type);

/// A float constant of `type` (a float type or a vector of one: splatted).
Value buildFloatConstant(OpBuilder &builder, Location loc, Type type,
                         double value);

/// Zeros with the type (and, for tensors, the runtime shape) of `like`: an
/// arith.constant for scalars and vectors, a linalg.fill of a tensor.empty
/// for tensors.
Value buildZerosLike(OpBuilder &builder, Location loc, Value like);

/// Computes a scalar function elementwise: given the builder and the
/// (scalar) operand elements, returns the result elements.
using ElementwiseBodyFn =
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>;

/// Apply `body` elementwise to `operands`. Without a ranked tensor among
/// `operands`, `body` is called on the operands themselves. Otherwise every
/// tensor operand must have the shape of the first one and becomes an input
/// of one `linalg.generic` (identity maps, parallel loops); non-tensor
/// operands are captured as they are. The generic has one tensor result per
/// entry of `resultElementTypes`, shaped like the first tensor operand.
SmallVector<Value> buildElementwise(OpBuilder &builder, Location loc,
                                    ValueRange operands,
                                    TypeRange resultElementTypes,
                                    ElementwiseBodyFn body);

/// `lhs + rhs` for two cotangents of one type (a `linalg.generic` for
/// tensors). `rhs` is cast to the type of `lhs` when they differ only in
/// static versus dynamic sizes.
Value buildCotangentSum(OpBuilder &builder, Location loc, Value lhs, Value rhs);

} // namespace lq
} // namespace mlir

#endif // LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_H
