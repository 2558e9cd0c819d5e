// The lq-to-llvm pipeline, with options, in the stock mlir-opt through
// LQPlugin.so, and the result run by the stock mlir-runner.
//
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin --load-pass-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(lq-to-llvm{vector-bits=128})' \
// RUN:   | FileCheck %s --check-prefix=LLVM --implicit-check-not=lq.
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(lq-to-llvm)' \
// RUN:   | mlir-runner -e main -entry-point-result=void \
// RUN:       -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils \
// RUN:   | FileCheck %s --check-prefix=OUT

// LLVM-LABEL: llvm.func @quantize(
// LLVM:         vector<4xf32>
// LLVM-LABEL: llvm.func @_mlir_ciface_quantize(
// LLVM-LABEL: llvm.func @main(

// ste_sign: -0.0 maps to +1. ste_sign_grad: dy where |x| <= 1, else 0.
// OUT:      data =
// OUT-NEXT: [-1,  -1,  -1,  1,  1,  1,  1,  1]
// OUT:      data =
// OUT-NEXT: [0,  2,  3,  4,  5,  6,  0,  0]

func.func @quantize(%x: tensor<8xf32>, %dy: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %y = lq.ste_sign %x : tensor<8xf32>
  %dx = lq.ste_sign_grad %x, %dy {clip_value = 1.0} : tensor<8xf32>
  return %y, %dx : tensor<8xf32>, tensor<8xf32>
}

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %x = arith.constant dense<[-2.0, -1.0, -0.5, -0.0, 0.0, 0.25, 1.5, 3.0]> : tensor<8xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %y, %dx = call @quantize(%x, %dy) : (tensor<8xf32>, tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>)
  %ym = bufferization.to_buffer %y : tensor<8xf32> to memref<8xf32>
  %yu = memref.cast %ym : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%yu) : (memref<*xf32>) -> ()
  %dxm = bufferization.to_buffer %dx : tensor<8xf32> to memref<8xf32>
  %dxu = memref.cast %dxm : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%dxu) : (memref<*xf32>) -> ()
  return
}
