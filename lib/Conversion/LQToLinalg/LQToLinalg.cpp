//===- LQToLinalg.cpp - lower lq ops to linalg/arith/math -----------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Every quantizer and gradient op becomes upstream IR that computes exactly
// what QuantizerSemantics.h computes (through QuantizerBuilder, its IR
// mirror). On tensors:
//  * elementwise ops          -> one linalg.generic map;
//  * magnitude_aware_sign     -> per-channel sum (f64 accumulator) + scale
//                                map + elementwise map with the scale
//                                broadcast along the channel axis;
//  * ste_tern with TWN        -> whole-tensor sum + scalar threshold + map;
//  * dorefa in weights mode   -> whole-tensor max|tanh| + map.
// On scalars and vectors the arith/math body is emitted directly.
//
//===----------------------------------------------------------------------===//

#include "lq/Conversion/LQToLinalg/LQToLinalg.h"

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/LQOps.h"
#include "lq/Dialect/LQ/Utils/QuantizerBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::lq {
#define GEN_PASS_DEF_CONVERTLQTOLINALGPASS
#include "lq/Conversion/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;
using namespace mlir::lq;

/// Computes one result element from the operand elements (and any scalars
/// captured from above), through a QuantizerBuilder of the element type.
using ElementFn = function_ref<Value(QuantizerBuilder &, ValueRange)>;

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

/// A tensor.empty with the shape of `like` and element type `elementType`.
static Value emptyLike(OpBuilder &b, Location loc, Value like,
                       Type elementType) {
  return tensor::EmptyOp::create(b, loc, tensor::getMixedSizes(b, loc, like),
                                 elementType);
}

/// The product of the sizes of dimensions [begin, end) of `tensor`, as an
/// index value.
static Value dimProduct(OpBuilder &b, Location loc, Value tensor, int64_t begin,
                        int64_t end) {
  Value product = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t d = begin; d < end; ++d)
    product = arith::MulIOp::create(b, loc, product,
                                    tensor::DimOp::create(b, loc, tensor, d));
  return product;
}

/// `count` (an index) converted to the float type `type` with one rounding.
static Value indexToFloat(OpBuilder &b, Location loc, Value count, Type type) {
  Value asInt = arith::IndexCastUIOp::create(b, loc, b.getI64Type(), count);
  return arith::UIToFPOp::create(b, loc, type, asInt);
}

/// A linalg.generic map over the shape of `inputs[0]`. `inputs` are indexed
/// like the result; `channelInputs` are 1-D tensors indexed by the last
/// dimension (one value per channel).
static Value buildMap(OpBuilder &b, Location loc, ValueRange inputs,
                      ValueRange channelInputs, ElementFn fn) {
  auto type = cast<RankedTensorType>(inputs.front().getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);

  SmallVector<Value> operands(inputs);
  llvm::append_range(operands, channelInputs);
  SmallVector<AffineMap> maps(inputs.size(), identity);
  // Only built when needed: a rank-0 map has no last dimension to name.
  if (!channelInputs.empty())
    maps.append(
        channelInputs.size(),
        AffineMap::get(rank, 0, {getAffineDimExpr(rank - 1, ctx)}, ctx));
  maps.push_back(identity);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = emptyLike(b, loc, inputs.front(), type.getElementType());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{type}, operands, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        QuantizerBuilder qb(nested, nestedLoc, type.getElementType());
        Value result = fn(qb, args.drop_back());
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

/// Apply `fn` to the operands: a linalg map for tensors, the arith/math body
/// itself for scalars and vectors.
static Value buildElementwise(OpBuilder &b, Location loc, ValueRange operands,
                              ElementFn fn) {
  Type type = operands.front().getType();
  if (isa<RankedTensorType>(type))
    return buildMap(b, loc, operands, {}, fn);
  QuantizerBuilder qb(b, loc, type);
  return fn(qb, operands);
}

/// The f64 (or f64-input) accumulation type of sums over `elementType`.
static Type sumType(OpBuilder &b, Type elementType) { return b.getF64Type(); }

/// Extend `value` to f64 unless it already is.
static Value extendToF64(OpBuilder &b, Location loc, Value value) {
  if (value.getType().isF64())
    return value;
  return arith::ExtFOp::create(b, loc, b.getF64Type(), value);
}

/// Round an f64 sum once to `elementType`.
static Value roundToElementType(OpBuilder &b, Location loc, Value sum,
                                Type elementType) {
  if (elementType.isF64())
    return sum;
  return arith::TruncFOp::create(b, loc, elementType, sum);
}

/// sum(|x|) over all dimensions, accumulated in f64, as an f64 scalar.
static Value buildSumAbs(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  Type accType = sumType(b, type.getElementType());
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 0.0));
  Value init =
      linalg::FillOp::create(b, loc, zero,
                             ValueRange{tensor::EmptyOp::create(
                                 b, loc, ArrayRef<int64_t>{}, accType)})
          .getResult(0);
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx),
                                 AffineMap::get(rank, 0, {}, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{x}, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value absX = math::AbsFOp::create(nested, nestedLoc, args[0]);
        Value sum = arith::AddFOp::create(nested, nestedLoc, args[1],
                                          extendToF64(nested, nestedLoc, absX));
        linalg::YieldOp::create(nested, nestedLoc, sum);
      });
  return tensor::ExtractOp::create(b, loc, generic.getResult(0), ValueRange{});
}

/// D = tanh(max|x|) over all dimensions (the maximum starting from +0,
/// NaN-propagating), as a scalar of the element type.
static Value buildMaxAbsTanh(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  Type elementType = type.getElementType();
  Value zero =
      arith::ConstantOp::create(b, loc, b.getFloatAttr(elementType, 0.0));
  Value init =
      linalg::FillOp::create(b, loc, zero,
                             ValueRange{tensor::EmptyOp::create(
                                 b, loc, ArrayRef<int64_t>{}, elementType)})
          .getResult(0);
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx),
                                 AffineMap::get(rank, 0, {}, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{x}, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        QuantizerBuilder qb(nested, nestedLoc, elementType);
        Value max = arith::MaximumFOp::create(nested, nestedLoc, args[1],
                                              qb.abs(args[0]));
        linalg::YieldOp::create(nested, nestedLoc, max);
      });
  // D = tanh(max|x|) (= max|tanh(x)|: tanh is odd and increasing), as the
  // folder computes it; the reduction then only reads x.
  Value maxAbs =
      tensor::ExtractOp::create(b, loc, generic.getResult(0), ValueRange{});
  return QuantizerBuilder(b, loc, elementType).tanh(maxAbs);
}

/// magnitude_aware_sign's per-channel scale, a 1-D tensor over the last
/// dimension of `x` (rank >= 2): mean(|x|) over every other dimension, the
/// sum accumulated in f64 and rounded once, then divided by the count in the
/// element type.
static Value buildChannelMeanAbs(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  Type elementType = type.getElementType();
  Type accType = sumType(b, elementType);

  SmallVector<OpFoldResult> channelSize = {
      tensor::getMixedSize(b, loc, x, rank - 1)};
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 0.0));
  Value accInit =
      linalg::FillOp::create(
          b, loc, zero,
          ValueRange{tensor::EmptyOp::create(b, loc, channelSize, accType)})
          .getResult(0);
  SmallVector<AffineMap> sumMaps = {
      AffineMap::getMultiDimIdentityMap(rank, ctx),
      AffineMap::get(rank, 0, {getAffineDimExpr(rank - 1, ctx)}, ctx)};
  SmallVector<utils::IteratorType> sumIterators(rank,
                                                utils::IteratorType::reduction);
  sumIterators.back() = utils::IteratorType::parallel;
  Value sums =
      linalg::GenericOp::create(
          b, loc, TypeRange{accInit.getType()}, ValueRange{x},
          ValueRange{accInit}, sumMaps, sumIterators,
          [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
            Value absX = math::AbsFOp::create(nested, nestedLoc, args[0]);
            Value sum =
                arith::AddFOp::create(nested, nestedLoc, args[1],
                                      extendToF64(nested, nestedLoc, absX));
            linalg::YieldOp::create(nested, nestedLoc, sum);
          })
          .getResult(0);

  Value count =
      indexToFloat(b, loc, dimProduct(b, loc, x, 0, rank - 1), elementType);
  AffineMap identity1d = AffineMap::getMultiDimIdentityMap(1, ctx);
  Value scaleInit = tensor::EmptyOp::create(b, loc, channelSize, elementType);
  return linalg::GenericOp::create(
             b, loc, TypeRange{scaleInit.getType()}, ValueRange{sums},
             ValueRange{scaleInit},
             SmallVector<AffineMap>{identity1d, identity1d},
             SmallVector<utils::IteratorType>{utils::IteratorType::parallel},
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value rounded =
                   roundToElementType(nested, nestedLoc, args[0], elementType);
               Value mean =
                   arith::DivFOp::create(nested, nestedLoc, rounded, count);
               linalg::YieldOp::create(nested, nestedLoc, mean);
             })
      .getResult(0);
}

/// The TWN threshold 0.7 * sum(|x|) / size(x) in the element type.
static Value buildTwnThreshold(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elementType = type.getElementType();
  QuantizerBuilder qb(b, loc, elementType);
  Value sum = roundToElementType(b, loc, buildSumAbs(b, loc, x), elementType);
  Value size = indexToFloat(b, loc, dimProduct(b, loc, x, 0, type.getRank()),
                            elementType);
  return qb.div(qb.mul(qb.constant(0.7), sum), size);
}

//===----------------------------------------------------------------------===//
// Elementwise quantizers and gradients
//===----------------------------------------------------------------------===//

namespace {

/// Lowers an op whose result element i depends only on its operands'
/// elements i; `Derived::compute` gives the element. An op that returns one
/// of its operands unchanged (`Derived::forwarded`) becomes that operand, not
/// a copying map.
template <typename Derived, typename OpTy>
struct ElementwiseLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (Value operand = Derived::forwarded(op)) {
      rewriter.replaceOp(op, operand);
      return success();
    }
    Value result = buildElementwise(rewriter, op.getLoc(), op->getOperands(),
                                    [&](QuantizerBuilder &qb, ValueRange args) {
                                      return Derived::compute(op, qb, args);
                                    });
    rewriter.replaceOp(op, result);
    return success();
  }

  /// The operand the op returns as is, if it computes nothing.
  static Value forwarded(OpTy) { return {}; }
};

#define LQ_ELEMENTWISE(Name, OpTy, Body)                                       \
  struct Name : ElementwiseLowering<Name, OpTy> {                              \
    using ElementwiseLowering::ElementwiseLowering;                            \
    static Value compute(OpTy op, QuantizerBuilder &qb, ValueRange args) {     \
      Body                                                                     \
    }                                                                          \
  };

/// A clipped straight-through gradient: with `clip_value = none` it is `dy`.
#define LQ_STE_GRADIENT(Name, OpTy)                                            \
  struct Name : ElementwiseLowering<Name, OpTy> {                              \
    using ElementwiseLowering::ElementwiseLowering;                            \
    static Value forwarded(OpTy op) {                                          \
      return getClipBound(op.getClipValue()) ? Value() : op.getDy();           \
    }                                                                          \
    static Value compute(OpTy op, QuantizerBuilder &qb, ValueRange args) {     \
      return qb.ste(args[0], args[1], getClipBound(op.getClipValue()));        \
    }                                                                          \
  };

LQ_ELEMENTWISE(LowerSteSign, SteSignOp, { return qb.sign(args[0]); })
LQ_ELEMENTWISE(LowerApproxSign, ApproxSignOp, { return qb.sign(args[0]); })
LQ_ELEMENTWISE(LowerSwishSign, SwishSignOp, { return qb.sign(args[0]); })
LQ_ELEMENTWISE(LowerSteHeaviside, SteHeavisideOp,
               { return qb.heaviside(args[0]); })

LQ_STE_GRADIENT(LowerSteSignGrad, SteSignGradOp)
LQ_STE_GRADIENT(LowerSteHeavisideGrad, SteHeavisideGradOp)
LQ_STE_GRADIENT(LowerSteTernGrad, SteTernGradOp)
LQ_ELEMENTWISE(LowerApproxSignGrad, ApproxSignGradOp,
               { return qb.approxSignGrad(args[0], args[1]); })
LQ_ELEMENTWISE(LowerSwishSignGrad, SwishSignGradOp, {
  return qb.swishSignGrad(args[0], args[1], op.getBeta().convertToDouble());
})

/// noop is the identity (`x`), its gradient `dy`.
struct LowerNoOp : ElementwiseLowering<LowerNoOp, NoOpOp> {
  using ElementwiseLowering::ElementwiseLowering;
  static Value forwarded(NoOpOp op) { return op.getX(); }
  static Value compute(NoOpOp, QuantizerBuilder &, ValueRange args) {
    return args[0];
  }
};
struct LowerNoOpGrad : ElementwiseLowering<LowerNoOpGrad, NoOpGradOp> {
  using ElementwiseLowering::ElementwiseLowering;
  static Value forwarded(NoOpGradOp op) { return op.getDy(); }
  static Value compute(NoOpGradOp, QuantizerBuilder &, ValueRange args) {
    return args[1];
  }
};

#undef LQ_STE_GRADIENT
#undef LQ_ELEMENTWISE

//===----------------------------------------------------------------------===//
// Quantizers that may reduce
//===----------------------------------------------------------------------===//

struct LowerSteTern : OpRewritePattern<SteTernOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SteTernOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value threshold;
    if (op.getTernaryWeightNetworks())
      threshold = buildTwnThreshold(rewriter, loc, op.getX());
    double thresholdValue = op.getThresholdValue().convertToDouble();
    Value result = buildElementwise(
        rewriter, loc, op.getX(), [&](QuantizerBuilder &qb, ValueRange args) {
          Value t = threshold ? threshold : qb.constant(thresholdValue);
          return qb.ternarize(args[0], t);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// DoReFa weights on f32 by thresholds. The output level j(x) =
/// round(p(x) * n) is a non-decreasing step function of x (tanh, the
/// division by 2D > 0, +0.5, *n and round-to-even are each monotone), so
/// instead of tanh and two divisions per element, find once per call the
/// smallest float t_i with j(t_i) >= i (i = 1..n) by bisection over the
/// float ordering, evaluating exactly the per-element operations on scalars,
/// and map each element with n compares and selects. With libm's tanhf
/// (monotone on every f32) the result equals the per-element formula bit for
/// bit; MLIR's polynomial tanh is monotone only to within an ulp, the
/// tolerance it already has. A NaN element keeps its NaN (as the arithmetic
/// propagates it), a NaN scale gives the scale's NaN.
static Value buildDoReFaWeightsByThresholds(OpBuilder &b, Location loc, Value x,
                                            Value scale, int64_t kBit) {
  Type f32 = b.getF32Type();
  Type i32 = b.getI32Type(), i64 = b.getI64Type();
  int64_t n = (int64_t(1) << kBit) - 1;
  QuantizerBuilder qb(b, loc, f32);
  auto intConst = [&](Type type, int64_t v) {
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, v));
  };
  // round(p(x) * n) for a scalar x: QuantizerBuilder::dorefaWeights up to
  // the rounding.
  auto levelIndex = [&](Value v) {
    Value half = qb.constant(0.5);
    Value twoD = qb.mul(qb.constant(2.0), scale);
    Value scaled = qb.add(qb.div(qb.tanh(v), twoD), half);
    Value isZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                         scale, qb.constant(0.0));
    Value p = qb.select(isZero, half, scaled);
    return math::RoundEvenOp::create(b, loc, qb.mul(p, qb.constant(n)));
  };
  // A monotone integer key of the float ordering (i64, so differences of
  // keys cannot overflow) and its inverse for non-NaN values: flip the
  // magnitude bits of negative numbers.
  auto fromKey = [&](Value key) {
    Value bits = arith::TruncIOp::create(b, loc, i32, key);
    Value sign = arith::ShRSIOp::create(b, loc, bits, intConst(i32, 31));
    bits = arith::XOrIOp::create(
        b, loc, bits,
        arith::AndIOp::create(b, loc, sign, intConst(i32, 0x7FFFFFFF)));
    return arith::BitcastOp::create(b, loc, f32, bits);
  };
  const int64_t minusInf = int64_t(int32_t(0xFF800000u)) ^ 0x7FFFFFFF;
  const int64_t plusInf = 0x7F800000;
  SmallVector<Value> thresholds, levels;
  auto level = [&](int64_t j) {
    return qb.sub(
        qb.div(qb.mul(qb.constant(2.0), qb.constant(j)), qb.constant(n)),
        qb.constant(1.0));
  };
  levels.push_back(level(0));
  for (int64_t i = 1; i <= n; ++i) {
    // The smallest key in (lo, hi] whose level index reaches i; hi = +inf
    // reaches it whenever an element can (no element's level exceeds n).
    Value target = qb.constant(i);
    auto loop = scf::WhileOp::create(
        b, loc, TypeRange{i64, i64},
        ValueRange{intConst(i64, minusInf - 1), intConst(i64, plusInf)},
        [&](OpBuilder &cb, Location cl, ValueRange args) {
          Value gap = arith::SubIOp::create(cb, cl, args[1], args[0]);
          Value more = arith::CmpIOp::create(
              cb, cl, arith::CmpIPredicate::sgt, gap,
              arith::ConstantOp::create(cb, cl, cb.getI64IntegerAttr(1)));
          scf::ConditionOp::create(cb, cl, more, args);
        },
        [&](OpBuilder &wb, Location wl, ValueRange args) {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToEnd(wb.getBlock());
          Value half = arith::ShRSIOp::create(
              b, wl, arith::SubIOp::create(b, wl, args[1], args[0]),
              intConst(i64, 1));
          Value mid = arith::AddIOp::create(b, wl, args[0], half);
          Value reached =
              arith::CmpFOp::create(b, wl, arith::CmpFPredicate::OGE,
                                    levelIndex(fromKey(mid)), target);
          Value lo = arith::SelectOp::create(b, wl, reached, args[0], mid);
          Value hi = arith::SelectOp::create(b, wl, reached, mid, args[1]);
          scf::YieldOp::create(b, wl, ValueRange{lo, hi});
        });
    thresholds.push_back(fromKey(loop.getResult(1)));
    levels.push_back(level(i));
  }
  return buildMap(
      b, loc, ValueRange{x}, {}, [&](QuantizerBuilder &eb, ValueRange args) {
        Value v = args[0];
        Value out = levels[0];
        for (int64_t i = 1; i <= n; ++i) {
          Value above = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE,
                                              v, thresholds[i - 1]);
          out = eb.select(above, levels[i], out);
        }
        Value scaleIsNaN = arith::CmpFOp::create(
            b, loc, arith::CmpFPredicate::UNO, scale, scale);
        out = eb.select(scaleIsNaN, scale, out);
        Value isNaN =
            arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, v, v);
        return eb.select(isNaN, v, out);
      });
}

struct LowerDoReFa : OpRewritePattern<DoReFaOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(DoReFaOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t kBit = op.getKBit();
    std::optional<semantics::DoReFaMode> mode = parseDoReFaMode(op.getMode());
    if (!mode)
      return rewriter.notifyMatchFailure(op, "unknown dorefa mode");
    Value result;
    if (*mode == semantics::DoReFaMode::Activations) {
      result = buildElementwise(rewriter, loc, op.getX(),
                                [&](QuantizerBuilder &qb, ValueRange args) {
                                  return qb.dorefaActivations(args[0], kBit);
                                });
    } else {
      Value scale = buildMaxAbsTanh(rewriter, loc, op.getX());
      // Few levels on f32: compare against thresholds found once per call.
      if (getElementTypeOrSelf(op.getType()).isF32() && kBit <= 3)
        result = buildDoReFaWeightsByThresholds(rewriter, loc, op.getX(), scale,
                                                kBit);
      else
        result = buildElementwise(rewriter, loc, op.getX(),
                                  [&](QuantizerBuilder &qb, ValueRange args) {
                                    return qb.dorefaWeights(qb.tanh(args[0]),
                                                            scale, kBit);
                                  });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerDoReFaGrad : OpRewritePattern<DoReFaGradOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(DoReFaGradOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    std::optional<semantics::DoReFaMode> mode = parseDoReFaMode(op.getMode());
    if (!mode)
      return rewriter.notifyMatchFailure(op, "unknown dorefa mode");
    ValueRange operands = op->getOperands();
    Value result;
    if (*mode == semantics::DoReFaMode::Activations) {
      result = buildElementwise(
          rewriter, loc, operands, [&](QuantizerBuilder &qb, ValueRange args) {
            return qb.dorefaActivationsGrad(args[0], args[1]);
          });
    } else {
      Value scale = buildMaxAbsTanh(rewriter, loc, op.getX());
      result = buildElementwise(
          rewriter, loc, operands, [&](QuantizerBuilder &qb, ValueRange args) {
            return qb.dorefaWeightsGrad(args[0], args[1], scale);
          });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// magnitude_aware_sign and its gradient: the per-channel scale, then a map.
/// On rank <= 1 every element is its own channel and the scale is |x|.
template <typename OpTy>
struct LowerMagnitudeAware : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  static constexpr bool isGradient =
      std::is_same_v<OpTy, MagnitudeAwareSignGradOp>;

  /// The element of the result given x, dy (gradient only) and the scale.
  static Value compute(OpTy op, QuantizerBuilder &qb, Value x, Value dy,
                       Value scale) {
    if constexpr (isGradient)
      return qb.ste(x, qb.mul(scale, dy), getClipBound(op.getClipValue()));
    else
      return qb.mul(qb.sign(x), scale);
  }

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getX();
    auto type = cast<RankedTensorType>(x.getType());
    ValueRange operands = op->getOperands();
    Value result;
    if (type.getRank() <= 1) {
      result = buildMap(rewriter, loc, operands, {},
                        [&](QuantizerBuilder &qb, ValueRange args) {
                          Value dy = isGradient ? args[1] : Value();
                          return compute(op, qb, args[0], dy, qb.abs(args[0]));
                        });
    } else {
      Value scale = buildChannelMeanAbs(rewriter, loc, x);
      result = buildMap(rewriter, loc, operands, scale,
                        [&](QuantizerBuilder &qb, ValueRange args) {
                          Value dy = isGradient ? args[1] : Value();
                          return compute(op, qb, args[0], dy, args.back());
                        });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct ConvertLQToLinalgPass
    : lq::impl::ConvertLQToLinalgPassBase<ConvertLQToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    ConversionTarget target(*ctx);
    target.addIllegalDialect<LQDialect>();
    // A vector-level helper of the binary kernels, lowered after
    // bufferization by lq-lower-lane-byte-sum.
    target.addLegalOp<LaneByteSumOp>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });

    RewritePatternSet patterns(ctx);
    populateLQToLinalgConversionPatterns(patterns);
    ConversionConfig config;
    config.allowPatternRollback = false;
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns), config)))
      signalPassFailure();
  }
};

} // namespace

void mlir::lq::populateLQToLinalgConversionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LowerSteSign, LowerApproxSign, LowerSwishSign, LowerSteHeaviside,
               LowerNoOp, LowerSteSignGrad, LowerSteHeavisideGrad,
               LowerSteTernGrad, LowerApproxSignGrad, LowerSwishSignGrad,
               LowerNoOpGrad, LowerSteTern, LowerDoReFa, LowerDoReFaGrad,
               LowerMagnitudeAware<MagnitudeAwareSignOp>,
               LowerMagnitudeAware<MagnitudeAwareSignGradOp>>(
      patterns.getContext());
  populateBinaryOpsToLinalgPatterns(patterns);
  populateTrainingOpsToLinalgPatterns(patterns);
}
