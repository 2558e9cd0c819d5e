//===- Binarize.cpp - sign-quantized conv/matmul -> binary ops ------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The lq-binarize pass. Each candidate (a float convolution, matrix product
// or max pooling) is first analyzed: the analysis either yields everything
// the rewrite needs, or a reason why it stays float, reported as a remark
// when the candidate has a sign-quantized operand. The rewrite creates
// lq.bitpack + lq.bconv2d / lq.bmatmul / lq.bmaxpool2d; constant weights are
// packed at compile time. Epilogue fusion is left to the lq ops'
// canonicalization patterns, which the pass runs afterwards.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/Binarize.h"
#include "lq/Dialect/LQ/Transforms/Passes.h"

#include "lq/Dialect/LQ/IR/BinarySemantics.h"
#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQBINARIZEPASS
#include "lq/Dialect/LQ/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;
using namespace mlir::lq;
using llvm::APFloat;

//===----------------------------------------------------------------------===//
// Recognizing +-1 values
//===----------------------------------------------------------------------===//

/// Step back over ops that only move elements around.
static Value skipLayoutOps(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (!isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp, tensor::CastOp,
             tensor::ReshapeOp, tensor::ExtractSliceOp, linalg::TransposeOp,
             tosa::ReshapeOp, tosa::TransposeOp>(def))
      break;
    value = def->getOperand(0);
  }
  return value;
}

/// A dense constant whose values are all -1 or +1.
static bool isPlusMinusOneConstant(Value value) {
  DenseFPElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return false;
  auto isPlusMinusOne = [](const APFloat &v) {
    return v.isExactlyValue(1.0) || v.isExactlyValue(-1.0);
  };
  // A splat may stand for billions of elements: look at its one value.
  if (attr.isSplat())
    return isPlusMinusOne(attr.getSplatValue<APFloat>());
  return llvm::all_of(attr.getValues<APFloat>(), isPlusMinusOne);
}

/// Every element of `value` is exactly -1 or +1: the output of a sign
/// quantizer or a bitunpack (behind layout ops), or a +-1 constant.
static bool isSignValued(Value value) {
  value = skipLayoutOps(value);
  if (isPlusMinusOneConstant(value))
    return true;
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  if (auto quantizer = dyn_cast<QuantizerOpInterface>(def))
    return quantizer.isSignBinarizer();
  return isa<BitunpackOp>(def);
}

/// `value` comes from a sign-like quantizer (the remark criterion): a sign
/// binarizer or magnitude_aware_sign, behind layout ops or a pad.
static bool isSignQuantized(Value value) {
  value = skipLayoutOps(value);
  if (auto pad = value.getDefiningOp<tensor::PadOp>())
    value = skipLayoutOps(pad.getSource());
  if (isSignValued(value))
    return true;
  return value.getDefiningOp<MagnitudeAwareSignOp>() != nullptr;
}

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

namespace {
/// The weights of a binary product in canonical form: rows of `depth` values
/// (one row per output channel and tap), i.e. OHWI for convolutions and
/// [N, K] for matrix products, so packing along the last axis is the layout
/// of lq.bconv2d's filter / lq.bmatmul's rhs.
struct Weights {
  /// Compile-time weights: the rows of values, one scale per output channel
  /// (empty when all are 1).
  std::optional<SmallVector<APFloat>> values;
  SmallVector<APFloat> scales;
  /// Run-time +-1 weights, already in canonical layout.
  Value runtime;
  /// Canonical shape (outputs first, depth last).
  SmallVector<int64_t> shape;
};
} // namespace

/// Reorder `attr` (shape `shape`) by `permutation` (result dim i = source dim
/// permutation[i]).
static SmallVector<APFloat> permute(DenseFPElementsAttr attr,
                                    ArrayRef<int64_t> permutation) {
  ArrayRef<int64_t> shape = attr.getType().getShape();
  SmallVector<APFloat> source(attr.getValues<APFloat>());
  int64_t rank = shape.size();
  SmallVector<int64_t> strides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  SmallVector<int64_t> outShape;
  for (int64_t p : permutation)
    outShape.push_back(shape[p]);
  SmallVector<APFloat> result;
  result.reserve(source.size());
  SmallVector<int64_t> index(rank, 0);
  for (size_t n = 0; n < source.size(); ++n) {
    int64_t offset = 0;
    for (int64_t d = 0; d < rank; ++d)
      offset += index[d] * strides[permutation[d]];
    result.push_back(source[offset]);
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < outShape[d])
        break;
      index[d] = 0;
    }
  }
  return result;
}

/// Split canonical weight values into signs and one magnitude per output
/// channel (`outputs` channels, each `values.size() / outputs` values).
/// Fails unless every channel's values share one magnitude.
static LogicalResult splitScales(ArrayRef<APFloat> values, int64_t outputs,
                                 SmallVectorImpl<APFloat> &scales) {
  int64_t perChannel = values.size() / outputs;
  bool allOne = true;
  for (int64_t o = 0; o < outputs; ++o) {
    APFloat magnitude = abs(values[o * perChannel]);
    if (!magnitude.isFinite())
      return failure();
    for (int64_t i = 1; i < perChannel; ++i)
      if (!abs(values[o * perChannel + i]).bitwiseIsEqual(magnitude))
        return failure();
    allOne &= magnitude.isExactlyValue(1.0);
    scales.push_back(magnitude);
  }
  if (allOne)
    scales.clear();
  return success();
}

/// Analyze the weight operand `weights` whose canonical form is its
/// transpose by `permutation` followed by a reshape to `canonicalShape`
/// (outputs first). Sets `whyNot` on failure.
static FailureOr<Weights> analyzeWeights(Value weights,
                                         ArrayRef<int64_t> permutation,
                                         ArrayRef<int64_t> canonicalShape,
                                         bool allowScales,
                                         std::string &whyNot) {
  Weights result;
  result.shape.assign(canonicalShape.begin(), canonicalShape.end());
  // No output channel, tap or depth: nothing to pack (and the binary ops
  // need a depth of at least 1).
  if (llvm::is_contained(canonicalShape, 0)) {
    whyNot = "the weights have a zero-sized dimension";
    return failure();
  }
  DenseFPElementsAttr attr;
  if (matchPattern(weights, m_Constant(&attr))) {
    // The weights are expanded (one APFloat each) to be packed: bound that.
    constexpr int64_t kMaxConstantWeights = int64_t(1) << 24;
    if (attr.getNumElements() > kMaxConstantWeights) {
      whyNot = "the constant weights have more than 2^24 elements, too many "
               "to pack at compile time";
      return failure();
    }
    SmallVector<APFloat> values = permute(attr, permutation);
    if (failed(splitScales(values, canonicalShape.front(), result.scales))) {
      whyNot = "the constant weights are not +-1 (nor +-s per output channel)";
      return failure();
    }
    if (!result.scales.empty() && !allowScales) {
      whyNot = "the constant weights are not +-1 and their scale would not "
               "be per output channel";
      return failure();
    }
    result.values = std::move(values);
    return result;
  }
  if (isSignValued(weights)) {
    result.runtime = weights;
    return result;
  }
  whyNot = isSignQuantized(weights)
               ? "the weights are magnitude_aware_sign of a non-constant "
                 "value (fold it first: constant weights)"
               : "the weights are neither constant nor sign-quantized";
  return failure();
}

/// Materialize the packed weights: a compile-time i64 constant, or a run-time
/// transpose/reshape + lq.bitpack.
static Value buildPackedWeights(OpBuilder &b, Location loc,
                                const Weights &weights,
                                ArrayRef<int64_t> permutation) {
  int64_t depth = weights.shape.back();
  SmallVector<int64_t> packedShape(weights.shape);
  packedShape.back() = binary::packedWords(depth, 1);
  auto packedType = RankedTensorType::get(packedShape, b.getI64Type());
  if (weights.values) {
    SmallVector<uint64_t> words = binary::pack(*weights.values, depth, 1);
    SmallVector<APInt> elements;
    for (uint64_t word : words)
      elements.emplace_back(64, word);
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(packedType, elements));
  }
  Value value = weights.runtime;
  auto type = cast<RankedTensorType>(value.getType());
  bool identity =
      llvm::equal(permutation, llvm::seq<int64_t>(0, permutation.size()));
  if (!identity) {
    SmallVector<int64_t> shape;
    for (int64_t p : permutation)
      shape.push_back(type.getDimSize(p));
    Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    value = linalg::TransposeOp::create(b, loc, value, init, permutation)
                ->getResult(0);
  }
  auto canonical = RankedTensorType::get(weights.shape, type.getElementType());
  if (cast<RankedTensorType>(value.getType()) != canonical) {
    // Only grouped filters reshape: [G, F, ...] -> [G*F, ...].
    value = tensor::CollapseShapeOp::create(
        b, loc, canonical, value,
        SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}, {4}});
  }
  return BitpackOp::create(b, loc, packedType, value);
}

/// A per-output-channel constant (multiplier or bias), or null when empty.
static Value buildScales(OpBuilder &b, Location loc, ArrayRef<APFloat> scales,
                         Type elementType) {
  if (scales.empty())
    return {};
  auto type =
      RankedTensorType::get({static_cast<int64_t>(scales.size())}, elementType);
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, scales));
}

/// Whether the binary ops can produce `type`'s element type as a float
/// result (f16, bf16, f32: LQBinaryOps.td); sets `whyNot` if not.
static bool isSupportedResultType(RankedTensorType type, std::string &whyNot) {
  Type element = type.getElementType();
  if (element.isF16() || element.isBF16() || element.isF32())
    return true;
  llvm::raw_string_ostream os(whyNot);
  os << "the result element type " << element
     << " is not supported by the binary ops (f16, bf16 or f32)";
  return false;
}

/// Convert the per-channel weight scales to the result element type, as the
/// float op converts its operands (round to nearest even): a linalg op with
/// f16 weights and an f32 result multiplies by the f32 value of the f16
/// scale. Fails (setting `whyNot`) when a scale overflows that type.
static LogicalResult convertScales(SmallVectorImpl<APFloat> &scales,
                                   Type elementType, std::string &whyNot) {
  const llvm::fltSemantics &semantics =
      cast<FloatType>(elementType).getFloatSemantics();
  for (APFloat &scale : scales) {
    bool losesInfo;
    scale.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    if (!scale.isFinite()) {
      whyNot = "a weight scale overflows the result element type";
      return failure();
    }
  }
  return success();
}

/// analyzeWeights, then the scales converted to `resultElementType` (the
/// multiplier's type).
static FailureOr<Weights>
analyzeScaledWeights(Value weights, ArrayRef<int64_t> permutation,
                     ArrayRef<int64_t> canonicalShape, bool allowScales,
                     Type resultElementType, std::string &whyNot) {
  FailureOr<Weights> result =
      analyzeWeights(weights, permutation, canonicalShape, allowScales, whyNot);
  if (failed(result) ||
      failed(convertScales(result->scales, resultElementType, whyNot)))
    return failure();
  return result;
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

/// The accumulator operand starts at zero (fill with 0 or a zero constant).
static bool isZeroInit(Value init) {
  if (matchPattern(init, m_AnyZeroFloat()))
    return true;
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    return matchPattern(fill.getInputs()[0], m_AnyZeroFloat());
  return false;
}

namespace {
/// A +-1 NHWC activation, possibly padded spatially.
struct Activation {
  Value value;
  SmallVector<int64_t, 4> padding = {0, 0, 0, 0};
  int64_t padValue = 0;
};
} // namespace

/// Whether every amount of a tensor.pad side is >= 0 (tensor.pad allows
/// negative amounts, i.e. cropping; the binary ops' padding does not).
static bool isNonNegative(ArrayRef<int64_t> amounts) {
  return llvm::all_of(amounts, [](int64_t p) { return p >= 0; });
}

/// Spatial padding and pad value of a +-1 activation behind `tensor.pad`
/// (or a plain +-1 activation) of rank `rank`: NHWC, or NHWGC for grouped
/// convolutions.
static FailureOr<Activation> analyzeActivation(Value input, std::string &whyNot,
                                               int64_t rank = 4) {
  Activation result;
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad) {
    if (!isSignValued(input)) {
      whyNot = "the input is not sign-quantized";
      return failure();
    }
    result.value = input;
    return result;
  }
  if (!isSignValued(pad.getSource())) {
    whyNot = "the padded input is not sign-quantized";
    return failure();
  }
  ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
  auto nonZero = [](int64_t p) { return p != 0; };
  if (ShapedType::isDynamicShape(low) || ShapedType::isDynamicShape(high) ||
      static_cast<int64_t>(low.size()) != rank || low[0] || high[0] ||
      llvm::any_of(low.drop_front(3), nonZero) ||
      llvm::any_of(high.drop_front(3), nonZero)) {
    whyNot = "the padding is not static and spatial (H, W) only";
    return failure();
  }
  if (!isNonNegative(low) || !isNonNegative(high)) {
    whyNot = "the padding crops the input (negative amounts)";
    return failure();
  }
  Value padValue = pad.getConstantPaddingValue();
  FloatAttr value;
  if (!padValue || !matchPattern(padValue, m_Constant(&value))) {
    whyNot = "the padding value is not a constant";
    return failure();
  }
  if (value.getValue().isZero())
    result.padValue = 0;
  else if (value.getValue().isExactlyValue(1.0))
    result.padValue = 1;
  else {
    whyNot = "the padding value is neither 0 (exact zero padding) nor 1.0";
    return failure();
  }
  result.value = pad.getSource();
  result.padding = {low[1], high[1], low[2], high[2]};
  return result;
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

namespace {
/// Everything needed to rewrite a convolution.
struct ConvPlan {
  Activation input;
  /// The activation reshaped to [N, H, W, G*Cg] when grouped.
  bool groupedInput = false;
  Weights weights;
  SmallVector<int64_t> weightPermutation;
  SmallVector<int64_t, 2> strides, dilations;
  int64_t groups = 1;
  int64_t channelsIn = 0;
  /// A bias (tosa.conv2d): constant values per output channel, or a value.
  std::optional<SmallVector<APFloat>> biasValues;
  Value bias;
  RankedTensorType resultType;
};
} // namespace

static SmallVector<int64_t, 2> toVector(DenseIntElementsAttr attr) {
  SmallVector<int64_t, 2> result;
  for (const APInt &v : attr.getValues<APInt>())
    result.push_back(v.getSExtValue());
  return result;
}

/// Whether the binary op's output size, from the (unpadded) input, the
/// window and `padding` ([top, bottom, left, right]), is the size `result`
/// has along each spatial axis. A linalg convolution or pooling may read only
/// part of its input (an input larger than the windows cover); the binary
/// ops always span the whole padded input.
static bool windowCoversInput(ShapedType input, ArrayRef<int64_t> window,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations,
                              ArrayRef<int64_t> padding, ShapedType result) {
  for (int axis = 0; axis < 2; ++axis) {
    FailureOr<int64_t> size = binary::windowOutputSize(
        input.getDimSize(1 + axis), window[axis], strides[axis],
        dilations[axis], padding[2 * axis], padding[2 * axis + 1]);
    if (failed(size))
      return false;
    int64_t expected = result.getDimSize(1 + axis);
    if (!ShapedType::isDynamic(*size) && !ShapedType::isDynamic(expected) &&
        *size != expected)
      return false;
  }
  return true;
}

/// Analyze a linalg NHWC convolution (HWCF, FHWC or grouped GFHWC filter).
static FailureOr<ConvPlan> analyzeLinalgConv(linalg::LinalgOp conv,
                                             std::string &whyNot) {
  ConvPlan plan;
  Value input = conv.getDpsInputs()[0], filter = conv.getDpsInputs()[1];
  auto filterType = cast<RankedTensorType>(filter.getType());
  plan.resultType = cast<RankedTensorType>(conv->getResult(0).getType());
  if (!filterType.hasStaticShape() ||
      !isa<FloatType>(plan.resultType.getElementType())) {
    whyNot = "the filter shape is dynamic or the result is not float";
    return failure();
  }
  if (!isSupportedResultType(plan.resultType, whyNot))
    return failure();
  if (!isZeroInit(conv.getDpsInits()[0])) {
    whyNot = "the accumulator does not start at zero";
    return failure();
  }
  FailureOr<Activation> activation = analyzeActivation(
      input, whyNot, isa<linalg::Conv2DNhwgcGfhwcOp>(*conv) ? 5 : 4);
  if (failed(activation))
    return failure();
  plan.input = *activation;

  ArrayRef<int64_t> fs = filterType.getShape();
  if (auto hwcf = dyn_cast<linalg::Conv2DNhwcHwcfOp>(*conv)) {
    plan.strides = toVector(hwcf.getStrides());
    plan.dilations = toVector(hwcf.getDilations());
    plan.weightPermutation = {3, 0, 1, 2};
    plan.channelsIn = fs[2];
    plan.weights.shape = {fs[3], fs[0], fs[1], fs[2]};
  } else if (auto fhwc = dyn_cast<linalg::Conv2DNhwcFhwcOp>(*conv)) {
    plan.strides = toVector(fhwc.getStrides());
    plan.dilations = toVector(fhwc.getDilations());
    plan.weightPermutation = {0, 1, 2, 3};
    plan.channelsIn = fs[3];
  } else if (auto grouped = dyn_cast<linalg::Conv2DNhwgcGfhwcOp>(*conv)) {
    plan.strides = toVector(grouped.getStrides());
    plan.dilations = toVector(grouped.getDilations());
    plan.weightPermutation = {0, 1, 2, 3, 4};
    plan.groups = fs[0];
    plan.channelsIn = fs[0] * fs[4];
    plan.groupedInput = true;
  } else {
    whyNot = "unsupported convolution layout";
    return failure();
  }
  // Kernel height and width: HWCF at 0-1, FHWC at 1-2, GFHWC at 2-3.
  int64_t kernelAxis = isa<linalg::Conv2DNhwcHwcfOp>(*conv) ? 0
                       : plan.groupedInput                  ? 2
                                                            : 1;
  if (!windowCoversInput(cast<ShapedType>(plan.input.value.getType()),
                         fs.slice(kernelAxis, 2), plan.strides, plan.dilations,
                         plan.input.padding, plan.resultType)) {
    whyNot = "the convolution reads only part of its input (the binary "
             "convolution covers the whole padded input)";
    return failure();
  }
  SmallVector<int64_t> canonical = {fs[0], fs[1], fs[2], fs[3]};
  if (isa<linalg::Conv2DNhwcHwcfOp>(*conv))
    canonical = {fs[3], fs[0], fs[1], fs[2]};
  else if (plan.groupedInput)
    canonical = {fs[0] * fs[1], fs[2], fs[3], fs[4]};
  // A grouped filter is packed from its [G*F, KH, KW, C] view.
  FailureOr<Weights> weights = analyzeScaledWeights(
      filter, plan.weightPermutation, canonical, /*allowScales=*/true,
      plan.resultType.getElementType(), whyNot);
  if (failed(weights))
    return failure();
  plan.weights = *weights;
  return plan;
}

/// Analyze a tosa.conv2d (NHWC input, OHWI weights, bias, built-in padding).
static FailureOr<ConvPlan> analyzeTosaConv(tosa::Conv2DOp conv,
                                           std::string &whyNot) {
  ConvPlan plan;
  plan.resultType = cast<RankedTensorType>(conv.getType());
  auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
  if (!weightType.hasStaticShape() ||
      !isa<FloatType>(plan.resultType.getElementType())) {
    whyNot = "the weight shape is dynamic or the result is not float";
    return failure();
  }
  if (!isSupportedResultType(plan.resultType, whyNot))
    return failure();
  for (Value zp : {conv.getInputZp(), conv.getWeightZp()})
    if (!matchPattern(zp, m_AnyZeroFloat())) {
      whyNot = "a zero point is not 0";
      return failure();
    }
  FailureOr<Activation> activation = analyzeActivation(conv.getInput(), whyNot);
  if (failed(activation))
    return failure();
  plan.input = *activation;
  ArrayRef<int64_t> pad = conv.getPad();
  for (int i = 0; i < 4; ++i)
    plan.input.padding[i] += pad[i];
  if (llvm::any_of(pad, [](int64_t p) { return p != 0; }) &&
      plan.input.padValue != 0 &&
      llvm::any_of(activation->padding, [](int64_t p) { return p != 0; })) {
    whyNot = "mixed one padding and TOSA's zero padding";
    return failure();
  }
  plan.strides.assign(conv.getStride().begin(), conv.getStride().end());
  plan.dilations.assign(conv.getDilation().begin(), conv.getDilation().end());
  plan.weightPermutation = {0, 1, 2, 3};
  ArrayRef<int64_t> ws = weightType.getShape();
  plan.channelsIn = ws[3];
  FailureOr<Weights> weights = analyzeScaledWeights(
      conv.getWeight(), plan.weightPermutation, {ws[0], ws[1], ws[2], ws[3]},
      /*allowScales=*/true, plan.resultType.getElementType(), whyNot);
  if (failed(weights))
    return failure();
  plan.weights = *weights;
  // The bias: per output channel, or a broadcast scalar; all-zero is none.
  DenseFPElementsAttr bias;
  if (matchPattern(conv.getBias(), m_Constant(&bias))) {
    SmallVector<APFloat> values(bias.getValues<APFloat>());
    if (!llvm::all_of(values, [](const APFloat &v) { return v.isZero(); })) {
      if (values.size() == 1)
        values.assign(ws[0], values.front());
      plan.biasValues = std::move(values);
    }
  } else if (cast<RankedTensorType>(conv.getBias().getType()).getDimSize(0) ==
             ws[0]) {
    plan.bias = conv.getBias();
  } else {
    whyNot = "the bias is neither constant nor per output channel";
    return failure();
  }
  return plan;
}

/// Build lq.bitpack + lq.bconv2d for `plan`; returns the float result with
/// the convolution's type.
static Value buildConv(RewriterBase &rewriter, Location loc,
                       const ConvPlan &plan) {
  Value activation = plan.input.value;
  auto activationType = cast<RankedTensorType>(activation.getType());
  if (plan.groupedInput)
    activation = tensor::CollapseShapeOp::create(
        rewriter, loc, activation,
        SmallVector<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  activationType = cast<RankedTensorType>(activation.getType());
  // A dynamic channel count is channelsIn (the filter says so): make it
  // static, as the bitpack lowering needs it.
  if (activationType.isDynamicDim(3)) {
    SmallVector<int64_t> shape(activationType.getShape());
    shape[3] = plan.channelsIn;
    activationType =
        RankedTensorType::get(shape, activationType.getElementType());
    activation =
        tensor::CastOp::create(rewriter, loc, activationType, activation);
  }
  SmallVector<int64_t> packedShape(activationType.getShape());
  packedShape.back() = binary::packedWords(plan.channelsIn, plan.groups);
  Value packed = BitpackOp::create(
      rewriter, loc, RankedTensorType::get(packedShape, rewriter.getI64Type()),
      activation, plan.groups);

  // The filter: [Cout, KH, KW, Cg] packed to words per group.
  Weights weights = plan.weights;
  Value filter =
      buildPackedWeights(rewriter, loc, weights, plan.weightPermutation);
  Type floatType = plan.resultType.getElementType();
  Value multiplier = buildScales(rewriter, loc, weights.scales, floatType);
  Value bias = plan.bias;
  if (plan.biasValues)
    bias = buildScales(rewriter, loc, *plan.biasValues, floatType);

  RankedTensorType resultType = plan.resultType;
  SmallVector<int64_t> flatShape(resultType.getShape());
  // Grouped: [N, H, W, G, F] flattened to G * F output channels, both known
  // from the filter even where the result type leaves them dynamic.
  int64_t outputs = weights.shape.front();
  if (plan.groupedInput)
    flatShape = {flatShape[0], flatShape[1], flatShape[2], outputs};
  auto flatType = RankedTensorType::get(flatShape, floatType);
  auto conv = BConv2DOp::create(
      rewriter, loc, flatType, packed, filter, multiplier, bias,
      /*dot_min=*/nullptr, /*dot_max=*/nullptr, /*output_min=*/nullptr,
      /*output_max=*/nullptr, plan.channelsIn, plan.strides, plan.dilations,
      plan.input.padding, plan.input.padValue, plan.groups);
  if (!plan.groupedInput)
    return conv.getOutput();
  SmallVector<int64_t> expandedShape(resultType.getShape());
  expandedShape[3] = plan.groups;
  expandedShape[4] = outputs / plan.groups;
  Value expanded = tensor::ExpandShapeOp::create(
      rewriter, loc, RankedTensorType::get(expandedShape, floatType),
      conv.getOutput(),
      SmallVector<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  if (expanded.getType() == resultType)
    return expanded;
  return tensor::CastOp::create(rewriter, loc, resultType, expanded);
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

namespace {
struct MatmulPlan {
  Value lhs;
  /// The rhs in canonical [B.., N, K] form.
  Weights weights;
  SmallVector<int64_t> weightPermutation;
  int64_t depth = 0;
  RankedTensorType resultType;
};
} // namespace

/// Analyze lhs [B.., M, K] x rhs (`rhsTransposed`: [B.., N, K], else
/// [B.., K, N]) -> [B.., M, N].
static FailureOr<MatmulPlan> analyzeMatmul(Value lhs, Value rhs,
                                           bool rhsTransposed, Value result,
                                           std::string &whyNot) {
  MatmulPlan plan;
  plan.resultType = cast<RankedTensorType>(result.getType());
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  if (!isa<FloatType>(plan.resultType.getElementType()) ||
      ShapedType::isDynamic(lhsType.getShape().back()) ||
      !rhsType.hasStaticShape()) {
    whyNot = "the depth or the weights' shape is dynamic, or the result is "
             "not float";
    return failure();
  }
  if (!isSupportedResultType(plan.resultType, whyNot))
    return failure();
  if (!isSignValued(lhs)) {
    whyNot = "the left operand is not sign-quantized";
    return failure();
  }
  plan.lhs = lhs;
  plan.depth = lhsType.getShape().back();
  int64_t rank = rhsType.getRank();
  plan.weightPermutation = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  SmallVector<int64_t> canonical(rhsType.getShape());
  if (!rhsTransposed) {
    std::swap(plan.weightPermutation[rank - 1],
              plan.weightPermutation[rank - 2]);
    std::swap(canonical[rank - 1], canonical[rank - 2]);
  }
  // Scales only for a plain [K, N] matrix: one per output column.
  FailureOr<Weights> weights = analyzeScaledWeights(
      rhs, plan.weightPermutation, canonical, /*allowScales=*/rank == 2,
      plan.resultType.getElementType(), whyNot);
  if (failed(weights))
    return failure();
  plan.weights = *weights;
  return plan;
}

static Value buildMatmul(RewriterBase &rewriter, Location loc,
                         const MatmulPlan &plan) {
  auto lhsType = cast<RankedTensorType>(plan.lhs.getType());
  SmallVector<int64_t> packedShape(lhsType.getShape());
  packedShape.back() = binary::packedWords(plan.depth, 1);
  Value lhs = BitpackOp::create(
      rewriter, loc, RankedTensorType::get(packedShape, rewriter.getI64Type()),
      plan.lhs);
  Value rhs =
      buildPackedWeights(rewriter, loc, plan.weights, plan.weightPermutation);
  Value multiplier = buildScales(rewriter, loc, plan.weights.scales,
                                 plan.resultType.getElementType());
  return BMatmulOp::create(rewriter, loc, plan.resultType, lhs, rhs, multiplier,
                           /*bias=*/nullptr, nullptr, nullptr, nullptr, nullptr,
                           plan.depth)
      .getOutput();
}

/// Whether a linalg.matmul reads its rhs transposed ([N, K]); std::nullopt
/// for other indexing maps.
static std::optional<bool> matmulRhsTransposed(linalg::MatmulOp matmul) {
  MLIRContext *ctx = matmul.getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
             k = getAffineDimExpr(2, ctx);
  auto map = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(3, 0, exprs, ctx);
  };
  SmallVector<AffineMap> maps = matmul.getIndexingMapsArray();
  if (maps[0] != map({m, k}) || maps[2] != map({m, n}))
    return std::nullopt;
  if (maps[1] == map({k, n}))
    return false;
  if (maps[1] == map({n, k}))
    return true;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Analysis entry point
//===----------------------------------------------------------------------===//

namespace {
/// A binarizable op's plan.
struct Plan {
  std::optional<ConvPlan> conv;
  std::optional<MatmulPlan> matmul;
};
} // namespace

/// Whether `op` is a candidate at all (a convolution or matrix product of a
/// kind `options` enables), and whether one of its operands is
/// sign-quantized (the remark criterion).
static bool isCandidate(Operation *op, const BinarizePatternOptions &options,
                        bool &quantizedOperand) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  // Pooling ops implement the convolution interface but multiply nothing.
  bool isPooling = op->getName().getStringRef().starts_with("linalg.pooling_");
  bool isConv =
      (linalgOp && !isPooling && linalg::isaConvolutionOpInterface(linalgOp)) ||
      isa<tosa::Conv2DOp>(op);
  bool isMatmul =
      (linalgOp && !isConv && linalg::isaContractionOpInterface(linalgOp)) ||
      isa<tosa::MatMulOp>(op);
  if (!(isConv && options.convolutions) && !(isMatmul && options.matmuls))
    return false;
  quantizedOperand = false;
  for (Value operand : op->getOperands().take_front(2))
    quantizedOperand |= isSignQuantized(operand);
  return true;
}

static FailureOr<Plan> analyze(Operation *op, std::string &whyNot) {
  Plan plan;
  // TOSA accepts unranked tensors; the analyses below need shapes.
  auto ranked = llvm::IsaPred<RankedTensorType>;
  if (isa<tosa::Conv2DOp, tosa::MatMulOp>(op) &&
      (!llvm::all_of(op->getOperandTypes(), ranked) ||
       !llvm::all_of(op->getResultTypes(), ranked))) {
    whyNot = "an operand or the result is unranked";
    return failure();
  }
  if (auto conv = dyn_cast<tosa::Conv2DOp>(op)) {
    FailureOr<ConvPlan> p = analyzeTosaConv(conv, whyNot);
    if (failed(p))
      return failure();
    plan.conv = *p;
    return plan;
  }
  if (auto matmul = dyn_cast<tosa::MatMulOp>(op)) {
    for (Value zp : {matmul.getAZp(), matmul.getBZp()})
      if (!matchPattern(zp, m_AnyZeroFloat())) {
        whyNot = "a zero point is not 0";
        return failure();
      }
    FailureOr<MatmulPlan> p = analyzeMatmul(matmul.getA(), matmul.getB(), false,
                                            matmul.getResult(), whyNot);
    if (failed(p))
      return failure();
    plan.matmul = *p;
    return plan;
  }
  auto linalgOp = cast<linalg::LinalgOp>(op);
  if (!linalgOp.hasPureTensorSemantics()) {
    whyNot = "the op works on buffers, not tensors";
    return failure();
  }
  if (!isa<linalg::Conv2DNhwcHwcfOp, linalg::Conv2DNhwcFhwcOp,
           linalg::Conv2DNhwgcGfhwcOp, linalg::MatmulOp, linalg::BatchMatmulOp>(
          op)) {
    whyNot = ("unsupported layout or op '" + op->getName().getStringRef() +
              "' (supported: NHWC convolutions with HWCF/FHWC/GFHWC filters, "
              "matmul, batch_matmul)")
                 .str();
    return failure();
  }
  if (isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op)) {
    if (!isZeroInit(linalgOp.getDpsInits()[0])) {
      whyNot = "the accumulator does not start at zero";
      return failure();
    }
    std::optional<bool> transposed = false;
    if (auto matmul = dyn_cast<linalg::MatmulOp>(op))
      transposed = matmulRhsTransposed(matmul);
    else if (cast<linalg::BatchMatmulOp>(op).hasUserDefinedMaps())
      transposed = std::nullopt;
    if (!transposed) {
      whyNot = "unsupported matmul indexing maps";
      return failure();
    }
    FailureOr<MatmulPlan> p =
        analyzeMatmul(linalgOp.getDpsInputs()[0], linalgOp.getDpsInputs()[1],
                      *transposed, op->getResult(0), whyNot);
    if (failed(p))
      return failure();
    plan.matmul = *p;
    return plan;
  }
  FailureOr<ConvPlan> p = analyzeLinalgConv(linalgOp, whyNot);
  if (failed(p))
    return failure();
  plan.conv = *p;
  return plan;
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {
/// Binarize a convolution or matrix product whose analysis succeeds.
struct BinarizeProduct : RewritePattern {
  BinarizeProduct(MLIRContext *ctx, const BinarizePatternOptions &options)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx),
        options(options) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    bool quantizedOperand;
    if (!isCandidate(op, options, quantizedOperand))
      return failure();
    std::string whyNot;
    FailureOr<Plan> plan = analyze(op, whyNot);
    if (failed(plan))
      return rewriter.notifyMatchFailure(op, whyNot);
    Value result = plan->conv
                       ? buildConv(rewriter, op->getLoc(), *plan->conv)
                       : buildMatmul(rewriter, op->getLoc(), *plan->matmul);
    rewriter.replaceOp(op, result);
    return success();
  }

  BinarizePatternOptions options;
};

/// sign(maxpool(x)) -> bitunpack(bmaxpool(bitpack(x))): the sign is monotone,
/// so it commutes with max; padding with -inf never wins a window.
/// Whether the accumulator `init` of a max pooling starts at a value v < 0
/// (a fill or a splat constant; -inf usually): then sign(max(v, m)) = sign(m)
/// for every window maximum m. With v >= 0 (a fused ReLU), -0.0 or NaN it is
/// not.
static bool isNegativeInit(Value init) {
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    init = fill.getInputs()[0];
  APFloat value(0.0);
  if (!matchPattern(init, m_ConstantFloat(&value)))
    return false;
  return value.isNegative() && !value.isZero() && !value.isNaN();
}

/// bitpack(maxpool(x)) as bmaxpool(bitpack(x)) of result type `packedType`
/// (the packing commutes with max: a bit is set iff every tap is negative;
/// -inf padding never wins). Fails, changing nothing, for unsupported
/// pooling.
static FailureOr<Value> packMaxPool(PatternRewriter &rewriter, Location loc,
                                    linalg::PoolingNhwcMaxOp pool) {
  auto resultType = dyn_cast<RankedTensorType>(pool->getResult(0).getType());
  if (!pool.hasPureTensorSemantics() || !resultType ||
      !resultType.hasStaticShape() || !isNegativeInit(pool.getOutputs()[0]) ||
      !llvm::all_of(pool.getDilations().getValues<int64_t>(),
                    [](int64_t d) { return d == 1; }))
    return failure();
  Value input = pool.getInputs()[0];
  SmallVector<int64_t> padding = {0, 0, 0, 0};
  if (auto pad = input.getDefiningOp<tensor::PadOp>()) {
    FloatAttr padValue;
    Value padScalar = pad.getConstantPaddingValue();
    ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
    if (!padScalar || !matchPattern(padScalar, m_Constant(&padValue)) ||
        !padValue.getValue().isInfinity() ||
        !padValue.getValue().isNegative() || ShapedType::isDynamicShape(low) ||
        ShapedType::isDynamicShape(high) || low[0] || high[0] || low[3] ||
        high[3] || !isNonNegative(low) || !isNonNegative(high))
      return failure();
    padding = {low[1], high[1], low[2], high[2]};
    input = pad.getSource();
  }
  auto windowType = cast<ShapedType>(pool.getInputs()[1].getType());
  SmallVector<int64_t> kernel(windowType.getShape());
  SmallVector<int64_t> strides(pool.getStrides().getValues<int64_t>());
  if (kernel.size() != 2 || padding[0] >= kernel[0] ||
      padding[1] >= kernel[0] || padding[2] >= kernel[1] ||
      padding[3] >= kernel[1])
    return failure();
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t channels = inputType.getShape().back();
  SmallVector<int64_t> unitDilations = {1, 1};
  if (ShapedType::isDynamic(channels) ||
      !windowCoversInput(inputType, kernel, strides, unitDilations, padding,
                         resultType))
    return failure();
  SmallVector<int64_t> packedIn(inputType.getShape());
  packedIn.back() = binary::packedWords(channels, 1);
  Value packed = BitpackOp::create(
      rewriter, loc, RankedTensorType::get(packedIn, rewriter.getI64Type()),
      input);
  SmallVector<int64_t> packedOut(resultType.getShape());
  packedOut.back() = packedIn.back();
  return BMaxPool2DOp::create(
             rewriter, loc,
             RankedTensorType::get(packedOut, rewriter.getI64Type()), packed,
             kernel, strides, padding)
      .getResult();
}

/// sign(maxpool(x)) -> bitunpack(bmaxpool(bitpack(x))): the sign is monotone,
/// so it commutes with max.
struct BinarizeSignOfMaxPool : OpInterfaceRewritePattern<QuantizerOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(QuantizerOpInterface quantizer,
                                PatternRewriter &rewriter) const override {
    if (!quantizer.isSignBinarizer())
      return failure();
    auto pool =
        quantizer.getQuantizerInput().getDefiningOp<linalg::PoolingNhwcMaxOp>();
    auto resultType =
        dyn_cast<RankedTensorType>(quantizer->getResult(0).getType());
    if (!pool || !resultType)
      return rewriter.notifyMatchFailure(quantizer, "input is no max pool");
    FailureOr<Value> pooled = packMaxPool(rewriter, quantizer.getLoc(), pool);
    if (failed(pooled))
      return rewriter.notifyMatchFailure(quantizer, "unsupported pooling");
    rewriter.replaceOpWithNewOp<BitunpackOp>(quantizer, resultType, *pooled);
    return success();
  }
};

/// bitpack(maxpool(x)) -> bmaxpool(bitpack(x)).
struct BinarizeBitpackOfMaxPool : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    auto pool = op.getInput().getDefiningOp<linalg::PoolingNhwcMaxOp>();
    if (!pool || op.getGroups() != 1)
      return rewriter.notifyMatchFailure(op, "input is no max pool");
    FailureOr<Value> pooled = packMaxPool(rewriter, op.getLoc(), pool);
    if (failed(pooled))
      return rewriter.notifyMatchFailure(op, "unsupported pooling");
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, op.getType(), *pooled);
    return success();
  }
};
} // namespace

void mlir::lq::populateLQBinarizePatterns(
    RewritePatternSet &patterns, const BinarizePatternOptions &options) {
  patterns.add<BinarizeProduct>(patterns.getContext(), options);
  if (options.maxPooling)
    patterns.add<BinarizeSignOfMaxPool, BinarizeBitpackOfMaxPool>(
        patterns.getContext());
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct LQBinarizePass : lq::impl::LQBinarizePassBase<LQBinarizePass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    BinarizePatternOptions options;
    options.convolutions = convolutions;
    options.matmuls = matmuls;
    options.maxPooling = maxPooling;

    // Canonicalization of everything: folds quantizers of constant weights
    // first; after binarization, epilogue absorption, bitpack folds, dead
    // float weights.
    auto addCanonicalization = [&](RewritePatternSet &patterns) {
      for (Dialect *dialect : ctx->getLoadedDialects())
        dialect->getCanonicalizationPatterns(patterns);
      for (RegisteredOperationName name : ctx->getRegisteredOperations())
        name.getCanonicalizationPatterns(patterns, ctx);
    };
    if (foldEpilogues) {
      RewritePatternSet canonical(ctx);
      addCanonicalization(canonical);
      if (failed(applyPatternsGreedily(getOperation(), std::move(canonical))))
        return signalPassFailure();
    }

    // Report what stays float, and why, before anything changes.
    getOperation()->walk([&](Operation *op) {
      bool quantizedOperand = false;
      if (!isCandidate(op, options, quantizedOperand) || !quantizedOperand)
        return;
      std::string whyNot;
      if (failed(analyze(op, whyNot)))
        op->emitRemark() << "not binarized: " << whyNot;
    });

    RewritePatternSet patterns(ctx);
    populateLQBinarizePatterns(patterns, options);
    if (foldEpilogues)
      addCanonicalization(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
