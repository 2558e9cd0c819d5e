//===- QuantizerSemantics.h - Larq's quantizer math -------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The single C++ statement of what each lq quantizer and pseudo-gradient
// computes (docs/Dialect.md in code). The constant folders call it, the
// lowering to linalg/arith mirrors it operation for operation, and the tests
// compare executed code against it.
//
// All arithmetic happens in the element type of `x` (an APFloat semantics),
// one IEEE operation at a time, in the order Larq writes it; every Larq
// constant (0.7, thresholds, beta, n, ...) is first rounded to that type.
// Two documented choices go beyond Larq's text:
//  * sign(NaN) = +1 (Larq leaves NaN unspecified); this equals lq.bitpack's
//    rule "bit 1 <=> x < 0", so binarization never changes a result.
//  * Sums over a tensor accumulate in f64 (or APFloat's f64 for f64 input)
//    and are rounded once to the element type, which makes them independent
//    of the summation order in practice; the operations after the sum follow
//    Larq's sequence in the element type.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_QUANTIZERSEMANTICS_H
#define LQ_DIALECT_LQ_IR_QUANTIZERSEMANTICS_H

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace mlir::lq::semantics {

using llvm::APFloat;

/// Larq's `clip_value`: a bound, or std::nullopt for `None` (no clipping).
using ClipBound = std::optional<double>;

/// DoReFa's two modes.
enum class DoReFaMode { Activations, Weights };

/// The largest k_bit for which `n = 2^k_bit - 1` and every level `i / n` are
/// exact enough to be meaningful: the significand width of the type.
int64_t maxDoReFaBits(const llvm::fltSemantics &sem);

/// `value` rounded (to nearest, ties to even) to the semantics of `like`.
APFloat constantLike(double value, const APFloat &like);

//===----------------------------------------------------------------------===//
// Elementwise building blocks
//===----------------------------------------------------------------------===//

/// +1 for x >= 0 (including -0.0), -1 for x < 0, +1 for NaN.
APFloat sign(const APFloat &x);

/// 1 for x > 0, else 0 (both zeros and NaN give 0).
APFloat heaviside(const APFloat &x);

/// sign0(sign0(x + t) + sign0(x - t)) with sign0(0) = 0: +1 for x >= |t|,
/// -1 for x <= -|t|, 0 in between (and for NaN); t = 0 gives sign0(x).
APFloat ternarize(const APFloat &x, const APFloat &threshold);

/// round(clip(x, 0, 1) * n) / n, NaN propagates.
APFloat dorefaActivations(const APFloat &x, int64_t kBit);

/// Weights mode given l = tanh(x) and D = max|tanh(x)| over the tensor:
/// p = D == 0 ? 0.5 : l / (2D) + 0.5, result 2 * round(p * n) / n - 1.
APFloat dorefaWeights(const APFloat &tanhX, const APFloat &maxAbsTanh,
                      int64_t kBit);

/// The clipped straight-through estimator: |x| <= clip ? dy : 0 (a select),
/// or dy everywhere when `clip` is std::nullopt.
APFloat ste(const APFloat &x, const APFloat &dy, ClipBound clip);

/// |x| <= 1 ? (1 - |x|) * 2 * dy : 0.
APFloat approxSignGrad(const APFloat &x, const APFloat &dy);

/// dy * beta * (2 - bx * tanh(bx / 2)) / (1 + cosh(bx)), bx = beta * x.
APFloat swishSignGrad(const APFloat &x, const APFloat &dy, double beta);

/// 0 <= x <= 1 ? dy : 0.
APFloat dorefaActivationsGrad(const APFloat &x, const APFloat &dy);

/// D == 0 ? 0 : dy * (1 - tanh(x)^2) / D.
APFloat dorefaWeightsGrad(const APFloat &x, const APFloat &dy,
                          const APFloat &maxAbsTanh);

/// tanh and cosh in the element type: the host libm's f32 function for f32
/// (and, rounded, for f16/bf16), its f64 function for f64. The lowering can
/// call the same libm (`lq-to-llvm{libm-transcendentals=1}`) or use MLIR's
/// polynomial approximations (a few ulp, vectorized; the default).
APFloat tanh(const APFloat &x);
APFloat cosh(const APFloat &x);

//===----------------------------------------------------------------------===//
// Whole-tensor quantities (x is a row-major tensor, last axis = channel)
//===----------------------------------------------------------------------===//

/// sum(|x|) accumulated in f64 and rounded once to the element type.
APFloat sumAbs(llvm::ArrayRef<APFloat> x);

/// TWN threshold: 0.7 * sum(|x|) / size(x) in the element type.
APFloat twnThreshold(llvm::ArrayRef<APFloat> x);

/// magnitude_aware_sign's per-channel scale: mean(|x|) over every axis but
/// the last, i.e. over the `x.size() / numChannels` rows of each channel.
llvm::SmallVector<APFloat> channelMeanAbs(llvm::ArrayRef<APFloat> x,
                                          int64_t numChannels);

/// D = max |tanh(x)| over the tensor (NaN propagates), computed as
/// tanh(max |x|), which is the same since tanh is odd and increasing.
APFloat maxAbsTanh(llvm::ArrayRef<APFloat> x);

} // namespace mlir::lq::semantics

#endif // LQ_DIALECT_LQ_IR_QUANTIZERSEMANTICS_H
