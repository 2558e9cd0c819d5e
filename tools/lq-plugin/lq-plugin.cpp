//===- lq-plugin.cpp - lq as a dialect and pass plugin for mlir-opt -------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// LQPlugin.so makes the stock `mlir-opt` (and any other MlirOptMain-based
// tool linked against the same libMLIR.so) understand lq:
//
//   mlir-opt --load-dialect-plugin=LQPlugin.so --load-pass-plugin=LQPlugin.so
//
// Both entry points register everything through lq/InitAll.h, so dialects,
// passes and pipelines added to lq later are picked up without touching this
// file. Only the two entry points are exported (lq-plugin.map); the lq
// libraries inside stay private to the plugin.
//
//===----------------------------------------------------------------------===//

#include "lq/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

using namespace mlir;

/// Registers the lq passes and pipelines exactly once per process: the
/// dialect and the pass entry points may both be loaded, and registering a
/// pipeline twice is an error in builds with assertions.
static void registerLQPassesOnce() {
  static const bool registered = [] {
    lq::registerAllPasses();
    return true;
  }();
  (void)registered;
}

/// `--load-dialect-plugin`: the lq dialect (and the dialects it depends on),
/// plus the passes, so that loading this one plugin is enough for a pipeline
/// given with `--pass-pipeline`.
extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "LQ", LLVM_VERSION_STRING,
          [](DialectRegistry *registry) {
            lq::registerAllDialects(*registry);
            registerLQPassesOnce();
          }};
}

/// `--load-pass-plugin`: every lq pass and pass pipeline.
extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "LQPasses", LLVM_VERSION_STRING,
          []() { registerLQPassesOnce(); }};
}
