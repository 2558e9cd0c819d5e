// lq-binarize in the stock mlir-opt through LQPlugin.so: a matmul of a
// sign-quantized activation by +-1 constant weights becomes a bit-packed
// binary matmul, exactly as in lq-opt.
//
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin --load-pass-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(lq-binarize)' | FileCheck %s
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(lq-binarize)' -o %t.plugin.mlir
// RUN: lq-opt %s --lq-binarize -o %t.lq-opt.mlir
// RUN: diff %t.plugin.mlir %t.lq-opt.mlir

// CHECK-LABEL: func.func @binary_matmul(
// CHECK-NOT:     linalg.matmul
// CHECK:         lq.bitpack
// CHECK:         lq.bmatmul
func.func @binary_matmul(%x: tensor<4x64xf32>) -> tensor<4x8xf32> {
  %w = arith.constant dense<-1.0> : tensor<64x8xf32>
  %zero = arith.constant 0.0 : f32
  %s = lq.ste_sign %x : tensor<4x64xf32>
  %e = tensor.empty() : tensor<4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = linalg.matmul ins(%s, %w : tensor<4x64xf32>, tensor<64x8xf32>)
                     outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
