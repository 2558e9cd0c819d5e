// RUN: lq-opt %s -split-input-file -verify-diagnostics

// Non-finite floats have no literal keyword in MLIR; they are written as the
// hexadecimal bit pattern of the f64: +inf = 0x7FF0000000000000,
// -inf = 0xFFF0000000000000, NaN = 0x7FF8000000000000.

//===----------------------------------------------------------------------===//
// clip_value must be finite
//===----------------------------------------------------------------------===//

// Test: clip_value = +inf is rejected (use `none` for no clipping).
func.func @ste_sign_clip_inf(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_sign' op attribute 'clip_value' must be finite}}
  %0 = lq.ste_sign %x {clip_value = 0x7FF0000000000000 : f64} : f32
  return %0 : f32
}

// -----

// Test: clip_value = -inf is rejected.
func.func @ste_sign_grad_clip_neg_inf(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_sign_grad' op attribute 'clip_value' must be finite}}
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0xFFF0000000000000 : f64} : f32
  return %0 : f32
}

// -----

// Test: clip_value = NaN is rejected.
func.func @ste_heaviside_clip_nan(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{'lq.ste_heaviside' op attribute 'clip_value' must be finite, got nan}}
  %0 = lq.ste_heaviside %x {clip_value = 0x7FF8000000000000 : f64} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: clip_value = NaN is rejected on the ste_heaviside gradient too.
func.func @ste_heaviside_grad_clip_nan(%x: f64, %dy: f64) -> f64 {
  // expected-error @+1 {{'lq.ste_heaviside_grad' op attribute 'clip_value' must be finite, got nan}}
  %0 = lq.ste_heaviside_grad %x, %dy {clip_value = 0x7FF8000000000000 : f64} : f64
  return %0 : f64
}

// -----

// Test: clip_value = +inf is rejected on magnitude_aware_sign.
func.func @magnitude_aware_sign_clip_inf(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign' op attribute 'clip_value' must be finite}}
  %0 = lq.magnitude_aware_sign %x {clip_value = 0x7FF0000000000000 : f64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: clip_value = NaN is rejected on the magnitude_aware_sign gradient.
func.func @magnitude_aware_sign_grad_clip_nan(%x: tensor<2x3xf32>, %dy: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign_grad' op attribute 'clip_value' must be finite, got nan}}
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = 0x7FF8000000000000 : f64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: clip_value = +inf is rejected on ste_tern.
func.func @ste_tern_clip_inf(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'lq.ste_tern' op attribute 'clip_value' must be finite}}
  %0 = lq.ste_tern %x {clip_value = 0x7FF0000000000000 : f64} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// Test: clip_value = NaN is rejected on the ste_tern gradient.
func.func @ste_tern_grad_clip_nan(%x: tensor<8xf32>, %dy: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'lq.ste_tern_grad' op attribute 'clip_value' must be finite, got nan}}
  %0 = lq.ste_tern_grad %x, %dy {clip_value = 0x7FF8000000000000 : f64} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// clip_value must be an f64 float or `none`
//===----------------------------------------------------------------------===//

// Test: a string clip_value (even "none") is not the `none` type attribute.
func.func @clip_string(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_sign' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = lq.ste_sign %x {clip_value = "none"} : f32
  return %0 : f32
}

// -----

// Test: an integer clip_value is rejected (write 1.0, not 1).
func.func @clip_integer(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_sign' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = lq.ste_sign %x {clip_value = 1 : i64} : f32
  return %0 : f32
}

// -----

// Test: an f32 clip_value is rejected: the bound is always an f64.
func.func @clip_f32(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_heaviside_grad' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = lq.ste_heaviside_grad %x, %dy {clip_value = 1.0 : f32} : f32
  return %0 : f32
}

// -----

// Test: a type attribute other than `none` is rejected.
func.func @clip_type(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = lq.magnitude_aware_sign %x {clip_value = f64} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Test: a unit clip_value is rejected.
func.func @clip_unit(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'lq.ste_tern' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = lq.ste_tern %x {clip_value} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Test: the generic form checks the clip_value kind as well.
func.func @clip_integer_generic(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_sign' op attribute 'clip_value' failed to satisfy constraint: 64-bit float clip bound, or `none` for no clipping}}
  %0 = "lq.ste_sign"(%x) <{clip_value = 0 : i32}> : (f32) -> f32
  return %0 : f32
}

// -----

//===----------------------------------------------------------------------===//
// beta and threshold_value
//===----------------------------------------------------------------------===//

// Test: beta = +inf is rejected.
func.func @swish_sign_beta_inf(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.swish_sign' op attribute 'beta' must be finite}}
  %0 = lq.swish_sign %x {beta = 0x7FF0000000000000 : f64} : f32
  return %0 : f32
}

// -----

// Test: beta = NaN is rejected on the gradient.
func.func @swish_sign_grad_beta_nan(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.swish_sign_grad' op attribute 'beta' must be finite, got nan}}
  %0 = lq.swish_sign_grad %x, %dy {beta = 0x7FF8000000000000 : f64} : f32
  return %0 : f32
}

// -----

// Test: beta must be an f64 float attribute, not an integer.
func.func @swish_sign_beta_integer(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.swish_sign' op attribute 'beta' failed to satisfy constraint: 64-bit float attribute}}
  %0 = lq.swish_sign %x {beta = 5} : f32
  return %0 : f32
}

// -----

// Test: threshold_value = +inf is rejected.
func.func @ste_tern_threshold_inf(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.ste_tern' op attribute 'threshold_value' must be finite}}
  %0 = lq.ste_tern %x {threshold_value = 0x7FF0000000000000 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: threshold_value = -inf is rejected on the gradient.
func.func @ste_tern_grad_threshold_neg_inf(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_tern_grad' op attribute 'threshold_value' must be finite}}
  %0 = lq.ste_tern_grad %x, %dy {threshold_value = 0xFFF0000000000000 : f64} : f32
  return %0 : f32
}

// -----

// Test: threshold_value = NaN is rejected, even when TWN ignores it.
func.func @ste_tern_threshold_nan(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.ste_tern' op attribute 'threshold_value' must be finite, got nan}}
  %0 = lq.ste_tern %x {threshold_value = 0x7FF8000000000000 : f64, ternary_weight_networks = true} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: ternary_weight_networks must be a bool.
func.func @ste_tern_twn_integer(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.ste_tern' op attribute 'ternary_weight_networks' failed to satisfy constraint: bool attribute}}
  %0 = lq.ste_tern %x {ternary_weight_networks = 1 : i64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ste_tern with ternary_weight_networks needs a ranked tensor
//===----------------------------------------------------------------------===//

// Test: TWN on a scalar is rejected (the threshold is a whole-tensor mean).
func.func @ste_tern_twn_scalar(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.ste_tern' op requires a ranked tensor operand with ternary_weight_networks = true (the threshold is computed over the whole tensor), got 'f32'}}
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : f32
  return %0 : f32
}

// -----

// Test: TWN on a vector is rejected.
func.func @ste_tern_twn_vector(%x: vector<8xf16>) -> vector<8xf16> {
  // expected-error @+1 {{'lq.ste_tern' op requires a ranked tensor operand with ternary_weight_networks = true (the threshold is computed over the whole tensor), got 'vector<8xf16>'}}
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : vector<8xf16>
  return %0 : vector<8xf16>
}

// -----

// Test: TWN on a vector is rejected on the gradient op as well.
func.func @ste_tern_grad_twn_vector(%x: vector<8xf32>, %dy: vector<8xf32>) -> vector<8xf32> {
  // expected-error @+1 {{'lq.ste_tern_grad' op requires a ranked tensor operand with ternary_weight_networks = true}}
  %0 = lq.ste_tern_grad %x, %dy {ternary_weight_networks = true} : vector<8xf32>
  return %0 : vector<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// dorefa: k_bit, mode
//===----------------------------------------------------------------------===//

// Test: k_bit = 0 is rejected.
func.func @dorefa_k_bit_zero(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' must be at least 1, got 0}}
  %0 = lq.dorefa %x {k_bit = 0} : f32
  return %0 : f32
}

// -----

// Test: a negative k_bit is rejected on the gradient.
func.func @dorefa_grad_k_bit_negative(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa_grad' op attribute 'k_bit' must be at least 1, got -3}}
  %0 = lq.dorefa_grad %x, %dy {k_bit = -3} : f32
  return %0 : f32
}

// -----

// Test: k_bit = 11 is the largest for f16 (11 significand bits); 12 fails.
func.func @dorefa_k_bit_f16(%x: f16) -> f16 {
  %0 = lq.dorefa %x {k_bit = 11} : f16
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' = 12 is too large for 'f16': 2^k_bit - 1 must be exact (k_bit <= 11)}}
  %1 = lq.dorefa %0 {k_bit = 12} : f16
  return %1 : f16
}

// -----

// Test: k_bit = 8 is the largest for bf16; 9 fails.
func.func @dorefa_k_bit_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = lq.dorefa %x {k_bit = 8, mode = "weights"} : tensor<4xbf16>
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' = 9 is too large for 'bf16': 2^k_bit - 1 must be exact (k_bit <= 8)}}
  %1 = lq.dorefa %0 {k_bit = 9, mode = "weights"} : tensor<4xbf16>
  return %1 : tensor<4xbf16>
}

// -----

// Test: k_bit = 24 is the largest for f32; 25 fails.
func.func @dorefa_k_bit_f32(%x: vector<4xf32>, %dy: vector<4xf32>) -> vector<4xf32> {
  %0 = lq.dorefa_grad %x, %dy {k_bit = 24} : vector<4xf32>
  // expected-error @+1 {{'lq.dorefa_grad' op attribute 'k_bit' = 25 is too large for 'f32': 2^k_bit - 1 must be exact (k_bit <= 24)}}
  %1 = lq.dorefa_grad %x, %0 {k_bit = 25} : vector<4xf32>
  return %1 : vector<4xf32>
}

// -----

// Test: k_bit = 53 is the largest for f64; 54 fails.
func.func @dorefa_k_bit_f64(%x: tensor<?xf64>) -> tensor<?xf64> {
  %0 = lq.dorefa %x {k_bit = 53} : tensor<?xf64>
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' = 54 is too large for 'f64': 2^k_bit - 1 must be exact (k_bit <= 53)}}
  %1 = lq.dorefa %0 {k_bit = 54} : tensor<?xf64>
  return %1 : tensor<?xf64>
}

// -----

// Test: a huge k_bit is rejected (and never reaches 2^k_bit).
func.func @dorefa_k_bit_huge(%x: f64) -> f64 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' = 4096 is too large for 'f64'}}
  %0 = lq.dorefa %x {k_bit = 4096} : f64
  return %0 : f64
}

// -----

// Test: k_bit must be an i64 integer attribute.
func.func @dorefa_k_bit_float(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = lq.dorefa %x {k_bit = 2.0} : f32
  return %0 : f32
}

// -----

// Test: k_bit must be a 64-bit integer, not an i32.
func.func @dorefa_k_bit_i32(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'k_bit' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = lq.dorefa %x {k_bit = 2 : i32} : f32
  return %0 : f32
}

// -----

// Test: an unknown DoReFa mode is rejected.
func.func @dorefa_unknown_mode(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'mode' must be "activations" or "weights", got "kernel"}}
  %0 = lq.dorefa %x {mode = "kernel"} : f32
  return %0 : f32
}

// -----

// Test: mode names are case-sensitive, and the gradient checks them too.
func.func @dorefa_grad_mode_case(%x: tensor<4xf32>, %dy: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.dorefa_grad' op attribute 'mode' must be "activations" or "weights", got "Weights"}}
  %0 = lq.dorefa_grad %x, %dy {mode = "Weights"} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: mode must be a string attribute.
func.func @dorefa_mode_not_string(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op attribute 'mode' failed to satisfy constraint: string attribute}}
  %0 = lq.dorefa %x {mode = 1 : i64} : f32
  return %0 : f32
}

// -----

// Test: weights mode on a scalar is rejected (D is a whole-tensor maximum).
func.func @dorefa_weights_scalar(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.dorefa' op requires a ranked tensor operand in "weights" mode (the scale is a maximum over the whole tensor), got 'f32'}}
  %0 = lq.dorefa %x {mode = "weights"} : f32
  return %0 : f32
}

// -----

// Test: weights mode on a vector is rejected.
func.func @dorefa_weights_vector(%x: vector<4x4xf32>) -> vector<4x4xf32> {
  // expected-error @+1 {{'lq.dorefa' op requires a ranked tensor operand in "weights" mode (the scale is a maximum over the whole tensor), got 'vector<4x4xf32>'}}
  %0 = lq.dorefa %x {mode = "weights"} : vector<4x4xf32>
  return %0 : vector<4x4xf32>
}

// -----

// Test: weights mode on a vector is rejected on the gradient.
func.func @dorefa_grad_weights_vector(%x: vector<4xf64>, %dy: vector<4xf64>) -> vector<4xf64> {
  // expected-error @+1 {{'lq.dorefa_grad' op requires a ranked tensor operand in "weights" mode}}
  %0 = lq.dorefa_grad %x, %dy {mode = "weights"} : vector<4xf64>
  return %0 : vector<4xf64>
}

// -----

//===----------------------------------------------------------------------===//
// noop: precision
//===----------------------------------------------------------------------===//

// Test: noop without its required precision is rejected.
func.func @noop_missing_precision(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.noop' op requires attribute 'precision'}}
  %0 = lq.noop %x : f32
  return %0 : f32
}

// -----

// Test: noop_grad without its required precision is rejected.
func.func @noop_grad_missing_precision(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.noop_grad' op requires attribute 'precision'}}
  %0 = lq.noop_grad %x, %dy : f32
  return %0 : f32
}

// -----

// Test: precision = 0 is rejected.
func.func @noop_precision_zero(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.noop' op attribute 'precision' must be at least 1, got 0}}
  %0 = lq.noop %x {precision = 0} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: a negative precision is rejected on the gradient.
func.func @noop_grad_precision_negative(%x: f32, %dy: f32) -> f32 {
  // expected-error @+1 {{'lq.noop_grad' op attribute 'precision' must be at least 1, got -1}}
  %0 = lq.noop_grad %x, %dy {precision = -1} : f32
  return %0 : f32
}

// -----

// Test: precision must be an integer.
func.func @noop_precision_float(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.noop' op attribute 'precision' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = lq.noop %x {precision = 1.0} : f32
  return %0 : f32
}

// -----

//===----------------------------------------------------------------------===//
// magnitude_aware_sign needs a ranked tensor
//===----------------------------------------------------------------------===//

// Test: magnitude_aware_sign on a vector is rejected by the verifier.
func.func @magnitude_aware_sign_vector(%x: vector<4xf32>) -> vector<4xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign' op operand #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'vector<4xf32>'}}
  %0 = "lq.magnitude_aware_sign"(%x) : (vector<4xf32>) -> vector<4xf32>
  return %0 : vector<4xf32>
}

// -----

// Test: magnitude_aware_sign on a scalar is rejected by the verifier.
func.func @magnitude_aware_sign_scalar(%x: f32) -> f32 {
  // expected-error @+1 {{'lq.magnitude_aware_sign' op operand #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'f32'}}
  %0 = "lq.magnitude_aware_sign"(%x) : (f32) -> f32
  return %0 : f32
}

// -----

// Test: the custom form of magnitude_aware_sign only parses a tensor type.
func.func @magnitude_aware_sign_vector_custom(%x: vector<4xf32>) -> vector<4xf32> {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'vector<4xf32>'}}
  %0 = lq.magnitude_aware_sign %x : vector<4xf32>
  return %0 : vector<4xf32>
}

// -----

// Test: the magnitude_aware_sign gradient on a scalar is rejected.
func.func @magnitude_aware_sign_grad_scalar(%x: f16, %dy: f16) -> f16 {
  // expected-error @+1 {{'lq.magnitude_aware_sign_grad' op operand #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'f16'}}
  %0 = "lq.magnitude_aware_sign_grad"(%x, %dy) : (f16, f16) -> f16
  return %0 : f16
}

// -----

// Test: magnitude_aware_sign on an unranked tensor is rejected.
func.func @magnitude_aware_sign_unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign' op operand #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'tensor<*xf32>'}}
  %0 = "lq.magnitude_aware_sign"(%x) : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Operand types
//===----------------------------------------------------------------------===//

// Test: an unranked tensor operand is rejected.
func.func @ste_sign_unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'lq.ste_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tensor<*xf32>'}}
  %0 = lq.ste_sign %x : tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// Test: an unranked tensor operand is rejected on a gradient op.
func.func @dorefa_grad_unranked(%x: tensor<*xf16>, %dy: tensor<*xf16>) -> tensor<*xf16> {
  // expected-error @+1 {{'lq.dorefa_grad' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tensor<*xf16>'}}
  %0 = lq.dorefa_grad %x, %dy : tensor<*xf16>
  return %0 : tensor<*xf16>
}

// -----

// Test: an integer scalar operand is rejected.
func.func @approx_sign_i32(%x: i32) -> i32 {
  // expected-error @+1 {{'lq.approx_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'i32'}}
  %0 = lq.approx_sign %x : i32
  return %0 : i32
}

// -----

// Test: a tensor of i32 is rejected.
func.func @ste_heaviside_tensor_i32(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+1 {{'lq.ste_heaviside' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tensor<4xi32>'}}
  %0 = lq.ste_heaviside %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Test: an index operand is rejected.
func.func @noop_index(%x: index) -> index {
  // expected-error @+1 {{'lq.noop' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'index'}}
  %0 = lq.noop %x {precision = 1} : index
  return %0 : index
}

// -----

// Test: an f8 element type is rejected.
func.func @ste_sign_f8(%x: tensor<4xf8E4M3FN>) -> tensor<4xf8E4M3FN> {
  // expected-error @+1 {{'lq.ste_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tensor<4xf8E4M3FN>'}}
  %0 = lq.ste_sign %x : tensor<4xf8E4M3FN>
  return %0 : tensor<4xf8E4M3FN>
}

// -----

// Test: a vector of f8E5M2 is rejected on a gradient op.
func.func @ste_tern_grad_f8(%x: vector<4xf8E5M2>, %dy: vector<4xf8E5M2>) -> vector<4xf8E5M2> {
  // expected-error @+1 {{'lq.ste_tern_grad' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'vector<4xf8E5M2>'}}
  %0 = lq.ste_tern_grad %x, %dy : vector<4xf8E5M2>
  return %0 : vector<4xf8E5M2>
}

// -----

// Test: tf32 is not one of the four float types.
func.func @swish_sign_tf32(%x: tf32) -> tf32 {
  // expected-error @+1 {{'lq.swish_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tf32'}}
  %0 = lq.swish_sign %x : tf32
  return %0 : tf32
}

// -----

// Test: f80 is rejected (and so never reaches the k_bit check).
func.func @dorefa_f80(%x: f80) -> f80 {
  // expected-error @+1 {{'lq.dorefa' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'f80'}}
  %0 = lq.dorefa %x : f80
  return %0 : f80
}

// -----

// Test: a complex element type is rejected.
func.func @ste_sign_complex(%x: tensor<2xcomplex<f32>>) -> tensor<2xcomplex<f32>> {
  // expected-error @+1 {{'lq.ste_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'tensor<2xcomplex<f32>>'}}
  %0 = lq.ste_sign %x : tensor<2xcomplex<f32>>
  return %0 : tensor<2xcomplex<f32>>
}

// -----

// Test: a memref operand is rejected (the ops work on values, not buffers).
func.func @ste_sign_memref(%x: memref<4xf32>) -> memref<4xf32> {
  // expected-error @+1 {{'lq.ste_sign' op operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor, but got 'memref<4xf32>'}}
  %0 = lq.ste_sign %x : memref<4xf32>
  return %0 : memref<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Types of x, dy and the result must agree
//===----------------------------------------------------------------------===//

// Test: x and dy of different element types.
func.func @grad_dy_element_type(%x: tensor<4xf32>, %dy: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.ste_sign_grad' op failed to verify that all of {x, dy, dx} have same type}}
  %0 = "lq.ste_sign_grad"(%x, %dy) : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: x and dy of different shapes.
func.func @grad_dy_shape(%x: tensor<4x8xf32>, %dy: tensor<8x4xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'lq.magnitude_aware_sign_grad' op failed to verify that all of {x, dy, dx} have same type}}
  %0 = "lq.magnitude_aware_sign_grad"(%x, %dy) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// Test: a static x with a dynamic dy is a mismatch too (no implicit cast:
// the custom form prints one type for x, dy and dx).
func.func @grad_dy_dynamic(%x: tensor<4xf32>, %dy: tensor<?xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.approx_sign_grad' op failed to verify that all of {x, dy, dx} have same type}}
  %0 = "lq.approx_sign_grad"(%x, %dy) : (tensor<4xf32>, tensor<?xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: a scalar x with a vector dy.
func.func @grad_dy_scalar_vector(%x: f32, %dy: vector<1xf32>) -> f32 {
  // expected-error @+1 {{'lq.dorefa_grad' op failed to verify that all of {x, dy, dx} have same type}}
  %0 = "lq.dorefa_grad"(%x, %dy) : (f32, vector<1xf32>) -> f32
  return %0 : f32
}

// -----

// Test: the gradient's result type differs from x and dy.
func.func @grad_result_type(%x: tensor<4xf32>, %dy: tensor<4xf32>) -> tensor<4xf64> {
  // expected-error @+1 {{'lq.swish_sign_grad' op failed to verify that all of {x, dy, dx} have same type}}
  %0 = "lq.swish_sign_grad"(%x, %dy) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: a forward op's result type differs from its operand (the result type
// is inferred from the operand).
func.func @forward_result_type(%x: tensor<4xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{'lq.ste_tern' op inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<?xf32>'}}
  // expected-error @+1 {{'lq.ste_tern' op failed to infer returned types}}
  %0 = "lq.ste_tern"(%x) : (tensor<4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Test: in the custom form, x and dy share one type, so a dy of another type
// is a use of a value at the wrong type.
func.func @grad_dy_type_custom(%x: tensor<4xf32>, %dy: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+2 {{use of value '%dy' expects different type than prior uses: 'tensor<4xf32>' vs 'tensor<4xf16>'}}
  // expected-note @-2 {{prior use here}}
  %0 = lq.ste_heaviside_grad %x, %dy : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: a gradient op needs both x and dy.
func.func @grad_missing_dy(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'lq.noop_grad' op expected 2 operands, but found 1}}
  %0 = "lq.noop_grad"(%x) <{precision = 1 : i64}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
