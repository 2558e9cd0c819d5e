//===- Pipelines.cpp - lq pass pipelines ----------------------------------===//
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
#include "mlir/Dialect/SCF/Transforms/Passes.h"
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
  if (options.binaryKernels == BinaryKernels::Fast) {
    ConvertLQBinaryToVectorPassOptions kernelOptions;
    kernelOptions.vectorBits = options.vectorBits;
    kernelOptions.tileRows = options.tileRows;
    kernelOptions.tileVectors = options.tileVectors;
    kernelOptions.popcount = options.popcount;
    kernelOptions.threads = options.threads;
    tensorFuncs.addPass(createConvertLQBinaryToVectorPass(kernelOptions));
  }
  tensorFuncs.addPass(createConvertLQToLinalgPass());
  // Elementwise arith/math on tensors (around the lq ops) -> linalg.
  tensorFuncs.addPass(createConvertElementwiseToLinalgPass());
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
  // Loops whose iterations produce fresh tensors (e.g. calling a function
  // in a loop) are fine: the buffer is freed by the deallocation pipeline.
  bufferizeOptions.allowReturnAllocsFromLoops = true;
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  // Fold the tiled loops' pass-through iter_args (and the self-copies of
  // their tiles) so that a function returns its result allocation itself:
  // only then can buffer-results-to-out-params hoist it into the caller's
  // buffer instead of a temporary plus a copy per call.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.outParams) {
    bufferization::BufferResultsToOutParamsPassOptions outOptions;
    outOptions.hoistStaticAllocs = true;
    outOptions.modifyPublicFunctions = true;
    pm.addPass(bufferization::createBufferResultsToOutParamsPass(outOptions));
  }
  bufferization::BufferDeallocationPipelineOptions deallocOptions;
  bufferization::buildBufferDeallocationPipeline(pm, deallocOptions);
  // Clones the deallocation pipeline keeps (e.g. returning an argument).
  pm.addPass(createConvertBufferizationToMemRefPass());

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
  pm.addPass(createLQLowerMultiDynamicExpandShapePass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  if (options.threads) {
    pm.addNestedPass<func::FuncOp>(createForallToParallelLoopPass());
    pm.addPass(createConvertSCFToOpenMPPass());
    // Inline the (alloca-free) memref.alloca_scope ops the conversion wraps
    // loop bodies in, before scf lowers to multi-block control flow.
    pm.addPass(createCanonicalizerPass());
  }
  // After the scopes are inlined: an x86 intrinsic call (which may have any
  // effect, as far as MLIR knows) in a scope would keep it.
  LQLowerLaneByteSumPassOptions byteSumOptions;
  byteSumOptions.portable = options.portable;
  pm.addNestedPass<func::FuncOp>(createLQLowerLaneByteSumPass(byteSumOptions));
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
  if (options.threads)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  // The conversions above are partial: fail, naming the op, rather than
  // print half-lowered IR as a success.
  pm.addPass(createLQCheckLLVMLoweringPass());
}

void mlir::lq::registerLQPipelines() {
  PassPipelineRegistration<LQToLLVMOptions>(
      "lq-to-llvm",
      "Lower a tensor-level module with lq ops to the LLVM dialect "
      "(vectorized, callable from C)",
      buildLQToLLVMPipeline);
}
