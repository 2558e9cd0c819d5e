//===- BinaryOpsToLinalg.cpp - straightforward binary-op lowering ---------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The reference lowering of the bit-packed ops to linalg.generic with
// xor + math.ctpop: simple, correct for every shape, padding mode and
// output kind, and the baseline the fast kernels are checked against.
//
//  * bitpack:    pad each group's channels to whole words with +0.0, then a
//                64-wide OR-reduction of (x < 0) << bit;
//  * bitunpack:  shift and mask each bit into -1/+1, then drop the tail;
//  * bconv2d:    spatially pad the packed input with +1 words; one generic
//                over (n, oh, ow, g, o, kh, kw, word) accumulating
//                bits(word) - 2 * popcount(a ^ w) into i32, multiplied by an
//                in-bounds mask for exact zero padding; then the epilogue;
//  * bmatmul:    the same over (batch.., m, n, word);
//  * bmaxpool2d: AND over the window, padding with all-ones (-1) words.
//
//===----------------------------------------------------------------------===//

#include "lq/Conversion/LQToLinalg/LQToLinalg.h"

#include "lq/Dialect/LQ/IR/BinarySemantics.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::lq;

using utils::IteratorType;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Value constantIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// A tensor filled with `value`.
static Value filled(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> shape,
                    TypedAttr value) {
  Value empty = tensor::EmptyOp::create(b, loc, shape, value.getType());
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return linalg::FillOp::create(b, loc, scalar, empty).getResult(0);
}

/// Pad the spatial dims (1 and 2) of an NHWC tensor with `value`.
static Value padSpatial(OpBuilder &b, Location loc, Value input,
                        ArrayRef<int64_t> padding, TypedAttr value) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return input;
  SmallVector<OpFoldResult> low = {
      b.getIndexAttr(0), b.getIndexAttr(padding[0]), b.getIndexAttr(padding[2]),
      b.getIndexAttr(0)};
  SmallVector<OpFoldResult> high = {
      b.getIndexAttr(0), b.getIndexAttr(padding[1]), b.getIndexAttr(padding[3]),
      b.getIndexAttr(0)};
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape(type.getShape());
  for (int axis = 0; axis < 2; ++axis)
    if (!ShapedType::isDynamic(shape[1 + axis]))
      shape[1 + axis] += padding[2 * axis] + padding[2 * axis + 1];
  Value pad = arith::ConstantOp::create(b, loc, value);
  return tensor::PadOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), input, low,
      high, pad);
}

/// Expand the last dim of `value` from `groups * inner` into [groups, inner].
/// A dynamic last dim is cast to `groups * inner` first (the verifiers made
/// sure that is its size).
static Value splitLast(OpBuilder &b, Location loc, Value value, int64_t groups,
                       int64_t inner) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  if (type.isDynamicDim(rank - 1)) {
    SmallVector<int64_t> staticLast(type.getShape());
    staticLast.back() = groups * inner;
    type = RankedTensorType::get(staticLast, type.getElementType(),
                                 type.getEncoding());
    value = tensor::CastOp::create(b, loc, type, value);
  }
  SmallVector<int64_t> shape(type.getShape().drop_back());
  shape.append({groups, inner});
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t d = 0; d < rank - 1; ++d)
    reassociation.push_back({d});
  reassociation.push_back({rank - 1, rank});
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, value);
  sizes.pop_back();
  sizes.append({b.getIndexAttr(groups), b.getIndexAttr(inner)});
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      reassociation, sizes);
}

/// Collapse the last two dims of `value`.
static Value mergeLast(OpBuilder &b, Location loc, Value value) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t d = 0; d < rank - 2; ++d)
    reassociation.push_back({d});
  reassociation.push_back({rank - 2, rank - 1});
  return tensor::CollapseShapeOp::create(b, loc, value, reassociation);
}

/// The number of true bits in each word of a group: min(64, Cg - 64 w).
static Value bitsPerWord(OpBuilder &b, Location loc, int64_t channelsPerGroup) {
  int64_t words = binary::wordsPerGroup(channelsPerGroup, 1);
  SmallVector<int32_t> bits;
  for (int64_t w = 0; w < words; ++w)
    bits.push_back(
        static_cast<int32_t>(std::min<int64_t>(64, channelsPerGroup - 64 * w)));
  auto type = RankedTensorType::get({words}, b.getI32Type());
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, ArrayRef(bits)));
}

/// bits - 2 * popcount(a ^ w) as i32.
static Value binaryDotTerm(OpBuilder &b, Location loc, Value a, Value w,
                           Value bits) {
  Value popcount =
      math::CtPopOp::create(b, loc, arith::XOrIOp::create(b, loc, a, w));
  Value narrow = arith::TruncIOp::create(b, loc, b.getI32Type(), popcount);
  Value twice = arith::AddIOp::create(b, loc, narrow, narrow);
  return arith::SubIOp::create(b, loc, bits, twice);
}

//===----------------------------------------------------------------------===//
// bitpack / bitunpack
//===----------------------------------------------------------------------===//

/// Pack the last axis of the float tensor `input` (static channel count).
static FailureOr<Value> buildBitpack(OpBuilder &b, Location loc, Value input,
                                     int64_t groups) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t channels = type.getShape().back();
  if (ShapedType::isDynamic(channels))
    return failure();
  int64_t perGroup = channels / groups;
  int64_t groupWords = binary::wordsPerGroup(channels, groups);
  int64_t rank = type.getRank();
  Type elementType = type.getElementType();

  // [.., C] -> [.., G, Cg] -> pad to [.., G, Wg*64] -> [.., G, Wg, 64].
  Value grouped = splitLast(b, loc, input, groups, perGroup);
  int64_t tail = groupWords * 64 - perGroup;
  if (tail > 0) {
    SmallVector<OpFoldResult> low(rank + 1, b.getIndexAttr(0));
    SmallVector<OpFoldResult> high(rank + 1, b.getIndexAttr(0));
    high.back() = b.getIndexAttr(tail);
    SmallVector<int64_t> shape(
        cast<RankedTensorType>(grouped.getType()).getShape());
    shape.back() = groupWords * 64;
    Value zero =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(elementType, 0.0));
    grouped =
        tensor::PadOp::create(b, loc, RankedTensorType::get(shape, elementType),
                              grouped, low, high, zero);
  }
  Value bits = splitLast(b, loc, grouped, groupWords, 64);

  // OR-reduce the 64 bits of each word: bit b contributes `1 << b`, taken
  // from a constant so the body is index-free (and vectorizes).
  SmallVector<APInt> weights;
  for (int64_t bit = 0; bit < 64; ++bit)
    weights.push_back(APInt(64, uint64_t(1) << bit));
  Value bitWeights = arith::ConstantOp::create(
      b, loc,
      DenseElementsAttr::get(RankedTensorType::get({64}, b.getI64Type()),
                             weights));
  int64_t loops = rank + 2;
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < loops - 1; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps = {
      AffineMap::getMultiDimIdentityMap(loops, ctx),
      AffineMap::get(loops, 0, {getAffineDimExpr(loops - 1, ctx)}, ctx),
      AffineMap::get(loops, 0, outExprs, ctx)};
  SmallVector<IteratorType> iterators(loops, IteratorType::parallel);
  iterators.back() = IteratorType::reduction;
  SmallVector<OpFoldResult> outShape = tensor::getMixedSizes(b, loc, bits);
  outShape.pop_back();
  Value init = filled(b, loc, outShape, b.getI64IntegerAttr(0));
  Value words =
      linalg::GenericOp::create(
          b, loc, TypeRange{init.getType()}, ValueRange{bits, bitWeights},
          ValueRange{init}, maps, iterators,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value zero = arith::ConstantOp::create(
                nb, nl, nb.getFloatAttr(elementType, 0.0));
            Value negative = arith::CmpFOp::create(
                nb, nl, arith::CmpFPredicate::OLT, args[0], zero);
            Value none =
                arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(0));
            Value bit =
                arith::SelectOp::create(nb, nl, negative, args[1], none);
            linalg::YieldOp::create(
                nb, nl, arith::OrIOp::create(nb, nl, args[2], bit).getResult());
          })
          .getResult(0);
  return mergeLast(b, loc, words);
}

/// Unpack words into +-1 of the (static) float type `resultType`.
static Value buildBitunpack(OpBuilder &b, Location loc, Value input,
                            RankedTensorType resultType, int64_t groups) {
  int64_t channels = resultType.getShape().back();
  int64_t perGroup = channels / groups;
  int64_t groupWords = binary::wordsPerGroup(channels, groups);
  int64_t rank = resultType.getRank();
  Type elementType = resultType.getElementType();
  MLIRContext *ctx = b.getContext();

  // [.., G*Wg] -> [.., G, Wg] -> generic [.., G, Wg, 64] floats.
  Value grouped = splitLast(b, loc, input, groups, groupWords);
  int64_t loops = rank + 2;
  SmallVector<AffineExpr> inExprs;
  for (int64_t d = 0; d < loops - 1; ++d)
    inExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps = {AffineMap::get(loops, 0, inExprs, ctx),
                                 AffineMap::getMultiDimIdentityMap(loops, ctx)};
  SmallVector<OpFoldResult> shape = tensor::getMixedSizes(b, loc, grouped);
  shape.push_back(b.getIndexAttr(64));
  Value init = tensor::EmptyOp::create(b, loc, shape, elementType);
  Value values =
      linalg::GenericOp::create(
          b, loc, TypeRange{init.getType()}, ValueRange{grouped},
          ValueRange{init}, maps,
          SmallVector<IteratorType>(loops, IteratorType::parallel),
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value index = arith::IndexCastOp::create(
                nb, nl, nb.getI64Type(),
                linalg::IndexOp::create(nb, nl, loops - 1));
            Value shifted = arith::ShRUIOp::create(nb, nl, args[0], index);
            Value one =
                arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(1));
            Value bit = arith::AndIOp::create(nb, nl, shifted, one);
            Value isSet = arith::CmpIOp::create(
                nb, nl, arith::CmpIPredicate::ne, bit,
                arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(0)));
            Value minusOne = arith::ConstantOp::create(
                nb, nl, nb.getFloatAttr(elementType, -1.0));
            Value plusOne = arith::ConstantOp::create(
                nb, nl, nb.getFloatAttr(elementType, 1.0));
            linalg::YieldOp::create(
                nb, nl,
                arith::SelectOp::create(nb, nl, isSet, minusOne, plusOne)
                    .getResult());
          })
          .getResult(0);

  // [.., G, Wg, 64] -> [.., G, Wg*64] -> slice [.., G, Cg] -> [.., C].
  Value merged = mergeLast(b, loc, values);
  auto mergedType = cast<RankedTensorType>(merged.getType());
  SmallVector<OpFoldResult> offsets(rank + 1, b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, merged);
  sizes.back() = b.getIndexAttr(perGroup);
  SmallVector<OpFoldResult> strides(rank + 1, b.getIndexAttr(1));
  SmallVector<int64_t> slicedShape(mergedType.getShape());
  slicedShape.back() = perGroup;
  Value sliced = tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(slicedShape, elementType), merged, offsets,
      sizes, strides);
  return mergeLast(b, loc, sliced);
}

//===----------------------------------------------------------------------===//
// Epilogue
//===----------------------------------------------------------------------===//

/// The float epilogue of a binary product on the i32 dot tensor `dot`
/// ([.., C]), in `floatType`.
template <typename OpTy>
static Value buildFloatEpilogue(OpBuilder &b, Location loc, OpTy op, Value dot,
                                Type floatType) {
  auto dotType = cast<RankedTensorType>(dot.getType());
  int64_t rank = dotType.getRank();
  MLIRContext *ctx = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap channel =
      AffineMap::get(rank, 0, {getAffineDimExpr(rank - 1, ctx)}, ctx);
  SmallVector<Value> inputs = {dot};
  SmallVector<AffineMap> maps = {identity};
  int multiplierIndex = -1, biasIndex = -1;
  if (Value m = op.getMultiplier()) {
    multiplierIndex = inputs.size();
    inputs.push_back(m);
    maps.push_back(channel);
  }
  if (Value bias = op.getBias()) {
    biasIndex = inputs.size();
    inputs.push_back(bias);
    maps.push_back(channel);
  }
  maps.push_back(identity);
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, dot), floatType);
  auto clampWith = [&](OpBuilder &nb, Location nl, Value y,
                       std::optional<APFloat> lo, std::optional<APFloat> hi) {
    auto bound = [&](const APFloat &v) -> Value {
      return arith::ConstantOp::create(
          nb, nl, nb.getFloatAttr(floatType, v.convertToDouble()));
    };
    if (lo)
      y = arith::MaximumFOp::create(nb, nl, y, bound(*lo));
    if (hi)
      y = arith::MinimumFOp::create(nb, nl, y, bound(*hi));
    return y;
  };
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
             SmallVector<IteratorType>(rank, IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value y = arith::SIToFPOp::create(nb, nl, floatType, args[0]);
               y = clampWith(nb, nl, y, op.getDotMin(), op.getDotMax());
               if (multiplierIndex >= 0)
                 y = arith::MulFOp::create(nb, nl, y, args[multiplierIndex]);
               if (biasIndex >= 0)
                 y = arith::AddFOp::create(nb, nl, y, args[biasIndex]);
               y = clampWith(nb, nl, y, op.getOutputMin(), op.getOutputMax());
               linalg::YieldOp::create(nb, nl, y);
             })
      .getResult(0);
}

/// Turn the i32 dot tensor into the op's result kind.
template <typename OpTy>
static FailureOr<Value> buildResult(OpBuilder &b, Location loc, OpTy op,
                                    Value dot) {
  Type elementType = op.getOutput().getType().getElementType();
  if (elementType.isInteger(32))
    return dot;
  if (isa<FloatType>(elementType))
    return buildFloatEpilogue(b, loc, op, dot, elementType);
  // Bit-packed: the epilogue in the multiplier/bias type (f32 without).
  Type epilogueType = b.getF32Type();
  if (Value m = op.getMultiplier())
    epilogueType = getElementTypeOrSelf(m.getType());
  else if (Value bias = op.getBias())
    epilogueType = getElementTypeOrSelf(bias.getType());
  Value y = buildFloatEpilogue(b, loc, op, dot, epilogueType);
  return buildBitpack(b, loc, y, /*groups=*/1);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

struct LowerBitpack : OpRewritePattern<BitpackOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BitpackOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<Value> packed =
        buildBitpack(rewriter, op.getLoc(), op.getInput(), op.getGroups());
    if (failed(packed))
      return rewriter.notifyMatchFailure(op, "dynamic channel count");
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, op.getType(), *packed);
    return success();
  }
};

struct LowerBitunpack : OpRewritePattern<BitunpackOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BitunpackOp op,
                                PatternRewriter &rewriter) const override {
    Value unpacked = buildBitunpack(rewriter, op.getLoc(), op.getInput(),
                                    op.getType(), op.getGroups());
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, op.getType(), unpacked);
    return success();
  }
};

struct LowerBConv2D : OpRewritePattern<BConv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BConv2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    OpBuilder &b = rewriter;
    MLIRContext *ctx = b.getContext();
    RankedTensorType filterType = op.getFilter().getType();
    if (!filterType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic filter shape");
    int64_t groups = op.getGroups();
    int64_t channelsOut = op.getChannelsOut();
    int64_t outPerGroup = channelsOut / groups;
    int64_t perGroup = op.getChannelsPerGroup();
    int64_t groupWords = binary::wordsPerGroup(perGroup, 1);
    int64_t kh = filterType.getDimSize(1), kw = filterType.getDimSize(2);
    ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations();
    ArrayRef<int64_t> padding = op.getPadding();
    bool zeroPadding = op.getPadValue() == 0 &&
                       llvm::any_of(padding, [](int64_t p) { return p != 0; });

    // Padded input: +1 words (bit 0) outside.
    Value input =
        padSpatial(b, loc, op.getInput(), padding, b.getI64IntegerAttr(0));
    Value input5 = splitLast(b, loc, input, groups, groupWords);
    // Filter [Cout, KH, KW, Wg] -> [G, Cog, KH, KW, Wg].
    Value filter5 = tensor::ExpandShapeOp::create(
        b, loc,
        RankedTensorType::get({groups, outPerGroup, kh, kw, groupWords},
                              b.getI64Type()),
        op.getFilter(),
        SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}, {4}});

    // Iteration (n, oh, ow, g, o, kh, kw, w).
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    AffineExpr ih = d(1) * strides[0] + d(5) * dilations[0];
    AffineExpr iw = d(2) * strides[1] + d(6) * dilations[1];
    SmallVector<Value> inputs = {input5, filter5,
                                 bitsPerWord(b, loc, perGroup)};
    SmallVector<AffineMap> maps = {
        AffineMap::get(8, 0, {d(0), ih, iw, d(3), d(7)}, ctx),
        AffineMap::get(8, 0, {d(3), d(4), d(5), d(6), d(7)}, ctx),
        AffineMap::get(8, 0, {d(7)}, ctx)};
    if (zeroPadding) {
      // 1 on the input's taps, 0 on the padding.
      SmallVector<OpFoldResult> hw = {
          tensor::getMixedSize(b, loc, op.getInput(), 1),
          tensor::getMixedSize(b, loc, op.getInput(), 2)};
      Value ones = filled(b, loc, hw, b.getI32IntegerAttr(1));
      SmallVector<int64_t> low = {padding[0], padding[2]};
      SmallVector<int64_t> high = {padding[1], padding[3]};
      RankedTensorType maskType = tensor::PadOp::inferResultType(
          cast<RankedTensorType>(ones.getType()), low, high);
      Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
      Value mask = tensor::PadOp::create(
          b, loc, maskType, ones, getAsIndexOpFoldResult(ctx, low),
          getAsIndexOpFoldResult(ctx, high), zero);
      inputs.push_back(mask);
      maps.push_back(AffineMap::get(8, 0, {ih, iw}, ctx));
    }
    maps.push_back(AffineMap::get(8, 0, {d(0), d(1), d(2), d(3), d(4)}, ctx));

    RankedTensorType resultType = op.getOutput().getType();
    SmallVector<OpFoldResult> outShape = {
        tensor::getMixedSize(b, loc, op.getInput(), 0)};
    for (int axis = 0; axis < 2; ++axis) {
      int64_t size = resultType.getDimSize(1 + axis);
      if (!ShapedType::isDynamic(size)) {
        outShape.push_back(b.getIndexAttr(size));
        continue;
      }
      // (H + pads - dilation * (K - 1) - 1) / stride + 1
      Value h = tensor::DimOp::create(b, loc, op.getInput(), 1 + axis);
      int64_t k = axis == 0 ? kh : kw;
      int64_t extra = padding[2 * axis] + padding[2 * axis + 1] -
                      dilations[axis] * (k - 1) - 1;
      Value num =
          arith::AddIOp::create(b, loc, h, constantIndex(b, loc, extra));
      Value quotient = arith::DivUIOp::create(
          b, loc, num, constantIndex(b, loc, strides[axis]));
      outShape.push_back(
          arith::AddIOp::create(b, loc, quotient, constantIndex(b, loc, 1))
              .getResult());
    }
    outShape.append({b.getIndexAttr(groups), b.getIndexAttr(outPerGroup)});
    Value init = filled(b, loc, outShape, b.getI32IntegerAttr(0));
    SmallVector<IteratorType> iterators(5, IteratorType::parallel);
    iterators.append(3, IteratorType::reduction);
    Value dot5 =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
            iterators,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value term = binaryDotTerm(nb, nl, args[0], args[1], args[2]);
              if (zeroPadding)
                term = arith::MulIOp::create(nb, nl, term, args[3]);
              linalg::YieldOp::create(
                  nb, nl,
                  arith::AddIOp::create(nb, nl, args.back(), term).getResult());
            })
            .getResult(0);
    Value dot = mergeLast(b, loc, dot5);
    FailureOr<Value> result = buildResult(b, loc, op, dot);
    if (failed(result))
      return failure();
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, *result);
    return success();
  }
};

struct LowerBMatmul : OpRewritePattern<BMatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BMatmulOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    OpBuilder &b = rewriter;
    MLIRContext *ctx = b.getContext();
    RankedTensorType lhsType = op.getLhs().getType();
    int64_t rank = lhsType.getRank(), batch = rank - 2;
    int64_t loops = rank + 1; // (b.., m, n, w)
    auto d = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
    SmallVector<AffineExpr> lhsExprs, rhsExprs, outExprs;
    for (int64_t i = 0; i < batch; ++i) {
      lhsExprs.push_back(d(i));
      rhsExprs.push_back(d(i));
      outExprs.push_back(d(i));
    }
    lhsExprs.append({d(batch), d(batch + 2)});
    rhsExprs.append({d(batch + 1), d(batch + 2)});
    outExprs.append({d(batch), d(batch + 1)});
    SmallVector<AffineMap> maps = {
        AffineMap::get(loops, 0, lhsExprs, ctx),
        AffineMap::get(loops, 0, rhsExprs, ctx),
        AffineMap::get(loops, 0, {d(batch + 2)}, ctx),
        AffineMap::get(loops, 0, outExprs, ctx)};
    SmallVector<OpFoldResult> outShape;
    for (int64_t i = 0; i <= batch; ++i)
      outShape.push_back(tensor::getMixedSize(b, loc, op.getLhs(), i));
    outShape.push_back(b.getIndexAttr(op.getColumns()));
    Value init = filled(b, loc, outShape, b.getI32IntegerAttr(0));
    SmallVector<IteratorType> iterators(loops, IteratorType::parallel);
    iterators.back() = IteratorType::reduction;
    Value dot =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()},
            ValueRange{op.getLhs(), op.getRhs(),
                       bitsPerWord(b, loc, op.getK())},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value term = binaryDotTerm(nb, nl, args[0], args[1], args[2]);
              linalg::YieldOp::create(
                  nb, nl,
                  arith::AddIOp::create(nb, nl, args[3], term).getResult());
            })
            .getResult(0);
    FailureOr<Value> result = buildResult(b, loc, op, dot);
    if (failed(result))
      return failure();
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, op.getType(), *result);
    return success();
  }
};

struct LowerBMaxPool2D : OpRewritePattern<BMaxPool2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BMaxPool2DOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    OpBuilder &b = rewriter;
    MLIRContext *ctx = b.getContext();
    ArrayRef<int64_t> kernel = op.getKernel(), strides = op.getStrides();
    // All-ones words: -1 everywhere, the identity of AND (max).
    Value input = padSpatial(b, loc, op.getInput(), op.getPadding(),
                             b.getI64IntegerAttr(-1));
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    // Iteration (n, oh, ow, c, kh, kw); the window sizes come from a shape
    // only operand.
    SmallVector<AffineMap> maps = {
        AffineMap::get(
            6, 0,
            {d(0), d(1) * strides[0] + d(4), d(2) * strides[1] + d(5), d(3)},
            ctx),
        AffineMap::get(6, 0, {d(4), d(5)}, ctx),
        AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx)};
    Value window = tensor::EmptyOp::create(
        b, loc, ArrayRef<int64_t>{kernel[0], kernel[1]}, b.getI64Type());
    RankedTensorType resultType = op.getType();
    SmallVector<OpFoldResult> outShape;
    for (int64_t i = 0; i < 4; ++i) {
      if (!resultType.isDynamicDim(i)) {
        outShape.push_back(b.getIndexAttr(resultType.getDimSize(i)));
        continue;
      }
      if (i == 0 || i == 3) {
        outShape.push_back(tensor::getMixedSize(b, loc, op.getInput(), i));
        continue;
      }
      int axis = i - 1;
      Value h = tensor::DimOp::create(b, loc, op.getInput(), i);
      int64_t extra = op.getPadding()[2 * axis] +
                      op.getPadding()[2 * axis + 1] - kernel[axis];
      Value num =
          arith::AddIOp::create(b, loc, h, constantIndex(b, loc, extra));
      Value quotient = arith::DivUIOp::create(
          b, loc, num, constantIndex(b, loc, strides[axis]));
      outShape.push_back(
          arith::AddIOp::create(b, loc, quotient, constantIndex(b, loc, 1))
              .getResult());
    }
    Value init = filled(b, loc, outShape, b.getI64IntegerAttr(-1));
    SmallVector<IteratorType> iterators(4, IteratorType::parallel);
    iterators.append(2, IteratorType::reduction);
    Value pooled =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()}, ValueRange{input, window},
            ValueRange{init}, maps, iterators,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              linalg::YieldOp::create(
                  nb, nl,
                  arith::AndIOp::create(nb, nl, args[2], args[0]).getResult());
            })
            .getResult(0);
    rewriter.replaceOpWithNewOp<tensor::CastOp>(op, resultType, pooled);
    return success();
  }
};

} // namespace

void mlir::lq::populateBinaryOpsToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<LowerBitpack, LowerBitunpack, LowerBConv2D, LowerBMatmul,
               LowerBMaxPool2D>(patterns.getContext());
}
