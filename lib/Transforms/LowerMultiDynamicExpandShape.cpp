//===- LowerMultiDynamicExpandShape.cpp - expand_shape crash workaround ---===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQLOWERMULTIDYNAMICEXPANDSHAPEPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;

namespace {
/// memref.expand_shape with > 1 dynamic size in a group -> reinterpret_cast.
struct LowerMultiDynamicExpandShape : OpRewritePattern<memref::ExpandShapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(memref::ExpandShapeOp op,
                                PatternRewriter &rewriter) const override {
    MemRefType resultType = op.getResultType();
    bool affected = llvm::any_of(op.getReassociationIndices(),
                                 [&](const ReassociationIndices &group) {
                                   return llvm::count_if(group, [&](int64_t d) {
                                            return resultType.isDynamicDim(d);
                                          }) > 1;
                                 });
    if (!affected)
      return rewriter.notifyMatchFailure(op, "upstream handles it");

    // Static layout facts of the source (an identity layout has offset 0
    // and unit innermost stride) and of the result (a static stride, e.g.
    // 64 in ?x?x64) must stay static, or reinterpret_cast rejects the type.
    SmallVector<int64_t> sourceStrides, resultStrides;
    int64_t sourceOffset, resultOffset;
    if (failed(
            op.getSrcType().getStridesAndOffset(sourceStrides, sourceOffset)) ||
        failed(resultType.getStridesAndOffset(resultStrides, resultOffset)))
      return rewriter.notifyMatchFailure(op, "source or result not strided");
    Location loc = op.getLoc();
    auto metadata =
        memref::ExtractStridedMetadataOp::create(rewriter, loc, op.getSrc());
    auto staticOr = [&](int64_t value, Value dynamic) -> OpFoldResult {
      if (ShapedType::isDynamic(value))
        return dynamic;
      return rewriter.getIndexAttr(value);
    };
    SmallVector<OpFoldResult> sizes = op.getMixedOutputShape();
    SmallVector<OpFoldResult> strides(resultType.getRank());
    for (auto [source, group] : llvm::enumerate(op.getReassociationIndices())) {
      // Innermost dim of the group keeps the source stride; each outer one
      // multiplies by the size of the dim inside it.
      OpFoldResult stride =
          staticOr(sourceStrides[source], metadata.getStrides()[source]);
      for (int64_t i = group.size() - 1; i >= 0; --i) {
        if (!ShapedType::isDynamic(resultStrides[group[i]]))
          stride = rewriter.getIndexAttr(resultStrides[group[i]]);
        strides[group[i]] = stride;
        if (i > 0)
          stride = arith::MulIOp::create(
                       rewriter, loc,
                       getValueOrCreateConstantIndexOp(rewriter, loc, stride),
                       getValueOrCreateConstantIndexOp(rewriter, loc,
                                                       sizes[group[i]]))
                       .getResult();
      }
    }
    rewriter.replaceOpWithNewOp<memref::ReinterpretCastOp>(
        op, resultType, metadata.getBaseBuffer(),
        staticOr(sourceOffset, metadata.getOffset()), sizes, strides);
    return success();
  }
};

struct LQLowerMultiDynamicExpandShapePass
    : lq::impl::LQLowerMultiDynamicExpandShapePassBase<
          LQLowerMultiDynamicExpandShapePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LowerMultiDynamicExpandShape>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
