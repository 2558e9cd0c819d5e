//===- VectorizeLinalg.cpp - tile and vectorize linalg ops ----------------===//
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

/// Peel the last partial iteration off `loop` so its body has static tiles.
static void peel(RewriterBase &rewriter, LoopLikeOpInterface loop) {
  if (auto forOp = dyn_cast<scf::ForOp>(loop.getOperation())) {
    scf::ForOp remainder;
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, forOp, remainder);
  }
}

/// Mark the ops a tiling produced for vectorization.
static void markTiles(RewriterBase &rewriter,
                      const scf::SCFTilingResult &tiled) {
  for (Operation *tile : tiled.tiledOps)
    tile->setAttr(kVectorizeMarker, rewriter.getUnitAttr());
  for (Operation *merge : tiled.mergeOps)
    merge->setAttr(kVectorizeMarker, rewriter.getUnitAttr());
}

/// Tile the innermost (reduction) loop of `op` by `vectorLength` into a
/// vector of partial accumulators; every other loop must be a unit loop or
/// untiled. Returns failure when upstream tiling refuses.
static LogicalResult tilePartialReduction(RewriterBase &rewriter,
                                          linalg::LinalgOp op,
                                          int64_t vectorLength) {
  int64_t numLoops = op.getNumLoops();
  SmallVector<OpFoldResult> tileSizes(numLoops, rewriter.getIndexAttr(0));
  tileSizes.back() = rewriter.getIndexAttr(vectorLength);
  scf::SCFTilingOptions options;
  options.setTileSizes(tileSizes);
  options.setReductionDims({static_cast<unsigned>(numLoops - 1)});
  options.setReductionTilingStrategy(
      ReductionTilingStrategy::PartialReductionOuterReduction);
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return failure();
  rewriter.replaceOp(op, tiled->replacements);
  markTiles(rewriter, *tiled);
  if (!tiled->loops.empty())
    peel(rewriter, tiled->loops.back());
  return success();
}

/// Whether splitting the reduction of `op` into vector partial accumulators,
/// which changes the order of its combining operations, gives what a
/// sequential evaluation (the constant folders) gives. Integer combiners and
/// float min/max are exact in any order. A float sum (or product) is only
/// reassociated when it accumulates into a wider type than every input, like
/// lq's f64 sums of f16/bf16/f32 values, whose partial sums are exact in
/// practice; an f64 sum of f64 values keeps its sequential order (e.g. a TWN
/// threshold would otherwise move by an ulp and flip values lying on it).
static bool isReassociationExact(linalg::LinalgOp op) {
  unsigned widestInput = 0;
  for (OpOperand *input : op.getDpsInputOperands())
    if (auto type =
            dyn_cast<FloatType>(getElementTypeOrSelf(input->get().getType())))
      widestInput = std::max(widestInput, type.getWidth());
  for (OpOperand &init : op.getDpsInitsMutable()) {
    auto type = dyn_cast<FloatType>(getElementTypeOrSelf(init.get().getType()));
    if (!type || type.getWidth() > widestInput)
      continue;
    Operation *combiner =
        op.getMatchingYieldValue(&init)->get().getDefiningOp();
    if (!isa_and_nonnull<arith::MaximumFOp, arith::MinimumFOp, arith::MaxNumFOp,
                         arith::MinNumFOp>(combiner))
      return false;
  }
  return true;
}

/// Vectorize `op`, whose innermost loop is a reduction that cannot become
/// partial accumulators, along its last parallel loop instead, when that
/// loop is the innermost dimension of every output: an "outer product" where
/// each output lane keeps its own reduction in the original order, exactly
/// the scalar loop's result (convolutions and matrix products go this way).
/// Parallel loops are tiled by 1 outside, the vector loop by `vectorLength`,
/// the reduction loops by 1 inside it.
static void tileAlongLastParallel(RewriterBase &rewriter, linalg::LinalgOp op,
                                  int64_t vectorLength) {
  MLIRContext *ctx = op.getContext();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  int64_t numLoops = op.getNumLoops();
  std::optional<int64_t> vectorDim;
  for (int64_t d = numLoops - 1; d >= 0 && !vectorDim; --d)
    if (iterators[d] == utils::IteratorType::parallel)
      vectorDim = d;
  if (!vectorDim)
    return;
  for (OpOperand &init : op.getDpsInitsMutable()) {
    AffineMap map = op.getMatchingIndexingMap(&init);
    if (map.getNumResults() == 0 ||
        map.getResults().back() != getAffineDimExpr(*vectorDim, ctx))
      return;
  }
  SmallVector<int64_t> interchange;
  SmallVector<unsigned> reductionDims;
  for (auto [dim, iterator] : llvm::enumerate(iterators))
    if (iterator == utils::IteratorType::parallel &&
        static_cast<int64_t>(dim) != *vectorDim)
      interchange.push_back(dim);
  interchange.push_back(*vectorDim);
  for (auto [dim, iterator] : llvm::enumerate(iterators))
    if (iterator == utils::IteratorType::reduction) {
      interchange.push_back(dim);
      reductionDims.push_back(dim);
    }

  SmallVector<OpFoldResult> tileSizes(numLoops, rewriter.getIndexAttr(1));
  tileSizes[*vectorDim] = rewriter.getIndexAttr(vectorLength);
  scf::SCFTilingOptions options;
  options.setTileSizes(tileSizes);
  options.setInterchange(interchange);
  options.setReductionDims(reductionDims);
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return;
  rewriter.replaceOp(op, tiled->replacements);
  markTiles(rewriter, *tiled);
  auto position = llvm::find(interchange, *vectorDim) - interchange.begin();
  if (position < static_cast<int64_t>(tiled->loops.size()))
    peel(rewriter, tiled->loops[position]);
}

/// Tile `op` for vectorization: the innermost loop by `vectorLength`, every
/// other loop by 1, parallel loops outside reduction loops. An innermost
/// reduction becomes a vector of partial accumulators (after tiling the
/// parallel loops by 1 first). The vector loop is peeled so that its body has
/// static tile sizes, and the tiles are marked for vectorization.
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
  // A partial reduction is only built over a single, innermost loop, and
  // not for bodies reading linalg.index (upstream's partial-reduction tiling
  // does not offset the index of the reduction loop).
  if (innermostIsReduction &&
      (reductionDims.size() != 1 || op.hasIndexSemantics() ||
       !isReassociationExact(op))) {
    tileAlongLastParallel(rewriter, op, vectorLength);
    return;
  }
  if (innermostIsReduction && interchange.empty()) {
    (void)tilePartialReduction(rewriter, op, vectorLength);
    return;
  }
  llvm::append_range(interchange, reductionDims);

  // Parallel loops by 1; then either the innermost (parallel) loop by the
  // vector length, or the innermost reduction as partial accumulators.
  SmallVector<OpFoldResult> tileSizes(numLoops, rewriter.getIndexAttr(1));
  tileSizes.back() =
      rewriter.getIndexAttr(innermostIsReduction ? 0 : vectorLength);
  scf::SCFTilingOptions options;
  options.setTileSizes(tileSizes);
  options.setInterchange(interchange);
  if (!innermostIsReduction)
    options.setReductionDims(reductionDims);

  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return;
  rewriter.replaceOp(op, tiled->replacements);
  if (innermostIsReduction) {
    for (Operation *tile : tiled->tiledOps)
      if (auto linalgTile = dyn_cast<linalg::LinalgOp>(tile))
        (void)tilePartialReduction(rewriter, linalgTile, vectorLength);
    return;
  }
  markTiles(rewriter, *tiled);

  // The loop over the vector dimension is at the position of the innermost
  // dimension in the interchange.
  auto position = llvm::find(interchange, numLoops - 1) - interchange.begin();
  if (position < static_cast<int64_t>(tiled->loops.size()))
    peel(rewriter, tiled->loops[position]);
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
    // i1 tensors are left alone: in memory an i1 takes a byte, but a
    // vector<N x i1> transfer would load N packed bits.
    auto hasI1 = [](linalg::LinalgOp op) {
      return llvm::any_of(op->getOperandTypes(), [](Type type) {
        return getElementTypeOrSelf(type).isInteger(1);
      });
    };
    root->walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() && op.getNumLoops() > 0 &&
          !isa<linalg::FillOp>(op) && !hasI1(op) &&
          isa<TilingInterface>(op.getOperation()))
        candidates.push_back(op);
    });
    // A transformation that does not apply leaves scalar (correct) code;
    // upstream reports why as errors, which must not reach the user.
    ScopedDiagnosticHandler silence(&getContext(),
                                    [](Diagnostic &) { return success(); });
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
      if (!hasStaticShapes(tile))
        continue;
      // Named ops the vectorizer has no direct path for (convolutions) are
      // vectorized as the equivalent linalg.generic: their tiles here have
      // unit reduction loops, i.e. an elementwise multiply-accumulate.
      if (auto named = dyn_cast<linalg::LinalgOp>(tile);
          named && !isa<linalg::GenericOp>(tile) &&
          failed(linalg::vectorizeOpPrecondition(tile))) {
        rewriter.setInsertionPoint(tile);
        FailureOr<linalg::GenericOp> generic =
            linalg::generalizeNamedOp(rewriter, named);
        if (failed(generic))
          continue;
        tile = *generic;
      }
      // A tile with unit loops indexed by sums (a convolution's d1 + d4) is
      // not a projected permutation; without its unit loops it is.
      if (auto generic = dyn_cast<linalg::GenericOp>(tile);
          generic && failed(linalg::vectorizeOpPrecondition(tile))) {
        rewriter.setInsertionPoint(tile);
        // Rank-reducing slices (not reshapes) keep the accumulator a subset
        // of the loop-carried tile, which loop-invariant-subset-hoisting
        // then keeps in registers across the reduction loops.
        linalg::ControlDropUnitDims control;
        control.rankReductionStrategy = linalg::ControlDropUnitDims::
            RankReductionStrategy::ExtractInsertSlice;
        FailureOr<linalg::DropUnitDimsResult> dropped =
            linalg::dropUnitDims(rewriter, generic, control);
        if (succeeded(dropped)) {
          rewriter.replaceOp(tile, dropped->replacements);
          tile = dropped->resultOp;
        }
      }
      if (failed(linalg::vectorizeOpPrecondition(tile)))
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
