//===- QuantizerSemantics.cpp - Larq's quantizer math ---------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/QuantizerSemantics.h"

#include <cmath>

using namespace mlir::lq::semantics;
using llvm::APFloat;
using llvm::ArrayRef;
using llvm::SmallVector;

static constexpr APFloat::roundingMode kNearestEven =
    APFloat::rmNearestTiesToEven;

int64_t mlir::lq::semantics::maxDoReFaBits(const llvm::fltSemantics &sem) {
  return APFloat::semanticsPrecision(sem);
}

APFloat mlir::lq::semantics::constantLike(double value, const APFloat &like) {
  APFloat result(value);
  bool losesInfo = false;
  result.convert(like.getSemantics(), kNearestEven, &losesInfo);
  return result;
}

/// The value 0 (positive) in the semantics of `like`.
static APFloat zeroLike(const APFloat &like) {
  return APFloat::getZero(like.getSemantics());
}

/// The value 1 in the semantics of `like`.
static APFloat oneLike(const APFloat &like) {
  return APFloat::getOne(like.getSemantics());
}

/// sign0: 1, -1 or 0; NaN gives 0 (neither compare holds).
static APFloat signWithZero(const APFloat &v) {
  if (v.isNaN() || v.isZero())
    return zeroLike(v);
  return v.isNegative() ? -oneLike(v) : oneLike(v);
}

static APFloat add(APFloat a, const APFloat &b) {
  a.add(b, kNearestEven);
  return a;
}
static APFloat sub(APFloat a, const APFloat &b) {
  a.subtract(b, kNearestEven);
  return a;
}
static APFloat mul(APFloat a, const APFloat &b) {
  a.multiply(b, kNearestEven);
  return a;
}
static APFloat div(APFloat a, const APFloat &b) {
  a.divide(b, kNearestEven);
  return a;
}
static APFloat roundHalfEven(APFloat a) {
  a.roundToIntegral(APFloat::rmNearestTiesToEven);
  return a;
}
static bool lessEqual(const APFloat &a, const APFloat &b) {
  APFloat::cmpResult r = a.compare(b);
  return r == APFloat::cmpLessThan || r == APFloat::cmpEqual;
}

/// `n = 2^k_bit - 1` in the semantics of `like`.
static APFloat levels(int64_t kBit, const APFloat &like) {
  return constantLike(std::ldexp(1.0, static_cast<int>(kBit)) - 1.0, like);
}

//===----------------------------------------------------------------------===//
// Forward building blocks
//===----------------------------------------------------------------------===//

APFloat mlir::lq::semantics::sign(const APFloat &x) {
  // Larq: sign(sign(x) + 0.1). Only x < 0 gives -1; -0.0 and NaN give +1.
  bool negative = !x.isNaN() && !x.isZero() && x.isNegative();
  return negative ? -oneLike(x) : oneLike(x);
}

APFloat mlir::lq::semantics::heaviside(const APFloat &x) {
  bool positive = !x.isNaN() && !x.isZero() && !x.isNegative();
  return positive ? oneLike(x) : zeroLike(x);
}

APFloat mlir::lq::semantics::ternarize(const APFloat &x, const APFloat &t) {
  APFloat upper = signWithZero(add(x, t));
  APFloat lower = signWithZero(sub(x, t));
  return signWithZero(add(upper, lower));
}

APFloat mlir::lq::semantics::dorefaActivations(const APFloat &x, int64_t kBit) {
  // tf.clip_by_value: maximum(minimum(x, 1), 0), NaN-propagating.
  APFloat clipped = llvm::maximum(llvm::minimum(x, oneLike(x)), zeroLike(x));
  APFloat n = levels(kBit, x);
  return div(roundHalfEven(mul(clipped, n)), n);
}

APFloat mlir::lq::semantics::dorefaWeights(const APFloat &tanhX,
                                           const APFloat &maxAbsTanh,
                                           int64_t kBit) {
  APFloat half = constantLike(0.5, tanhX);
  APFloat p = half;
  if (!maxAbsTanh.isZero()) {
    APFloat twoD = mul(constantLike(2.0, tanhX), maxAbsTanh);
    p = add(div(tanhX, twoD), half);
  }
  APFloat n = levels(kBit, tanhX);
  APFloat twice = mul(constantLike(2.0, tanhX), roundHalfEven(mul(p, n)));
  return sub(div(twice, n), oneLike(tanhX));
}

//===----------------------------------------------------------------------===//
// Pseudo-gradients
//===----------------------------------------------------------------------===//

APFloat mlir::lq::semantics::ste(const APFloat &x, const APFloat &dy,
                                 ClipBound clip) {
  if (!clip)
    return dy;
  return lessEqual(abs(x), constantLike(*clip, x)) ? dy : zeroLike(dy);
}

APFloat mlir::lq::semantics::approxSignGrad(const APFloat &x,
                                            const APFloat &dy) {
  APFloat absX = abs(x);
  if (!lessEqual(absX, oneLike(x)))
    return zeroLike(dy);
  APFloat slope = mul(sub(oneLike(x), absX), constantLike(2.0, x));
  return mul(slope, dy);
}

APFloat mlir::lq::semantics::swishSignGrad(const APFloat &x, const APFloat &dy,
                                           double beta) {
  // Larq: dy * beta * (2 - b_x * tanh(b_x * 0.5)) / (1 + cosh(b_x)).
  APFloat b = constantLike(beta, x);
  APFloat bx = mul(b, x);
  APFloat t = tanh(mul(bx, constantLike(0.5, x)));
  APFloat numerator = mul(mul(dy, b), sub(constantLike(2.0, x), mul(bx, t)));
  APFloat denominator = add(oneLike(x), cosh(bx));
  return div(numerator, denominator);
}

APFloat mlir::lq::semantics::dorefaActivationsGrad(const APFloat &x,
                                                   const APFloat &dy) {
  bool inside = lessEqual(zeroLike(x), x) && lessEqual(x, oneLike(x));
  return inside ? dy : zeroLike(dy);
}

APFloat mlir::lq::semantics::dorefaWeightsGrad(const APFloat &x,
                                               const APFloat &dy,
                                               const APFloat &maxAbsTanh) {
  if (maxAbsTanh.isZero())
    return zeroLike(dy);
  APFloat t = tanh(x);
  APFloat slope = sub(oneLike(x), mul(t, t));
  return div(mul(dy, slope), maxAbsTanh);
}

//===----------------------------------------------------------------------===//
// Transcendentals
//===----------------------------------------------------------------------===//

/// Apply the libm function of the element type (f32 for f16/bf16/f32).
template <typename F32Fn, typename F64Fn>
static APFloat applyLibm(const APFloat &x, F32Fn f32Fn, F64Fn f64Fn) {
  const llvm::fltSemantics &sem = x.getSemantics();
  if (&sem == &APFloat::IEEEdouble())
    return APFloat(f64Fn(x.convertToDouble()));
  bool losesInfo = false;
  APFloat asFloat = x;
  asFloat.convert(APFloat::IEEEsingle(), kNearestEven, &losesInfo);
  APFloat result(f32Fn(asFloat.convertToFloat()));
  result.convert(sem, kNearestEven, &losesInfo);
  return result;
}

APFloat mlir::lq::semantics::tanh(const APFloat &x) {
  return applyLibm(
      x, [](float v) { return ::tanhf(v); },
      [](double v) { return ::tanh(v); });
}

APFloat mlir::lq::semantics::cosh(const APFloat &x) {
  return applyLibm(
      x, [](float v) { return ::coshf(v); },
      [](double v) { return ::cosh(v); });
}

//===----------------------------------------------------------------------===//
// Whole-tensor quantities
//===----------------------------------------------------------------------===//

/// Sum of |x[i]| for i in [begin, end) step `stride`, in f64, rounded once.
static APFloat sumAbsStrided(ArrayRef<APFloat> x, size_t begin, size_t stride,
                             const APFloat &like) {
  APFloat sum(0.0);
  bool losesInfo = false;
  for (size_t i = begin; i < x.size(); i += stride) {
    APFloat term = abs(x[i]);
    term.convert(APFloat::IEEEdouble(), kNearestEven, &losesInfo);
    sum.add(term, kNearestEven);
  }
  sum.convert(like.getSemantics(), kNearestEven, &losesInfo);
  return sum;
}

APFloat mlir::lq::semantics::sumAbs(ArrayRef<APFloat> x) {
  if (x.empty())
    return APFloat(0.0);
  return sumAbsStrided(x, 0, 1, x.front());
}

APFloat mlir::lq::semantics::twnThreshold(ArrayRef<APFloat> x) {
  if (x.empty())
    return APFloat(0.0);
  const APFloat &like = x.front();
  APFloat scaled = mul(constantLike(0.7, like), sumAbs(x));
  return div(scaled, constantLike(static_cast<double>(x.size()), like));
}

SmallVector<APFloat> mlir::lq::semantics::channelMeanAbs(ArrayRef<APFloat> x,
                                                         int64_t numChannels) {
  SmallVector<APFloat> scales;
  if (x.empty() || numChannels <= 0)
    return scales;
  size_t channels = static_cast<size_t>(numChannels);
  APFloat count =
      constantLike(static_cast<double>(x.size() / channels), x.front());
  scales.reserve(channels);
  for (size_t c = 0; c < channels; ++c)
    scales.push_back(div(sumAbsStrided(x, c, channels, x.front()), count));
  return scales;
}

APFloat mlir::lq::semantics::maxAbsTanh(ArrayRef<APFloat> x) {
  if (x.empty())
    return APFloat(0.0);
  // tanh is odd and increasing, so max|tanh(x)| = tanh(max|x|); computing it
  // this way reads x once (and the lowering does the same).
  APFloat result = zeroLike(x.front());
  for (const APFloat &v : x)
    result = llvm::maximum(result, abs(v));
  return tanh(result);
}
