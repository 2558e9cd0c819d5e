/*===- lq-capi-test.c - exercise lq's C API ------------------------*- C
-*-===*\
|*                                                                            *|
|* Part of the lq project: Larq's quantizers as first-class MLIR.             *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* A C program (no C++) that registers lq, builds quantizer ops with the      *|
|* lq-c builders, verifies and prints them, and runs lq's pipelines, all      *|
|* through libLQCAPI.so. Built by the build (lq-capi-test), run by lit.       *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

// RUN: lq-capi-test 2> %t.stderr | FileCheck %s
// RUN: FileCheck %s --check-prefix=STDERR --input-file=%t.stderr

#include "lq-c/Dialect.h"
#include "lq-c/Passes.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void printToStdout(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stdout);
}

static void printModule(MlirModule module) {
  mlirOperationPrint(mlirModuleGetOperation(module), printToStdout, NULL);
  fputc('\n', stdout);
}

/// Prints every diagnostic as "diagnostic: <message>".
static MlirLogicalResult printDiagnostic(MlirDiagnostic diagnostic,
                                         void *userData) {
  (void)userData;
  fputs("diagnostic: ", stdout);
  mlirDiagnosticPrint(diagnostic, printToStdout, NULL);
  fputc('\n', stdout);
  return mlirLogicalResultSuccess();
}

static void check(int condition, const char *what) {
  if (!condition) {
    fprintf(stdout, "FAILED: %s\n", what);
    exit(1);
  }
}

/// A context with the upstream dialects and lq.
static MlirContext createContext(void) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  lqRegisterAllDialects(registry);
  MlirContext context = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  mlirContextAttachDiagnosticHandler(context, printDiagnostic, NULL, NULL);
  return context;
}

static MlirStringRef str(const char *s) {
  return mlirStringRefCreateFromCString(s);
}

// CHECK-LABEL: testRegistration
// CHECK: lq dialect loaded: lq
static void testRegistration(void) {
  fprintf(stdout, "testRegistration\n");
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__lq__(), registry);
  MlirContext context = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  MlirDialect lq = mlirContextGetOrLoadDialect(context, str("lq"));
  check(!mlirDialectIsNull(lq), "the lq dialect loads from its handle");
  MlirStringRef ns = mlirDialectGetNamespace(lq);
  fprintf(stdout, "lq dialect loaded: %.*s\n", (int)ns.length, ns.data);
  mlirContextDestroy(context);
}

static const char *kSkeleton =
    "func.func @quantize(%x: tensor<8xf32>, %dy: tensor<8xf32>)\n"
    "    -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {\n"
    "  return %x, %dy, %x : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>\n"
    "}\n";

/// Builds quantizers into @quantize (parsed from kSkeleton) in front of its
/// return, and returns the ste_sign, its gradient and a dorefa.
static MlirModule buildQuantizeModule(MlirContext context) {
  MlirModule module = mlirModuleCreateParse(context, str(kSkeleton));
  check(!mlirModuleIsNull(module), "the skeleton parses");
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirOperation ret = mlirBlockGetTerminator(body);
  MlirValue x = mlirBlockGetArgument(body, 0);
  MlirValue dy = mlirBlockGetArgument(body, 1);
  MlirLocation loc = mlirLocationUnknownGet(context);

  MlirOperation sign = lqSteSignCreate(loc, x, 1.5, false);
  check(!mlirOperationIsNull(sign), "lqSteSignCreate");
  mlirBlockInsertOwnedOperationBefore(body, ret, sign);
  MlirOperation grad = lqQuantizerGradCreate(loc, sign, dy);
  check(!mlirOperationIsNull(grad), "lqQuantizerGradCreate");
  mlirBlockInsertOwnedOperationBefore(body, ret, grad);
  MlirOperation dorefa = lqDoReFaCreate(loc, x, 3, str("activations"));
  mlirBlockInsertOwnedOperationBefore(body, ret, dorefa);
  // Built but not returned: canonicalization removes them after printing.
  MlirOperation tern = lqSteTernCreate(loc, x, 0.1, false, 0.0, true);
  mlirBlockInsertOwnedOperationBefore(body, ret, tern);
  mlirBlockInsertOwnedOperationBefore(body, ret,
                                      lqSwishSignCreate(loc, x, 2.0));
  mlirBlockInsertOwnedOperationBefore(body, ret, lqNoOpCreate(loc, x, 1));

  mlirOperationSetOperand(ret, 0, mlirOperationGetResult(sign, 0));
  mlirOperationSetOperand(ret, 1, mlirOperationGetResult(grad, 0));
  mlirOperationSetOperand(ret, 2, mlirOperationGetResult(dorefa, 0));
  return module;
}

// CHECK-LABEL: testBuildOps
// CHECK: func.func @quantize(%[[X:.*]]: tensor<8xf32>,
// CHECK-SAME: %[[DY:.*]]: tensor<8xf32>)
// CHECK:   %[[S:.*]] = lq.ste_sign %[[X]]
// CHECK-SAME: {clip_value = 1.500000e+00 : f64} : tensor<8xf32>
// CHECK:   %[[G:.*]] = lq.ste_sign_grad %[[X]], %[[DY]]
// CHECK-SAME: {clip_value = 1.500000e+00 : f64} : tensor<8xf32>
// CHECK:   %[[D:.*]] = lq.dorefa %[[X]] {k_bit = 3 : i64} : tensor<8xf32>
// CHECK:   lq.ste_tern %[[X]]
// CHECK-SAME: {clip_value = none, threshold_value = 1.000000e-01 : f64}
// CHECK:   lq.swish_sign %[[X]] {beta = 2.000000e+00 : f64} : tensor<8xf32>
// CHECK:   lq.noop %[[X]] {precision = 1 : i64} : tensor<8xf32>
// CHECK:   return %[[S]], %[[G]], %[[D]]
// CHECK: verified: 1
// CHECK: ste_sign: quantizer 1, precision 1, sign binarizer 1
// CHECK: dorefa: quantizer 1, precision 3, sign binarizer 0
// CHECK: ste_sign_grad: quantizer 0, precision -1
// CHECK: unknown op: null 1
// CHECK: generic magnitude_aware_sign_grad: lq.magnitude_aware_sign_grad
static void testBuildOps(void) {
  fprintf(stdout, "testBuildOps\n");
  MlirContext context = createContext();
  MlirModule module = buildQuantizeModule(context);
  printModule(module);
  MlirOperation moduleOp = mlirModuleGetOperation(module);
  fprintf(stdout, "verified: %d\n", mlirOperationVerify(moduleOp));

  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirOperation sign = mlirBlockGetFirstOperation(body);
  MlirOperation grad = mlirOperationGetNextInBlock(sign);
  MlirOperation dorefa = mlirOperationGetNextInBlock(grad);
  fprintf(stdout, "ste_sign: quantizer %d, precision %lld, sign binarizer %d\n",
          lqOperationIsQuantizer(sign),
          (long long)lqQuantizerGetPrecision(sign),
          lqQuantizerIsSignBinarizer(sign));
  fprintf(stdout, "dorefa: quantizer %d, precision %lld, sign binarizer %d\n",
          lqOperationIsQuantizer(dorefa),
          (long long)lqQuantizerGetPrecision(dorefa),
          lqQuantizerIsSignBinarizer(dorefa));
  fprintf(stdout, "ste_sign_grad: quantizer %d, precision %lld\n",
          lqOperationIsQuantizer(grad),
          (long long)lqQuantizerGetPrecision(grad));

  MlirLocation loc = mlirLocationUnknownGet(context);
  MlirValue x = mlirBlockGetArgument(body, 0);
  MlirValue dy = mlirBlockGetArgument(body, 1);
  MlirValue none = {NULL};
  MlirOperation unknown =
      lqQuantizerOpCreate(loc, str("no_such_quantizer"), x, none, 0, NULL);
  fprintf(stdout, "unknown op: null %d\n", mlirOperationIsNull(unknown));

  // The generic builder: any lq quantizer or gradient op by name.
  MlirNamedAttribute clip = mlirNamedAttributeGet(
      mlirIdentifierGet(context, str("clip_value")),
      mlirFloatAttrDoubleGet(context, mlirF64TypeGet(context), 2.0));
  MlirOperation generic = lqQuantizerOpCreate(
      loc, str("magnitude_aware_sign_grad"), x, dy, 1, &clip);
  check(!mlirOperationIsNull(generic), "lqQuantizerOpCreate");
  MlirIdentifier name = mlirOperationGetName(generic);
  MlirStringRef nameStr = mlirIdentifierStr(name);
  fprintf(stdout, "generic magnitude_aware_sign_grad: %.*s\n",
          (int)nameStr.length, nameStr.data);
  mlirOperationDestroy(generic);

  mlirModuleDestroy(module);
  mlirContextDestroy(context);
}

// CHECK-LABEL: testRunPassPipeline
// CHECK: convert-lq-to-linalg: 1
// CHECK: func.func @quantize
// CHECK-NOT: lq.
// CHECK: linalg.generic
// CHECK: diagnostic: invalid pass pipeline 'no-such-pass':
// CHECK-SAME: 'no-such-pass' does not refer to a registered pass
// CHECK: bad pipeline: 0
static void testRunPassPipeline(void) {
  fprintf(stdout, "testRunPassPipeline\n");
  MlirContext context = createContext();
  MlirModule module = buildQuantizeModule(context);
  MlirLogicalResult result = lqRunPassPipeline(
      module, "builtin.module(func.func(convert-lq-to-linalg))");
  fprintf(stdout, "convert-lq-to-linalg: %d\n",
          mlirLogicalResultIsSuccess(result));
  printModule(module);
  fflush(stdout);
  result = lqRunPassPipeline(module, "no-such-pass");
  fprintf(stdout, "bad pipeline: %d\n", mlirLogicalResultIsSuccess(result));
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
}

// CHECK-LABEL: testRunLQToLLVM
// CHECK: lq-to-llvm: 1
// CHECK: llvm.func @quantize(
// CHECK: llvm.func @_mlir_ciface_quantize(
// CHECK-NOT: lq.
// CHECK: diagnostic: invalid lq-to-llvm options 'no-such-option=1':
// CHECK-SAME: no such option no-such-option
// CHECK: bad options: 0
static void testRunLQToLLVM(void) {
  fprintf(stdout, "testRunLQToLLVM\n");
  MlirContext context = createContext();
  MlirModule module = buildQuantizeModule(context);
  MlirLogicalResult result =
      lqRunLQToLLVM(module, "vector-bits=128 libm-transcendentals=true");
  fprintf(stdout, "lq-to-llvm: %d\n", mlirLogicalResultIsSuccess(result));
  printModule(module);
  fflush(stdout);
  result = lqRunLQToLLVM(module, "no-such-option=1");
  fprintf(stdout, "bad options: %d\n", mlirLogicalResultIsSuccess(result));
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
}

// CHECK-LABEL: testPassManager
// CHECK: registered lq passes parse: 1
// CHECK: add lq-to-llvm: 1
// CHECK: run: 1
// CHECK: llvm.func @quantize(
// CHECK: add bad lq-to-llvm:
// CHECK-SAME: invalid lq-to-llvm options 'vector-bits=wide' -> 0
// llvm::cl reports the bad value itself, on stderr:
// STDERR: for the --vector-bits option: 'wide' value invalid for uint

static void testPassManager(void) {
  fprintf(stdout, "testPassManager\n");
  MlirContext context = createContext();
  lqRegisterAllPasses();
  lqRegisterAllPasses(); // idempotent

  // Registered lq passes are known to MLIR's textual pipeline parser.
  MlirPassManager parsed = mlirPassManagerCreate(context);
  MlirLogicalResult result = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(parsed),
      str("builtin.module(func.func(convert-lq-to-linalg),"
          "lq-to-llvm{vector-bits=256})"),
      printToStdout, NULL);
  fprintf(stdout, "registered lq passes parse: %d\n",
          mlirLogicalResultIsSuccess(result));
  mlirPassManagerDestroy(parsed);

  MlirModule module = buildQuantizeModule(context);
  MlirPassManager pm = mlirPassManagerCreate(context);
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  result = lqAddLQToLLVMPipeline(opm, NULL, printToStdout, NULL);
  fprintf(stdout, "add lq-to-llvm: %d\n", mlirLogicalResultIsSuccess(result));
  result = mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module));
  fprintf(stdout, "run: %d\n", mlirLogicalResultIsSuccess(result));
  printModule(module);
  fprintf(stdout, "add bad lq-to-llvm: ");
  result = lqAddLQToLLVMPipeline(opm, "vector-bits=wide", printToStdout, NULL);
  fprintf(stdout, " -> %d\n", mlirLogicalResultIsSuccess(result));
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
}

int main(void) {
  testRegistration();
  testBuildOps();
  testRunPassPipeline();
  testRunLQToLLVM();
  testPassManager();
  return 0;
}
