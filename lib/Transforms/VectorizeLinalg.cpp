//===- VectorizeLinalg.cpp - tile and vectorize linalg ops
//-----------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Upstream MLIR has the pieces (TilingInterface tiling with partial
// reductions, loop peeling, the linalg vectorizer) but no pass that strings
// them together for CPU elementwise/reduction code; this is that pass.
//
//===----------------------------------------------------------------------===//

#include "lq/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/TargetParser/Host.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQVECTORIZELINALGPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;

/// Marks the tiles to vectorize once their shapes are static.
static constexpr StringLiteral kVectorizeMarker = "lq.vectorize";

unsigned mlir::lq::getHostVectorBits() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return 512;
  if (features.lookup("avx"))
    return 256;
  return 128;
}

/// The narrowest element width (in bits) among the op's operands.
static unsigned narrowestElementBits(linalg::LinalgOp op) {
  unsigned bits = 64;
  for (OpOperand &operand : op->getOpOperands()) {
    Type elementType = getElementTypeOrSelf(operand.get().getType());
    if (elementType.isIntOrFloat())
      bits = std::min(bits, elementType.getIntOrFloatBitWidth());
  }
  return std::max(bits, 8u);
}

/// Collapse maximal runs of consecutive loops of the same iterator type when
/// every indexing map keeps them contiguous (an elementwise op over a dense
/// tensor becomes 1-D). Returns the op to continue with.
static linalg::LinalgOp collapseLoops(RewriterBase &rewriter,
                                      linalg::LinalgOp op) {
  if (!isa<linalg::GenericOp>(op))
    return op;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<ReassociationIndices> groups;
  for (auto [dim, iterator] : llvm::enumerate(iterators)) {
    if (dim > 0 && iterators[dim - 1] == iterator)
      groups.back().push_back(dim);
    else
      groups.push_back({static_cast<int64_t>(dim)});
  }
  if (groups.size() == iterators.size() ||
      !linalg::areDimSequencesPreserved(op.getIndexingMapsArray(), groups))
    return op;
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::CollapseResult> collapsed =
      linalg::collapseOpIterationDims(op, groups, rewriter);
  if (failed(collapsed))
    return op;
  rewriter.replaceOp(op, collapsed->results);
  return collapsed->collapsedOp;
}

/// Tile `op`: the innermost loop by `vectorLength`, every other loop by 1,
/// parallel loops outside reduction loops; an innermost reduction becomes a
/// vector of partial accumulators. Peel the vector loop so that its body has
/// static tile sizes, and mark the tiles for vectorization.
static void tileForVectorization(RewriterBase &rewriter, linalg::LinalgOp op,
                                 int64_t vectorLength) {
  int64_t numLoops = op.getNumLoops();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  bool innermostIsReduction =
      iterators.back() == utils::IteratorType::reduction;

  SmallVector<unsigned> reductionDims;
  SmallVector<int64_t> interchange;
  for (auto [dim, iterator] : llvm::enumerate(iterators)) {
    if (iterator == utils::IteratorType::reduction)
      reductionDims.push_back(dim);
    else
      interchange.push_back(dim);
  }
  // A partial reduction is only built over the innermost loop.
  if (innermostIsReduction && reductionDims.size() != 1)
    return;
  llvm::append_range(interchange, reductionDims);

  SmallVector<OpFoldResult> tileSizes(numLoops, rewriter.getIndexAttr(1));
  tileSizes.back() = rewriter.getIndexAttr(vectorLength);
  scf::SCFTilingOptions options;
  options.setTileSizes(tileSizes);
  options.setInterchange(interchange);
  options.setReductionDims(reductionDims);
  if (innermostIsReduction)
    options.setReductionTilingStrategy(
        ReductionTilingStrategy::PartialReductionOuterReduction);

  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return;
  rewriter.replaceOp(op, tiled->replacements);
  for (Operation *tile : tiled->tiledOps)
    tile->setAttr(kVectorizeMarker, rewriter.getUnitAttr());
  for (Operation *merge : tiled->mergeOps)
    merge->setAttr(kVectorizeMarker, rewriter.getUnitAttr());

  // The loop over the vector dimension is at the position of the innermost
  // dimension in the interchange.
  auto position = llvm::find(interchange, numLoops - 1) - interchange.begin();
  if (position >= static_cast<int64_t>(tiled->loops.size()))
    return;
  if (auto loop = dyn_cast<scf::ForOp>(tiled->loops[position].getOperation())) {
    scf::ForOp remainder;
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, loop, remainder);
  }
}

/// Every operand and result of `op` has a static shape.
static bool hasStaticShapes(Operation *op) {
  auto isStatic = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return !shaped || shaped.hasStaticShape();
  };
  return llvm::all_of(op->getOperandTypes(), isStatic) &&
         llvm::all_of(op->getResultTypes(), isStatic);
}

/// Apply every registered canonicalization (static tile shapes appear once
/// the peeled loops' affine.min bounds fold).
static LogicalResult canonicalize(Operation *root) {
  MLIRContext *ctx = root->getContext();
  RewritePatternSet patterns(ctx);
  for (Dialect *dialect : ctx->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName name : ctx->getRegisteredOperations())
    name.getCanonicalizationPatterns(patterns, ctx);
  return applyPatternsGreedily(root, std::move(patterns));
}

namespace {
struct LQVectorizeLinalgPass
    : lq::impl::LQVectorizeLinalgPassBase<LQVectorizeLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    Operation *root = getOperation();
    unsigned bits = vectorBits ? vectorBits : lq::getHostVectorBits();
    IRRewriter rewriter(&getContext());

    SmallVector<linalg::LinalgOp> candidates;
    root->walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() && op.getNumLoops() > 0 &&
          !isa<linalg::FillOp>(op) && isa<TilingInterface>(op.getOperation()))
        candidates.push_back(op);
    });
    for (linalg::LinalgOp op : candidates) {
      linalg::LinalgOp collapsed = collapseLoops(rewriter, op);
      int64_t vectorLength =
          std::max<int64_t>(bits / narrowestElementBits(collapsed), 1);
      tileForVectorization(rewriter, collapsed, vectorLength);
    }

    if (failed(canonicalize(root)))
      return signalPassFailure();

    SmallVector<Operation *> tiles;
    root->walk([&](Operation *op) {
      if (op->hasAttr(kVectorizeMarker))
        tiles.push_back(op);
    });
    for (Operation *tile : tiles) {
      tile->removeAttr(kVectorizeMarker);
      // Remainder tiles (dynamic sizes) stay scalar.
      if (!hasStaticShapes(tile) ||
          failed(linalg::vectorizeOpPrecondition(tile)))
        continue;
      rewriter.setInsertionPoint(tile);
      FailureOr<linalg::VectorizationResult> vectorized =
          linalg::vectorize(rewriter, tile);
      if (succeeded(vectorized))
        rewriter.replaceOp(tile, vectorized->replacements);
    }
  }
};
} // namespace
