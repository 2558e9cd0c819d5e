//===- lq-opt.cpp - the lq optimizer driver -------------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// `mlir-opt` plus the lq dialect, passes and pipelines. Every upstream
// dialect, extension and pass is registered (they all live in the shared
// libMLIR.so anyway), so lq-opt accepts whatever torch-mlir or TF->TOSA emit
// and runs any upstream pass on it.
//
//===----------------------------------------------------------------------===//

#include "lq/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::lq::registerAllPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::lq::registerAllDialects(registry);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "lq optimizer driver: Larq quantizers in MLIR\n", registry));
}
