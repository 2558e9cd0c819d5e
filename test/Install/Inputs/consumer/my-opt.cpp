//===- my-opt.cpp - an opt tool of a compiler that embeds lq --------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Registers lq's dialects, passes and pipelines next to the compiler's own
// choice of upstream dialects, and runs MLIR's opt driver.
//
//===----------------------------------------------------------------------===//

#include "lq/InitAll.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::lq::registerAllPasses();

  mlir::DialectRegistry registry;
  mlir::lq::registerAllDialects(registry);
  // The dialects lq passes create (linalg, tensor, ...) load on demand.
  registry.insert<mlir::func::FuncDialect>();

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "my-opt: a compiler that embeds lq\n", registry));
}
