//===- LQTrainingOps.cpp - lq training ops --------------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Verifiers of lq.bop_update and lq.flip_ratio. Their lowering is in
// lib/Conversion/LQToLinalg/TrainingOpsToLinalg.cpp.
//
//===----------------------------------------------------------------------===//

#include "lq/Dialect/LQ/IR/LQOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::lq;

//===----------------------------------------------------------------------===//
// bop_update
//===----------------------------------------------------------------------===//

LogicalResult BopUpdateOp::verify() {
  double gamma = getGamma().convertToDouble();
  double threshold = getThreshold().convertToDouble();
  if (!std::isfinite(gamma) || gamma < 0.0 || gamma > 1.0)
    return emitOpError() << "attribute 'gamma' must be in [0, 1], got "
                         << gamma;
  if (!std::isfinite(threshold) || threshold < 0.0)
    return emitOpError()
           << "attribute 'threshold' must be finite and non-negative, got "
           << threshold;
  return success();
}

//===----------------------------------------------------------------------===//
// flip_ratio
//===----------------------------------------------------------------------===//

LogicalResult FlipRatioOp::verify() {
  auto values = cast<RankedTensorType>(getValues().getType());
  auto previous = cast<RankedTensorType>(getPrevious().getType());
  if (failed(verifyCompatibleShape(values.getShape(), previous.getShape())))
    return emitOpError() << "'previous' (" << previous
                         << ") must have the shape of 'values' (" << values
                         << ")";
  return success();
}
