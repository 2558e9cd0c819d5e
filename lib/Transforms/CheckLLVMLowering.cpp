//===- CheckLLVMLowering.cpp - fail on ops left out of the LLVM dialect ---===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Casting.h"

namespace mlir::lq {
#define GEN_PASS_DEF_LQCHECKLLVMLOWERINGPASS
#include "lq/Transforms/Passes.h.inc"
} // namespace mlir::lq

using namespace mlir;

namespace {
struct LQCheckLLVMLoweringPass
    : lq::impl::LQCheckLLVMLoweringPassBase<LQCheckLLVMLoweringPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    llvm::DenseSet<OperationName> reported;
    Operation *firstCast = nullptr;
    module.walk([&](Operation *op) {
      // (An unregistered op has no dialect: it is reported too.)
      Dialect *dialect = op->getDialect();
      if (op == module.getOperation() ||
          isa_and_present<LLVM::LLVMDialect, omp::OpenMPDialect>(dialect))
        return;
      // A leftover cast is the consequence of an unlowered op next to it;
      // it is only worth an error of its own when nothing else is left.
      if (isa<UnrealizedConversionCastOp>(op)) {
        if (!firstCast)
          firstCast = op;
        return;
      }
      // One error per op kind: the rest of its kind fail for the same reason.
      if (!reported.insert(op->getName()).second)
        return;
      op->emitError() << "'" << op->getName()
                      << "' was not lowered to the LLVM dialect (no pass of "
                         "lq-to-llvm converts it here)";
    });
    if (reported.empty() && firstCast) {
      firstCast->emitError()
          << "a type conversion of lq-to-llvm was left unresolved";
      return signalPassFailure();
    }
    if (!reported.empty())
      signalPassFailure();
  }
};
} // namespace
