/*===- Passes.h - C API for the lq passes and pipelines -----------*- C -*-===*\
|*                                                                            *|
|* Part of the lq project: Larq's quantizers as first-class MLIR.             *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Running lq's passes and pipelines on a module from C. Failures are         *|
|* reported as MLIR diagnostics on the module's context (attach a handler     *|
|* with mlirContextAttachDiagnosticHandler to capture them) and as a failed   *|
|* MlirLogicalResult.                                                         *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef LQ_C_PASSES_H
#define LQ_C_PASSES_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Registers every lq pass and pass pipeline (mlir::lq::registerAllPasses)
/// with MLIR's global registry, so that mlirParsePassPipeline and
/// mlirOpPassManagerAddPipeline accept their names, e.g.
/// "func.func(convert-lq-to-linalg)" or "lq-to-llvm{vector-bits=256}".
/// Passes lq adds later are picked up without API changes. Safe to call more
/// than once.
MLIR_CAPI_EXPORTED void lqRegisterAllPasses(void);

/// Appends the `lq-to-llvm` pipeline to `pm`, which must run on
/// builtin.module. `options` is the pipeline's option string without braces
/// ("vector-bits=256 out-params=true"; see `lq-opt --help`), NULL or "" for
/// the defaults. On an unknown option or a bad value, nothing is appended,
/// the parser's message is passed to `errorCallback` (like
/// mlirOpPassManagerAddPipeline) and the result is a failure.
MLIR_CAPI_EXPORTED MlirLogicalResult
lqAddLQToLLVMPipeline(MlirOpPassManager pm, const char *options,
                      MlirStringCallback errorCallback, void *userData);

/// Lowers `module` in place with the `lq-to-llvm` pipeline (tensor-level lq,
/// func, tensor, linalg, arith and math ops to the LLVM dialect). `options` as
/// for lqAddLQToLLVMPipeline; an option error is reported as a diagnostic at
/// the module's location. The upstream interface implementations the
/// pipeline needs (bufferization, ...) are added to the module's context.
MLIR_CAPI_EXPORTED MlirLogicalResult lqRunLQToLLVM(MlirModule module,
                                                   const char *options);

/// Runs the textual pass pipeline `pipeline` on `module` in place. Either an
/// anchored pipeline, "builtin.module(func.func(convert-lq-to-linalg))", or
/// a list of passes run on the module, "func.func(convert-lq-to-linalg),cse".
/// lq's passes are registered first (lqRegisterAllPasses); upstream passes
/// must have been registered by the caller (e.g. mlirRegisterAllPasses).
MLIR_CAPI_EXPORTED MlirLogicalResult lqRunPassPipeline(MlirModule module,
                                                       const char *pipeline);

#ifdef __cplusplus
}
#endif

#endif // LQ_C_PASSES_H
