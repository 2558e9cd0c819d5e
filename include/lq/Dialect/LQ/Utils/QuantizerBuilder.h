//===- QuantizerBuilder.h - Larq's quantizer math as IR ---------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Builds arith/math IR that computes exactly what QuantizerSemantics.h
// computes, operation for operation (same order, same constants rounded to
// the element type, selects where Larq selects). Each method mirrors the
// function of the same name in QuantizerSemantics.h; keep them in sync.
//
// Values may be scalars or vectors of one float type; constants are splatted
// to match.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_UTILS_QUANTIZERBUILDER_H
#define LQ_DIALECT_LQ_UTILS_QUANTIZERBUILDER_H

#include "lq/Dialect/LQ/IR/QuantizerSemantics.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"

namespace mlir::lq {

/// Emits the quantizer math on scalar or vector float values of `type`.
class QuantizerBuilder {
public:
  /// `type` is a float type or a vector of one.
  QuantizerBuilder(OpBuilder &builder, Location loc, Type type);

  /// The Larq constant `value` rounded to the element type, splatted.
  Value constant(double value);

  // Forward building blocks (see QuantizerSemantics.h).
  Value sign(Value x);
  Value heaviside(Value x);
  Value ternarize(Value x, Value threshold);
  Value dorefaActivations(Value x, int64_t kBit);
  Value dorefaWeights(Value tanhX, Value maxAbsTanh, int64_t kBit);

  // Pseudo-gradients.
  Value ste(Value x, Value dy, semantics::ClipBound clip);
  Value approxSignGrad(Value x, Value dy);
  Value swishSignGrad(Value x, Value dy, double beta);
  Value dorefaActivationsGrad(Value x, Value dy);
  Value dorefaWeightsGrad(Value x, Value dy, Value maxAbsTanh);

  // Elementary operations in the element type.
  Value add(Value a, Value b);
  Value sub(Value a, Value b);
  Value mul(Value a, Value b);
  Value div(Value a, Value b);
  Value abs(Value a);
  Value tanh(Value a);
  Value cosh(Value a);
  Value select(Value cond, Value a, Value b);

  Type getType() const { return type; }

private:
  /// sign0(v): 1, -1 or 0 (NaN gives 0).
  Value signWithZero(Value v);

  OpBuilder &b;
  Location loc;
  Type type;
};

} // namespace mlir::lq

#endif // LQ_DIALECT_LQ_UTILS_QUANTIZERBUILDER_H
