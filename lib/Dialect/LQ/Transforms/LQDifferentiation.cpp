//===- LQDifferentiation.cpp - reverse-mode rules of the lq quantizers ----===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Every lq op that implements QuantizerOpInterface differentiates through its
// pseudo-gradient: the rule is QuantizerOpInterface::buildGradient (which
// builds the matching `lq.<name>_grad` op). The model is attached, at compile
// time, to exactly the ops of the dialect that implement the interface, so a
// new quantizer is differentiable as soon as it implements buildGradient.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"

#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/IR/DialectRegistry.h"

#include <type_traits>

using namespace mlir;
using namespace mlir::lq;

namespace {

/// The reverse-mode rule of a quantizer: its pseudo-gradient.
template <typename OpTy>
struct QuantizerModel
    : DifferentiableOpInterface::ExternalModel<QuantizerModel<OpTy>, OpTy> {
  LogicalResult buildOperandCotangents(
      Operation *op, OpBuilder &builder, ArrayRef<Value> resultCotangents,
      ArrayRef<bool> needed, MutableArrayRef<Value> operandCotangents) const {
    auto quantizer = cast<QuantizerOpInterface>(op);
    Value input = quantizer.getQuantizerInput();
    for (OpOperand &operand : op->getOpOperands()) {
      if (operand.get() != input || !needed[operand.getOperandNumber()])
        continue;
      operandCotangents[operand.getOperandNumber()] =
          quantizer.buildGradient(builder, resultCotangents[0]);
      break;
    }
    return success();
  }
};

/// Attach QuantizerModel to the ops among `OpTys` that implement
/// QuantizerOpInterface.
template <typename... OpTys>
void attachQuantizerModels(MLIRContext *ctx) {
  (
      [&] {
        if constexpr (OpTys::template hasTrait<QuantizerOpInterface::Trait>())
          OpTys::template attachInterface<QuantizerModel<OpTys>>(*ctx);
      }(),
      ...);
}

} // namespace

void mlir::lq::registerLQDifferentiationModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, LQDialect *) {
    attachQuantizerModels<
#define GET_OP_LIST
#include "lq/Dialect/LQ/IR/LQOps.cpp.inc"
        >(ctx);
  });
}
