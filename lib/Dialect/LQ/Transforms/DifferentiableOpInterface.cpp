//===- DifferentiableOpInterface.cpp - the reverse sweep ------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The reverse sweep over a straight-line block, shared by `lq-differentiate`
// (a function body) and the linalg rules (a scalar payload region), and the
// helpers the rules are written with.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace mlir::lq;

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.cpp.inc"

void mlir::lq::registerDifferentiationExternalModels(
    DialectRegistry &registry) {
  registerArithMathDifferentiationModels(registry);
  registerLinalgDifferentiationModels(registry);
  registerTensorDifferentiationModels(registry);
  registerLQDifferentiationModels(registry);
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool mlir::lq::isDifferentiableType(Type type) {
  if (isa<FloatType>(type))
    return true;
  if (isa<VectorType, RankedTensorType>(type))
    return isa<FloatType>(cast<ShapedType>(type).getElementType());
  return false;
}

Value mlir::lq::buildFloatConstant(OpBuilder &builder, Location loc, Type type,
                                   double value) {
  TypedAttr attr = builder.getFloatAttr(getElementTypeOrSelf(type), value);
  if (auto vectorType = dyn_cast<VectorType>(type))
    attr = DenseElementsAttr::get(vectorType, attr);
  return arith::ConstantOp::create(builder, loc, attr);
}

Value mlir::lq::buildZerosLike(OpBuilder &builder, Location loc, Value like) {
  auto tensorType = dyn_cast<RankedTensorType>(like.getType());
  if (!tensorType)
    return buildFloatConstant(builder, loc, like.getType(), 0.0);
  Value zero =
      buildFloatConstant(builder, loc, tensorType.getElementType(), 0.0);
  Value empty = tensor::EmptyOp::create(
      builder, loc, tensor::getMixedSizes(builder, loc, like),
      tensorType.getElementType(), tensorType.getEncoding());
  return linalg::FillOp::create(builder, loc, zero, empty).getResult(0);
}

SmallVector<Value> mlir::lq::buildElementwise(OpBuilder &builder, Location loc,
                                              ValueRange operands,
                                              TypeRange resultElementTypes,
                                              ElementwiseBodyFn body) {
  SmallVector<Value> tensors;
  for (Value operand : operands)
    if (isa<RankedTensorType>(operand.getType()))
      tensors.push_back(operand);
  if (tensors.empty())
    return body(builder, loc, operands);

  Value shapeSource = tensors.front();
  auto shapeType = cast<RankedTensorType>(shapeSource.getType());
  int64_t rank = shapeType.getRank();
  SmallVector<OpFoldResult> sizes =
      tensor::getMixedSizes(builder, loc, shapeSource);
  SmallVector<Value> inits;
  SmallVector<Type> resultTypes;
  for (Type elementType : resultElementTypes) {
    inits.push_back(tensor::EmptyOp::create(builder, loc, sizes, elementType));
    resultTypes.push_back(inits.back().getType());
  }
  AffineMap identity =
      AffineMap::getMultiDimIdentityMap(rank, builder.getContext());
  SmallVector<AffineMap> maps(tensors.size() + inits.size(), identity);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      builder, loc, resultTypes, tensors, inits, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        // Operands in their original order: tensor elements from the block
        // arguments, everything else captured.
        SmallVector<Value> elements;
        unsigned next = 0;
        for (Value operand : operands)
          elements.push_back(isa<RankedTensorType>(operand.getType())
                                 ? args[next++]
                                 : operand);
        SmallVector<Value> results = body(nested, nestedLoc, elements);
        linalg::YieldOp::create(nested, nestedLoc, results);
      });
  return SmallVector<Value>(generic.getResults());
}

Value mlir::lq::buildCotangentSum(OpBuilder &builder, Location loc, Value lhs,
                                  Value rhs) {
  if (rhs.getType() != lhs.getType())
    rhs = tensor::CastOp::create(builder, loc, lhs.getType(), rhs);
  Type elementType = getElementTypeOrSelf(lhs.getType());
  return buildElementwise(
      builder, loc, {lhs, rhs}, elementType,
      [](OpBuilder &b, Location l, ValueRange args) -> SmallVector<Value> {
        return {arith::AddFOp::create(b, l, args[0], args[1])};
      })[0];
}

//===----------------------------------------------------------------------===//
// The reverse sweep
//===----------------------------------------------------------------------===//

namespace {
/// Cotangents accumulated per value during the reverse sweep.
class CotangentMap {
public:
  explicit CotangentMap(OpBuilder &builder) : builder(builder) {}

  /// Add `cotangent` to the cotangent of `value` (fan-out: a value used
  /// several times receives the sum of its uses' contributions).
  LogicalResult add(Operation *source, Value value, Value cotangent) {
    if (!tensorCompatible(value.getType(), cotangent.getType()))
      return source->emitOpError()
             << "reverse-mode rule produced a cotangent of type "
             << cotangent.getType() << " for a value of type "
             << value.getType();
    if (cotangent.getType() != value.getType())
      cotangent = tensor::CastOp::create(builder, cotangent.getLoc(),
                                         value.getType(), cotangent);
    Value &slot = cotangents[value];
    slot = slot
               ? buildCotangentSum(builder, cotangent.getLoc(), slot, cotangent)
               : cotangent;
    return success();
  }

  Value lookup(Value value) const { return cotangents.lookup(value); }

private:
  static bool tensorCompatible(Type valueType, Type cotangentType) {
    if (valueType == cotangentType)
      return true;
    return isa<RankedTensorType>(valueType) &&
           isa<RankedTensorType>(cotangentType) &&
           succeeded(verifyCompatibleShape(valueType, cotangentType)) &&
           getElementTypeOrSelf(valueType) ==
               getElementTypeOrSelf(cotangentType);
  }

  OpBuilder &builder;
  DenseMap<Value, Value> cotangents;
};
} // namespace

/// True when a region of `op` uses a value of `varied` defined outside it.
static bool capturesVaried(Operation *op, const DenseSet<Value> &varied) {
  if (op->getNumRegions() == 0)
    return false;
  llvm::SetVector<Value> captured;
  getUsedValuesDefinedAbove(op->getRegions(), captured);
  return llvm::any_of(captured, [&](Value v) { return varied.contains(v); });
}

LogicalResult
mlir::lq::differentiateBlock(OpBuilder &builder, Block &primal,
                             ValueRange arguments, ArrayRef<bool> wrt,
                             ArrayRef<Value> outputCotangents,
                             SmallVectorImpl<Value> &argumentCotangents,
                             SmallVectorImpl<Value> *outputs) {
  assert(arguments.size() == primal.getNumArguments() &&
         wrt.size() == arguments.size() && "one flag per argument");
  Operation *terminator = primal.getTerminator();
  assert(outputCotangents.size() == terminator->getNumOperands() &&
         "one cotangent per output");

  // Forward: recompute the block, and find the ops on a path from a
  // differentiated argument ("varied" values: float-like values that depend
  // on one).
  IRMapping mapping;
  mapping.map(primal.getArguments(), arguments);
  DenseSet<Value> varied;
  for (auto [argument, differentiated] : llvm::zip_equal(arguments, wrt))
    if (differentiated && isDifferentiableType(argument.getType()))
      varied.insert(argument);

  SmallVector<Operation *> active;
  for (Operation &op : primal.without_terminator()) {
    Operation *clone = builder.clone(op, mapping);
    bool isActive = llvm::any_of(clone->getOperands(),
                                 [&](Value v) { return varied.contains(v); }) ||
                    capturesVaried(clone, varied);
    if (!isActive)
      continue;
    active.push_back(clone);
    for (Value result : clone->getResults())
      if (isDifferentiableType(result.getType()))
        varied.insert(result);
  }

  // Reverse: seed with the output cotangents, then visit the active ops in
  // reverse order. Every use of a value comes after its definition, so its
  // cotangent is complete when its definition is visited.
  CotangentMap cotangents(builder);
  for (auto [output, cotangent] :
       llvm::zip_equal(terminator->getOperands(), outputCotangents)) {
    Value recomputed = mapping.lookupOrDefault(output);
    if (cotangent && varied.contains(recomputed))
      if (failed(cotangents.add(terminator, recomputed, cotangent)))
        return failure();
  }

  for (Operation *op : llvm::reverse(active)) {
    SmallVector<Value> resultCotangents;
    bool reached = false;
    for (Value result : op->getResults()) {
      resultCotangents.push_back(cotangents.lookup(result));
      reached |= static_cast<bool>(resultCotangents.back());
    }
    if (!reached)
      continue;

    if (capturesVaried(op, varied))
      return op->emitOpError()
             << "uses a value being differentiated inside its region without "
                "taking it as an operand; lq-differentiate cannot "
                "differentiate through it";
    auto rule = dyn_cast<DifferentiableOpInterface>(op);
    if (!rule)
      return op->emitOpError()
             << "has no reverse-mode rule (DifferentiableOpInterface); "
                "lq-differentiate cannot differentiate through it";

    for (auto [result, cotangent] :
         llvm::zip_equal(op->getResults(), resultCotangents))
      if (!cotangent && isDifferentiableType(result.getType()))
        cotangent = buildZerosLike(builder, op->getLoc(), result);
    SmallVector<bool> needed = llvm::map_to_vector(
        op->getOperands(), [&](Value v) { return varied.contains(v); });
    SmallVector<Value> operandCotangents(op->getNumOperands());
    if (failed(rule.buildOperandCotangents(builder, resultCotangents, needed,
                                           operandCotangents)))
      return failure();
    for (auto [operand, isNeeded, cotangent] :
         llvm::zip_equal(op->getOperands(), needed, operandCotangents))
      if (isNeeded && cotangent)
        if (failed(cotangents.add(op, operand, cotangent)))
          return failure();
  }

  argumentCotangents.clear();
  for (auto [argument, differentiated] : llvm::zip_equal(arguments, wrt))
    argumentCotangents.push_back(differentiated ? cotangents.lookup(argument)
                                                : Value());
  if (outputs) {
    outputs->clear();
    for (Value output : terminator->getOperands())
      outputs->push_back(mapping.lookupOrDefault(output));
  }
  return success();
}
