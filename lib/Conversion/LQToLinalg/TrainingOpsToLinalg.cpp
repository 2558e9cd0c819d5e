//===- TrainingOpsToLinalg.cpp - lower lq training ops --------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// lq.bop_update becomes one linalg.generic with two results on tensors (the
// arith body itself on scalars and vectors); lq.flip_ratio becomes an int8
// conversion map, an equality-count reduction and scalar arith.
//
//===----------------------------------------------------------------------===//

#include "lq/Conversion/LQToLinalg/LQToLinalg.h"

#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::lq;

/// `value` rounded to the element type of `type` (a float type or a vector
/// of one: splatted).
static Value floatConstant(OpBuilder &b, Location loc, Type type,
                           double value) {
  auto elementType = cast<FloatType>(getElementTypeOrSelf(type));
  bool losesInfo = false;
  APFloat rounded(value);
  rounded.convert(elementType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
  TypedAttr attr = b.getFloatAttr(elementType, rounded);
  if (auto vectorType = dyn_cast<VectorType>(type))
    attr = DenseElementsAttr::get(vectorType, attr);
  return arith::ConstantOp::create(b, loc, attr);
}

/// int8(x): truncation toward zero, saturating at -128 and 127, NaN to 0.
static Value toInt8(OpBuilder &b, Location loc, Value x, Type i8) {
  Type type = x.getType();
  Value clamped = arith::MaximumFOp::create(
      b, loc,
      arith::MinimumFOp::create(b, loc, x, floatConstant(b, loc, type, 127.0)),
      floatConstant(b, loc, type, -128.0));
  Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  Value safe = arith::SelectOp::create(
      b, loc, isNaN, floatConstant(b, loc, type, 0.0), clamped);
  return arith::FPToSIOp::create(b, loc, i8, safe);
}

namespace {

//===----------------------------------------------------------------------===//
// bop_update
//===----------------------------------------------------------------------===//

/// The Bop step on scalars or vectors: returns (new weights, new momentum).
static std::pair<Value, Value> buildBopStep(OpBuilder &b, Location loc, Value w,
                                            Value m, Value g, double gamma,
                                            double threshold) {
  Type type = w.getType();
  Value gammaV = floatConstant(b, loc, type, gamma);
  Value keep = floatConstant(b, loc, type, 1.0 - gamma);
  Value zero = floatConstant(b, loc, type, 0.0);
  // (1 - gamma) * m + gamma * g
  Value newM =
      arith::AddFOp::create(b, loc, arith::MulFOp::create(b, loc, keep, m),
                            arith::MulFOp::create(b, loc, gammaV, g));
  // |m| > threshold (false for NaN) and sign(m) == sign(w), where sign(v) is
  // +1 for v >= 0 (-0.0 included).
  Value large = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT,
                                      math::AbsFOp::create(b, loc, newM),
                                      floatConstant(b, loc, type, threshold));
  Value mNegative =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, newM, zero);
  Value wNegative =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, w, zero);
  Value sameSign = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                         mNegative, wNegative);
  Value flip = arith::AndIOp::create(b, loc, large, sameSign);
  Value newW = arith::SelectOp::create(b, loc, flip,
                                       arith::NegFOp::create(b, loc, w), w);
  return {newW, newM};
}

struct LowerBopUpdate : OpRewritePattern<BopUpdateOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BopUpdateOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    double gamma = op.getGamma().convertToDouble();
    double threshold = op.getThreshold().convertToDouble();
    auto tensorType = dyn_cast<RankedTensorType>(op.getWeights().getType());
    if (!tensorType) {
      auto [w, m] =
          buildBopStep(rewriter, loc, op.getWeights(), op.getMomentum(),
                       op.getGradient(), gamma, threshold);
      rewriter.replaceOp(op, {w, m});
      return success();
    }
    // Updated in place: the weights and the momentum are the outputs (so a
    // training loop's state bufferizes without copies).
    int64_t rank = tensorType.getRank();
    AffineMap identity =
        AffineMap::getMultiDimIdentityMap(rank, rewriter.getContext());
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{tensorType, tensorType},
        ValueRange{op.getGradient()},
        ValueRange{op.getWeights(), op.getMomentum()},
        SmallVector<AffineMap>(3, identity),
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange args) {
          auto [w, m] =
              buildBopStep(b, l, args[1], args[2], args[0], gamma, threshold);
          linalg::YieldOp::create(b, l, ValueRange{w, m});
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// flip_ratio
//===----------------------------------------------------------------------===//

struct LowerFlipRatio : OpRewritePattern<FlipRatioOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(FlipRatioOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value values = op.getValues();
    auto valuesType = cast<RankedTensorType>(values.getType());
    int64_t rank = valuesType.getRank();
    Type floatType = op.getTotal().getType();
    Type i8 = rewriter.getI8Type();
    Type i64 = rewriter.getI64Type();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);

    // #elements with int8(values) == previous, as a rank-0 i64 tensor.
    Value previous = op.getPrevious();
    Value zero64 =
        arith::ConstantOp::create(rewriter, loc, rewriter.getI64IntegerAttr(0));
    Value countInit =
        linalg::FillOp::create(rewriter, loc, zero64,
                               ValueRange{tensor::EmptyOp::create(
                                   rewriter, loc, ArrayRef<int64_t>{}, i64)})
            .getResult(0);
    Value equalTensor =
        linalg::GenericOp::create(
            rewriter, loc, countInit.getType(), ValueRange{values, previous},
            ValueRange{countInit},
            ArrayRef<AffineMap>{identity, identity,
                                AffineMap::get(rank, 0, {}, ctx)},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::reduction),
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value same =
                  arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                        toInt8(b, l, args[0], i8), args[1]);
              Value one = arith::ExtUIOp::create(b, l, i64, same);
              linalg::YieldOp::create(
                  b, l, ValueRange{arith::AddIOp::create(b, l, args[2], one)});
            })
            .getResult(0);
    Value equal =
        tensor::ExtractOp::create(rewriter, loc, equalTensor, ValueRange{});

    // The new previous values, written over the old ones once they have been
    // compared (so a training loop's state bufferizes without copies).
    Value q = linalg::GenericOp::create(
                  rewriter, loc, previous.getType(), ValueRange{values},
                  ValueRange{previous}, ArrayRef<AffineMap>{identity, identity},
                  SmallVector<utils::IteratorType>(
                      rank, utils::IteratorType::parallel),
                  [&](OpBuilder &b, Location l, ValueRange args) {
                    linalg::YieldOp::create(
                        b, l, ValueRange{toInt8(b, l, args[0], i8)});
                  })
                  .getResult(0);

    // size(values) as i64.
    Value size = arith::ConstantIndexOp::create(rewriter, loc, 1);
    for (int64_t d = 0; d < rank; ++d)
      size = arith::MulIOp::create(
          rewriter, loc, size, tensor::DimOp::create(rewriter, loc, values, d));
    Value size64 = arith::IndexCastUIOp::create(rewriter, loc, i64, size);

    // flip = 1 - equal / size (0 for an empty tensor).
    Value zeroF = floatConstant(rewriter, loc, floatType, 0.0);
    Value oneF = floatConstant(rewriter, loc, floatType, 1.0);
    Value ratioSame = arith::DivFOp::create(
        rewriter, loc, arith::UIToFPOp::create(rewriter, loc, floatType, equal),
        arith::UIToFPOp::create(rewriter, loc, floatType, size64));
    Value empty = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                        size64, zero64);
    Value flip = arith::SelectOp::create(
        rewriter, loc, empty, zeroF,
        arith::SubFOp::create(rewriter, loc, oneF, ratioSame));

    // The running state and the result.
    Value count = op.getCount();
    Value one64 =
        arith::ConstantOp::create(rewriter, loc, rewriter.getI64IntegerAttr(1));
    Value first = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                        count, zero64);
    Value newTotal = arith::SelectOp::create(
        rewriter, loc, first, op.getTotal(),
        arith::AddFOp::create(rewriter, loc, op.getTotal(), flip));
    Value newCount = arith::AddIOp::create(rewriter, loc, count, one64);
    Value several = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sgt, newCount, one64);
    Value updates = arith::SIToFPOp::create(
        rewriter, loc, floatType,
        arith::SubIOp::create(rewriter, loc, newCount, one64));
    Value ratio = arith::SelectOp::create(
        rewriter, loc, several,
        arith::DivFOp::create(rewriter, loc, newTotal, updates), zeroF);

    rewriter.replaceOp(op, {q, newTotal, newCount, ratio});
    return success();
  }
};

} // namespace

void mlir::lq::populateTrainingOpsToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LowerBopUpdate, LowerFlipRatio>(patterns.getContext());
}
