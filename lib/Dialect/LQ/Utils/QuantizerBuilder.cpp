//===- QuantizerBuilder.cpp - Larq's quantizer math as IR -----------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Utils/QuantizerBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::lq;

QuantizerBuilder::QuantizerBuilder(OpBuilder &builder, Location loc, Type type)
    : b(builder), loc(loc), type(type) {}

Value QuantizerBuilder::constant(double value) {
  auto elementType = cast<FloatType>(getElementTypeOrSelf(type));
  llvm::APFloat rounded = semantics::constantLike(
      value, llvm::APFloat::getZero(elementType.getFloatSemantics()));
  TypedAttr attr = b.getFloatAttr(elementType, rounded);
  if (auto vectorType = dyn_cast<VectorType>(type))
    attr = DenseElementsAttr::get(vectorType, attr);
  return arith::ConstantOp::create(b, loc, attr);
}

Value QuantizerBuilder::add(Value a, Value c) {
  return arith::AddFOp::create(b, loc, a, c);
}
Value QuantizerBuilder::sub(Value a, Value c) {
  return arith::SubFOp::create(b, loc, a, c);
}
Value QuantizerBuilder::mul(Value a, Value c) {
  return arith::MulFOp::create(b, loc, a, c);
}
Value QuantizerBuilder::div(Value a, Value c) {
  return arith::DivFOp::create(b, loc, a, c);
}
Value QuantizerBuilder::abs(Value a) { return math::AbsFOp::create(b, loc, a); }
Value QuantizerBuilder::tanh(Value a) {
  return math::TanhOp::create(b, loc, a);
}
Value QuantizerBuilder::cosh(Value a) {
  return math::CoshOp::create(b, loc, a);
}
Value QuantizerBuilder::select(Value cond, Value a, Value c) {
  return arith::SelectOp::create(b, loc, cond, a, c);
}

/// An ordered compare: false whenever an operand is NaN.
static Value compare(OpBuilder &b, Location loc, arith::CmpFPredicate pred,
                     Value a, Value c) {
  return arith::CmpFOp::create(b, loc, pred, a, c);
}

Value QuantizerBuilder::signWithZero(Value v) {
  Value zero = constant(0.0);
  Value positive = compare(b, loc, arith::CmpFPredicate::OGT, v, zero);
  Value negative = compare(b, loc, arith::CmpFPredicate::OLT, v, zero);
  return select(positive, constant(1.0),
                select(negative, constant(-1.0), zero));
}

//===----------------------------------------------------------------------===//
// Forward building blocks
//===----------------------------------------------------------------------===//

Value QuantizerBuilder::sign(Value x) {
  // Only x < 0 gives -1: -0.0 and NaN give +1 (olt is false for both).
  Value negative = compare(b, loc, arith::CmpFPredicate::OLT, x, constant(0.0));
  return select(negative, constant(-1.0), constant(1.0));
}

Value QuantizerBuilder::heaviside(Value x) {
  Value positive = compare(b, loc, arith::CmpFPredicate::OGT, x, constant(0.0));
  return select(positive, constant(1.0), constant(0.0));
}

Value QuantizerBuilder::ternarize(Value x, Value threshold) {
  Value upper = signWithZero(add(x, threshold));
  Value lower = signWithZero(sub(x, threshold));
  return signWithZero(add(upper, lower));
}

/// `n = 2^k_bit - 1` as a constant of the element type.
static double levels(int64_t kBit) {
  return std::ldexp(1.0, static_cast<int>(kBit)) - 1.0;
}

Value QuantizerBuilder::dorefaActivations(Value x, int64_t kBit) {
  // tf.clip_by_value: maximum(minimum(x, 1), 0) with IEEE-2019 NaN
  // propagation, as APFloat's minimum/maximum.
  Value clipped = arith::MaximumFOp::create(
      b, loc, arith::MinimumFOp::create(b, loc, x, constant(1.0)),
      constant(0.0));
  Value n = constant(levels(kBit));
  return div(math::RoundEvenOp::create(b, loc, mul(clipped, n)), n);
}

Value QuantizerBuilder::dorefaWeights(Value tanhX, Value maxAbsTanh,
                                      int64_t kBit) {
  Value half = constant(0.5);
  Value twoD = mul(constant(2.0), maxAbsTanh);
  Value scaled = add(div(tanhX, twoD), half);
  Value isZero =
      compare(b, loc, arith::CmpFPredicate::OEQ, maxAbsTanh, constant(0.0));
  Value p = select(isZero, half, scaled);
  Value n = constant(levels(kBit));
  Value twice =
      mul(constant(2.0), math::RoundEvenOp::create(b, loc, mul(p, n)));
  return sub(div(twice, n), constant(1.0));
}

//===----------------------------------------------------------------------===//
// Pseudo-gradients
//===----------------------------------------------------------------------===//

Value QuantizerBuilder::ste(Value x, Value dy, semantics::ClipBound clip) {
  if (!clip)
    return dy;
  Value inside =
      compare(b, loc, arith::CmpFPredicate::OLE, abs(x), constant(*clip));
  return select(inside, dy, constant(0.0));
}

Value QuantizerBuilder::approxSignGrad(Value x, Value dy) {
  Value absX = abs(x);
  Value inside =
      compare(b, loc, arith::CmpFPredicate::OLE, absX, constant(1.0));
  Value slope = mul(sub(constant(1.0), absX), constant(2.0));
  return select(inside, mul(slope, dy), constant(0.0));
}

Value QuantizerBuilder::swishSignGrad(Value x, Value dy, double beta) {
  Value betaValue = constant(beta);
  Value bx = mul(betaValue, x);
  Value t = tanh(mul(bx, constant(0.5)));
  Value numerator = mul(mul(dy, betaValue), sub(constant(2.0), mul(bx, t)));
  Value denominator = add(constant(1.0), cosh(bx));
  return div(numerator, denominator);
}

Value QuantizerBuilder::dorefaActivationsGrad(Value x, Value dy) {
  Value aboveZero =
      compare(b, loc, arith::CmpFPredicate::OGE, x, constant(0.0));
  Value belowOne = compare(b, loc, arith::CmpFPredicate::OLE, x, constant(1.0));
  Value inside = arith::AndIOp::create(b, loc, aboveZero, belowOne);
  return select(inside, dy, constant(0.0));
}

Value QuantizerBuilder::dorefaWeightsGrad(Value x, Value dy, Value maxAbsTanh) {
  Value t = tanh(x);
  Value slope = sub(constant(1.0), mul(t, t));
  Value grad = div(mul(dy, slope), maxAbsTanh);
  Value isZero =
      compare(b, loc, arith::CmpFPredicate::OEQ, maxAbsTanh, constant(0.0));
  return select(isZero, constant(0.0), grad);
}
