//===- ArithMathDifferentiation.cpp - reverse-mode rules of arith, math ---===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// DifferentiableOpInterface for the elementwise float ops of arith and math.
// Each rule is written once on scalars (or vectors); on tensors the same rule
// becomes the body of one linalg.generic that computes every needed operand
// cotangent. The same scalar rules differentiate linalg payload regions.
//
// Comparisons, casts to integers and constants need no rule: their results
// carry no cotangent, or they have no operand to differentiate.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::lq;

namespace {

/// Operand cotangents of an elementwise op, on scalar (or vector) values:
/// `operands`, the op's `result`, and the result's `cotangent`. Entries for
/// operands without a gradient are null.
using ScalarRule = SmallVector<Value> (*)(OpBuilder &b, Location loc,
                                          ValueRange operands, Value result,
                                          Value cotangent);

/// The reverse-mode rule of an elementwise op given by its scalar rule.
template <typename OpTy, ScalarRule Rule>
struct ElementwiseModel
    : DifferentiableOpInterface::ExternalModel<ElementwiseModel<OpTy, Rule>,
                                               OpTy> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &builder, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    Location loc = op->getLoc();
    Value result = op->getResult(0);
    Value cotangent = resultCotangents[0];
    if (!isa<RankedTensorType>(result.getType())) {
      SmallVector<Value> cotangents =
          Rule(builder, loc, op->getOperands(), result, cotangent);
      for (auto [i, c] : llvm::enumerate(cotangents))
        if (needed[i])
          operandCotangents[i] = c;
      return success();
    }

    // On tensors: one linalg.generic over (operands, result, cotangent)
    // yielding the cotangent of every needed operand.
    unsigned numOperands = op->getNumOperands();
    SmallVector<unsigned> wanted;
    SmallVector<Type> elementTypes;
    for (unsigned i = 0; i < numOperands; ++i) {
      if (!needed[i] || !isDifferentiableType(op->getOperand(i).getType()))
        continue;
      wanted.push_back(i);
      elementTypes.push_back(getElementTypeOrSelf(op->getOperand(i)));
    }
    if (wanted.empty())
      return success();
    SmallVector<Value> inputs(op->getOperands());
    inputs.push_back(result);
    inputs.push_back(cotangent);
    SmallVector<Value> cotangents = buildElementwise(
        builder, loc, inputs, elementTypes,
        [&](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
          SmallVector<Value> all =
              Rule(b, l, args.take_front(numOperands), args[numOperands],
                   args[numOperands + 1]);
          SmallVector<Value> yielded;
          for (auto [i, elementType] : llvm::zip_equal(wanted, elementTypes))
            yielded.push_back(
                all[i] ? all[i] : buildFloatConstant(b, l, elementType, 0.0));
          return yielded;
        });
    // Where the rule forwards the cotangent unchanged (both operands of
    // addf, the first of subf), use the cotangent tensor itself rather than
    // a copy of it.
    auto generic = cotangents.front().getDefiningOp<linalg::GenericOp>();
    Block *body = generic.getBody();
    Value cotangentArg = body->getArgument(generic.getNumDpsInputs() - 1);
    Operation *yield = body->getTerminator();
    bool allForwarded = true;
    for (auto [k, i] : llvm::enumerate(wanted)) {
      bool forwarded = yield->getOperand(k) == cotangentArg &&
                       cotangent.getType() == cotangents[k].getType();
      operandCotangents[i] = forwarded ? cotangent : cotangents[k];
      allForwarded &= forwarded;
    }
    if (allForwarded)
      generic.erase();
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Scalar rules
//===----------------------------------------------------------------------===//

Value neg(OpBuilder &b, Location loc, Value v) {
  return arith::NegFOp::create(b, loc, v);
}
Value mul(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MulFOp::create(b, loc, x, y);
}
Value div(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::DivFOp::create(b, loc, x, y);
}
Value sub(OpBuilder &b, Location loc, Value x, Value y) {
  return arith::SubFOp::create(b, loc, x, y);
}
Value zeroLike(OpBuilder &b, Location loc, Value v) {
  return buildFloatConstant(b, loc, v.getType(), 0.0);
}
/// `cond ? c : 0` and `cond ? 0 : c`.
std::pair<Value, Value> route(OpBuilder &b, Location loc, Value cond, Value c) {
  Value zero = zeroLike(b, loc, c);
  return {arith::SelectOp::create(b, loc, cond, c, zero),
          arith::SelectOp::create(b, loc, cond, zero, c)};
}

/// d(a + b) = (c, c).
SmallVector<Value> addRule(OpBuilder &, Location, ValueRange, Value, Value c) {
  return {c, c};
}

/// d(a - b) = (c, -c).
SmallVector<Value> subRule(OpBuilder &b, Location loc, ValueRange, Value,
                           Value c) {
  return {c, neg(b, loc, c)};
}

/// d(a * b) = (c * b, c * a).
SmallVector<Value> mulRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value, Value c) {
  return {mul(b, loc, c, operands[1]), mul(b, loc, c, operands[0])};
}

/// d(a / b) = (c / b, -(c / b) * y) with y = a / b.
SmallVector<Value> divRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value y, Value c) {
  Value da = div(b, loc, c, operands[1]);
  return {da, neg(b, loc, mul(b, loc, da, y))};
}

/// d(-a) = -c.
SmallVector<Value> negRule(OpBuilder &b, Location loc, ValueRange, Value,
                           Value c) {
  return {neg(b, loc, c)};
}

/// max(a, b): the whole cotangent goes to `a` where a >= b (ties included),
/// else to `b`.
SmallVector<Value> maxRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value, Value c) {
  Value ge = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE,
                                   operands[0], operands[1]);
  auto [da, db] = route(b, loc, ge, c);
  return {da, db};
}

/// min(a, b): the whole cotangent goes to `a` where a <= b, else to `b`.
SmallVector<Value> minRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value, Value c) {
  Value le = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE,
                                   operands[0], operands[1]);
  auto [da, db] = route(b, loc, le, c);
  return {da, db};
}

/// select(cond, a, b): (none, cond ? c : 0, cond ? 0 : c).
SmallVector<Value> selectRule(OpBuilder &b, Location loc, ValueRange operands,
                              Value, Value c) {
  auto [da, db] = route(b, loc, operands[0], c);
  return {Value(), da, db};
}

/// d exp(a) = c * y.
SmallVector<Value> expRule(OpBuilder &b, Location loc, ValueRange, Value y,
                           Value c) {
  return {mul(b, loc, c, y)};
}

/// d log(a) = c / a.
SmallVector<Value> logRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value, Value c) {
  return {div(b, loc, c, operands[0])};
}

/// d tanh(a) = c * (1 - y * y).
SmallVector<Value> tanhRule(OpBuilder &b, Location loc, ValueRange, Value y,
                            Value c) {
  Value one = buildFloatConstant(b, loc, y.getType(), 1.0);
  return {mul(b, loc, c, sub(b, loc, one, mul(b, loc, y, y)))};
}

/// d sqrt(a) = c / (2 * y).
SmallVector<Value> sqrtRule(OpBuilder &b, Location loc, ValueRange, Value y,
                            Value c) {
  Value two = buildFloatConstant(b, loc, y.getType(), 2.0);
  return {div(b, loc, c, mul(b, loc, two, y))};
}

/// d |a| = c * sign(a), with sign(0) = 0 (and no gradient at NaN).
SmallVector<Value> absRule(OpBuilder &b, Location loc, ValueRange operands,
                           Value, Value c) {
  Value a = operands[0];
  Value zero = zeroLike(b, loc, a);
  Value positive =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, a, zero);
  Value negative =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, a, zero);
  Value inner = arith::SelectOp::create(b, loc, negative, neg(b, loc, c), zero);
  return {arith::SelectOp::create(b, loc, positive, c, inner)};
}

} // namespace

void mlir::lq::registerArithMathDifferentiationModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, arith::ArithDialect *) {
    arith::AddFOp::attachInterface<ElementwiseModel<arith::AddFOp, addRule>>(
        *ctx);
    arith::SubFOp::attachInterface<ElementwiseModel<arith::SubFOp, subRule>>(
        *ctx);
    arith::MulFOp::attachInterface<ElementwiseModel<arith::MulFOp, mulRule>>(
        *ctx);
    arith::DivFOp::attachInterface<ElementwiseModel<arith::DivFOp, divRule>>(
        *ctx);
    arith::NegFOp::attachInterface<ElementwiseModel<arith::NegFOp, negRule>>(
        *ctx);
    arith::MaximumFOp::attachInterface<
        ElementwiseModel<arith::MaximumFOp, maxRule>>(*ctx);
    arith::MaxNumFOp::attachInterface<
        ElementwiseModel<arith::MaxNumFOp, maxRule>>(*ctx);
    arith::MinimumFOp::attachInterface<
        ElementwiseModel<arith::MinimumFOp, minRule>>(*ctx);
    arith::MinNumFOp::attachInterface<
        ElementwiseModel<arith::MinNumFOp, minRule>>(*ctx);
    arith::SelectOp::attachInterface<
        ElementwiseModel<arith::SelectOp, selectRule>>(*ctx);
  });
  registry.addExtension(+[](MLIRContext *ctx, math::MathDialect *) {
    math::ExpOp::attachInterface<ElementwiseModel<math::ExpOp, expRule>>(*ctx);
    math::LogOp::attachInterface<ElementwiseModel<math::LogOp, logRule>>(*ctx);
    math::TanhOp::attachInterface<ElementwiseModel<math::TanhOp, tanhRule>>(
        *ctx);
    math::SqrtOp::attachInterface<ElementwiseModel<math::SqrtOp, sqrtRule>>(
        *ctx);
    math::AbsFOp::attachInterface<ElementwiseModel<math::AbsFOp, absRule>>(
        *ctx);
  });
}
