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
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQAPPROXIMATEMATHPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;

namespace {
struct LQApproximateMathPass
    : lq::impl::LQApproximateMathPassBase<LQApproximateMathPass> {
  using Base::Base;

  void runOnOperation() override {
    if (libm)
      return;
    MLIRContext *ctx = &getContext();
    // cosh -> exp first, so the exp approximation below covers it.
    {
      RewritePatternSet patterns(ctx);
      math::populateExpansionPatterns(patterns, {"cosh"});
      if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
        return signalPassFailure();
    }
    auto isApproximated = [](StringRef name) {
      return name == math::TanhOp::getOperationName() ||
             name == math::ExpOp::getOperationName();
    };
    RewritePatternSet patterns(ctx);
    populateMathPolynomialApproximationPatterns(patterns, isApproximated);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
