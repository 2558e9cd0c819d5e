//===- Passes.cpp - C API for the lq passes and pipelines -----------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq-c/Passes.h"

#include "lq/InitAll.h"
#include "lq/Pipelines/Pipelines.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

void lqRegisterAllPasses(void) {
  static const bool registered = [] {
    lq::registerAllPasses();
    return true;
  }();
  (void)registered;
}

/// Parses the lq-to-llvm option string `options` (NULL: defaults) and appends
/// the pipeline to `pm`; on a bad option, sets `error` to a message.
static LogicalResult addLQToLLVMPipeline(OpPassManager &pm, const char *options,
                                         std::string &error) {
  lq::LQToLLVMOptions pipelineOptions;
  std::string message;
  llvm::raw_string_ostream os(message);
  if (options && failed(pipelineOptions.parseFromString(options, os))) {
    // llvm::cl reports a bad value itself, on stderr; an unknown option
    // comes back in `message`.
    error = (Twine("invalid lq-to-llvm options '") + options + "'").str();
    if (!StringRef(message).trim().empty())
      error += (": " + StringRef(message).trim()).str();
    return failure();
  }
  lq::buildLQToLLVMPipeline(pm, pipelineOptions);
  return success();
}

MlirLogicalResult lqAddLQToLLVMPipeline(MlirOpPassManager pm,
                                        const char *options,
                                        MlirStringCallback errorCallback,
                                        void *userData) {
  std::string error;
  if (succeeded(addLQToLLVMPipeline(*unwrap(pm), options, error)))
    return mlirLogicalResultSuccess();
  errorCallback(MlirStringRef{error.data(), error.size()}, userData);
  return mlirLogicalResultFailure();
}

/// Makes the upstream interface implementations (bufferization models, ...)
/// that lq's pipelines rely on available in `context`, as lq-opt and mlir-opt
/// do for every tool invocation.
static void appendPipelineExtensions(MLIRContext *context) {
  DialectRegistry registry;
  registerAllExtensions(registry);
  context->appendDialectRegistry(registry);
}

/// Runs `pm` on `module`; failures are reported by the passes themselves.
static MlirLogicalResult runOnModule(PassManager &pm, ModuleOp module) {
  appendPipelineExtensions(module.getContext());
  return wrap(pm.run(module));
}

MlirLogicalResult lqRunLQToLLVM(MlirModule module, const char *options) {
  ModuleOp moduleOp = unwrap(module);
  PassManager pm(moduleOp.getContext());
  std::string error;
  if (failed(addLQToLLVMPipeline(pm, options, error)))
    return wrap(emitError(moduleOp.getLoc()) << error);
  return runOnModule(pm, moduleOp);
}

MlirLogicalResult lqRunPassPipeline(MlirModule module, const char *pipeline) {
  lqRegisterAllPasses();
  ModuleOp moduleOp = unwrap(module);
  StringRef text = pipeline ? StringRef(pipeline).trim() : StringRef();
  std::string message;
  llvm::raw_string_ostream os(message);
  PassManager pm(moduleOp.getContext());
  LogicalResult parsed = failure();
  if (text.starts_with(ModuleOp::getOperationName().str() + "(")) {
    FailureOr<OpPassManager> anchored = parsePassPipeline(text, os);
    if (succeeded(anchored)) {
      static_cast<OpPassManager &>(pm) = std::move(*anchored);
      parsed = success();
    }
  } else {
    parsed = parsePassPipeline(text, pm, os);
  }
  if (failed(parsed))
    return wrap(emitError(moduleOp.getLoc())
                << "invalid pass pipeline '" << text
                << "': " << StringRef(message).trim());
  return runOnModule(pm, moduleOp);
}
