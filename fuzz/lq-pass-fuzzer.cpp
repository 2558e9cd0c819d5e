//===- lq-pass-fuzzer.cpp - fuzz the lq passes and pipelines --------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// libFuzzer entry point: parse arbitrary text as a module with lq-opt's
// registry; if it verifies and uses only the dialects lq's passes and the
// lq-to-llvm pipeline take as input (builtin, func, lq, arith, math, tensor,
// linalg), run each lq pass, canonicalize and lq-to-llvm on a copy of it.
// A pass may fail (with a diagnostic); a crash, a sanitizer report, or a
// pass that succeeds but leaves IR that does not verify (an abort) is a
// finding.
//
// Other dialects are skipped so that the time goes to lq's code and not to
// upstream lowerings of, say, gpu or spirv ops, which lq-to-llvm does not
// claim to handle.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace mlir;

namespace {

/// The pipelines run on each input, each on a fresh copy.
const char *const kPipelines[] = {
    "builtin.module(convert-lq-to-linalg)",
    "builtin.module(convert-lq-binary-to-vector)",
    "builtin.module(convert-lq-binary-to-vector{popcount=i8 tile-rows=3 "
    "tile-vectors=2 vector-bits=256})",
    "builtin.module(lq-vectorize-linalg)",
    "builtin.module(lq-binarize)",
    "builtin.module(lq-differentiate)",
    "builtin.module(lq-approximate-math)",
    "builtin.module(lq-lower-lane-byte-sum)",
    "builtin.module(lq-lower-multi-dynamic-expand-shape)",
    "builtin.module(lq-c-interface)",
    "builtin.module(canonicalize)",
    "builtin.module(lq-to-llvm)",
    "builtin.module(lq-to-llvm{binary-kernels=reference portable=1 "
    "out-params=1})",
};

/// After every pass that succeeded, the IR must verify. (The pass manager's
/// own verifier is off: it would turn this bug into a mere pass failure.)
struct VerifyAfterEachPass : public PassInstrumentation {
  void runAfterPass(Pass *pass, Operation *op) override {
    if (succeeded(verify(op)))
      return;
    // The verifier's diagnostics are swallowed by the context; print the IR.
    lq::fuzz::fail((std::string("pass '") + pass->getArgument().str() +
                    "' succeeded but left IR that does not verify")
                       .c_str(),
                   lq::fuzz::print(op, true));
  }
};

bool usesOnlyPassInputDialects(ModuleOp module) {
  static const llvm::StringSet<> allowed = {
      "builtin", "func", "lq", "arith", "math", "tensor", "linalg"};
  bool ok = true;
  module->walk([&](Operation *op) {
    if (!allowed.contains(op->getName().getDialectNamespace())) {
      ok = false;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return ok;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  lq::fuzz::registerPasses();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::unique_ptr<MLIRContext> context = lq::fuzz::makeContext();
  OwningOpRef<ModuleOp> module = lq::fuzz::parse(*context, data, size);
  // -1: keep inputs that do not reach the passes out of the corpus.
  if (!module || !usesOnlyPassInputDialects(*module))
    return -1;

  // The pipelines' dialects are loaded up front, as lq-opt does.
  context->loadAllAvailableDialects();
  for (const char *pipeline : kPipelines) {
    OwningOpRef<ModuleOp> copy = module->clone();
    PassManager pm(context.get());
    pm.enableVerifier(false);
    pm.addInstrumentation(std::make_unique<VerifyAfterEachPass>());
    if (failed(parsePassPipeline(pipeline, pm, llvm::errs())))
      lq::fuzz::fail("bad pipeline", pipeline);
    (void)pm.run(copy->getOperation());
  }
  return 0;
}
