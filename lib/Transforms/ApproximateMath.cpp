//===- ApproximateMath.cpp - vectorizable tanh/cosh -----------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQAPPROXIMATEMATHPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;

/// `math-extend-to-supported-types` marks the arith.extf/arith.truncf it wraps
/// f16/bf16 math in as `fastmath<contract>`, and `convert-arith-to-llvm`
/// copies that attribute onto llvm.fpext/llvm.fptrunc unconverted, as an
/// `#arith.fastmath`: the LLVM dialect module then refers to the arith dialect
/// and neither mlir-translate nor mlir-runner can parse it. The flag permits
/// nothing on a lone conversion, so drop it (the ops keep their meaning).
static void dropConversionFastMathFlags(Operation *root) {
  root->walk([](Operation *op) {
    if (isa<arith::ExtFOp, arith::TruncFOp>(op))
      op->removeAttr("fastmath");
  });
}

/// The approximations build scalar or vector arith: tensor-typed math ops
/// (the pass runs after bufferization in lq-to-llvm, but may be run on its
/// own) stay as they are.
static bool isScalarOrVector(Type type) {
  return isa<FloatType, VectorType>(type);
}

namespace {
/// f32 `math.cosh(x)` as `h * (h * 0.5) + (0.5 / h) / h`, `h = exp(|x| *
/// 0.5)`, for the exp approximation to cover. Upstream's expansion,
/// `(exp(x) + exp(-x)) / 2`, overflows to +inf for |x| in (88.72, 89.42)
/// where cosh is still finite (swish_sign_grad then returns 0 instead of
/// ~1e-36); here `h` stays finite and only a cosh that overflows does. f64
/// cosh stays a libm call, the function the constant folder calls, since
/// f64 exp is not approximated (vectorized) anyway.
struct ExpandF32Cosh : OpRewritePattern<math::CoshOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::CoshOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32() || !isScalarOrVector(type))
      return rewriter.notifyMatchFailure(
          op, "only f32 scalar or vector cosh is expanded");
    Location loc = op.getLoc();
    TypedAttr halfAttr = rewriter.getF32FloatAttr(0.5);
    if (auto vector = dyn_cast<VectorType>(type))
      halfAttr = DenseElementsAttr::get(vector, halfAttr);
    Value half = arith::ConstantOp::create(rewriter, loc, halfAttr);
    Value absX = math::AbsFOp::create(rewriter, loc, op.getOperand());
    Value h = math::ExpOp::create(
        rewriter, loc, arith::MulFOp::create(rewriter, loc, absX, half));
    Value large = arith::MulFOp::create(
        rewriter, loc, h, arith::MulFOp::create(rewriter, loc, h, half));
    Value small = arith::DivFOp::create(
        rewriter, loc, arith::DivFOp::create(rewriter, loc, half, h), h);
    rewriter.replaceOpWithNewOp<arith::AddFOp>(op, large, small);
    return success();
  }
};

struct LQApproximateMathPass
    : lq::impl::LQApproximateMathPassBase<LQApproximateMathPass> {
  using Base::Base;

  void runOnOperation() override {
    dropConversionFastMathFlags(getOperation());
    if (libm)
      return;
    MLIRContext *ctx = &getContext();
    // cosh -> exp first, so the exp approximation below covers it.
    {
      RewritePatternSet patterns(ctx);
      patterns.add<ExpandF32Cosh>(ctx);
      if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
        return signalPassFailure();
    }
    auto isApproximated = [](StringRef name) {
      return name == math::TanhOp::getOperationName() ||
             name == math::ExpOp::getOperationName();
    };
    RewritePatternSet patterns(ctx);
    populateMathPolynomialApproximationPatterns(patterns, isApproximated);
    // Upstream's patterns do not check the type: give them the scalar and
    // vector ops only (and what they create).
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<math::TanhOp, math::ExpOp>(op) &&
          isScalarOrVector(op->getResult(0).getType()))
        ops.push_back(op);
    });
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    if (failed(applyOpPatternsGreedily(ops, std::move(patterns), config)))
      signalPassFailure();
  }
};
} // namespace
