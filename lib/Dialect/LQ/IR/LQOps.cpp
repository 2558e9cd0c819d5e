//===- LQOps.cpp - lq quantizer and gradient ops --------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Verifiers, constant folders and QuantizerOpInterface implementations of the
// quantizer ops. All the math lives in QuantizerSemantics.cpp; this file only
// decodes attributes and walks constant elements.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>

using namespace mlir;
using namespace mlir::lq;
namespace sem = mlir::lq::semantics;
using llvm::APFloat;

#include "lq/Dialect/LQ/IR/LQInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "lq/Dialect/LQ/IR/LQOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Attribute decoding
//===----------------------------------------------------------------------===//

sem::ClipBound mlir::lq::getClipBound(Attribute clipValue) {
  if (auto bound = dyn_cast_or_null<FloatAttr>(clipValue))
    return bound.getValueAsDouble();
  return std::nullopt;
}

std::optional<sem::DoReFaMode> mlir::lq::parseDoReFaMode(StringRef mode) {
  if (mode == "activations")
    return sem::DoReFaMode::Activations;
  if (mode == "weights")
    return sem::DoReFaMode::Weights;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Verifier helpers (shared by a quantizer and its gradient op)
//===----------------------------------------------------------------------===//

static LogicalResult verifyFinite(Operation *op, StringRef name, double value) {
  if (std::isfinite(value))
    return success();
  return op->emitOpError() << "attribute '" << name << "' must be finite, got "
                           << value;
}

static LogicalResult verifyClipValue(Operation *op, Attribute clipValue) {
  if (sem::ClipBound bound = getClipBound(clipValue))
    return verifyFinite(op, "clip_value", *bound);
  return success();
}

/// Operations whose result depends on the whole tensor need a ranked tensor.
static LogicalResult verifyTensorOperand(Operation *op, Type type,
                                         StringRef why) {
  if (isa<RankedTensorType>(type))
    return success();
  return op->emitOpError() << "requires a ranked tensor operand " << why
                           << ", got " << type;
}

static LogicalResult verifySteTernAttrs(Operation *op, Type type,
                                        double threshold, bool twn,
                                        Attribute clipValue) {
  if (failed(verifyFinite(op, "threshold_value", threshold)) ||
      failed(verifyClipValue(op, clipValue)))
    return failure();
  if (twn)
    return verifyTensorOperand(
        op, type,
        "with ternary_weight_networks = true (the threshold is computed over "
        "the whole tensor)");
  return success();
}

static LogicalResult verifyDoReFaAttrs(Operation *op, Type type, int64_t kBit,
                                       StringRef mode) {
  if (kBit < 1)
    return op->emitOpError()
           << "attribute 'k_bit' must be at least 1, got " << kBit;
  Type elementType = getElementTypeOrSelf(type);
  int64_t maxBits =
      sem::maxDoReFaBits(cast<FloatType>(elementType).getFloatSemantics());
  if (kBit > maxBits)
    return op->emitOpError()
           << "attribute 'k_bit' = " << kBit << " is too large for "
           << elementType << ": 2^k_bit - 1 must be exact (k_bit <= " << maxBits
           << ")";
  std::optional<sem::DoReFaMode> parsed = parseDoReFaMode(mode);
  if (!parsed)
    return op->emitOpError()
           << "attribute 'mode' must be \"activations\" or \"weights\", got \""
           << mode << "\"";
  if (*parsed == sem::DoReFaMode::Weights)
    return verifyTensorOperand(
        op, type,
        "in \"weights\" mode (the scale is a maximum over the whole tensor)");
  return success();
}

static LogicalResult verifyPrecision(Operation *op, int64_t precision) {
  if (precision >= 1)
    return success();
  return op->emitOpError() << "attribute 'precision' must be at least 1, got "
                           << precision;
}

//===----------------------------------------------------------------------===//
// Folding helpers
//===----------------------------------------------------------------------===//

namespace {
/// The elements of a constant operand in row-major order, with its shape.
struct ConstantElements {
  SmallVector<APFloat> values;
  /// Empty for a scalar.
  SmallVector<int64_t> shape;
  bool isSplat = false;
};
} // namespace

/// Decode a constant float scalar or dense float elements attribute.
static std::optional<ConstantElements> getConstantElements(Attribute attr) {
  if (auto scalar = dyn_cast_or_null<FloatAttr>(attr))
    return ConstantElements{{scalar.getValue()}, {}, true};
  auto dense = dyn_cast_or_null<DenseFPElementsAttr>(attr);
  if (!dense)
    return std::nullopt;
  ConstantElements result;
  result.shape.assign(dense.getType().getShape().begin(),
                      dense.getType().getShape().end());
  result.isSplat = dense.isSplat();
  if (result.isSplat)
    result.values.push_back(dense.getSplatValue<APFloat>());
  else
    result.values.assign(dense.value_begin<APFloat>(),
                         dense.value_end<APFloat>());
  return result;
}

/// The folders do not expand a splat constant larger than this: a splat of
/// a huge shape (e.g. tensor<100000x100000xf32>) takes no memory as an
/// attribute but would as a vector of elements (and as the folded result).
static constexpr int64_t kMaxFoldElements = int64_t(1) << 20;

/// Expand a splat to all its elements (for whole-tensor math). False, and
/// nothing changed, when the splat has more than kMaxFoldElements elements.
[[nodiscard]] static bool expandSplat(ConstantElements &elements) {
  if (!elements.isSplat || elements.shape.empty())
    return true;
  // Checked: the element count of a valid type can overflow int64.
  int64_t size = 1;
  for (int64_t dim : elements.shape) {
    std::optional<int64_t> next = llvm::checkedMul<int64_t>(size, dim);
    if (!next || *next > kMaxFoldElements)
      return false;
    size = *next;
  }
  APFloat value = elements.values.front();
  elements.values.assign(size, value);
  elements.isSplat = false;
  return true;
}

/// Build the folded attribute of `type` from `values` (one value = splat).
static OpFoldResult makeFoldResult(Type type, ArrayRef<APFloat> values) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return DenseElementsAttr::get(shaped, values);
  return FloatAttr::get(type, values.front());
}

/// Fold a quantizer whose result element i depends only on x[i].
static OpFoldResult foldUnary(Attribute x, Type type,
                              llvm::function_ref<APFloat(const APFloat &)> fn) {
  std::optional<ConstantElements> in = getConstantElements(x);
  if (!in)
    return {};
  SmallVector<APFloat> out;
  out.reserve(in->values.size());
  for (const APFloat &v : in->values)
    out.push_back(fn(v));
  return makeFoldResult(type, out);
}

/// Fold a gradient whose element i depends only on x[i] and dy[i].
static OpFoldResult
foldBinary(Attribute x, Attribute dy, Type type,
           llvm::function_ref<APFloat(const APFloat &, const APFloat &)> fn) {
  std::optional<ConstantElements> xs = getConstantElements(x);
  std::optional<ConstantElements> dys = getConstantElements(dy);
  if (!xs || !dys)
    return {};
  if (xs->isSplat != dys->isSplat && (!expandSplat(*xs) || !expandSplat(*dys)))
    return {};
  SmallVector<APFloat> out;
  out.reserve(xs->values.size());
  for (auto [xv, dyv] : llvm::zip_equal(xs->values, dys->values))
    out.push_back(fn(xv, dyv));
  return makeFoldResult(type, out);
}

/// The number of channels (size of the last axis) of a constant; a scalar or
/// rank-0 tensor is one channel.
static int64_t numChannels(const ConstantElements &elements) {
  return elements.shape.empty() ? 1 : elements.shape.back();
}

//===----------------------------------------------------------------------===//
// ste_sign
//===----------------------------------------------------------------------===//

LogicalResult SteSignOp::verify() {
  return verifyClipValue(*this, getClipValue());
}
LogicalResult SteSignGradOp::verify() {
  return verifyClipValue(*this, getClipValue());
}

OpFoldResult SteSignOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getX(), getType(), sem::sign);
}

OpFoldResult SteSignGradOp::fold(FoldAdaptor adaptor) {
  sem::ClipBound clip = getClipBound(getClipValue());
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    [&](const APFloat &x, const APFloat &dy) {
                      return sem::ste(x, dy, clip);
                    });
}

int64_t SteSignOp::getPrecision() { return 1; }
bool SteSignOp::isSignBinarizer() { return true; }
Value SteSignOp::buildGradient(OpBuilder &builder, Value dy) {
  return SteSignGradOp::create(builder, getLoc(), getX(), dy, getClipValue());
}

//===----------------------------------------------------------------------===//
// approx_sign
//===----------------------------------------------------------------------===//

LogicalResult ApproxSignOp::verify() { return success(); }
LogicalResult ApproxSignGradOp::verify() { return success(); }

OpFoldResult ApproxSignOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getX(), getType(), sem::sign);
}

OpFoldResult ApproxSignGradOp::fold(FoldAdaptor adaptor) {
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    sem::approxSignGrad);
}

int64_t ApproxSignOp::getPrecision() { return 1; }
bool ApproxSignOp::isSignBinarizer() { return true; }
Value ApproxSignOp::buildGradient(OpBuilder &builder, Value dy) {
  return ApproxSignGradOp::create(builder, getLoc(), getX(), dy);
}

//===----------------------------------------------------------------------===//
// ste_heaviside
//===----------------------------------------------------------------------===//

LogicalResult SteHeavisideOp::verify() {
  return verifyClipValue(*this, getClipValue());
}
LogicalResult SteHeavisideGradOp::verify() {
  return verifyClipValue(*this, getClipValue());
}

OpFoldResult SteHeavisideOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getX(), getType(), sem::heaviside);
}

OpFoldResult SteHeavisideGradOp::fold(FoldAdaptor adaptor) {
  sem::ClipBound clip = getClipBound(getClipValue());
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    [&](const APFloat &x, const APFloat &dy) {
                      return sem::ste(x, dy, clip);
                    });
}

int64_t SteHeavisideOp::getPrecision() { return 1; }
Value SteHeavisideOp::buildGradient(OpBuilder &builder, Value dy) {
  return SteHeavisideGradOp::create(builder, getLoc(), getX(), dy,
                                    getClipValue());
}

//===----------------------------------------------------------------------===//
// swish_sign
//===----------------------------------------------------------------------===//

LogicalResult SwishSignOp::verify() {
  return verifyFinite(*this, "beta", getBeta().convertToDouble());
}
LogicalResult SwishSignGradOp::verify() {
  return verifyFinite(*this, "beta", getBeta().convertToDouble());
}

OpFoldResult SwishSignOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getX(), getType(), sem::sign);
}

OpFoldResult SwishSignGradOp::fold(FoldAdaptor adaptor) {
  double beta = getBeta().convertToDouble();
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    [&](const APFloat &x, const APFloat &dy) {
                      return sem::swishSignGrad(x, dy, beta);
                    });
}

int64_t SwishSignOp::getPrecision() { return 1; }
bool SwishSignOp::isSignBinarizer() { return true; }
Value SwishSignOp::buildGradient(OpBuilder &builder, Value dy) {
  return SwishSignGradOp::create(builder, getLoc(), getX(), dy, getBetaAttr());
}

//===----------------------------------------------------------------------===//
// magnitude_aware_sign
//===----------------------------------------------------------------------===//

LogicalResult MagnitudeAwareSignOp::verify() {
  return verifyClipValue(*this, getClipValue());
}
LogicalResult MagnitudeAwareSignGradOp::verify() {
  return verifyClipValue(*this, getClipValue());
}

OpFoldResult MagnitudeAwareSignOp::fold(FoldAdaptor adaptor) {
  std::optional<ConstantElements> in = getConstantElements(adaptor.getX());
  if (!in || !expandSplat(*in))
    return {};
  int64_t channels = numChannels(*in);
  SmallVector<APFloat> scales = sem::channelMeanAbs(in->values, channels);
  SmallVector<APFloat> out;
  out.reserve(in->values.size());
  for (auto [i, v] : llvm::enumerate(in->values)) {
    APFloat y = sem::sign(v);
    y.multiply(scales[i % channels], APFloat::rmNearestTiesToEven);
    out.push_back(y);
  }
  return makeFoldResult(getType(), out);
}

OpFoldResult MagnitudeAwareSignGradOp::fold(FoldAdaptor adaptor) {
  std::optional<ConstantElements> xs = getConstantElements(adaptor.getX());
  std::optional<ConstantElements> dys = getConstantElements(adaptor.getDy());
  if (!xs || !dys || !expandSplat(*xs) || !expandSplat(*dys))
    return {};
  int64_t channels = numChannels(*xs);
  SmallVector<APFloat> scales = sem::channelMeanAbs(xs->values, channels);
  sem::ClipBound clip = getClipBound(getClipValue());
  SmallVector<APFloat> out;
  out.reserve(xs->values.size());
  for (auto [i, x] : llvm::enumerate(xs->values)) {
    // Larq scales the cotangent first, then applies the STE mask.
    APFloat scaled = scales[i % channels];
    scaled.multiply(dys->values[i], APFloat::rmNearestTiesToEven);
    out.push_back(sem::ste(x, scaled, clip));
  }
  return makeFoldResult(getType(), out);
}

int64_t MagnitudeAwareSignOp::getPrecision() { return 1; }
bool MagnitudeAwareSignOp::isElementwise() { return false; }
Value MagnitudeAwareSignOp::buildGradient(OpBuilder &builder, Value dy) {
  return MagnitudeAwareSignGradOp::create(builder, getLoc(), getX(), dy,
                                          getClipValue());
}

//===----------------------------------------------------------------------===//
// ste_tern
//===----------------------------------------------------------------------===//

LogicalResult SteTernOp::verify() {
  return verifySteTernAttrs(*this, getX().getType(),
                            getThresholdValue().convertToDouble(),
                            getTernaryWeightNetworks(), getClipValue());
}
LogicalResult SteTernGradOp::verify() {
  return verifySteTernAttrs(*this, getX().getType(),
                            getThresholdValue().convertToDouble(),
                            getTernaryWeightNetworks(), getClipValue());
}

OpFoldResult SteTernOp::fold(FoldAdaptor adaptor) {
  std::optional<ConstantElements> in = getConstantElements(adaptor.getX());
  if (!in)
    return {};
  // An empty tensor has no element to take the threshold's type from (and
  // nothing to quantize): it is its own result.
  if (in->values.empty())
    return adaptor.getX();
  APFloat threshold = sem::constantLike(getThresholdValue().convertToDouble(),
                                        in->values.front());
  if (getTernaryWeightNetworks()) {
    if (!expandSplat(*in))
      return {};
    threshold = sem::twnThreshold(in->values);
  }
  SmallVector<APFloat> out;
  out.reserve(in->values.size());
  for (const APFloat &v : in->values)
    out.push_back(sem::ternarize(v, threshold));
  return makeFoldResult(getType(), out);
}

OpFoldResult SteTernGradOp::fold(FoldAdaptor adaptor) {
  sem::ClipBound clip = getClipBound(getClipValue());
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    [&](const APFloat &x, const APFloat &dy) {
                      return sem::ste(x, dy, clip);
                    });
}

int64_t SteTernOp::getPrecision() { return 2; }
bool SteTernOp::isElementwise() { return !getTernaryWeightNetworks(); }
Value SteTernOp::buildGradient(OpBuilder &builder, Value dy) {
  return SteTernGradOp::create(builder, getLoc(), getX(), dy,
                               getThresholdValueAttr(),
                               getTernaryWeightNetworksAttr(), getClipValue());
}

//===----------------------------------------------------------------------===//
// dorefa
//===----------------------------------------------------------------------===//

LogicalResult DoReFaOp::verify() {
  return verifyDoReFaAttrs(*this, getX().getType(), getKBit(), getMode());
}
LogicalResult DoReFaGradOp::verify() {
  return verifyDoReFaAttrs(*this, getX().getType(), getKBit(), getMode());
}

OpFoldResult DoReFaOp::fold(FoldAdaptor adaptor) {
  int64_t kBit = getKBit();
  if (parseDoReFaMode(getMode()) == sem::DoReFaMode::Activations)
    return foldUnary(adaptor.getX(), getType(), [&](const APFloat &x) {
      return sem::dorefaActivations(x, kBit);
    });
  std::optional<ConstantElements> in = getConstantElements(adaptor.getX());
  if (!in || !expandSplat(*in))
    return {};
  APFloat scale = sem::maxAbsTanh(in->values);
  SmallVector<APFloat> out;
  out.reserve(in->values.size());
  for (const APFloat &v : in->values)
    out.push_back(sem::dorefaWeights(sem::tanh(v), scale, kBit));
  return makeFoldResult(getType(), out);
}

OpFoldResult DoReFaGradOp::fold(FoldAdaptor adaptor) {
  if (parseDoReFaMode(getMode()) == sem::DoReFaMode::Activations)
    return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                      sem::dorefaActivationsGrad);
  std::optional<ConstantElements> xs = getConstantElements(adaptor.getX());
  if (!xs || !expandSplat(*xs))
    return {};
  APFloat scale = sem::maxAbsTanh(xs->values);
  return foldBinary(adaptor.getX(), adaptor.getDy(), getType(),
                    [&](const APFloat &x, const APFloat &dy) {
                      return sem::dorefaWeightsGrad(x, dy, scale);
                    });
}

int64_t DoReFaOp::getPrecision() { return getKBit(); }
bool DoReFaOp::isElementwise() {
  return parseDoReFaMode(getMode()) != sem::DoReFaMode::Weights;
}
Value DoReFaOp::buildGradient(OpBuilder &builder, Value dy) {
  return DoReFaGradOp::create(builder, getLoc(), getX(), dy, getKBitAttr(),
                              getModeAttr());
}

//===----------------------------------------------------------------------===//
// noop
//===----------------------------------------------------------------------===//

LogicalResult NoOpOp::verify() {
  return verifyPrecision(*this, getPrecision());
}
LogicalResult NoOpGradOp::verify() {
  return verifyPrecision(*this, getPrecision());
}

OpFoldResult NoOpOp::fold(FoldAdaptor adaptor) {
  // Only a constant folds: a constant is no trainable variable, so the
  // precision tag has nothing left to describe.
  if (getConstantElements(adaptor.getX()))
    return adaptor.getX();
  return {};
}

OpFoldResult NoOpGradOp::fold(FoldAdaptor adaptor) {
  // dx = dy: forward the cotangent, constant or not.
  return getDy();
}

Value NoOpOp::buildGradient(OpBuilder &builder, Value dy) {
  return NoOpGradOp::create(builder, getLoc(), getX(), dy, getPrecisionAttr());
}
