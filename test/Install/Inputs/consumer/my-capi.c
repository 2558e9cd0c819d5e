/*===- my-capi.c - a C program on lq's C API ----------------------*- C -*-===*\
|*                                                                            *|
|* Part of the lq project: Larq's quantizers as first-class MLIR.             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "lq-c/Dialect.h"
#include "lq-c/Passes.h"

#include "mlir-c/IR.h"
#include "mlir-c/RegisterEverything.h"

#include <stdio.h>

static void print(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stdout);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: my-capi <file.mlir>\n");
    return 2;
  }
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  lqRegisterAllDialects(registry);
  MlirContext context = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);

  // Lower the module in the file to the LLVM dialect and print it.
  MlirModule module = mlirModuleCreateParseFromFile(
      context, mlirStringRefCreateFromCString(argv[1]));
  if (mlirModuleIsNull(module))
    return 1;
  MlirLogicalResult result = lqRunLQToLLVM(module, "vector-bits=128");
  mlirOperationPrint(mlirModuleGetOperation(module), print, NULL);
  fputc('\n', stdout);
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
  return mlirLogicalResultIsSuccess(result) ? 0 : 1;
}
