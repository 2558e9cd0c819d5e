//===- LowerLaneByteSum.cpp - lq.lane_byte_sum to psadbw / portable ops ---===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Transforms/Passes.h"

#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#include "llvm/TargetParser/Host.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQLOWERLANEBYTESUMPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;
using namespace mlir::lq;

/// The host's psadbw intrinsic for `lanes` 64-bit lanes, or "".
static StringRef psadbwIntrinsic(int64_t lanes) {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (lanes == 8 && features.lookup("avx512bw"))
    return "llvm.x86.avx512.psad.bw.512";
  if (lanes == 4 && features.lookup("avx2"))
    return "llvm.x86.avx2.psad.bw";
  if (lanes == 2 && features.lookup("sse2"))
    return "llvm.x86.sse2.psad.bw";
  return "";
}

namespace {
struct LowerLaneByteSum : OpRewritePattern<LaneByteSumOp> {
  LowerLaneByteSum(MLIRContext *ctx, bool portable)
      : OpRewritePattern(ctx), portable(portable) {}

  LogicalResult matchAndRewrite(LaneByteSumOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    VectorType type = op.getOutput().getType();
    VectorType byteType = op.getInput().getType();
    auto splat = [&](VectorType t, uint64_t v) -> Value {
      return arith::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(t, IntegerAttr::get(t.getElementType(), v)));
    };
    StringRef intrinsic =
        portable ? StringRef() : psadbwIntrinsic(type.getNumElements());
    if (!intrinsic.empty()) {
      rewriter.replaceOpWithNewOp<LLVM::CallIntrinsicOp>(
          op, type, rewriter.getStringAttr(intrinsic),
          ValueRange{op.getInput(), splat(byteType, 0)});
      return success();
    }
    // 16-, 32-, then 64-bit sums of neighbouring fields.
    Value v = vector::BitCastOp::create(rewriter, loc, type, op.getInput());
    const uint64_t masks[] = {0x00FF00FF00FF00FFull, 0x0000FFFF0000FFFFull,
                              0x00000000FFFFFFFFull};
    const uint64_t shifts[] = {8, 16, 32};
    for (int stage = 0; stage < 3; ++stage) {
      Value mask = splat(type, masks[stage]);
      Value shifted =
          arith::ShRUIOp::create(rewriter, loc, v, splat(type, shifts[stage]));
      v = arith::AddIOp::create(
          rewriter, loc, arith::AndIOp::create(rewriter, loc, v, mask),
          arith::AndIOp::create(rewriter, loc, shifted, mask));
    }
    rewriter.replaceOp(op, v);
    return success();
  }

  bool portable;
};

struct LQLowerLaneByteSumPass
    : lq::impl::LQLowerLaneByteSumPassBase<LQLowerLaneByteSumPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LowerLaneByteSum>(&getContext(), portable);
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};
} // namespace
