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

// -----

// Test: a grouped convolution whose result leaves F dynamic. The flat
// output size multiplied the dynamic size (a garbage dimension, then a
// crash in tensor.expand_shape); G and F now come from the filter and a
// cast gives the result type.
// CHECK-LABEL: func.func @grouped_dynamic_result
// CHECK:         %[[Y:.*]] = lq.bconv2d {{.*}} -> tensor<1x6x6x8xf32>
// CHECK:         %[[E:.*]] = tensor.expand_shape %[[Y]] {{.*}} into tensor<1x6x6x2x4xf32>
// CHECK:         tensor.cast %[[E]] : tensor<1x6x6x2x4xf32> to tensor<1x6x6x2x?xf32>
func.func @grouped_dynamic_result(%x: tensor<1x8x8x2x64xf32>, %d: index) -> tensor<1x6x6x2x?xf32> {
  %s = lq.ste_sign %x : tensor<1x8x8x2x64xf32>
  %w = arith.constant dense<1.0> : tensor<2x4x3x3x64xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty(%d) : tensor<1x6x6x2x?xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x6x6x2x?xf32>) -> tensor<1x6x6x2x?xf32>
  %r = linalg.conv_2d_nhwgc_gfhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%s, %w : tensor<1x8x8x2x64xf32>, tensor<2x4x3x3x64xf32>) outs(%i : tensor<1x6x6x2x?xf32>) -> tensor<1x6x6x2x?xf32>
  return %r : tensor<1x6x6x2x?xf32>
}

// -----

// Test: a dynamic input channel count (the filter says 64): the activation
// is cast to 64 channels before the bitpack, which could not be lowered
// with a dynamic channel count.
// CHECK-LABEL: func.func @dynamic_input_channels
// CHECK:         %[[C:.*]] = tensor.cast %{{.*}} : tensor<1x8x8x?xf32> to tensor<1x8x8x64xf32>
// CHECK:         lq.bitpack %[[C]] : tensor<1x8x8x64xf32> -> tensor<1x8x8x1xi64>
func.func @dynamic_input_channels(%x: tensor<1x8x8x?xf32>) -> tensor<1x6x6x8xf32> {
  %s = lq.ste_sign %x : tensor<1x8x8x?xf32>
  %w = arith.constant dense<1.0> : tensor<3x3x64x8xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x6x6x8xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32>
  %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%s, %w : tensor<1x8x8x?xf32>, tensor<3x3x64x8xf32>) outs(%i : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}

// -----

// Test: a convolution that reads only the top-left 7x7 of its 10x10 input
// (linalg allows that; lq.bconv2d spans the whole padded input). It became
// a bconv2d that did not verify.
// CHECK-LABEL: func.func @conv_reads_part_of_input
// CHECK:         linalg.conv_2d_nhwc_fhwc
func.func @conv_reads_part_of_input(%x: tensor<1x10x10x64xf32>) -> tensor<1x5x5x8xf32> {
  %s = lq.ste_sign %x : tensor<1x10x10x64xf32>
  %w = arith.constant dense<1.0> : tensor<8x3x3x64xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x5x5x8xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32>
  // expected-remark @+1 {{not binarized: the convolution reads only part of its input (the binary convolution covers the whole padded input)}}
  %r = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%s, %w : tensor<1x10x10x64xf32>, tensor<8x3x3x64xf32>) outs(%i : tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32>
  return %r : tensor<1x5x5x8xf32>
}

// -----

// Test: the same for a max pooling (2x2, stride 2, 4x4 of a 10x10 input):
// sign(maxpool) stays as written (it became a bmaxpool2d that did not
// verify).
// CHECK-LABEL: func.func @maxpool_reads_part_of_input
// CHECK:         linalg.pooling_nhwc_max
// CHECK:         lq.ste_sign
func.func @maxpool_reads_part_of_input(%x: tensor<1x10x10x64xf32>) -> tensor<1x4x4x64xf32> {
  %k = tensor.empty() : tensor<2x2xf32>
  %z = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x4x4x64xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x4x4x64xf32>) -> tensor<1x4x4x64xf32>
  %p = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %k : tensor<1x10x10x64xf32>, tensor<2x2xf32>) outs(%i : tensor<1x4x4x64xf32>) -> tensor<1x4x4x64xf32>
  %s = lq.ste_sign %p : tensor<1x4x4x64xf32>
  return %s : tensor<1x4x4x64xf32>
}

// -----

// Test: a tensor.pad with negative amounts (cropping) before the
// convolution: not a padding the binary ops express (it became a bconv2d
// with negative padding).
// CHECK-LABEL: func.func @negative_padding
// CHECK:         tensor.pad
// CHECK:         linalg.conv_2d_nhwc_fhwc
func.func @negative_padding(%x: tensor<1x10x10x64xf32>) -> tensor<1x6x6x8xf32> {
  %s = lq.ste_sign %x : tensor<1x10x10x64xf32>
  %c0 = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, -1, -1, 0] high[0, 0, 0, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %c0 : f32
  } : tensor<1x10x10x64xf32> to tensor<1x9x9x64xf32>
  %w = arith.constant dense<1.0> : tensor<8x4x4x64xf32>
  %e = tensor.empty() : tensor<1x6x6x8xf32>
  %i = linalg.fill ins(%c0 : f32) outs(%e : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32>
  // expected-remark @+1 {{not binarized: the padding crops the input (negative amounts)}}
  %r = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%p, %w : tensor<1x9x9x64xf32>, tensor<8x4x4x64xf32>) outs(%i : tensor<1x6x6x8xf32>) -> tensor<1x6x6x8xf32>
  return %r : tensor<1x6x6x8xf32>
}
