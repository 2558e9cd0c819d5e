//===- TensorDifferentiation.cpp - reverse-mode rules of tensor ops -------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// DifferentiableOpInterface for the tensor ops that move data without
// computing: each rule is the op's transpose (a reshape is undone by the
// inverse reshape, a slice scatters its cotangent into zeros, a pad extracts
// the unpadded window, ...). tensor.empty needs no rule: it has no operand
// to differentiate.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::lq;

namespace {

/// Shorthand for the external models below: `Rule` implements
/// `build(OpTy, OpBuilder &, ArrayRef<Value>, ArrayRef<bool>,
/// MutableArrayRef<Value>)`.
template <typename Rule, typename OpTy>
struct TensorModel
    : DifferentiableOpInterface::ExternalModel<TensorModel<Rule, OpTy>, OpTy> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &builder, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    return Rule::build(cast<OpTy>(op), builder, resultCotangents, needed,
                       operandCotangents);
  }
};

/// expand_shape: collapse the cotangent back.
struct ExpandShapeRule {
  static LogicalResult build(tensor::ExpandShapeOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (needed[0])
      dOperands[0] = tensor::CollapseShapeOp::create(
          b, op.getLoc(), op.getSrcType(), dResult[0],
          op.getReassociationIndices());
    return success();
  }
};

/// collapse_shape: expand the cotangent back to the source's shape.
struct CollapseShapeRule {
  static LogicalResult build(tensor::CollapseShapeOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (needed[0])
      dOperands[0] = tensor::ExpandShapeOp::create(
          b, op.getLoc(), op.getSrcType(), dResult[0],
          op.getReassociationIndices(),
          tensor::getMixedSizes(b, op.getLoc(), op.getSrc()));
    return success();
  }
};

/// extract_slice: scatter the cotangent into zeros shaped like the source.
struct ExtractSliceRule {
  static LogicalResult build(tensor::ExtractSliceOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (!needed[0])
      return success();
    Location loc = op.getLoc();
    Value zeros = buildZerosLike(b, loc, op.getSource());
    dOperands[0] = tensor::InsertSliceOp::create(
        b, loc, dResult[0], zeros, op.getMixedOffsets(), op.getMixedSizes(),
        op.getMixedStrides());
    return success();
  }
};

/// insert_slice: the source's cotangent is the slice of the result's; the
/// destination's is the result's with the slice zeroed.
struct InsertSliceRule {
  static LogicalResult build(tensor::InsertSliceOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    Location loc = op.getLoc();
    if (needed[0])
      dOperands[0] = tensor::ExtractSliceOp::create(
          b, loc, op.getSourceType(), dResult[0], op.getMixedOffsets(),
          op.getMixedSizes(), op.getMixedStrides());
    if (needed[1]) {
      Value zeros = buildZerosLike(b, loc, op.getSource());
      dOperands[1] = tensor::InsertSliceOp::create(
          b, loc, zeros, dResult[0], op.getMixedOffsets(), op.getMixedSizes(),
          op.getMixedStrides());
    }
    return success();
  }
};

/// pad: the cotangent of the source is the unpadded window. (A padding value
/// being differentiated is a value used from above the op's region, which
/// the differentiator rejects before calling this rule.)
struct PadRule {
  static LogicalResult build(tensor::PadOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (!needed[0])
      return success();
    Location loc = op.getLoc();
    int64_t rank = op.getSourceType().getRank();
    SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
    dOperands[0] = tensor::ExtractSliceOp::create(
        b, loc, op.getSourceType(), dResult[0], op.getMixedLowPad(),
        tensor::getMixedSizes(b, loc, op.getSource()), strides);
    return success();
  }
};

/// cast: cast the cotangent back.
struct CastRule {
  static LogicalResult build(tensor::CastOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (needed[0])
      dOperands[0] = tensor::CastOp::create(
          b, op.getLoc(), op.getSource().getType(), dResult[0]);
    return success();
  }
};

/// extract: the cotangent of the tensor is zero but at the extracted
/// position.
struct ExtractRule {
  static LogicalResult build(tensor::ExtractOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    if (!needed[0])
      return success();
    Location loc = op.getLoc();
    Value zeros = buildZerosLike(b, loc, op.getTensor());
    dOperands[0] =
        tensor::InsertOp::create(b, loc, dResult[0], zeros, op.getIndices());
    return success();
  }
};

/// insert: the scalar's cotangent is the result's at the position; the
/// destination's is the result's with that position zeroed.
struct InsertRule {
  static LogicalResult build(tensor::InsertOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    Location loc = op.getLoc();
    if (needed[0])
      dOperands[0] =
          tensor::ExtractOp::create(b, loc, dResult[0], op.getIndices());
    if (needed[1]) {
      Value zero = buildFloatConstant(b, loc, op.getScalar().getType(), 0.0);
      dOperands[1] =
          tensor::InsertOp::create(b, loc, zero, dResult[0], op.getIndices());
    }
    return success();
  }
};

/// from_elements: each element's cotangent is the result's at its position.
struct FromElementsRule {
  static LogicalResult build(tensor::FromElementsOp op, OpBuilder &b,
                             ArrayRef<Value> dResult, ArrayRef<bool> needed,
                             MutableArrayRef<Value> dOperands) {
    Location loc = op.getLoc();
    ArrayRef<int64_t> shape = op.getType().getShape();
    SmallVector<int64_t> strides = computeSuffixProduct(shape);
    for (auto [i, isNeeded] : llvm::enumerate(needed)) {
      if (!isNeeded)
        continue;
      SmallVector<Value> indices = llvm::map_to_vector(
          delinearize(static_cast<int64_t>(i), strides), [&](int64_t index) {
            return arith::ConstantIndexOp::create(b, loc, index).getResult();
          });
      dOperands[i] = tensor::ExtractOp::create(b, loc, dResult[0], indices);
    }
    return success();
  }
};

} // namespace

void mlir::lq::registerTensorDifferentiationModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, tensor::TensorDialect *) {
    using namespace tensor;
    ExpandShapeOp::attachInterface<TensorModel<ExpandShapeRule, ExpandShapeOp>>(
        *ctx);
    CollapseShapeOp::attachInterface<
        TensorModel<CollapseShapeRule, CollapseShapeOp>>(*ctx);
    ExtractSliceOp::attachInterface<
        TensorModel<ExtractSliceRule, ExtractSliceOp>>(*ctx);
    InsertSliceOp::attachInterface<TensorModel<InsertSliceRule, InsertSliceOp>>(
        *ctx);
    PadOp::attachInterface<TensorModel<PadRule, PadOp>>(*ctx);
    CastOp::attachInterface<TensorModel<CastRule, CastOp>>(*ctx);
    ExtractOp::attachInterface<TensorModel<ExtractRule, ExtractOp>>(*ctx);
    InsertOp::attachInterface<TensorModel<InsertRule, InsertOp>>(*ctx);
    FromElementsOp::attachInterface<
        TensorModel<FromElementsRule, FromElementsOp>>(*ctx);
  });
}
