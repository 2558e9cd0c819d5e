//===- InitAll.cpp - register every lq dialect, pass and pipeline ---------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/InitAll.h"

#include "lq/Conversion/Passes.h"
#include "lq/Dialect/LQ/IR/LQDialect.h"
#include "lq/Dialect/LQ/Transforms/DifferentiableOpInterface.h"
#include "lq/Dialect/LQ/Transforms/Passes.h"
#include "lq/Pipelines/Pipelines.h"
#include "lq/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlir::lq::registerAllDialects(DialectRegistry &registry) {
  registry.insert<LQDialect>();
  registerDifferentiationExternalModels(registry);
}

void mlir::lq::registerAllPasses() {
  registerLQConversionPasses();
  registerLQDialectPasses();
  registerLQTransformsPasses();
  registerLQPipelines();
}
