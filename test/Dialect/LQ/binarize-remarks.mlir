// RUN: lq-opt %s -split-input-file -lq-binarize -verify-diagnostics

// Test: non-constant float weights that are not sign-quantized.
func.func @weights_not_constant(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %s = lq.ste_sign %x : tensor<2x8xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark @+1 {{not binarized: the weights are neither constant nor sign-quantized}}
  %y = linalg.matmul ins(%s, %w : tensor<2x8xf32>, tensor<8x4xf32>) outs(%init : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Test: constant weights that are not +-1 (nor +-s per output channel).
func.func @weights_not_pm1(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [0.5, 1.0]]> : tensor<2x2xf32>
  %s = lq.ste_sign %x : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark @+1 {{not binarized: the constant weights are not +-1 (nor +-s per output channel)}}
  %y = linalg.matmul ins(%s, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%init : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Test: padding with a value other than 0 or 1.
func.func @bad_padding(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x1x1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  %half = arith.constant 0.5 : f32
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %half : f32
  } : tensor<1x4x4x1xf32> to tensor<1x6x6x1xf32>
  %e = tensor.empty() : tensor<1x4x4x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  // expected-remark @+1 {{not binarized: the padding value is neither 0 (exact zero padding) nor 1.0}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x1xf32>, tensor<3x3x1x1xf32>) outs(%init : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  return %y : tensor<1x4x4x1xf32>
}

// -----

// Test: the accumulator does not start at zero.
func.func @nonzero_init(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x2xf32>
  %s = lq.ste_sign %x : tensor<2x2xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %init = linalg.fill ins(%one : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark @+1 {{not binarized: the accumulator does not start at zero}}
  %y = linalg.matmul ins(%s, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%init : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Test: the weights are sign-quantized but the input is float.
func.func @input_not_binary(%x: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %q = lq.ste_sign %w : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark @+1 {{not binarized: the left operand is not sign-quantized}}
  %y = linalg.matmul ins(%x, %q : tensor<2x2xf32>, tensor<2x2xf32>) outs(%init : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Test: an NCHW convolution (unsupported layout).
func.func @nchw(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<1x1x3x3xf32>
  %s = lq.ste_sign %x : tensor<1x1x4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // expected-remark @+1 {{not binarized: unsupported layout or op 'linalg.conv_2d_nchw_fchw'}}
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) outs(%init : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// Test: constant weights of a batched product with a scale: the scale would
// be per batch and column, not per output channel.
func.func @batched_scale(%x: tensor<2x3x4xf32>) -> tensor<2x3x2xf32> {
  %w = arith.constant dense<0.5> : tensor<2x4x2xf32>
  %s = lq.ste_sign %x : tensor<2x3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  // expected-remark @+1 {{not binarized: the constant weights are not +-1 and their scale would not be per output channel}}
  %y = linalg.batch_matmul ins(%s, %w : tensor<2x3x4xf32>, tensor<2x4x2xf32>) outs(%init : tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  return %y : tensor<2x3x2xf32>
}

// -----

// Test: magnitude_aware_sign of run-time weights (a scale per channel that
// only exists at run time).
func.func @magnitude_aware_runtime(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %s = lq.ste_sign %x : tensor<2x4xf32>
  %q = lq.magnitude_aware_sign %w : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-remark @+1 {{not binarized: the weights are magnitude_aware_sign of a non-constant value (fold it first: constant weights)}}
  %y = linalg.matmul ins(%s, %q : tensor<2x4xf32>, tensor<4x3xf32>) outs(%init : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Test: an f64 product: the binary ops produce f16, bf16 or f32 only
// (regression: lq-binarize used to create an invalid f64 lq.bconv2d and
// fail).
func.func @f64_result(%x: tensor<1x4x4x3xf64>) -> tensor<1x2x2x2xf64> {
  %w = arith.constant dense<1.0> : tensor<3x3x3x2xf64>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf64>
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<1x2x2x2xf64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<1x2x2x2xf64>) -> tensor<1x2x2x2xf64>
  // expected-remark @+1 {{not binarized: the result element type f64 is not supported by the binary ops (f16, bf16 or f32)}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x3xf64>, tensor<3x3x3x2xf64>) outs(%init : tensor<1x2x2x2xf64>) -> tensor<1x2x2x2xf64>
  return %y : tensor<1x2x2x2xf64>
}

// -----

// Test: an f64 dense layer (the matmul path of the same rule).
func.func @f64_matmul(%x: tensor<2x4xf64>, %w: tensor<4x3xf64>) -> tensor<2x3xf64> {
  %s = lq.ste_sign %x : tensor<2x4xf64>
  %q = lq.ste_sign %w : tensor<4x3xf64>
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<2x3xf64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<2x3xf64>) -> tensor<2x3xf64>
  // expected-remark @+1 {{not binarized: the result element type f64 is not supported by the binary ops (f16, bf16 or f32)}}
  %y = linalg.matmul ins(%s, %q : tensor<2x4xf64>, tensor<4x3xf64>) outs(%init : tensor<2x3xf64>) -> tensor<2x3xf64>
  return %y : tensor<2x3xf64>
}

// -----

// Test: f32 weights +-1e5 in an f16 product: the named op converts them to
// f16 (+-inf), which no finite multiplier reproduces.
func.func @scale_overflow(%x: tensor<2x2xf16>) -> tensor<2x2xf16> {
  %w = arith.constant dense<[[1.0e5, -1.0e5], [-1.0e5, 1.0e5]]> : tensor<2x2xf32>
  %s = lq.ste_sign %x : tensor<2x2xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<2x2xf16>
  %init = linalg.fill ins(%zero : f16) outs(%e : tensor<2x2xf16>) -> tensor<2x2xf16>
  // expected-remark @+1 {{not binarized: a weight scale overflows the result element type}}
  %y = linalg.matmul ins(%s, %w : tensor<2x2xf16>, tensor<2x2xf32>) outs(%init : tensor<2x2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}

// -----

// Test: +-1 weights but a float input.
func.func @conv_input_float(%x: tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  // expected-remark @+1 {{not binarized: the input is not sign-quantized}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%x, %w : tensor<1x4x4x1xf32>, tensor<3x3x1x1xf32>) outs(%init : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  return %y : tensor<1x2x2x1xf32>
}

// -----

// Test: a padded float input.
func.func @conv_padded_float(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32> {
  %w = arith.constant dense<-1.0> : tensor<3x3x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x1xf32> to tensor<1x6x6x1xf32>
  %e = tensor.empty() : tensor<1x4x4x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  // expected-remark @+1 {{not binarized: the padded input is not sign-quantized}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x1xf32>, tensor<3x3x1x1xf32>) outs(%init : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  return %y : tensor<1x4x4x1xf32>
}

// -----

// Test: padding of the channel axis.
func.func @channel_padding(%x: tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x2x1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, 0, 0, 0] high[0, 0, 0, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x1xf32> to tensor<1x4x4x2xf32>
  %e = tensor.empty() : tensor<1x2x2x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  // expected-remark @+1 {{not binarized: the padding is not static and spatial (H, W) only}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x1xf32>) outs(%init : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  return %y : tensor<1x2x2x1xf32>
}

// -----

// Test: a dynamic (run-time) padding amount.
func.func @dynamic_padding(%x: tensor<1x4x4x1xf32>, %n: index) -> tensor<1x?x4x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x1x1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, %n, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x1xf32> to tensor<1x?x6x1xf32>
  %c1 = arith.constant 1 : index
  %h = tensor.dim %p, %c1 : tensor<1x?x6x1xf32>
  %c2 = arith.constant 2 : index
  %oh = arith.subi %h, %c2 : index
  %e = tensor.empty(%oh) : tensor<1x?x4x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x?x4x1xf32>) -> tensor<1x?x4x1xf32>
  // expected-remark @+1 {{not binarized: the padding is not static and spatial (H, W) only}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x?x6x1xf32>, tensor<3x3x1x1xf32>) outs(%init : tensor<1x?x4x1xf32>) -> tensor<1x?x4x1xf32>
  return %y : tensor<1x?x4x1xf32>
}

// -----

// Test: a padding value known only at run time.
func.func @padding_value_not_constant(%x: tensor<1x4x4x1xf32>, %v: f32) -> tensor<1x4x4x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x1x1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %v : f32
  } : tensor<1x4x4x1xf32> to tensor<1x6x6x1xf32>
  %e = tensor.empty() : tensor<1x4x4x1xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  // expected-remark @+1 {{not binarized: the padding value is not a constant}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x1xf32>, tensor<3x3x1x1xf32>) outs(%init : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  return %y : tensor<1x4x4x1xf32>
}

// -----

// Test: a filter of dynamic shape.
func.func @dynamic_filter(%x: tensor<1x4x4x1xf32>, %w: tensor<3x3x1x?xf32>) -> tensor<1x2x2x?xf32> {
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  %q = lq.ste_sign %w : tensor<3x3x1x?xf32>
  %zero = arith.constant 0.0 : f32
  %c3 = arith.constant 3 : index
  %f = tensor.dim %w, %c3 : tensor<3x3x1x?xf32>
  %e = tensor.empty(%f) : tensor<1x2x2x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x?xf32>) -> tensor<1x2x2x?xf32>
  // expected-remark @+1 {{not binarized: the filter shape is dynamic or the result is not float}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %q : tensor<1x4x4x1xf32>, tensor<3x3x1x?xf32>) outs(%init : tensor<1x2x2x?xf32>) -> tensor<1x2x2x?xf32>
  return %y : tensor<1x2x2x?xf32>
}

// -----

// Test: a convolution accumulating into a non-zero tensor.
func.func @conv_nonzero_init(%x: tensor<1x4x4x1xf32>, %acc: tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x1x1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x1xf32>
  // expected-remark @+1 {{not binarized: the accumulator does not start at zero}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x1xf32>, tensor<3x3x1x1xf32>) outs(%acc : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
  return %y : tensor<1x2x2x1xf32>
}

// -----

// Test: a tosa.conv2d with a dynamic weight shape.
func.func @tosa_dynamic_weights(%x: tensor<1x4x4x3xf32>, %w: tensor<?x3x3x3xf32>) -> tensor<1x2x2x?xf32> {
  %b = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %q = lq.ste_sign %w : tensor<?x3x3x3xf32>
  // expected-remark @+1 {{not binarized: the weight shape is dynamic or the result is not float}}
  %y = tosa.conv2d %s, %q, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x3xf32>, tensor<?x3x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x?xf32>
  return %y : tensor<1x2x2x?xf32>
}

// -----

// Test: a tosa.conv2d zero point known only at run time.
func.func @tosa_conv_zero_point(%x: tensor<1x4x4x3xf32>, %zp: tensor<1xf32>) -> tensor<1x2x2x2xf32> {
  %w = "tosa.const"() <{values = dense<-1.0> : tensor<2x3x3x3xf32>}> : () -> tensor<2x3x3x3xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %wzp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  // expected-remark @+1 {{not binarized: a zero point is not 0}}
  %y = tosa.conv2d %s, %w, %b, %zp, %wzp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Test: tensor.pad with 1.0 (one padding) plus TOSA's own (zero) padding:
// one lq.bconv2d cannot pad with both values.
func.func @tosa_mixed_padding(%x: tensor<1x4x4x3xf32>) -> (tensor<1x3x3x2xf32>, tensor<1x4x4x2xf32>) {
  %w = "tosa.const"() <{values = dense<-1.0> : tensor<2x3x3x3xf32>}> : () -> tensor<2x3x3x3xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %one = arith.constant 1.0 : f32
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 0, 0, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %one : f32
  } : tensor<1x4x4x3xf32> to tensor<1x5x5x3xf32>
  // Without TOSA padding: binarized (pad_value = 1), no remark.
  %y = tosa.conv2d %p, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x5x5x3xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x3x2xf32>
  // expected-remark @+1 {{not binarized: mixed one padding and TOSA's zero padding}}
  %z = tosa.conv2d %p, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 1, 1>} : (tensor<1x5x5x3xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x2xf32>
  return %y, %z : tensor<1x3x3x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// Test: a run-time bias broadcast from one value (not per output channel).
func.func @tosa_scalar_runtime_bias(%x: tensor<1x4x4x3xf32>, %b: tensor<1xf32>) -> tensor<1x2x2x2xf32> {
  %w = "tosa.const"() <{values = dense<-1.0> : tensor<2x3x3x3xf32>}> : () -> tensor<2x3x3x3xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  // expected-remark @+1 {{not binarized: the bias is neither constant nor per output channel}}
  %y = tosa.conv2d %s, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Test: a matmul whose depth is dynamic.
func.func @dynamic_depth(%x: tensor<2x?xf32>, %w: tensor<?x3xf32>) -> tensor<2x3xf32> {
  %s = lq.ste_sign %x : tensor<2x?xf32>
  %q = lq.ste_sign %w : tensor<?x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-remark @+1 {{not binarized: the depth or the weights' shape is dynamic, or the result is not float}}
  %y = linalg.matmul ins(%s, %q : tensor<2x?xf32>, tensor<?x3xf32>) outs(%init : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Test: a tosa.matmul zero point known only at run time.
func.func @tosa_matmul_zero_point(%x: tensor<2x3x5xf32>, %w: tensor<2x5x4xf32>, %zp: tensor<1xf32>) -> tensor<2x3x4xf32> {
  %azp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<2x3x5xf32>
  %q = lq.ste_sign %w : tensor<2x5x4xf32>
  // expected-remark @+1 {{not binarized: a zero point is not 0}}
  %y = tosa.matmul %s, %q, %azp, %zp : (tensor<2x3x5xf32>, tensor<2x5x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

// Test: a matmul reading its lhs transposed ([K, M]).
func.func @transposed_lhs(%x: tensor<4x2xf32>, %w: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %s = lq.ste_sign %x : tensor<4x2xf32>
  %q = lq.ste_sign %w : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-remark @+1 {{not binarized: unsupported matmul indexing maps}}
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%s, %q : tensor<4x2xf32>, tensor<4x3xf32>) outs(%init : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Test: a batch_matmul with user-defined (transposed rhs) maps.
func.func @batch_matmul_maps(%x: tensor<2x3x4xf32>, %w: tensor<2x5x4xf32>) -> tensor<2x3x5xf32> {
  %s = lq.ste_sign %x : tensor<2x3x4xf32>
  %q = lq.ste_sign %w : tensor<2x5x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x5xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  // expected-remark @+1 {{not binarized: unsupported matmul indexing maps}}
  %y = linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
       ins(%s, %q : tensor<2x3x4xf32>, tensor<2x5x4xf32>) outs(%init : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}

// -----

// Test: a depthwise convolution (unsupported op).
func.func @depthwise(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x2xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  // expected-remark @+1 {{not binarized: unsupported layout or op 'linalg.depthwise_conv_2d_nhwc_hwc'}}
  %y = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x2xf32>, tensor<3x3x2xf32>) outs(%init : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Test: a product of two float operands is no candidate: no remark.
func.func @no_remark(%x: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%init : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
