//===- LinalgDifferentiation.cpp - reverse-mode rules of linalg ops -------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// DifferentiableOpInterface for linalg ops on tensors:
//  * elementwise ops (linalg.generic with parallel loops, and the named
//    elementwise ops): the payload is differentiated with the scalar rules
//    into a linalg.generic per distinct operand indexing map; an operand read
//    through a broadcasting (projected) map gets its cotangent summed over
//    the loops it does not use;
//  * contractions (matmul, batch_matmul, matvec, vecmat, dot): each operand
//    cotangent is the contraction of the result cotangent with the other
//    operand, as a linalg.generic over the same loops;
//  * conv_2d_nhwc_hwcf: the filter cotangent is such a contraction; the input
//    cotangent is a transposed convolution of the result cotangent (strided
//    and padded) with the filter;
//  * linalg.reduce (add and max combiners), linalg.broadcast,
//    linalg.transpose, linalg.fill.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::lq;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Iterator types for a linalg.generic that writes through `outputMap`: the
/// loops `outputMap` uses are parallel, every other loop is a reduction.
static SmallVector<utils::IteratorType>
iteratorsWritingThrough(AffineMap outputMap) {
  SmallVector<utils::IteratorType> iterators(outputMap.getNumDims(),
                                             utils::IteratorType::reduction);
  for (AffineExpr expr : outputMap.getResults())
    iterators[cast<AffineDimExpr>(expr).getPosition()] =
        utils::IteratorType::parallel;
  return iterators;
}

/// The map of a tensor of rank `rank` reduced along `dims`: the identity
/// without the reduced dimensions.
static AffineMap reducedMap(int64_t rank, ArrayRef<int64_t> dims,
                            MLIRContext *ctx) {
  SmallVector<AffineExpr> results;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(dims, d))
      results.push_back(getAffineDimExpr(d, ctx));
  return AffineMap::get(rank, 0, results, ctx);
}

/// Fail unless `op` works on tensors (the differentiator never sees
/// buffers, which have no values to differentiate).
static LogicalResult checkTensorSemantics(linalg::LinalgOp op) {
  if (op.hasPureTensorSemantics())
    return success();
  return op->emitOpError() << "is differentiated on tensors only";
}

/// `acc + lhs * rhs`, the body of a contraction.
static void buildMultiplyAccumulate(OpBuilder &b, Location loc,
                                    ValueRange args) {
  Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
  Value sum = arith::AddFOp::create(b, loc, args[2], product);
  linalg::YieldOp::create(b, loc, sum);
}

/// The cotangent of the operand `like` (indexing map `likeMap`) of a
/// contraction `out[o] += like[l] * other[r]`: `dOut[o] * other[r]` summed
/// over the loops `likeMap` does not use, as a linalg.generic over the
/// contraction's loops.
static FailureOr<Value>
buildContractionCotangent(OpBuilder &b, Operation *op, Value dOut,
                          AffineMap outMap, Value other, AffineMap otherMap,
                          Value like, AffineMap likeMap) {
  Location loc = op->getLoc();
  if (!likeMap.isProjectedPermutation())
    return op->emitOpError()
           << "reads an operand through the indexing map "
           << AffineMapAttr::get(likeMap)
           << ", which is not a projected permutation; its cotangent is not "
              "supported";
  Value init = buildZerosLike(b, loc, like);
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{dOut, other}, ValueRange{init},
      ArrayRef<AffineMap>{outMap, otherMap, likeMap},
      iteratorsWritingThrough(likeMap), buildMultiplyAccumulate);
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// Elementwise ops: differentiate the payload
//===----------------------------------------------------------------------===//

/// True when a yielded value of `body` depends on argument `index` through
/// float values (a comparison, for one, cuts the dependence).
static bool reachesYield(Block *body, unsigned index) {
  DenseSet<Value> reached = {body->getArgument(index)};
  for (Operation &op : body->without_terminator()) {
    if (llvm::none_of(op.getOperands(),
                      [&](Value v) { return reached.contains(v); }))
      continue;
    for (Value result : op.getResults())
      if (isDifferentiableType(result.getType()))
        reached.insert(result);
  }
  return llvm::any_of(body->getTerminator()->getOperands(),
                      [&](Value v) { return reached.contains(v); });
}

/// Operand cotangents of a linalg op with parallel loops whose payload is
/// made of differentiable scalar ops.
static LogicalResult buildPayloadCotangents(
    linalg::LinalgOp op, OpBuilder &b, ArrayRef<Value> resultCotangents,
    ArrayRef<bool> neededOperands, MutableArrayRef<Value> operandCotangents) {
  if (failed(checkTensorSemantics(op)))
    return failure();
  // Only operands whose elements flow into a result through float values
  // get a cotangent (not, e.g., the operands of a count of correct
  // predictions).
  Block *body = op.getBlock();
  SmallVector<bool> needed(neededOperands);
  for (auto [i, isNeeded] : llvm::enumerate(needed))
    isNeeded = isNeeded && i < body->getNumArguments() && reachesYield(body, i);
  if (llvm::none_of(needed, [](bool n) { return n; }))
    return success();
  if (op.getNumReductionLoops() != 0)
    return op->emitOpError()
           << "has reduction loops; lq-differentiate supports linalg ops "
              "with elementwise (all-parallel) bodies: express reductions "
              "with linalg.reduce";
  Location loc = op.getLoc();
  unsigned numOperands = op->getNumOperands();
  if (body->getNumArguments() != numOperands)
    return op->emitOpError()
           << "has a payload whose arguments do not match its operands";
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();

  // Group the operands that need a cotangent by indexing map: one adjoint
  // generic per group, whose loops not in the map are reductions.
  SmallVector<std::pair<AffineMap, SmallVector<unsigned>>> groups;
  for (unsigned i = 0; i < numOperands; ++i) {
    if (!needed[i])
      continue;
    if (!maps[i].isProjectedPermutation())
      return op->emitOpError()
             << "reads operand #" << i << " through the indexing map "
             << AffineMapAttr::get(maps[i])
             << ", which is not a projected permutation; its cotangent is not "
                "supported";
    auto *group =
        llvm::find_if(groups, [&](auto &g) { return g.first == maps[i]; });
    if (group == groups.end())
      groups.push_back({maps[i], {i}});
    else
      group->second.push_back(i);
  }

  // Inputs of every adjoint generic: the primal operands (to recompute the
  // payload) and the result cotangents.
  SmallVector<Value> inputs(op->getOperands());
  SmallVector<AffineMap> inputMaps(maps);
  SmallVector<int64_t> cotangentArg(op->getNumResults(), -1);
  for (auto [j, cotangent] : llvm::enumerate(resultCotangents)) {
    if (!cotangent)
      continue;
    cotangentArg[j] = inputs.size();
    inputs.push_back(cotangent);
    inputMaps.push_back(maps[op.getNumDpsInputs() + j]);
  }

  for (auto &group : groups) {
    AffineMap map = group.first;
    ArrayRef<unsigned> members = group.second;
    SmallVector<Value> inits;
    for (unsigned i : members) {
      Value operand = op->getOperand(i);
      if (isa<RankedTensorType>(operand.getType())) {
        inits.push_back(buildZerosLike(b, loc, operand));
        continue;
      }
      // A scalar operand: its cotangent is summed over every loop into a
      // rank-0 tensor.
      Value zero = buildFloatConstant(b, loc, operand.getType(), 0.0);
      Value empty = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{},
                                            operand.getType());
      inits.push_back(linalg::FillOp::create(b, loc, zero, empty).getResult(0));
    }
    SmallVector<AffineMap> genericMaps(inputMaps);
    genericMaps.append(members.size(), map);
    SmallVector<Type> resultTypes =
        llvm::map_to_vector(inits, [](Value v) { return v.getType(); });

    LogicalResult status = success();
    auto generic = linalg::GenericOp::create(
        b, loc, resultTypes, inputs, inits, genericMaps,
        iteratorsWritingThrough(map),
        [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
          SmallVector<bool> wrt(numOperands, false);
          for (unsigned i : members)
            wrt[i] = true;
          Operation *yield = body->getTerminator();
          SmallVector<Value> outputCotangents(yield->getNumOperands());
          for (auto [j, arg] : llvm::enumerate(cotangentArg))
            if (arg >= 0)
              outputCotangents[j] = args[arg];
          SmallVector<Value> argCotangents;
          if (failed(differentiateBlock(nested, *body,
                                        args.take_front(numOperands), wrt,
                                        outputCotangents, argCotangents))) {
            status = failure();
            return;
          }
          SmallVector<Value> yielded;
          for (auto [k, i] : llvm::enumerate(members)) {
            Value acc = args[inputs.size() + k];
            yielded.push_back(argCotangents[i]
                                  ? arith::AddFOp::create(nested, nestedLoc,
                                                          acc, argCotangents[i])
                                  : acc);
          }
          linalg::YieldOp::create(nested, nestedLoc, yielded);
        });
    if (failed(status))
      return failure();
    for (auto [k, i] : llvm::enumerate(members)) {
      Value cotangent = generic.getResult(k);
      if (!isa<RankedTensorType>(op->getOperand(i).getType()))
        cotangent = tensor::ExtractOp::create(b, loc, cotangent, ValueRange{});
      operandCotangents[i] = cotangent;
    }
  }
  return success();
}

namespace {

/// linalg.generic and the named elementwise ops.
template <typename OpTy>
struct PayloadModel
    : DifferentiableOpInterface::ExternalModel<PayloadModel<OpTy>, OpTy> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &builder, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    return buildPayloadCotangents(cast<linalg::LinalgOp>(op), builder,
                                  resultCotangents, needed, operandCotangents);
  }
};

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

/// matmul, batch_matmul, matvec, vecmat, dot: `C[o] += A[a] * B[b]`, with any
/// projected-permutation indexing maps (so transposed and broadcast variants
/// too).
template <typename OpTy>
struct ContractionModel
    : DifferentiableOpInterface::ExternalModel<ContractionModel<OpTy>, OpTy> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto linalgOp = cast<linalg::LinalgOp>(op);
    if (failed(checkTensorSemantics(linalgOp)))
      return failure();
    if (!linalg::isaContractionOpInterface(linalgOp) ||
        linalgOp.getNumDpsInputs() != 2 || linalgOp.getNumDpsInits() != 1)
      return op->emitOpError()
             << "is not a plain multiply-accumulate contraction";
    Type elementType = getElementTypeOrSelf(op->getResult(0));
    for (Value operand : op->getOperands())
      if (getElementTypeOrSelf(operand) != elementType)
        return op->emitOpError()
               << "mixes element types; only same-type contractions are "
                  "differentiated";
    SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    Value dOut = resultCotangents[0];
    if (needed[0]) {
      FailureOr<Value> dLhs = buildContractionCotangent(
          b, op, dOut, maps[2], rhs, maps[1], lhs, maps[0]);
      if (failed(dLhs))
        return failure();
      operandCotangents[0] = *dLhs;
    }
    if (needed[1]) {
      FailureOr<Value> dRhs = buildContractionCotangent(
          b, op, dOut, maps[2], lhs, maps[0], rhs, maps[1]);
      if (failed(dRhs))
        return failure();
      operandCotangents[1] = *dRhs;
    }
    // The accumulator is added once: its cotangent is the result's.
    if (needed[2])
      operandCotangents[2] = dOut;
    return success();
  }
};

//===----------------------------------------------------------------------===//
// conv_2d_nhwc_hwcf
//===----------------------------------------------------------------------===//

/// The input cotangent of `out[n, oh, ow, f] += in[n, oh*s0 + kh*d0,
/// ow*s1 + kw*d1, c] * w[kh, kw, c, f]`: scatter `dOut` with the strides into
/// a zero tensor padded by `(K - 1) * d` on each side, then
/// `din[n, h, w, c] = sum_{kh, kw, f} padded[n, h + P0 - kh*d0,
/// w + P1 - kw*d1, f] * w[kh, kw, c, f]` (a transposed convolution).
static FailureOr<Value>
buildConvInputCotangent(OpBuilder &b, linalg::Conv2DNhwcHwcfOp op, Value dOut) {
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  Value input = op.getInputs()[0];
  Value filter = op.getInputs()[1];
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  if (inputType.isDynamicDim(1) || inputType.isDynamicDim(2) ||
      filterType.isDynamicDim(0) || filterType.isDynamicDim(1))
    return op->emitOpError()
           << "needs static spatial input and filter sizes to differentiate "
              "with respect to its input";
  SmallVector<int64_t> strides =
      llvm::to_vector(op.getStrides().getValues<int64_t>());
  SmallVector<int64_t> dilations =
      llvm::to_vector(op.getDilations().getValues<int64_t>());
  int64_t padH = (filterType.getDimSize(0) - 1) * dilations[0];
  int64_t padW = (filterType.getDimSize(1) - 1) * dilations[1];

  // dOut scattered with the strides into zeros, offset by the padding.
  Type elementType = inputType.getElementType();
  SmallVector<OpFoldResult> dOutSizes = tensor::getMixedSizes(b, loc, dOut);
  SmallVector<OpFoldResult> paddedSizes = {
      dOutSizes[0], b.getIndexAttr(inputType.getDimSize(1) + padH),
      b.getIndexAttr(inputType.getDimSize(2) + padW), dOutSizes[3]};
  Value zero = buildFloatConstant(b, loc, elementType, 0.0);
  Value zeros =
      linalg::FillOp::create(
          b, loc, zero,
          ValueRange{tensor::EmptyOp::create(b, loc, paddedSizes, elementType)})
          .getResult(0);
  SmallVector<OpFoldResult> offsets = {b.getIndexAttr(0), b.getIndexAttr(padH),
                                       b.getIndexAttr(padW), b.getIndexAttr(0)};
  SmallVector<OpFoldResult> sliceStrides = {
      b.getIndexAttr(1), b.getIndexAttr(strides[0]), b.getIndexAttr(strides[1]),
      b.getIndexAttr(1)};
  Value padded = tensor::InsertSliceOp::create(b, loc, dOut, zeros, offsets,
                                               dOutSizes, sliceStrides);

  // Loops (n, h, w, c, kh, kw, f).
  AffineExpr n, h, w, c, kh, kw, f;
  bindDims(ctx, n, h, w, c, kh, kw, f);
  AffineMap paddedMap = AffineMap::get(
      7, 0, {n, h - kh * dilations[0] + padH, w - kw * dilations[1] + padW, f},
      ctx);
  AffineMap filterMap = AffineMap::get(7, 0, {kh, kw, c, f}, ctx);
  AffineMap inputMap = AffineMap::get(7, 0, {n, h, w, c}, ctx);
  Value init = buildZerosLike(b, loc, input);
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{padded, filter}, ValueRange{init},
      ArrayRef<AffineMap>{paddedMap, filterMap, inputMap},
      iteratorsWritingThrough(inputMap), buildMultiplyAccumulate);
  return generic.getResult(0);
}

struct Conv2DNhwcHwcfModel
    : DifferentiableOpInterface::ExternalModel<Conv2DNhwcHwcfModel,
                                               linalg::Conv2DNhwcHwcfOp> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto conv = cast<linalg::Conv2DNhwcHwcfOp>(op);
    auto linalgOp = cast<linalg::LinalgOp>(op);
    if (failed(checkTensorSemantics(linalgOp)))
      return failure();
    Type elementType = getElementTypeOrSelf(op->getResult(0));
    for (Value operand : op->getOperands())
      if (getElementTypeOrSelf(operand) != elementType)
        return op->emitOpError()
               << "mixes element types; only same-type convolutions are "
                  "differentiated";
    SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
    Value input = conv.getInputs()[0], filter = conv.getInputs()[1];
    Value dOut = resultCotangents[0];
    if (needed[0]) {
      FailureOr<Value> dInput = buildConvInputCotangent(b, conv, dOut);
      if (failed(dInput))
        return failure();
      operandCotangents[0] = *dInput;
    }
    if (needed[1]) {
      FailureOr<Value> dFilter = buildContractionCotangent(
          b, op, dOut, maps[2], input, maps[0], filter, maps[1]);
      if (failed(dFilter))
        return failure();
      operandCotangents[1] = *dFilter;
    }
    if (needed[2])
      operandCotangents[2] = dOut;
    return success();
  }
};

//===----------------------------------------------------------------------===//
// linalg.reduce
//===----------------------------------------------------------------------===//

/// The combiner kinds lq differentiates.
enum class Combiner { Add, Max };

/// The kind of `reduce`'s combiner: one addf or maximumf/maxnumf of the
/// element and the accumulator, yielded.
static std::optional<Combiner> getCombiner(linalg::ReduceOp reduce) {
  Block &body = reduce.getCombiner().front();
  if (body.getOperations().size() != 2)
    return std::nullopt;
  Operation &combiner = body.front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield->getOperand(0) != combiner.getResult(0) ||
      combiner.getNumOperands() != 2)
    return std::nullopt;
  Value lhs = combiner.getOperand(0), rhs = combiner.getOperand(1);
  Value element = body.getArgument(0), acc = body.getArgument(1);
  if (!((lhs == element && rhs == acc) || (lhs == acc && rhs == element)))
    return std::nullopt;
  if (isa<arith::AddFOp>(combiner))
    return Combiner::Add;
  if (isa<arith::MaximumFOp, arith::MaxNumFOp>(combiner))
    return Combiner::Max;
  return std::nullopt;
}

/// `cond ? 1 : 0` in `type`.
static Value indicator(OpBuilder &b, Location loc, Value cond, Type type) {
  return arith::SelectOp::create(b, loc, cond,
                                 buildFloatConstant(b, loc, type, 1.0),
                                 buildFloatConstant(b, loc, type, 0.0));
}

static Value equal(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, lhs, rhs);
}

struct ReduceModel
    : DifferentiableOpInterface::ExternalModel<ReduceModel, linalg::ReduceOp> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto reduce = cast<linalg::ReduceOp>(op);
    if (reduce.getInputs().size() != 1)
      return op->emitOpError()
             << "reduces several inputs at once; only single-input "
                "reductions are differentiated";
    std::optional<Combiner> combiner = getCombiner(reduce);
    if (!combiner)
      return op->emitOpError()
             << "has a combiner that is neither an addf nor a "
                "maximumf/maxnumf of the element and the accumulator";
    Location loc = op->getLoc();
    Value input = reduce.getInputs()[0];
    Value init = reduce.getInits()[0];
    Value result = op->getResult(0);
    Value dResult = resultCotangents[0];
    ArrayRef<int64_t> dims = reduce.getDimensions();

    if (*combiner == Combiner::Add) {
      // sum: every element receives the cotangent of its reduced position.
      if (needed[0]) {
        Value empty = tensor::EmptyOp::create(
            b, loc, tensor::getMixedSizes(b, loc, input),
            getElementTypeOrSelf(input));
        operandCotangents[0] =
            linalg::BroadcastOp::create(b, loc, dResult, empty, dims)
                ->getResult(0);
      }
      if (needed[1])
        operandCotangents[1] = dResult;
      return success();
    }

    // max: the cotangent is shared evenly by the elements (and the initial
    // value) equal to the maximum.
    MLIRContext *ctx = b.getContext();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    int64_t rank = inputType.getRank();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap reduced = reducedMap(rank, dims, ctx);

    Value initCount = buildElementwise(
        b, loc, {init, result}, elementType,
        [&](OpBuilder &nb, Location nl, ValueRange args) -> SmallVector<Value> {
          return {
              indicator(nb, nl, equal(nb, nl, args[0], args[1]), elementType)};
        })[0];
    Value count =
        linalg::GenericOp::create(
            b, loc, initCount.getType(), ValueRange{input, result},
            ValueRange{initCount},
            ArrayRef<AffineMap>{identity, reduced, reduced},
            iteratorsWritingThrough(reduced),
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value hit = indicator(nb, nl, equal(nb, nl, args[0], args[1]),
                                    elementType);
              linalg::YieldOp::create(
                  nb, nl,
                  ValueRange{arith::AddFOp::create(nb, nl, args[2], hit)});
            })
            .getResult(0);
    auto share = [&](OpBuilder &nb, Location nl, Value x, Value max,
                     Value cotangent, Value n) -> Value {
      Value part = arith::DivFOp::create(nb, nl, cotangent, n);
      return arith::SelectOp::create(
          nb, nl, equal(nb, nl, x, max), part,
          buildFloatConstant(nb, nl, elementType, 0.0));
    };
    if (needed[0]) {
      Value empty = tensor::EmptyOp::create(
          b, loc, tensor::getMixedSizes(b, loc, input), elementType);
      operandCotangents[0] =
          linalg::GenericOp::create(
              b, loc, empty.getType(),
              ValueRange{input, result, dResult, count}, ValueRange{empty},
              ArrayRef<AffineMap>{identity, reduced, reduced, reduced,
                                  identity},
              SmallVector<utils::IteratorType>(rank,
                                               utils::IteratorType::parallel),
              [&](OpBuilder &nb, Location nl, ValueRange args) {
                linalg::YieldOp::create(
                    nb, nl,
                    ValueRange{
                        share(nb, nl, args[0], args[1], args[2], args[3])});
              })
              .getResult(0);
    }
    if (needed[1])
      operandCotangents[1] = buildElementwise(
          b, loc, {init, result, dResult, count}, elementType,
          [&](OpBuilder &nb, Location nl,
              ValueRange args) -> SmallVector<Value> {
            return {share(nb, nl, args[0], args[1], args[2], args[3])};
          })[0];
    return success();
  }
};

//===----------------------------------------------------------------------===//
// linalg.broadcast, linalg.transpose, linalg.fill
//===----------------------------------------------------------------------===//

/// Sum `value` along `dims` into zeros shaped like `like`.
static Value buildSum(OpBuilder &b, Location loc, Value value,
                      ArrayRef<int64_t> dims, Value init) {
  return linalg::ReduceOp::create(
             b, loc, ValueRange{value}, ValueRange{init}, dims,
             [](OpBuilder &nb, Location nl, ValueRange args) {
               linalg::YieldOp::create(
                   nb, nl,
                   ValueRange{arith::AddFOp::create(nb, nl, args[0], args[1])});
             })
      ->getResult(0);
}

struct BroadcastModel
    : DifferentiableOpInterface::ExternalModel<BroadcastModel,
                                               linalg::BroadcastOp> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto broadcast = cast<linalg::BroadcastOp>(op);
    // The init is overwritten: only the input has a cotangent, summed over
    // the broadcast dimensions.
    if (needed[0]) {
      Location loc = op->getLoc();
      Value input = broadcast.getInput();
      operandCotangents[0] =
          buildSum(b, loc, resultCotangents[0], broadcast.getDimensions(),
                   buildZerosLike(b, loc, input));
    }
    return success();
  }
};

struct TransposeModel
    : DifferentiableOpInterface::ExternalModel<TransposeModel,
                                               linalg::TransposeOp> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto transpose = cast<linalg::TransposeOp>(op);
    if (needed[0]) {
      Location loc = op->getLoc();
      Value input = transpose.getInput();
      Value empty =
          tensor::EmptyOp::create(b, loc, tensor::getMixedSizes(b, loc, input),
                                  getElementTypeOrSelf(input));
      operandCotangents[0] =
          linalg::TransposeOp::create(
              b, loc, resultCotangents[0], empty,
              invertPermutationVector(transpose.getPermutation()))
              ->getResult(0);
    }
    return success();
  }
};

struct FillModel
    : DifferentiableOpInterface::ExternalModel<FillModel, linalg::FillOp> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &b, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    // The filled value is used once per element: its cotangent is the sum of
    // the result's. The init is overwritten.
    if (!needed[0])
      return success();
    Location loc = op->getLoc();
    Value dResult = resultCotangents[0];
    auto type = cast<RankedTensorType>(dResult.getType());
    Value total = dResult;
    if (type.getRank() > 0) {
      Value zero = buildFloatConstant(b, loc, type.getElementType(), 0.0);
      Value init = linalg::FillOp::create(
                       b, loc, zero,
                       ValueRange{tensor::EmptyOp::create(
                           b, loc, ArrayRef<int64_t>{}, type.getElementType())})
                       .getResult(0);
      total = buildSum(b, loc, dResult,
                       llvm::to_vector(llvm::seq<int64_t>(0, type.getRank())),
                       init);
    }
    operandCotangents[0] =
        tensor::ExtractOp::create(b, loc, total, ValueRange{});
    return success();
  }
};

/// Attach PayloadModel to each of `OpTys`.
template <typename... OpTys>
void attachPayloadModels(MLIRContext *ctx) {
  (OpTys::template attachInterface<PayloadModel<OpTys>>(*ctx), ...);
}

/// Attach ContractionModel to each of `OpTys`.
template <typename... OpTys>
void attachContractionModels(MLIRContext *ctx) {
  (OpTys::template attachInterface<ContractionModel<OpTys>>(*ctx), ...);
}

} // namespace

void mlir::lq::registerLinalgDifferentiationModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, linalg::LinalgDialect *) {
    attachPayloadModels<linalg::GenericOp, linalg::AddOp, linalg::SubOp,
                        linalg::MulOp, linalg::DivOp, linalg::MaxOp,
                        linalg::MinOp, linalg::ExpOp, linalg::LogOp,
                        linalg::SqrtOp, linalg::TanhOp, linalg::NegFOp,
                        linalg::AbsOp, linalg::SquareOp, linalg::ReciprocalOp,
                        linalg::SelectOp, linalg::CopyOp>(ctx);
    attachContractionModels<linalg::MatmulOp, linalg::BatchMatmulOp,
                            linalg::MatvecOp, linalg::VecmatOp, linalg::DotOp>(
        ctx);
    linalg::Conv2DNhwcHwcfOp::attachInterface<Conv2DNhwcHwcfModel>(*ctx);
    linalg::ReduceOp::attachInterface<ReduceModel>(*ctx);
    linalg::BroadcastOp::attachInterface<BroadcastModel>(*ctx);
    linalg::TransposeOp::attachInterface<TransposeModel>(*ctx);
    linalg::FillOp::attachInterface<FillModel>(*ctx);
  });
}
