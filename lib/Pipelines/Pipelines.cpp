//===- Pipelines.cpp - lq pass pipelines
//-----------------------------------===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#include "lq/Pipelines/Pipelines.h"

#include "lq/Conversion/Passes.h"
#include "lq/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/Vector/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::lq::buildLQToLLVMPipeline(OpPassManager &pm,
                                     const LQToLLVMOptions &options) {
  // Tensor level: lq ops -> linalg, fused and vectorized.
  pm.addPass(createLQCInterfacePass());
  OpPassManager &tensorFuncs = pm.nest<func::FuncOp>();
  tensorFuncs.addPass(createConvertLQToLinalgPass());
  tensorFuncs.addPass(createCanonicalizerPass());
  tensorFuncs.addPass(createCSEPass());
  tensorFuncs.addPass(createLinalgElementwiseOpFusionPass());
  LQVectorizeLinalgPassOptions vectorizeOptions;
  vectorizeOptions.vectorBits = options.vectorBits;
  tensorFuncs.addPass(createLQVectorizeLinalgPass(vectorizeOptions));
  tensorFuncs.addPass(createCanonicalizerPass());
  tensorFuncs.addPass(createCSEPass());
  tensorFuncs.addPass(createLoopInvariantSubsetHoistingPass());

  // Buffers: read-only inputs, fresh results (or caller-provided ones).
  bufferization::OneShotBufferizePassOptions bufferizeOptions;
  bufferizeOptions.bufferizeFunctionBoundaries = true;
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  if (options.outParams) {
    bufferization::BufferResultsToOutParamsPassOptions outOptions;
    outOptions.hoistStaticAllocs = true;
    outOptions.modifyPublicFunctions = true;
    pm.addPass(bufferization::createBufferResultsToOutParamsPass(outOptions));
  }
  bufferization::BufferDeallocationPipelineOptions deallocOptions;
  bufferization::buildBufferDeallocationPipeline(pm, deallocOptions);

  // Loops, vectors and math to LLVM.
  OpPassManager &bufferFuncs = pm.nest<func::FuncOp>();
  bufferFuncs.addPass(createConvertLinalgToLoopsPass());
  bufferFuncs.addPass(createCanonicalizerPass());
  bufferFuncs.addPass(vector::createLowerVectorMultiReductionPass());
  bufferFuncs.addPass(createConvertVectorToSCFPass());
  bufferFuncs.addPass(math::createMathExtendToSupportedTypes());
  LQApproximateMathPassOptions mathOptions;
  mathOptions.libm = options.libmTranscendentals;
  bufferFuncs.addPass(createLQApproximateMathPass(mathOptions));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  // Math ops LLVM has intrinsics for first (roundeven, abs, ...), libm
  // calls for the rest (f64 tanh/cosh, or everything with libm=true).
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void mlir::lq::registerLQPipelines() {
  PassPipelineRegistration<LQToLLVMOptions>(
      "lq-to-llvm",
      "Lower a tensor-level module with lq ops to the LLVM dialect "
      "(vectorized, callable from C)",
      buildLQToLLVMPipeline);
}
