//===- LQBinaryOps.cpp - bit-packed binary ops ----------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Verifiers and folders of lq.bitpack, lq.bitunpack, lq.bconv2d, lq.bmatmul
// and lq.bmaxpool2d. Their canonicalization patterns (epilogue absorption)
// are in LQBinaryCanonicalization.cpp.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/BinarySemantics.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace mlir::lq;

/// Two sizes that must agree unless one is dynamic.
static bool compatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// "dimension D is X but must be Y" for a shape mismatch.
static LogicalResult shapeError(Operation *op, StringRef what, int64_t actual,
                                int64_t expected) {
  return op->emitOpError() << what << " is " << actual << ", expected "
                           << expected;
}

/// The folders do not expand a splat constant larger than this: a splat of
/// a huge shape (e.g. tensor<100000x100000xf32>) takes no memory as an
/// attribute but would as a vector of elements.
static constexpr int64_t kMaxFoldElements = int64_t(1) << 20;

/// Whether `type` has at most kMaxFoldElements elements (checked: the
/// element count of a valid type can overflow int64).
static bool isSmallEnoughToFold(ShapedType type) {
  int64_t size = 1;
  for (int64_t dim : type.getShape()) {
    std::optional<int64_t> next = llvm::checkedMul<int64_t>(size, dim);
    if (!next || *next > kMaxFoldElements)
      return false;
    size = *next;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// bitpack / bitunpack
//===----------------------------------------------------------------------===//

/// Shared rules of bitpack/bitunpack: `floats` (channels in the last axis)
/// and `packed` (words in the last axis) agree on everything else.
static LogicalResult verifyPacking(Operation *op, RankedTensorType floats,
                                   RankedTensorType packed, int64_t groups) {
  if (floats.getRank() < 1)
    return op->emitOpError("requires a tensor of rank >= 1 (the last axis is "
                           "the packed channel axis)");
  if (floats.getRank() != packed.getRank())
    return op->emitOpError() << "requires the packed and unpacked tensors to "
                                "have the same rank, got "
                             << floats.getRank() << " and " << packed.getRank();
  if (groups < 1)
    return op->emitOpError()
           << "attribute 'groups' must be at least 1, got " << groups;
  for (int64_t d = 0, e = floats.getRank() - 1; d < e; ++d)
    if (!compatible(floats.getDimSize(d), packed.getDimSize(d)))
      return shapeError(
          op, "dimension " + std::to_string(d) + " of the packed tensor",
          packed.getDimSize(d), floats.getDimSize(d));
  int64_t channels = floats.getShape().back();
  if (ShapedType::isDynamic(channels))
    return success();
  if (channels % groups != 0)
    return op->emitOpError() << "channel count " << channels
                             << " is not divisible by groups = " << groups;
  int64_t words = binary::packedWords(channels, groups);
  if (!compatible(packed.getShape().back(), words))
    return shapeError(op, "the packed word count", packed.getShape().back(),
                      words);
  return success();
}

LogicalResult BitpackOp::verify() {
  return verifyPacking(*this, getInput().getType(), getOutput().getType(),
                       getGroups());
}

LogicalResult BitunpackOp::verify() {
  if (ShapedType::isDynamic(getOutput().getType().getShape().back()))
    return emitOpError("requires a static channel count (the result's last "
                       "dimension)");
  return verifyPacking(*this, getOutput().getType(), getInput().getType(),
                       getGroups());
}

OpFoldResult BitpackOp::fold(FoldAdaptor adaptor) {
  auto input = dyn_cast_or_null<DenseFPElementsAttr>(adaptor.getInput());
  RankedTensorType type = getOutput().getType();
  if (!input || !type.hasStaticShape() ||
      (input.isSplat() && !isSmallEnoughToFold(input.getType())))
    return {};
  int64_t channels = getInput().getType().getShape().back();
  SmallVector<APFloat> values(input.getValues<APFloat>());
  SmallVector<uint64_t> words = binary::pack(values, channels, getGroups());
  SmallVector<APInt> elements;
  elements.reserve(words.size());
  for (uint64_t word : words)
    elements.emplace_back(64, word);
  return DenseElementsAttr::get(type, elements);
}

OpFoldResult BitunpackOp::fold(FoldAdaptor adaptor) {
  auto input = dyn_cast_or_null<DenseIntElementsAttr>(adaptor.getInput());
  RankedTensorType type = getOutput().getType();
  if (!input || !type.hasStaticShape() ||
      (input.isSplat() &&
       (!isSmallEnoughToFold(input.getType()) || !isSmallEnoughToFold(type))))
    return {};
  SmallVector<uint64_t> words;
  for (const APInt &word : input.getValues<APInt>())
    words.push_back(word.getZExtValue());
  auto elementType = cast<FloatType>(type.getElementType());
  SmallVector<APFloat> values =
      binary::unpack(words, type.getShape().back(), getGroups(),
                     elementType.getFloatSemantics());
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// Shared rules of the binary products
//===----------------------------------------------------------------------===//

/// Check the output kind and the epilogue of bconv2d/bmatmul. `outputs` is
/// the true output channel count (Cout or N).
template <typename OpTy>
static LogicalResult verifyOutputAndEpilogue(OpTy op, int64_t outputs) {
  RankedTensorType resultType = op.getOutput().getType();
  Type elementType = resultType.getElementType();
  int64_t last = resultType.getShape().back();
  bool hasEpilogue = op.getMultiplier() || op.getBias() || op.getDotMin() ||
                     op.getDotMax() || op.getOutputMin() || op.getOutputMax();
  if (elementType.isInteger(32)) {
    if (hasEpilogue)
      return op.emitOpError("a raw i32 result (the integer dot product) "
                            "takes no epilogue (multiplier, bias, clamps)");
    if (!compatible(last, outputs))
      return shapeError(op, "the result's channel dimension", last, outputs);
  } else if (elementType.isInteger(64)) {
    int64_t words = binary::packedWords(outputs, 1);
    if (!ShapedType::isDynamic(outputs) && !compatible(last, words))
      return shapeError(op, "the bit-packed result's word count", last, words);
  } else {
    if (!compatible(last, outputs))
      return shapeError(op, "the result's channel dimension", last, outputs);
  }

  // Per-channel operands: rank 1, one value per output channel, one float
  // type (the float result's, if any).
  Type epilogueType;
  for (Value operand : {op.getMultiplier(), op.getBias()}) {
    if (!operand)
      continue;
    auto type = cast<RankedTensorType>(operand.getType());
    if (type.getRank() != 1 || !compatible(type.getDimSize(0), outputs))
      return op.emitOpError() << "requires multiplier and bias of type "
                                 "tensor<"
                              << outputs << "x...>, got " << type;
    if (epilogueType && epilogueType != type.getElementType())
      return op.emitOpError("requires multiplier and bias of one element "
                            "type");
    epilogueType = type.getElementType();
  }
  if (epilogueType && isa<FloatType>(elementType) &&
      epilogueType != elementType)
    return op.emitOpError() << "requires multiplier and bias of the result "
                               "element type "
                            << elementType;

  auto checkRange = [&](std::optional<APFloat> lo, std::optional<APFloat> hi,
                        StringRef what) -> LogicalResult {
    for (std::optional<APFloat> bound : {lo, hi})
      if (bound && bound->isNaN())
        return op.emitOpError() << what << " bounds must not be NaN";
    if (lo && hi && hi->compare(*lo) == APFloat::cmpLessThan)
      return op.emitOpError()
             << what << " requires min <= max, got [" << lo->convertToDouble()
             << ", " << hi->convertToDouble() << "]";
    return success();
  };
  if (failed(checkRange(op.getDotMin(), op.getDotMax(), "the dot clamp")) ||
      failed(
          checkRange(op.getOutputMin(), op.getOutputMax(), "the output clamp")))
    return failure();
  return success();
}

/// `values` has `size` entries, each > 0 (or >= 0 with `allowZero`).
static LogicalResult verifyArray(Operation *op, StringRef name,
                                 ArrayRef<int64_t> values, size_t size,
                                 bool allowZero) {
  if (values.size() != size)
    return op->emitOpError() << "attribute '" << name << "' must have " << size
                             << " elements, got " << values.size();
  for (int64_t v : values)
    if (v < 0 || (!allowZero && v == 0))
      return op->emitOpError()
             << "attribute '" << name << "' must be "
             << (allowZero ? "non-negative" : "positive") << ", got " << v;
  return success();
}

//===----------------------------------------------------------------------===//
// bconv2d
//===----------------------------------------------------------------------===//

int64_t BConv2DOp::getChannelsOut() {
  return getFilter().getType().getDimSize(0);
}

LogicalResult BConv2DOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType filterType = getFilter().getType();
  RankedTensorType resultType = getOutput().getType();
  if (inputType.getRank() != 4 || filterType.getRank() != 4 ||
      resultType.getRank() != 4)
    return emitOpError("requires rank-4 input (packed NHWC), filter (packed "
                       "OHWI) and result");
  int64_t channelsIn = getChannelsIn(), groups = getGroups();
  if (channelsIn < 1)
    return emitOpError() << "attribute 'channels_in' must be at least 1, got "
                         << channelsIn;
  if (groups < 1 || channelsIn % groups != 0)
    return emitOpError() << "attribute 'groups' = " << groups
                         << " must be positive and divide channels_in = "
                         << channelsIn;
  int64_t channelsOut = getChannelsOut();
  if (ShapedType::isDynamic(channelsOut))
    return emitOpError("requires a static output channel count (filter "
                       "dimension 0)");
  if (channelsOut % groups != 0)
    return emitOpError() << "output channel count " << channelsOut
                         << " is not divisible by groups = " << groups;
  int64_t groupWords = binary::wordsPerGroup(channelsIn, groups);
  if (!compatible(filterType.getDimSize(3), groupWords))
    return shapeError(*this, "the filter's word count",
                      filterType.getDimSize(3), groupWords);
  if (!compatible(inputType.getDimSize(3), groups * groupWords))
    return shapeError(*this, "the input's word count", inputType.getDimSize(3),
                      groups * groupWords);
  if (failed(verifyArray(*this, "strides", getStrides(), 2, false)) ||
      failed(verifyArray(*this, "dilations", getDilations(), 2, false)) ||
      failed(verifyArray(*this, "padding", getPadding(), 4, true)))
    return failure();
  int64_t padValue = getPadValue();
  if (padValue != 0 && padValue != 1)
    return emitOpError() << "attribute 'pad_value' must be 0 (exact zero "
                            "padding) or 1 (+1 padding), got "
                         << padValue;
  if (!compatible(resultType.getDimSize(0), inputType.getDimSize(0)))
    return shapeError(*this, "the result's batch size",
                      resultType.getDimSize(0), inputType.getDimSize(0));
  for (int axis = 0; axis < 2; ++axis) {
    FailureOr<int64_t> size = binary::windowOutputSize(
        inputType.getDimSize(1 + axis), filterType.getDimSize(1 + axis),
        getStrides()[axis], getDilations()[axis], getPadding()[2 * axis],
        getPadding()[2 * axis + 1]);
    if (failed(size))
      return emitOpError() << "the dilated filter does not fit the padded "
                              "input along spatial axis "
                           << axis;
    if (!compatible(resultType.getDimSize(1 + axis), *size))
      return shapeError(*this,
                        "result spatial dimension " + std::to_string(axis),
                        resultType.getDimSize(1 + axis), *size);
  }
  return verifyOutputAndEpilogue(*this, channelsOut);
}

//===----------------------------------------------------------------------===//
// bmatmul
//===----------------------------------------------------------------------===//

int64_t BMatmulOp::getColumns() {
  RankedTensorType rhs = getRhs().getType();
  return rhs.getDimSize(rhs.getRank() - 2);
}

LogicalResult BMatmulOp::verify() {
  RankedTensorType lhs = getLhs().getType(), rhs = getRhs().getType();
  RankedTensorType result = getOutput().getType();
  int64_t rank = lhs.getRank();
  if (rank < 2 || rhs.getRank() != rank || result.getRank() != rank)
    return emitOpError("requires lhs [B.., M, Kw], rhs [B.., N, Kw] and result "
                       "[B.., M, N] of one rank >= 2");
  // I64Attr getters return uint64_t: compare and print as signed.
  int64_t k = getK();
  if (k < 1)
    return emitOpError() << "attribute 'k' must be at least 1, got " << k;
  int64_t words = binary::packedWords(k, 1);
  if (!compatible(lhs.getShape().back(), words))
    return shapeError(*this, "the lhs word count", lhs.getShape().back(),
                      words);
  if (!compatible(rhs.getShape().back(), words))
    return shapeError(*this, "the rhs word count", rhs.getShape().back(),
                      words);
  for (int64_t d = 0; d < rank - 2; ++d) {
    if (!compatible(lhs.getDimSize(d), rhs.getDimSize(d)) ||
        !compatible(lhs.getDimSize(d), result.getDimSize(d)))
      return emitOpError() << "batch dimension " << d
                           << " differs between lhs, rhs and result";
  }
  if (!compatible(result.getDimSize(rank - 2), lhs.getDimSize(rank - 2)))
    return shapeError(*this, "the result's row count",
                      result.getDimSize(rank - 2), lhs.getDimSize(rank - 2));
  int64_t columns = getColumns();
  if (ShapedType::isDynamic(columns))
    return emitOpError("requires a static column count (rhs rows)");
  return verifyOutputAndEpilogue(*this, columns);
}

//===----------------------------------------------------------------------===//
// bmaxpool2d
//===----------------------------------------------------------------------===//

LogicalResult BMaxPool2DOp::verify() {
  RankedTensorType input = getInput().getType(), result = getOutput().getType();
  if (input.getRank() != 4 || result.getRank() != 4)
    return emitOpError("requires rank-4 packed NHWC input and result");
  if (failed(verifyArray(*this, "kernel", getKernel(), 2, false)) ||
      failed(verifyArray(*this, "strides", getStrides(), 2, false)) ||
      failed(verifyArray(*this, "padding", getPadding(), 4, true)))
    return failure();
  for (int axis = 0; axis < 2; ++axis) {
    int64_t window = getKernel()[axis];
    if (getPadding()[2 * axis] >= window ||
        getPadding()[2 * axis + 1] >= window)
      return emitOpError() << "padding along spatial axis " << axis
                           << " must be smaller than the window (" << window
                           << ") so that every window has an input tap";
    FailureOr<int64_t> size = binary::windowOutputSize(
        input.getDimSize(1 + axis), window, getStrides()[axis], 1,
        getPadding()[2 * axis], getPadding()[2 * axis + 1]);
    if (failed(size))
      return emitOpError() << "the window does not fit the padded input "
                              "along spatial axis "
                           << axis;
    if (!compatible(result.getDimSize(1 + axis), *size))
      return shapeError(*this,
                        "result spatial dimension " + std::to_string(axis),
                        result.getDimSize(1 + axis), *size);
  }
  if (!compatible(result.getDimSize(0), input.getDimSize(0)) ||
      !compatible(result.getDimSize(3), input.getDimSize(3)))
    return emitOpError("requires the result's batch and word dimensions to "
                       "match the input's");
  return success();
}

//===----------------------------------------------------------------------===//
// lane_byte_sum
//===----------------------------------------------------------------------===//

LogicalResult LaneByteSumOp::verify() {
  int64_t bytes = getInput().getType().getNumElements();
  int64_t lanes = getOutput().getType().getNumElements();
  if (getInput().getType().isScalable() || getOutput().getType().isScalable())
    return emitOpError("requires fixed-length vectors");
  // bytes / 8 rather than 8 * lanes, which overflows for a huge vector.
  if (bytes % 8 != 0 || bytes / 8 != lanes)
    return emitOpError() << "requires 8 input bytes per 64-bit result lane, "
                            "got "
                         << bytes << " bytes for " << lanes << " lanes";
  return success();
}
