// RUN: lq-opt %s -split-input-file -lq-binarize -verify-diagnostics | FileCheck %s

// Regression tests (issue 8): products lq-binarize must leave alone, with a
// remark, instead of crashing.

// Test: a convolution with no output channel (HWCF filter 3x3x3x0). The
// per-channel scale split divided by the zero channel count (SIGFPE).
// CHECK-LABEL: func.func @conv_zero_output_channels
// CHECK:         linalg.conv_2d_nhwc_hwcf
func.func @conv_zero_output_channels(%x: tensor<1x4x4x3xf32>) -> tensor<1x2x2x0xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x3x0xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x0xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x0xf32>) -> tensor<1x2x2x0xf32>
  // expected-remark @+1 {{not binarized: the weights have a zero-sized dimension}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x3xf32>, tensor<3x3x3x0xf32>) outs(%init : tensor<1x2x2x0xf32>) -> tensor<1x2x2x0xf32>
  return %y : tensor<1x2x2x0xf32>
}

// -----

// Test: a convolution over zero input channels (depth 0): the binary ops
// need a depth of at least 1. It used to read the first of zero weights.
// CHECK-LABEL: func.func @conv_zero_depth
// CHECK:         linalg.conv_2d_nhwc_hwcf
func.func @conv_zero_depth(%x: tensor<1x4x4x0xf32>) -> tensor<1x4x4x2xf32> {
  %w = arith.constant dense<1.0> : tensor<1x1x0x2xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x0xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  // expected-remark @+1 {{not binarized: the weights have a zero-sized dimension}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x0xf32>, tensor<1x1x0x2xf32>) outs(%init : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %y : tensor<1x4x4x2xf32>
}

// -----

// Test: TOSA allows unranked tensors; a tosa.matmul of unranked operands is
// not analyzed (it used to cast them to ranked tensors).
// CHECK-LABEL: func.func @tosa_matmul_unranked
// CHECK:         tosa.matmul
func.func @tosa_matmul_unranked(%a: tensor<*xf32>, %b: tensor<1x16x8xf32>) -> tensor<*xf32> {
  %s = lq.ste_sign %b : tensor<1x16x8xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-remark @+1 {{not binarized: an operand or the result is unranked}}
  %y = tosa.matmul %a, %s, %zp, %zp : (tensor<*xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<*xf32>
  return %y : tensor<*xf32>
}

// -----

// Test: constant +-1 weights with 10^10 elements (a splat). Checking them
// walked every element, and packing them would expand each into an APFloat:
// the pass now looks at a splat's one value and refuses to pack more than
// 2^24 weights at compile time, with a remark.
// CHECK-LABEL: func.func @huge_constant_weights
// CHECK:         linalg.matmul
func.func @huge_constant_weights(%x: tensor<4x100000xf32>) -> tensor<4x100000xf32> {
  %s = lq.ste_sign %x : tensor<4x100000xf32>
  %w = arith.constant dense<1.0> : tensor<100000x100000xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x100000xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<4x100000xf32>) -> tensor<4x100000xf32>
  // expected-remark @+1 {{not binarized: the constant weights have more than 2^24 elements, too many to pack at compile time}}
  %r = linalg.matmul ins(%s, %w : tensor<4x100000xf32>, tensor<100000x100000xf32>) outs(%i : tensor<4x100000xf32>) -> tensor<4x100000xf32>
  return %r : tensor<4x100000xf32>
}
