// RUN: lq-opt %s -canonicalize="test-convergence" -split-input-file | FileCheck %s

// Constant folding of every lq quantizer and pseudo-gradient at the edge
// values of the semantics contract (docs/Dialect.md). Every expected value was
// computed independently of the folder, one IEEE operation at a time in the
// element type, from the formulas of the contract; values that go through
// tanh/cosh (libm) pin only their sign and leading digits. Inputs that are not
// short decimals are written as hexadecimal bit patterns: 0x7FC00000 is an f32
// NaN, 0x7F800000 / 0xFF800000 are +-inf, 0x00000001 the smallest f32
// denormal.

//===----------------------------------------------------------------------===//
// Sign binarizers: +1 for x >= 0 (-0.0 included), -1 for x < 0, NaN -> +1
//===----------------------------------------------------------------------===//

// Test: ste_sign folds to sign(x): -0.0 and +0.0 give +1, the smallest
// negative denormal gives -1, NaN gives +1 whatever its sign bit (the
// documented choice).
// CHECK-LABEL: func.func @ste_sign_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00]> : tensor<10xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<10xf32>
func.func @ste_sign_f32() -> tensor<10xf32> {
  %x = arith.constant dense<[-1.5, -0.0, 0.0, 0x80000001, 0x00000001, 3.0, 0x7FC00000, 0xFFC00000, 0xFF800000, 0x7F800000]> : tensor<10xf32>
  %0 = lq.ste_sign %x : tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// Test: approx_sign folds to sign(x): -0.0 and +0.0 give +1, the smallest
// negative denormal gives -1, NaN gives +1 whatever its sign bit (the
// documented choice).
// CHECK-LABEL: func.func @approx_sign_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00]> : tensor<10xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<10xf32>
func.func @approx_sign_f32() -> tensor<10xf32> {
  %x = arith.constant dense<[-1.5, -0.0, 0.0, 0x80000001, 0x00000001, 3.0, 0x7FC00000, 0xFFC00000, 0xFF800000, 0x7F800000]> : tensor<10xf32>
  %0 = lq.approx_sign %x : tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// Test: swish_sign folds to sign(x): -0.0 and +0.0 give +1, the smallest
// negative denormal gives -1, NaN gives +1 whatever its sign bit (the
// documented choice).
// CHECK-LABEL: func.func @swish_sign_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00]> : tensor<10xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<10xf32>
func.func @swish_sign_f32() -> tensor<10xf32> {
  %x = arith.constant dense<[-1.5, -0.0, 0.0, 0x80000001, 0x00000001, 3.0, 0x7FC00000, 0xFFC00000, 0xFF800000, 0x7F800000]> : tensor<10xf32>
  %0 = lq.swish_sign %x : tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

// Test: sign on f64, including the f64 denormal edge.
// CHECK-LABEL: func.func @ste_sign_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, -1.000000e+00]> : tensor<7xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<7xf64>
func.func @ste_sign_f64() -> tensor<7xf64> {
  %x = arith.constant dense<[-0.0, 0.0, 0x8000000000000001, 0x0000000000000001, -2.5, 0x7FF8000000000000, 0xFFF0000000000000]> : tensor<7xf64>
  %0 = lq.ste_sign %x : tensor<7xf64>
  return %0 : tensor<7xf64>
}

// -----

// Test: sign on f16 (-0.0 -> +1, the f16 denormal -> -1).
// CHECK-LABEL: func.func @approx_sign_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, -1.000000e+00, 1.000000e+00]> : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf16>
func.func @approx_sign_f16() -> tensor<4xf16> {
  %x = arith.constant dense<[-0.0, -2.0, 0x8001, 0x7E00]> : tensor<4xf16>
  %0 = lq.approx_sign %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: swish_sign forward is a hard sign on a bf16 vector, beta ignored.
// CHECK-LABEL: func.func @swish_sign_bf16_vector()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00]> : vector<4xbf16>
//  CHECK-NEXT:   return %[[R]] : vector<4xbf16>
func.func @swish_sign_bf16_vector() -> vector<4xbf16> {
  %x = arith.constant dense<[-0.0, 0.5, -0.5, 0x7FC0]> : vector<4xbf16>
  %0 = lq.swish_sign %x {beta = 10.0} : vector<4xbf16>
  return %0 : vector<4xbf16>
}

// -----

// Test: a scalar -0.0 folds to +1.0; clip_value does not affect the forward.
// CHECK-LABEL: func.func @ste_sign_scalar_neg_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant 1.000000e+00 : f32
//  CHECK-NEXT:   return %[[R]] : f32
func.func @ste_sign_scalar_neg_zero() -> f32 {
  %x = arith.constant -0.0 : f32
  %0 = lq.ste_sign %x {clip_value = none} : f32
  return %0 : f32
}

// -----

// Test: a splat -0.0 tensor folds to a splat +1.
// CHECK-LABEL: func.func @ste_sign_splat()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<1.000000e+00> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @ste_sign_splat() -> tensor<2x2xf32> {
  %x = arith.constant dense<-0.0> : tensor<2x2xf32>
  %0 = lq.ste_sign %x : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ste_heaviside: 1 for x > 0, else 0 (both zeros and NaN give 0)
//===----------------------------------------------------------------------===//

// Test: heaviside on f32: both zeros -> 0, the smallest denormal -> 1, NaN -> 0.
// CHECK-LABEL: func.func @ste_heaviside_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @ste_heaviside_f32() -> tensor<9xf32> {
  %x = arith.constant dense<[-1.0, -0.0, 0.0, 0x00000001, 0.5, 0x7FC00000, 0xFFC00000, 0x7F800000, 0xFF800000]> : tensor<9xf32>
  %0 = lq.ste_heaviside %x : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: heaviside on f64.
// CHECK-LABEL: func.func @ste_heaviside_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 1.000000e+00, 0.000000e+00, 1.000000e+00]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @ste_heaviside_f64() -> tensor<4xf64> {
  %x = arith.constant dense<[-0.0, 0x0000000000000001, 0x8000000000000001, 2.0]> : tensor<4xf64>
  %0 = lq.ste_heaviside %x {clip_value = 0.5} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: heaviside on an f16 scalar -0.0 is 0.
// CHECK-LABEL: func.func @ste_heaviside_f16_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant 0.000000e+00 : f16
//  CHECK-NEXT:   return %[[R]] : f16
func.func @ste_heaviside_f16_scalar() -> f16 {
  %x = arith.constant -0.0 : f16
  %0 = lq.ste_heaviside %x : f16
  return %0 : f16
}

// -----

//===----------------------------------------------------------------------===//
// STE pseudo-gradients: |x| <= clip_value ? dy : 0, a select
//===----------------------------------------------------------------------===//

// Test: ste_sign_grad with the default clip 1.0: x = +-1 pass (inclusive), the
// next floats beyond +-1 do not, NaN and inf x give 0.
// CHECK-LABEL: func.func @ste_sign_grad_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @ste_sign_grad_f32() -> tensor<9xf32> {
  %x = arith.constant dense<[-1.0, 1.0, -1.0000001, 1.0000001, 0.0, -0.0, 0.5, 0x7FC00000, 0x7F800000]> : tensor<9xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<9xf32>
  %0 = lq.ste_sign_grad %x, %dy : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: ste_sign_grad: NaN/inf in dy do not leak where the mask is off (0, not
// NaN); where it is on, dy (NaN included) is passed through.
// CHECK-LABEL: func.func @ste_sign_grad_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0x7FC00000, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_sign_grad_nan_dy() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -2.0, 0x7FC00000, 0.5, 0xFF800000]> : tensor<5xf32>
  %dy = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7FC00000]> : tensor<5xf32>
  %0 = lq.ste_sign_grad %x, %dy : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_sign_grad with clip_value = none passes dy everywhere (NaN/inf x too).
// CHECK-LABEL: func.func @ste_sign_grad_clip_none()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_sign_grad_clip_none() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -3.0, 0x7FC00000, 0x7F800000, 0.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = none} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_sign_grad with clip_value = 0.0 passes dy only at x = +-0.
// CHECK-LABEL: func.func @ste_sign_grad_clip_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_sign_grad_clip_zero() -> tensor<5xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0x00000001, 0x80000001, 1.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0.0} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_heaviside_grad with the default clip 1.0: x = +-1 pass (inclusive), the
// next floats beyond +-1 do not, NaN and inf x give 0.
// CHECK-LABEL: func.func @ste_heaviside_grad_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @ste_heaviside_grad_f32() -> tensor<9xf32> {
  %x = arith.constant dense<[-1.0, 1.0, -1.0000001, 1.0000001, 0.0, -0.0, 0.5, 0x7FC00000, 0x7F800000]> : tensor<9xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<9xf32>
  %0 = lq.ste_heaviside_grad %x, %dy : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: ste_heaviside_grad: NaN/inf in dy do not leak where the mask is off (0, not
// NaN); where it is on, dy (NaN included) is passed through.
// CHECK-LABEL: func.func @ste_heaviside_grad_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0x7FC00000, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_heaviside_grad_nan_dy() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -2.0, 0x7FC00000, 0.5, 0xFF800000]> : tensor<5xf32>
  %dy = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7FC00000]> : tensor<5xf32>
  %0 = lq.ste_heaviside_grad %x, %dy : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_heaviside_grad with clip_value = none passes dy everywhere (NaN/inf x too).
// CHECK-LABEL: func.func @ste_heaviside_grad_clip_none()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_heaviside_grad_clip_none() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -3.0, 0x7FC00000, 0x7F800000, 0.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_heaviside_grad %x, %dy {clip_value = none} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_heaviside_grad with clip_value = 0.0 passes dy only at x = +-0.
// CHECK-LABEL: func.func @ste_heaviside_grad_clip_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_heaviside_grad_clip_zero() -> tensor<5xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0x00000001, 0x80000001, 1.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_heaviside_grad %x, %dy {clip_value = 0.0} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_tern_grad with the default clip 1.0: x = +-1 pass (inclusive), the
// next floats beyond +-1 do not, NaN and inf x give 0.
// CHECK-LABEL: func.func @ste_tern_grad_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @ste_tern_grad_f32() -> tensor<9xf32> {
  %x = arith.constant dense<[-1.0, 1.0, -1.0000001, 1.0000001, 0.0, -0.0, 0.5, 0x7FC00000, 0x7F800000]> : tensor<9xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<9xf32>
  %0 = lq.ste_tern_grad %x, %dy {threshold_value = 0.5} : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: ste_tern_grad: NaN/inf in dy do not leak where the mask is off (0, not
// NaN); where it is on, dy (NaN included) is passed through.
// CHECK-LABEL: func.func @ste_tern_grad_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0x7FC00000, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_tern_grad_nan_dy() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -2.0, 0x7FC00000, 0.5, 0xFF800000]> : tensor<5xf32>
  %dy = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7FC00000]> : tensor<5xf32>
  %0 = lq.ste_tern_grad %x, %dy {threshold_value = 0.5} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_tern_grad with clip_value = none passes dy everywhere (NaN/inf x too).
// CHECK-LABEL: func.func @ste_tern_grad_clip_none()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_tern_grad_clip_none() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -3.0, 0x7FC00000, 0x7F800000, 0.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_tern_grad %x, %dy {threshold_value = 0.5, clip_value = none} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: ste_tern_grad with clip_value = 0.0 passes dy only at x = +-0.
// CHECK-LABEL: func.func @ste_tern_grad_clip_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_tern_grad_clip_zero() -> tensor<5xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0x00000001, 0x80000001, 1.0]> : tensor<5xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %0 = lq.ste_tern_grad %x, %dy {threshold_value = 0.5, clip_value = 0.0} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: the bound is taken in the element type: f32(0.1) = 0.100000001 is
// above the f64 0.1, yet |x| <= f32(0.1) holds for x = +-f32(0.1).
// CHECK-LABEL: func.func @ste_sign_grad_clip_in_element_type()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @ste_sign_grad_clip_in_element_type() -> tensor<3xf32> {
  %x = arith.constant dense<[0.1, -0.1, 0.10000001]> : tensor<3xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0.1} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: f64 with clip_value = 2.5: inclusive at +-2.5.
// CHECK-LABEL: func.func @ste_sign_grad_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @ste_sign_grad_f64() -> tensor<4xf64> {
  %x = arith.constant dense<[2.5, -2.5, 2.5000000000000004, -2.5000000000000004]> : tensor<4xf64>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf64>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 2.5} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: f16: 1.0009765625 is the next f16 after 1.0 and is clipped.
// CHECK-LABEL: func.func @ste_sign_grad_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01, 0.000000e+00, 0x7C00]> : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf16>
func.func @ste_sign_grad_f16() -> tensor<4xf16> {
  %x = arith.constant dense<[1.0, -1.0, 1.001, -0.0]> : tensor<4xf16>
  %dy = arith.constant dense<[0.5, 0.25, 8.0, 0x7C00]> : tensor<4xf16>
  %0 = lq.ste_sign_grad %x, %dy : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: bf16: -1.0078125 is the next bf16 below -1.0 and is clipped.
// The mask is symmetric: x = -1.0 passes.
// CHECK-LABEL: func.func @ste_heaviside_grad_bf16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[3.000000e+00, 0.000000e+00, -2.000000e+00, 0.000000e+00]> : tensor<4xbf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xbf16>
func.func @ste_heaviside_grad_bf16() -> tensor<4xbf16> {
  %x = arith.constant dense<[-1.0, -1.0078125, 0.5, 0x7FC0]> : tensor<4xbf16>
  %dy = arith.constant dense<[3.0, 3.0, -2.0, 1.0]> : tensor<4xbf16>
  %0 = lq.ste_heaviside_grad %x, %dy : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// Test: scalar f32 at the bound.
// CHECK-LABEL: func.func @ste_sign_grad_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant 3.000000e+00 : f32
//  CHECK-NEXT:   return %[[R]] : f32
func.func @ste_sign_grad_scalar() -> f32 {
  %x = arith.constant -1.0 : f32
  %dy = arith.constant 3.0 : f32
  %0 = lq.ste_sign_grad %x, %dy : f32
  return %0 : f32
}

// -----

// Test: a splat x with a non-splat dy.
// CHECK-LABEL: func.func @ste_sign_grad_splat_x()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 0x7FC00000, -4.000000e+00]> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_sign_grad_splat_x() -> tensor<4xf32> {
  %x = arith.constant dense<0.5> : tensor<4xf32>
  %dy = arith.constant dense<[1.0, 2.0, 0x7FC00000, -4.0]> : tensor<4xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0.5} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: a non-splat x with a splat dy.
// CHECK-LABEL: func.func @ste_sign_grad_splat_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[7.000000e+00, 0.000000e+00, 7.000000e+00, 0.000000e+00]> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_sign_grad_splat_dy() -> tensor<4xf32> {
  %x = arith.constant dense<[0.5, -0.75, 0.25, 1.0]> : tensor<4xf32>
  %dy = arith.constant dense<7.0> : tensor<4xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0.5} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: vector operands fold to a vector constant.
// CHECK-LABEL: func.func @ste_sign_grad_vector()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 0.000000e+00, 1.000000e+00]> : vector<3xf64>
//  CHECK-NEXT:   return %[[R]] : vector<3xf64>
func.func @ste_sign_grad_vector() -> vector<3xf64> {
  %x = arith.constant dense<[-2.0, 3.0, 0.0]> : vector<3xf64>
  %dy = arith.constant dense<[1.0, 1.0, 1.0]> : vector<3xf64>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 2.0} : vector<3xf64>
  return %0 : vector<3xf64>
}

// -----

// Test: the ste_tern gradient is STE(clip) with TWN too, independent of t.
// CHECK-LABEL: func.func @ste_tern_grad_twn()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 0.000000e+00]> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_tern_grad_twn() -> tensor<4xf32> {
  %x = arith.constant dense<[0.25, 1.0, -1.0, 1.25]> : tensor<4xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = lq.ste_tern_grad %x, %dy {ternary_weight_networks = true} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// approx_sign_grad: |x| <= 1 ? (1 - |x|) * 2 * dy : 0
//===----------------------------------------------------------------------===//

// Test: approx_sign_grad on f32: 2*dy at +-0, 0 at |x| = 1 and beyond.
// CHECK-LABEL: func.func @approx_sign_grad_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[2.000000e+00, 2.000000e+00, 1.500000e+00, 2.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<11xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<11xf32>
func.func @approx_sign_grad_f32() -> tensor<11xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0.25, -0.5, 0.75, 1.0, -1.0, 1.0000001, 2.0, 0x7FC00000, 0x7F800000]> : tensor<11xf32>
  %dy = arith.constant dense<[1.0, 1.0, 1.0, 2.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]> : tensor<11xf32>
  %0 = lq.approx_sign_grad %x, %dy : tensor<11xf32>
  return %0 : tensor<11xf32>
}

// -----

// Test: NaN/inf dy give 0 where |x| > 1 (a select); inside the mask the
// formula applies: (1 - 1) * 2 * inf = NaN at x = 1, NaN dy stays NaN.
// CHECK-LABEL: func.func @approx_sign_grad_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0x{{7FC00000|FFC00000}}, 0x{{7FC00000|FFC00000}}]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @approx_sign_grad_nan_dy() -> tensor<5xf32> {
  %x = arith.constant dense<[2.0, -3.0, 0x7FC00000, 1.0, 0.5]> : tensor<5xf32>
  %dy = arith.constant dense<[0x7FC00000, 0x7F800000, 0x7FC00000, 0x7F800000, 0x7FC00000]> : tensor<5xf32>
  %0 = lq.approx_sign_grad %x, %dy : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: inexact f32 inputs, computed one f32 operation at a time:
// (1 - f32(0.1)) * 2 = f32(1.8) = 1.79999995 (printed 1.800000e+00),
// (1 - f32(0.3)) * 2 * 3 and (1 - f32(0.9)) * 2 * -1.
// CHECK-LABEL: func.func @approx_sign_grad_f32_rounding()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.800000e+00, 4.200000e+00, -0.200000048]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @approx_sign_grad_f32_rounding() -> tensor<3xf32> {
  %x = arith.constant dense<[0.1, -0.3, 0.9]> : tensor<3xf32>
  %dy = arith.constant dense<[1.0, 3.0, -1.0]> : tensor<3xf32>
  %0 = lq.approx_sign_grad %x, %dy : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: the same in f64.
// CHECK-LABEL: func.func @approx_sign_grad_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.800000e+00, 4.1999999999999993, -0.19999999999999996]> : tensor<3xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf64>
func.func @approx_sign_grad_f64() -> tensor<3xf64> {
  %x = arith.constant dense<[0.1, -0.3, 0.9]> : tensor<3xf64>
  %dy = arith.constant dense<[1.0, 3.0, -1.0]> : tensor<3xf64>
  %0 = lq.approx_sign_grad %x, %dy : tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// Test: f16 scalar: (1 - 0.5) * 2 * 3 = 3.
// CHECK-LABEL: func.func @approx_sign_grad_f16_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant 3.000000e+00 : f16
//  CHECK-NEXT:   return %[[R]] : f16
func.func @approx_sign_grad_f16_scalar() -> f16 {
  %x = arith.constant -0.5 : f16
  %dy = arith.constant 3.0 : f16
  %0 = lq.approx_sign_grad %x, %dy : f16
  return %0 : f16
}

// -----

// Test: bf16: (1 - bf16(0.1)) * 2 rounds in bf16.
// CHECK-LABEL: func.func @approx_sign_grad_bf16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.796880e+00, 1.000000e+00]> : tensor<2xbf16>
//  CHECK-NEXT:   return %[[R]] : tensor<2xbf16>
func.func @approx_sign_grad_bf16() -> tensor<2xbf16> {
  %x = arith.constant dense<[0.1, 0.5]> : tensor<2xbf16>
  %dy = arith.constant dense<[1.0, 1.0]> : tensor<2xbf16>
  %0 = lq.approx_sign_grad %x, %dy : tensor<2xbf16>
  return %0 : tensor<2xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// swish_sign_grad: dy * beta * (2 - bx * tanh(bx / 2)) / (1 + cosh(bx)), bx = beta * x
// tanh/cosh come from libm: values other than at x = 0 pin sign and leading digits.
//===----------------------------------------------------------------------===//

// Test: at x = +-0: tanh(0) = 0, cosh(0) = 1, so dx = dy * beta * 2 / 2 = 5 * dy.
// CHECK-LABEL: func.func @swish_sign_grad_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[5.000000e+00, 1.500000e+01, -2.500000e+00]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @swish_sign_grad_zero() -> tensor<3xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0.0]> : tensor<3xf32>
  %dy = arith.constant dense<[1.0, 3.0, -0.5]> : tensor<3xf32>
  %0 = lq.swish_sign_grad %x, %dy : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: beta is taken from the attribute: 10 * dy at x = 0 (f64).
// CHECK-LABEL: func.func @swish_sign_grad_zero_beta()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+01, 2.500000e+00]> : tensor<2xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf64>
func.func @swish_sign_grad_zero_beta() -> tensor<2xf64> {
  %x = arith.constant dense<[0.0, -0.0]> : tensor<2xf64>
  %dy = arith.constant dense<[1.0, 0.25]> : tensor<2xf64>
  %0 = lq.swish_sign_grad %x, %dy {beta = 10.0} : tensor<2xf64>
  return %0 : tensor<2xf64>
}

// -----

// Test: f32, beta = 5: positive for |x| < 2.3994/5 = 0.47988 (x = 0.2 -> +3.024,
// x = 0.47 -> +0.04706), negative beyond (x = +-1 -> -0.195, x = +-0.49 -> -0.04443).
// CHECK-LABEL: func.func @swish_sign_grad_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(3\.0236[0-9]*e\+00|3\.0236[0-9]*)}}, {{-(1\.9499[0-9]*e-01|0\.19499[0-9]*)}}, {{-(1\.9499[0-9]*e-01|0\.19499[0-9]*)}}, {{(4\.7062[0-9]*e-02|0\.047062[0-9]*)}}, {{-(4\.4426[0-9]*e-02|0\.044426[0-9]*)}}, {{-(4\.4426[0-9]*e-02|0\.044426[0-9]*)}}]> : tensor<6xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<6xf32>
func.func @swish_sign_grad_f32() -> tensor<6xf32> {
  %x = arith.constant dense<[0.2, 1.0, -1.0, 0.47, 0.49, -0.49]> : tensor<6xf32>
  %dy = arith.constant dense<[1.0, 1.0, 1.0, 1.0, 1.0, 1.0]> : tensor<6xf32>
  %0 = lq.swish_sign_grad %x, %dy : tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// Test: f64, beta = 5: positive for |x| < 2.3994/5 = 0.47988 (x = 0.2 -> +3.024,
// x = 0.47 -> +0.04706), negative beyond (x = +-1 -> -0.195, x = +-0.49 -> -0.04443).
// CHECK-LABEL: func.func @swish_sign_grad_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(3\.023661188[0-9]*e\+00|3\.023661188[0-9]*)}}, {{-(1\.949922549[0-9]*e-01|0\.1949922549[0-9]*)}}, {{-(1\.949922549[0-9]*e-01|0\.1949922549[0-9]*)}}, {{(4\.706256901[0-9]*e-02|0\.04706256901[0-9]*)}}, {{-(4\.442611113[0-9]*e-02|0\.04442611113[0-9]*)}}, {{-(4\.442611113[0-9]*e-02|0\.04442611113[0-9]*)}}]> : tensor<6xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<6xf64>
func.func @swish_sign_grad_f64() -> tensor<6xf64> {
  %x = arith.constant dense<[0.2, 1.0, -1.0, 0.47, 0.49, -0.49]> : tensor<6xf64>
  %dy = arith.constant dense<[1.0, 1.0, 1.0, 1.0, 1.0, 1.0]> : tensor<6xf64>
  %0 = lq.swish_sign_grad %x, %dy : tensor<6xf64>
  return %0 : tensor<6xf64>
}

// -----

// Test: beta = 10 moves the sign change to |x| = 0.23994: x = 0.23 -> +0.1974,
// x = +-0.25 -> -0.1692.
// CHECK-LABEL: func.func @swish_sign_grad_beta10()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(1\.9738[0-9]*e-01|0\.19738[0-9]*)}}, {{-(1\.6924[0-9]*e-01|0\.16924[0-9]*)}}, {{-(1\.6924[0-9]*e-01|0\.16924[0-9]*)}}]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @swish_sign_grad_beta10() -> tensor<3xf32> {
  %x = arith.constant dense<[0.23, 0.25, -0.25]> : tensor<3xf32>
  %dy = arith.constant dense<[1.0, 1.0, 1.0]> : tensor<3xf32>
  %0 = lq.swish_sign_grad %x, %dy {beta = 10.0} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: f32: cosh(100) overflows to inf, so dx = -490 / inf = -0.0 (the
// sign of a negative gradient survives); NaN in dy or x gives NaN.
// CHECK-LABEL: func.func @swish_sign_grad_overflow()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-0.000000e+00, -0.000000e+00, 0x{{7FC00000|FFC00000}}, 0x{{7FC00000|FFC00000}}]> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @swish_sign_grad_overflow() -> tensor<4xf32> {
  %x = arith.constant dense<[20.0, -20.0, 0.0, 0x7FC00000]> : tensor<4xf32>
  %dy = arith.constant dense<[1.0, 1.0, 0x7FC00000, 1.0]> : tensor<4xf32>
  %0 = lq.swish_sign_grad %x, %dy : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: f64: cosh(100) = 1.34e43 is finite: dx = -490 / (1 + cosh(100)) = -3.64e-41.
// CHECK-LABEL: func.func @swish_sign_grad_f64_tiny()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{-(3\.645674456[0-9]*e-41|3\.645674456[0-9]*E-41)}}> : tensor<1xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<1xf64>
func.func @swish_sign_grad_f64_tiny() -> tensor<1xf64> {
  %x = arith.constant dense<[20.0]> : tensor<1xf64>
  %dy = arith.constant dense<[1.0]> : tensor<1xf64>
  %0 = lq.swish_sign_grad %x, %dy : tensor<1xf64>
  return %0 : tensor<1xf64>
}

// -----

// Test: f16: cosh(15) = 1.6e6 is finite in f32 but overflows f16, so
// dx = -65 / inf = -0.0.
// CHECK-LABEL: func.func @swish_sign_grad_f16_overflow()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<-0.000000e+00> : tensor<2xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf16>
func.func @swish_sign_grad_f16_overflow() -> tensor<2xf16> {
  %x = arith.constant dense<[3.0, -3.0]> : tensor<2xf16>
  %dy = arith.constant dense<[1.0, 1.0]> : tensor<2xf16>
  %0 = lq.swish_sign_grad %x, %dy : tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

// Test: f16, computed in f16 one operation at a time (tanh/cosh via f32 libm).
// CHECK-LABEL: func.func @swish_sign_grad_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(3\.02[0-9]*e\+00|3\.02[0-9]*)}}, {{-(1\.95[0-9]*e-01|0\.195[0-9]*)}}, 5.000000e+00]> : tensor<3xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf16>
func.func @swish_sign_grad_f16() -> tensor<3xf16> {
  %x = arith.constant dense<[0.2, 1.0, 0.0]> : tensor<3xf16>
  %dy = arith.constant dense<[1.0, 1.0, 1.0]> : tensor<3xf16>
  %0 = lq.swish_sign_grad %x, %dy : tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

// Test: bf16, computed in bf16 one operation at a time (tanh/cosh via f32 libm).
// CHECK-LABEL: func.func @swish_sign_grad_bf16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(3\.0[0-9]*e\+00|3\.0[0-9]*)}}, {{-(1\.9[0-9]*e-01|0\.19[0-9]*)}}, 5.000000e+00]> : tensor<3xbf16>
//  CHECK-NEXT:   return %[[R]] : tensor<3xbf16>
func.func @swish_sign_grad_bf16() -> tensor<3xbf16> {
  %x = arith.constant dense<[0.2001953125, 1.0, 0.0]> : tensor<3xbf16>
  %dy = arith.constant dense<[1.0, 1.0, 1.0]> : tensor<3xbf16>
  %0 = lq.swish_sign_grad %x, %dy : tensor<3xbf16>
  return %0 : tensor<3xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// magnitude_aware_sign: scale[c] * sign(x), scale = mean(|x|) over all axes but the last
//===----------------------------------------------------------------------===//

// Test: rank 2, one scale per column: (1+3)/2 = 2, (2+4)/2 = 3, (0.5+0.5)/2 = 0.5.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank2()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}2.000000e+00, -3.000000e+00, 5.000000e-01], [-2.000000e+00, 3.000000e+00, -5.000000e-01]]> : tensor<2x3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x3xf32>
func.func @magnitude_aware_sign_rank2() -> tensor<2x3xf32> {
  %x = arith.constant dense<[[1.0, -2.0, 0.5], [-3.0, 4.0, -0.5]]> : tensor<2x3xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: rank 2 with -0.0 (sign +1) and an inexact mean: column 0 is
// (1 + 0 + 0)/3 = f32(1/3), column 1 is (0 + 2 + 1)/3 = 1.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank2_inexact()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}0.333333343, 1.000000e+00], [0.333333343, 1.000000e+00], [0.333333343, -1.000000e+00]]> : tensor<3x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3x2xf32>
func.func @magnitude_aware_sign_rank2_inexact() -> tensor<3x2xf32> {
  %x = arith.constant dense<[[1.0, -0.0], [0.0, 2.0], [-0.0, -1.0]]> : tensor<3x2xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Test: rank 4 (2x1x2x2, channels last): channel 0 = (1+2+3+4.5)/4 = 2.625,
// channel 1 = (0.25+0.5+0.75+1)/4 = 0.625.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank4()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[\[\[}}2.625000e+00, 6.250000e-01], [-2.625000e+00, 6.250000e-01]]], {{\[\[\[}}2.625000e+00, -6.250000e-01], [-2.625000e+00, 6.250000e-01]]]]> : tensor<2x1x2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x1x2x2xf32>
func.func @magnitude_aware_sign_rank4() -> tensor<2x1x2x2xf32> {
  %x = arith.constant dense<[[[[1.0, 0.25], [-2.0, 0.5]]], [[[3.0, -0.75], [-4.5, 1.0]]]]> : tensor<2x1x2x2xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<2x1x2x2xf32>
  return %0 : tensor<2x1x2x2xf32>
}

// -----

// Test: rank 4 f64 (3x1x1x2): channel 1 = (0.1 + 0.2 + 0.3)/3 with the sum
// accumulated in f64 (0.6000000000000001), then divided in f64.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank4_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[\[\[}}1.000000e+00, 0.20000000000000004]]], {{\[\[\[}}1.000000e+00, 0.20000000000000004]]], {{\[\[\[}}-1.000000e+00, -0.20000000000000004]]]]> : tensor<3x1x1x2xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<3x1x1x2xf64>
func.func @magnitude_aware_sign_rank4_f64() -> tensor<3x1x1x2xf64> {
  %x = arith.constant dense<[[[[1.0, 0.1]]], [[[1.0, 0.2]]], [[[-1.0, -0.3]]]]> : tensor<3x1x1x2xf64>
  %0 = lq.magnitude_aware_sign %x : tensor<3x1x1x2xf64>
  return %0 : tensor<3x1x1x2xf64>
}

// -----

// Test: rank 1: nothing to average, scale = |x|, so the result is |x| * sign(x):
// -0.0 -> +0.0, NaN -> NaN, -inf -> -inf.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank1()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-2.000000e+00, 5.000000e-01, 0.000000e+00, 0.000000e+00, 0x7FC00000, 0xFF800000]> : tensor<6xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<6xf32>
func.func @magnitude_aware_sign_rank1() -> tensor<6xf32> {
  %x = arith.constant dense<[-2.0, 0.5, -0.0, 0.0, 0x7FC00000, 0xFF800000]> : tensor<6xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// Test: rank 0: scale = |x|.
// CHECK-LABEL: func.func @magnitude_aware_sign_rank0()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<-2.500000e+00> : tensor<f32>
//  CHECK-NEXT:   return %[[R]] : tensor<f32>
func.func @magnitude_aware_sign_rank0() -> tensor<f32> {
  %x = arith.constant dense<-2.5> : tensor<f32>
  %0 = lq.magnitude_aware_sign %x : tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Test: a splat -0.0 has scale 0: the result is +0.0.
// CHECK-LABEL: func.func @magnitude_aware_sign_splat()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.000000e+00> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_splat() -> tensor<2x2xf32> {
  %x = arith.constant dense<-0.0> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: f16 sums accumulate in f64 and round once: 2048 + 1 + 1 + 0 = 2050
// (exact in f16), mean 512.5. Summing in f16 would give 2048 and 512.
// CHECK-LABEL: func.func @magnitude_aware_sign_f16_f64_sum()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}5.125000e+02], [5.125000e+02], [-5.125000e+02], [5.125000e+02]]> : tensor<4x1xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4x1xf16>
func.func @magnitude_aware_sign_f16_f64_sum() -> tensor<4x1xf16> {
  %x = arith.constant dense<[[2048.0], [1.0], [-1.0], [0.0]]> : tensor<4x1xf16>
  %0 = lq.magnitude_aware_sign %x : tensor<4x1xf16>
  return %0 : tensor<4x1xf16>
}

// -----

// Test: a NaN poisons only the scale of its own channel (channel 0 here).
// CHECK-LABEL: func.func @magnitude_aware_sign_nan_channel()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}0x7FC00000, -1.000000e+00], [0x7FC00000, 1.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_nan_channel() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0x7FC00000, -0.5], [2.0, 1.5]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign %x : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: bf16 rank 2.
// CHECK-LABEL: func.func @magnitude_aware_sign_bf16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.500000e+00, -3.750000e-01], [-1.500000e+00, 3.750000e-01]]> : tensor<2x2xbf16>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xbf16>
func.func @magnitude_aware_sign_bf16() -> tensor<2x2xbf16> {
  %x = arith.constant dense<[[1.0, -0.5], [-2.0, 0.25]]> : tensor<2x2xbf16>
  %0 = lq.magnitude_aware_sign %x : tensor<2x2xbf16>
  return %0 : tensor<2x2xbf16>
}

// -----

// Test: clip_value does not change the forward value.
// CHECK-LABEL: func.func @magnitude_aware_sign_clip_none()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.500000e+00, -3.750000e-01], [-1.500000e+00, 3.750000e-01]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_clip_none() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[1.0, -0.5], [-2.0, 0.25]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign %x {clip_value = none} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// magnitude_aware_sign_grad: |x| <= clip ? scale[c] * dy : 0
//===----------------------------------------------------------------------===//

// Test: scales (0.5+1.5)/2 = 1 and (2+1)/2 = 1.5; |x| > 1 is masked.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_rank2()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_rank2() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.5, -2.0], [-1.5, 1.0]]> : tensor<2x2xf32>
  %dy = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: clip_value = none: scale * dy everywhere.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_clip_none()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 3.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_clip_none() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.5, -2.0], [-1.5, 1.0]]> : tensor<2x2xf32>
  %dy = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = none} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: clip_value = 0.0: only x = +-0 pass (scale 1.5 and 1).
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_clip_zero()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}3.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_clip_zero() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.0, -1.0], [-3.0, -0.0]]> : tensor<2x2xf32>
  %dy = arith.constant dense<[[2.0, 2.0], [2.0, 2.0]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = 0.0} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: NaN/inf dy where |x| > clip give 0.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.500000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_nan_dy() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.5, -2.0], [-1.5, 1.0]]> : tensor<2x2xf32>
  %dy = arith.constant dense<[[1.0, 0x7FC00000], [0x7F800000, 1.0]]> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: rank 4 with the per-channel scale 2.625 / 0.625 (see the forward test)
// and clip_value = 3.0: |-4.5| is masked.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_rank4()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[\[\[}}2.625000e+00, 1.250000e+00], [2.625000e+00, 1.250000e+00]]], {{\[\[\[}}2.625000e+00, 1.250000e+00], [0.000000e+00, 1.250000e+00]]]]> : tensor<2x1x2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x1x2x2xf32>
func.func @magnitude_aware_sign_grad_rank4() -> tensor<2x1x2x2xf32> {
  %x = arith.constant dense<[[[[1.0, 0.25], [-2.0, 0.5]]], [[[3.0, -0.75], [-4.5, 1.0]]]]> : tensor<2x1x2x2xf32>
  %dy = arith.constant dense<[[[[1.0, 2.0], [1.0, 2.0]]], [[[1.0, 2.0], [1.0, 2.0]]]]> : tensor<2x1x2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = 3.0} : tensor<2x1x2x2xf32>
  return %0 : tensor<2x1x2x2xf32>
}

// -----

// Test: f32 scale 1/3 times dy = 3 rounds once: f32(1/3) * 3 = 1.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_inexact()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 1.000000e+00], [1.000000e+00, 1.000000e+00], [0.166666672, 1.000000e+00]]> : tensor<3x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3x2xf32>
func.func @magnitude_aware_sign_grad_inexact() -> tensor<3x2xf32> {
  %x = arith.constant dense<[[1.0, -0.0], [0.0, 2.0], [-0.0, -1.0]]> : tensor<3x2xf32>
  %dy = arith.constant dense<[[3.0, 1.0], [3.0, 1.0], [0.5, 1.0]]> : tensor<3x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = 2.0} : tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Test: rank 1: scale = |x|, so dx = |x| * dy inside the mask.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_rank1()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @magnitude_aware_sign_grad_rank1() -> tensor<4xf64> {
  %x = arith.constant dense<[0.5, -0.25, 2.0, -0.0]> : tensor<4xf64>
  %dy = arith.constant dense<[2.0, 4.0, 1.0, 5.0]> : tensor<4xf64>
  %0 = lq.magnitude_aware_sign_grad %x, %dy : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: a splat dy with a non-splat x.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_splat_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}2.000000e+00, 0.000000e+00], [0.000000e+00, 3.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_splat_dy() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.5, -2.0], [-1.5, 1.0]]> : tensor<2x2xf32>
  %dy = arith.constant dense<2.0> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ste_tern: +1 for x >= t, -1 for x <= -t, 0 in between
//===----------------------------------------------------------------------===//

// Test: default threshold 0.05, taken in f32 (0.0500000007): exactly +-t go
// to +-1, the next float inside goes to 0; NaN -> 0 (the documented choice).
// CHECK-LABEL: func.func @ste_tern_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, -1.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @ste_tern_f32() -> tensor<9xf32> {
  %x = arith.constant dense<[0.05, -0.05, 0.049999997, -0.049999997, 0.0, -0.0, 1.0, -1.0, 0x7FC00000]> : tensor<9xf32>
  %0 = lq.ste_tern %x : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: f64 with the default threshold: inclusive at +-0.05.
// CHECK-LABEL: func.func @ste_tern_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @ste_tern_f64() -> tensor<4xf64> {
  %x = arith.constant dense<[0.05, -0.05, 0.049999999999999996, -0.049999999999999996]> : tensor<4xf64>
  %0 = lq.ste_tern %x : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: f16 with threshold_value = 0.1: t is f16(0.1) = 0.0999755859, below the
// f64 0.1, and x = +-f16(0.1) still reach +-1 (the comparison is in f16).
// CHECK-LABEL: func.func @ste_tern_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, -1.000000e+00]> : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf16>
func.func @ste_tern_f16() -> tensor<4xf16> {
  %x = arith.constant dense<[0.1, -0.1, 0.0999, -0.5]> : tensor<4xf16>
  %0 = lq.ste_tern %x {threshold_value = 0.1} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: f32 with threshold_value = 0.7: f32(0.7) = 0.699999988 is below the f64
// 0.7; x = +-f32(0.7) go to +-1.
// CHECK-LABEL: func.func @ste_tern_f32_threshold_rounds_down()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, 1.000000e+00]> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_tern_f32_threshold_rounds_down() -> tensor<4xf32> {
  %x = arith.constant dense<[0.7, -0.7, 0.6999999, 0.70000005]> : tensor<4xf32>
  %0 = lq.ste_tern %x {threshold_value = 0.7} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: t = 0 gives a sign with sign(0) = 0 (both zeros).
// CHECK-LABEL: func.func @ste_tern_zero_threshold()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[-1.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, -1.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @ste_tern_zero_threshold() -> tensor<5xf32> {
  %x = arith.constant dense<[-2.0, -0.0, 0.0, 0x00000001, 0x80000001]> : tensor<5xf32>
  %0 = lq.ste_tern %x {threshold_value = 0.0} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: a negative threshold acts like |t|: t = -0.5 ternarizes as 0.5.
// CHECK-LABEL: func.func @ste_tern_negative_threshold()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00]> : tensor<6xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<6xf32>
func.func @ste_tern_negative_threshold() -> tensor<6xf32> {
  %x = arith.constant dense<[0.5, -0.5, 0.25, -0.25, 0.49999997, 2.0]> : tensor<6xf32>
  %0 = lq.ste_tern %x {threshold_value = -0.5} : tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

// Test: scalar f64.
// CHECK-LABEL: func.func @ste_tern_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant -1.000000e+00 : f64
//  CHECK-NEXT:   return %[[R]] : f64
func.func @ste_tern_scalar() -> f64 {
  %x = arith.constant -0.25 : f64
  %0 = lq.ste_tern %x {threshold_value = 0.25} : f64
  return %0 : f64
}

// -----

// Test: a bf16 vector.
// CHECK-LABEL: func.func @ste_tern_vector()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 0.000000e+00, -1.000000e+00]> : vector<3xbf16>
//  CHECK-NEXT:   return %[[R]] : vector<3xbf16>
func.func @ste_tern_vector() -> vector<3xbf16> {
  %x = arith.constant dense<[0.5, 0.49609375, -1.0]> : vector<3xbf16>
  %0 = lq.ste_tern %x {threshold_value = 0.5} : vector<3xbf16>
  return %0 : vector<3xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// ste_tern, ternary_weight_networks: t = 0.7 * sum(|x|) / size(x) over the whole tensor
//===----------------------------------------------------------------------===//

// Test: |x| sums to exactly 8 (f32(0.7) = 0.699999988, its predecessor, 5.19999981
// and 3.57627869e-07), so t = f32(0.7) * 8 / 8 = f32(0.7) exactly: +-t -> +-1,
// the next float inside -> 0.
// CHECK-LABEL: func.func @ste_tern_twn_at_threshold()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<8xf32>
func.func @ste_tern_twn_at_threshold() -> tensor<8xf32> {
  %x = arith.constant dense<[0.7, -0.7, 0.6999999, -0.6999999, 5.2, 0x34C00000, 0.0, 0.0]> : tensor<8xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// Test: t = 0.7 * 2.3 / 4 = 0.4025: the small values drop to 0 (with the
// default threshold 0.05 they would not).
// CHECK-LABEL: func.func @ste_tern_twn_simple()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}0.000000e+00, 0.000000e+00], [1.000000e+00, -1.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @ste_tern_twn_simple() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.1, 0.2], [1.0, -1.0]]> : tensor<2x2xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: threshold_value is ignored with TWN.
// CHECK-LABEL: func.func @ste_tern_twn_ignores_threshold_value()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}0.000000e+00, 0.000000e+00], [1.000000e+00, -1.000000e+00]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @ste_tern_twn_ignores_threshold_value() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.1, 0.2], [1.0, -1.0]]> : tensor<2x2xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true, threshold_value = 5.0} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: f64: |x| sums to exactly 8, so t = 0.7 * 8 / 8 = 0.7.
// CHECK-LABEL: func.func @ste_tern_twn_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, -1.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<2x4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<2x4xf64>
func.func @ste_tern_twn_f64() -> tensor<2x4xf64> {
  %x = arith.constant dense<[[0.7, -0.7, 0.6999999999999998, -0.6999999999999998], [5.2, 0x3CB0000000000000, 0.0, 0.0]]> : tensor<2x4xf64>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<2x4xf64>
  return %0 : tensor<2x4xf64>
}

// -----

// Test: f16: the sum 2484.5 is accumulated in f64 and rounded once to 2484,
// t = f16(f16(0.7) * 2484) / 4 = 434.75 > 434.5. Summing in f16 would give
// t = 434.5 and map 434.5 to +1.
// CHECK-LABEL: func.func @ste_tern_twn_f16_f64_sum()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf16>
func.func @ste_tern_twn_f16_f64_sum() -> tensor<4xf16> {
  %x = arith.constant dense<[2048.0, 1.0, 1.0, 434.5]> : tensor<4xf16>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: a splat: t = 0.7 * 8 / 4 = 1.4 < 2, all -1.
// CHECK-LABEL: func.func @ste_tern_twn_splat()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<-1.000000e+00> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_tern_twn_splat() -> tensor<4xf32> {
  %x = arith.constant dense<-2.0> : tensor<4xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: a NaN anywhere makes the TWN threshold NaN, and every element then
// ternarizes to 0 (x +- NaN has no sign).
// CHECK-LABEL: func.func @ste_tern_twn_nan()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @ste_tern_twn_nan() -> tensor<4xf32> {
  %x = arith.constant dense<[1.0, 0x7FC00000, -2.0, 0x7F800000]> : tensor<4xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: all zeros: t = 0, sign(0) = 0.
// CHECK-LABEL: func.func @ste_tern_twn_zeros()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.000000e+00> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @ste_tern_twn_zeros() -> tensor<3xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0.0]> : tensor<3xf32>
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// dorefa, mode = "activations": round(clip(x, 0, 1) * n) / n, half to even
//===----------------------------------------------------------------------===//

// Test: k_bit = 1 (n = 1): 0.5 is a tie and goes to 0; clip at 0 and 1
// (-0.0 -> +0.0); NaN propagates.
// CHECK-LABEL: func.func @dorefa_k1()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 0x{{7FC00000|FFC00000}}, 1.000000e+00, 0.000000e+00]> : tensor<12xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<12xf32>
func.func @dorefa_k1() -> tensor<12xf32> {
  %x = arith.constant dense<[-1.0, -0.0, 0.0, 0.25, 0.5, 0.50000006, 0.75, 1.0, 2.0, 0x7FC00000, 0x7F800000, 0xFF800000]> : tensor<12xf32>
  %0 = lq.dorefa %x {k_bit = 1} : tensor<12xf32>
  return %0 : tensor<12xf32>
}

// -----

// Test: k_bit = 2 (n = 3): x = f32(1/6) -> 0.5 -> 0; x = 0.5 -> 1.5 -> 2 -> 2/3;
// x = f32(5/6) -> 2.5 -> 2 -> 2/3; the float after f32(1/6) -> 1/3.
// CHECK-LABEL: func.func @dorefa_k2()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.666666686, 0.666666686, 0.333333343, 0.333333343, 1.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<8xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<8xf32>
func.func @dorefa_k2() -> tensor<8xf32> {
  %x = arith.constant dense<[0.16666667, 0.5, 0.8333333, 0.16666669, 0.25, 1.0, 1.5, -0.5]> : tensor<8xf32>
  %0 = lq.dorefa %x : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// Test: k_bit = 3 (n = 7): 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, 3.5 -> 4 (ties to even).
// CHECK-LABEL: func.func @dorefa_k3()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.285714298, 0.285714298, 0.571428597, 1.000000e+00]> : tensor<5xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<5xf32>
func.func @dorefa_k3() -> tensor<5xf32> {
  %x = arith.constant dense<[0.071428575, 0.21428572, 0.35714287, 0.5, 1.0]> : tensor<5xf32>
  %0 = lq.dorefa %x {k_bit = 3} : tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// Test: k_bit = 2 in f64: the same ties.
// CHECK-LABEL: func.func @dorefa_k2_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.66666666666666663, 0.66666666666666663, 0.000000e+00, 1.000000e+00, 1.000000e+00]> : tensor<6xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<6xf64>
func.func @dorefa_k2_f64() -> tensor<6xf64> {
  %x = arith.constant dense<[0.16666666666666666, 0.5, 0.8333333333333334, -0.0, 1.0, 3.0]> : tensor<6xf64>
  %0 = lq.dorefa %x {mode = "activations"} : tensor<6xf64>
  return %0 : tensor<6xf64>
}

// -----

// Test: scalar f32 0.5 -> 2/3.
// CHECK-LABEL: func.func @dorefa_k2_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant 0.666666686 : f32
//  CHECK-NEXT:   return %[[R]] : f32
func.func @dorefa_k2_scalar() -> f32 {
  %x = arith.constant 0.5 : f32
  %0 = lq.dorefa %x {k_bit = 2} : f32
  return %0 : f32
}

// -----

// Test: f16, k_bit = 1.
// CHECK-LABEL: func.func @dorefa_k1_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00]> : tensor<4xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf16>
func.func @dorefa_k1_f16() -> tensor<4xf16> {
  %x = arith.constant dense<[0.5, 0.25, 0.75, -1.0]> : tensor<4xf16>
  %0 = lq.dorefa %x {k_bit = 1} : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Test: a bf16 vector, k_bit = 2.
// CHECK-LABEL: func.func @dorefa_k2_bf16_vector()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[6.679690e-01, 0.000000e+00, 1.000000e+00, 0.000000e+00]> : vector<4xbf16>
//  CHECK-NEXT:   return %[[R]] : vector<4xbf16>
func.func @dorefa_k2_bf16_vector() -> vector<4xbf16> {
  %x = arith.constant dense<[0.5, 0.1669921875, 1.0, 0.0]> : vector<4xbf16>
  %0 = lq.dorefa %x : vector<4xbf16>
  return %0 : vector<4xbf16>
}

// -----

// Test: f16 at its largest k_bit, 11 (n = 2047): 0.5 -> 1023.5 -> 1024 -> 1024/2047.
// CHECK-LABEL: func.func @dorefa_k11_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[5.004880e-01, 1.000000e+00]> : tensor<2xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf16>
func.func @dorefa_k11_f16() -> tensor<2xf16> {
  %x = arith.constant dense<[0.5, 1.0]> : tensor<2xf16>
  %0 = lq.dorefa %x {k_bit = 11} : tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

// Test: bf16 at its largest k_bit, 8 (n = 255): 0.5 -> 127.5 -> 128 -> 128/255.
// CHECK-LABEL: func.func @dorefa_k8_bf16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[5.039060e-01, 1.000000e+00]> : tensor<2xbf16>
//  CHECK-NEXT:   return %[[R]] : tensor<2xbf16>
func.func @dorefa_k8_bf16() -> tensor<2xbf16> {
  %x = arith.constant dense<[0.5, 1.0]> : tensor<2xbf16>
  %0 = lq.dorefa %x {k_bit = 8} : tensor<2xbf16>
  return %0 : tensor<2xbf16>
}

// -----

// Test: f32 at its largest k_bit, 24: 0.5 * (2^24 - 1) is an exact tie -> 2^23.
// CHECK-LABEL: func.func @dorefa_k24_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.50000006, 1.000000e+00]> : tensor<2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf32>
func.func @dorefa_k24_f32() -> tensor<2xf32> {
  %x = arith.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %0 = lq.dorefa %x {k_bit = 24} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Test: f64 at its largest k_bit, 53: 0.5 * (2^53 - 1) is an exact tie -> 2^52.
// CHECK-LABEL: func.func @dorefa_k53_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.50000000000000011, 1.000000e+00]> : tensor<2xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf64>
func.func @dorefa_k53_f64() -> tensor<2xf64> {
  %x = arith.constant dense<[0.5, 1.0]> : tensor<2xf64>
  %0 = lq.dorefa %x {k_bit = 53} : tensor<2xf64>
  return %0 : tensor<2xf64>
}

// -----

//===----------------------------------------------------------------------===//
// dorefa_grad, mode = "activations": 0 <= x <= 1 ? dy : 0 (inclusive)
//===----------------------------------------------------------------------===//

// Test: the mask is inclusive at 0 (and -0.0) and 1; NaN x -> 0.
// CHECK-LABEL: func.func @dorefa_grad_activations()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 0.000000e+00, 0.000000e+00, 6.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<9xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<9xf32>
func.func @dorefa_grad_activations() -> tensor<9xf32> {
  %x = arith.constant dense<[-0.0, 0.0, 1.0, 0x80000001, 1.0000001, 0.5, 0x7FC00000, -1.0, 2.0]> : tensor<9xf32>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<9xf32>
  %0 = lq.dorefa_grad %x, %dy {k_bit = 3} : tensor<9xf32>
  return %0 : tensor<9xf32>
}

// -----

// Test: NaN/inf dy do not leak outside [0, 1] (f64).
// CHECK-LABEL: func.func @dorefa_grad_activations_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 0x7FF8000000000000, 0xFFF0000000000000]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_grad_activations_nan_dy() -> tensor<4xf64> {
  %x = arith.constant dense<[-0.5, 1.5, 0.5, 1.0]> : tensor<4xf64>
  %dy = arith.constant dense<[0x7FF8000000000000, 0x7FF0000000000000, 0x7FF8000000000000, 0xFFF0000000000000]> : tensor<4xf64>
  %0 = lq.dorefa_grad %x, %dy : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

//===----------------------------------------------------------------------===//
// dorefa, mode = "weights": l = tanh(x), D = max|l|, p = l/(2D) + 0.5,
// y = 2 * round(p * n) / n - 1. tanh(20) is exactly 1.0 in f16/f32/f64, so D = 1.
//===----------------------------------------------------------------------===//

// Test: k_bit = 1, D = 1: p = 1, 0, 0.5, 0.5; a zero weight is a tie and
// goes to -1.
// CHECK-LABEL: func.func @dorefa_weights_k1()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, -1.000000e+00, -1.000000e+00]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_weights_k1() -> tensor<4xf64> {
  %x = arith.constant dense<[20.0, -20.0, 0.0, -0.0]> : tensor<4xf64>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 1} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: k_bit = 2, D = 1: p = 1, 0, 0.5, 0.5; a zero weight is a tie and
// goes to 2 * f64(2/3) - 1 ~ +1/3.
// CHECK-LABEL: func.func @dorefa_weights_k2()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.33333333333333326, 0.33333333333333326]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_weights_k2() -> tensor<4xf64> {
  %x = arith.constant dense<[20.0, -20.0, 0.0, -0.0]> : tensor<4xf64>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 2} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: k_bit = 3, D = 1: p = 1, 0, 0.5, 0.5; a zero weight is a tie and
// goes to 2 * f64(4/7) - 1 ~ +1/7.
// CHECK-LABEL: func.func @dorefa_weights_k3()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 0.14285714285714279, 0.14285714285714279]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_weights_k3() -> tensor<4xf64> {
  %x = arith.constant dense<[20.0, -20.0, 0.0, -0.0]> : tensor<4xf64>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 3} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: f32, k_bit = 2: zero -> 2 * f32(2/3) - 1 = 0.333333373 (not f32(1/3));
// x = 0.5: p = tanh(0.5)/2 + 0.5 = 0.731, 2.19 -> 2 -> the same.
// CHECK-LABEL: func.func @dorefa_weights_f32()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, -1.000000e+00], [0.333333373, 0.333333373]]> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @dorefa_weights_f32() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[20.0, -20.0], [0.0, 0.5]]> : tensor<2x2xf32>
  %0 = lq.dorefa %x {mode = "weights"} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: f64, D = tanh(0.5) is the maximum over the whole tensor: p = 1 for
// x = 0.5, p(-0.25) = 0.235 -> 0.705 -> 1 -> 2 * f64(1/3) - 1, p(0) = 0.5 and
// p(0.125) = 0.635 -> 2 -> 2 * f64(2/3) - 1.
// CHECK-LABEL: func.func @dorefa_weights_whole_tensor_max()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -0.33333333333333337, 0.33333333333333326, 0.33333333333333326]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_weights_whole_tensor_max() -> tensor<4xf64> {
  %x = arith.constant dense<[0.5, -0.25, 0.0, 0.125]> : tensor<4xf64>
  %0 = lq.dorefa %x {mode = "weights"} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: f16, k_bit = 2, D = 1.
// CHECK-LABEL: func.func @dorefa_weights_f16()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00, 3.330080e-01]> : tensor<3xf16>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf16>
func.func @dorefa_weights_f16() -> tensor<3xf16> {
  %x = arith.constant dense<[20.0, -20.0, 0.0]> : tensor<3xf16>
  %0 = lq.dorefa %x {mode = "weights"} : tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

// Test: all zeros: D = 0, p = 0.5 everywhere: k_bit = 1 gives -1.
// CHECK-LABEL: func.func @dorefa_weights_zeros_k1()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<-1.000000e+00> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @dorefa_weights_zeros_k1() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.0, -0.0], [0.0, 0.0]]> : tensor<2x2xf32>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 1} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: all zeros: D = 0, p = 0.5 everywhere: k_bit = 2 gives 2 * f32(2/3) - 1.
// CHECK-LABEL: func.func @dorefa_weights_zeros_k2()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.333333373> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @dorefa_weights_zeros_k2() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.0, -0.0], [0.0, 0.0]]> : tensor<2x2xf32>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 2} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: all zeros: D = 0, p = 0.5 everywhere: k_bit = 3 gives 2 * f32(4/7) - 1.
// CHECK-LABEL: func.func @dorefa_weights_zeros_k3()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.142857194> : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @dorefa_weights_zeros_k3() -> tensor<2x2xf32> {
  %x = arith.constant dense<[[0.0, -0.0], [0.0, 0.0]]> : tensor<2x2xf32>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 3} : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: a splat -0.0: D = 0, the tie goes to -1 for k_bit = 1.
// CHECK-LABEL: func.func @dorefa_weights_zeros_splat()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<-1.000000e+00> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @dorefa_weights_zeros_splat() -> tensor<3xf32> {
  %x = arith.constant dense<-0.0> : tensor<3xf32>
  %0 = lq.dorefa %x {mode = "weights", k_bit = 1} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: a NaN anywhere makes D NaN: every output is NaN.
// CHECK-LABEL: func.func @dorefa_weights_nan()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0x{{7FC00000|FFC00000}}> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @dorefa_weights_nan() -> tensor<3xf32> {
  %x = arith.constant dense<[0x7FC00000, 20.0, 0.0]> : tensor<3xf32>
  %0 = lq.dorefa %x {mode = "weights"} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// dorefa_grad, mode = "weights": dy * (1 - tanh(x)^2) / D, 0 where D == 0
//===----------------------------------------------------------------------===//

// Test: D = 1: tanh(+-20) = +-1 gives slope 0, x = 0 passes dy, x = 0.5 gives
// 2 * (1 - tanh(0.5)^2) = 1.5728954.
// CHECK-LABEL: func.func @dorefa_grad_weights_f64()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0.000000e+00, 0.000000e+00, 5.000000e+00, {{(1\.572895465[0-9]*e\+00|1\.572895465[0-9]*)}}]> : tensor<4xf64>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf64>
func.func @dorefa_grad_weights_f64() -> tensor<4xf64> {
  %x = arith.constant dense<[20.0, -20.0, 0.0, 0.5]> : tensor<4xf64>
  %dy = arith.constant dense<[3.0, 4.0, 5.0, 2.0]> : tensor<4xf64>
  %0 = lq.dorefa_grad %x, %dy {mode = "weights"} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Test: f32, D = tanh(0.5) = 0.46212: (1 - tanh(0.5)^2)/D = 1.70183,
// 1/D = 2.16395 at x = 0.
// CHECK-LABEL: func.func @dorefa_grad_weights_whole_tensor_max()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[{{(1\.7018[0-9]*e\+00|1\.7018[0-9]*)}}, {{(1\.7018[0-9]*e\+00|1\.7018[0-9]*)}}, {{(2\.1639[0-9]*e\+00|2\.1639[0-9]*)}}]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @dorefa_grad_weights_whole_tensor_max() -> tensor<3xf32> {
  %x = arith.constant dense<[0.5, -0.5, 0.0]> : tensor<3xf32>
  %dy = arith.constant dense<[1.0, 1.0, 1.0]> : tensor<3xf32>
  %0 = lq.dorefa_grad %x, %dy {mode = "weights", k_bit = 1} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: D = 0: the gradient is 0, even for NaN/inf dy.
// CHECK-LABEL: func.func @dorefa_grad_weights_zeros()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @dorefa_grad_weights_zeros() -> tensor<4xf32> {
  %x = arith.constant dense<[0.0, -0.0, 0.0, 0.0]> : tensor<4xf32>
  %dy = arith.constant dense<[1.0, 0x7FC00000, 0x7F800000, -2.0]> : tensor<4xf32>
  %0 = lq.dorefa_grad %x, %dy {mode = "weights"} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: weights mode has no mask: where D != 0 a NaN dy propagates (NaN * 0).
// CHECK-LABEL: func.func @dorefa_grad_weights_nan_dy()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0x{{7FC00000|FFC00000}}, 1.000000e+00]> : tensor<2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf32>
func.func @dorefa_grad_weights_nan_dy() -> tensor<2xf32> {
  %x = arith.constant dense<[20.0, 0.0]> : tensor<2xf32>
  %dy = arith.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %0 = lq.dorefa_grad %x, %dy {mode = "weights"} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// noop: a constant folds to itself; noop_grad folds to dy
//===----------------------------------------------------------------------===//

// Test: noop on a constant folds to that constant.
// CHECK-LABEL: func.func @noop_constant()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[1.500000e+00, -0.000000e+00, 0x7FC00000]> : tensor<3xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<3xf32>
func.func @noop_constant() -> tensor<3xf32> {
  %x = arith.constant dense<[1.5, -0.0, 0x7FC00000]> : tensor<3xf32>
  %0 = lq.noop %x {precision = 1} : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Test: noop on a scalar constant folds too (f64).
// CHECK-LABEL: func.func @noop_constant_scalar()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant -2.500000e-01 : f64
//  CHECK-NEXT:   return %[[R]] : f64
func.func @noop_constant_scalar() -> f64 {
  %x = arith.constant -0.25 : f64
  %0 = lq.noop %x {precision = 8} : f64
  return %0 : f64
}

// -----

// Test: noop on a non-constant keeps its precision tag (not folded).
// CHECK-LABEL: func.func @noop_variable(
//  CHECK-SAME:     %[[X:[a-zA-Z0-9_]+]]: tensor<4xf32>
//  CHECK-NEXT:   %[[R:.*]] = lq.noop %[[X]] {precision = 1 : i64} : tensor<4xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<4xf32>
func.func @noop_variable(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = lq.noop %x {precision = 1} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: noop_grad folds to dy, constant or not.
// CHECK-LABEL: func.func @noop_grad(
//  CHECK-SAME:     %[[X:[a-zA-Z0-9_]+]]: tensor<4xf32>, %[[DY:[a-zA-Z0-9_]+]]: tensor<4xf32>
//  CHECK-NEXT:   return %[[DY]] : tensor<4xf32>
func.func @noop_grad(%x: tensor<4xf32>, %dy: tensor<4xf32>) -> tensor<4xf32> {
  %0 = lq.noop_grad %x, %dy {precision = 2} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Test: noop_grad with a constant x and a variable dy still folds to dy.
// CHECK-LABEL: func.func @noop_grad_constant_x(
//  CHECK-SAME:     %[[DY:[a-zA-Z0-9_]+]]: f16
//  CHECK-NEXT:   return %[[DY]] : f16
func.func @noop_grad_constant_x(%dy: f16) -> f16 {
  %x = arith.constant 3.0 : f16
  %0 = lq.noop_grad %x, %dy {precision = 1} : f16
  return %0 : f16
}

// -----

// Test: noop_grad with constant operands folds to the dy constant.
// CHECK-LABEL: func.func @noop_grad_constants()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<[0x7FC00000, 2.000000e+00]> : vector<2xf32>
//  CHECK-NEXT:   return %[[R]] : vector<2xf32>
func.func @noop_grad_constants() -> vector<2xf32> {
  %x = arith.constant dense<[1.0, 5.0]> : vector<2xf32>
  %dy = arith.constant dense<[0x7FC00000, 2.0]> : vector<2xf32>
  %0 = lq.noop_grad %x, %dy {precision = 1} : vector<2xf32>
  return %0 : vector<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// No folding without constant operands
//===----------------------------------------------------------------------===//

// Test: a gradient with a constant x but a variable dy is not folded.
// CHECK-LABEL: func.func @grad_variable_dy(
//  CHECK-SAME:     %[[DY:[a-zA-Z0-9_]+]]: tensor<2xf32>
//  CHECK-NEXT:   %[[X:.*]] = arith.constant dense<[5.000000e-01, 2.000000e+00]> : tensor<2xf32>
//  CHECK-NEXT:   %[[R:.*]] = lq.ste_sign_grad %[[X]], %[[DY]] : tensor<2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2xf32>
func.func @grad_variable_dy(%dy: tensor<2xf32>) -> tensor<2xf32> {
  %x = arith.constant dense<[0.5, 2.0]> : tensor<2xf32>
  %0 = lq.ste_sign_grad %x, %dy : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Test: a whole-tensor gradient with a constant dy but a variable x is not folded.
// CHECK-LABEL: func.func @magnitude_aware_sign_grad_variable_x(
//  CHECK-SAME:     %[[X:[a-zA-Z0-9_]+]]: tensor<2x2xf32>
//  CHECK-NEXT:   %[[DY:.*]] = arith.constant dense<1.000000e+00> : tensor<2x2xf32>
//  CHECK-NEXT:   %[[R:.*]] = lq.magnitude_aware_sign_grad %[[X]], %[[DY]] : tensor<2x2xf32>
//  CHECK-NEXT:   return %[[R]] : tensor<2x2xf32>
func.func @magnitude_aware_sign_grad_variable_x(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %dy = arith.constant dense<1.0> : tensor<2x2xf32>
  %0 = lq.magnitude_aware_sign_grad %x, %dy : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Test: the forward ops on a variable are not folded.
// CHECK-LABEL: func.func @forward_variable(
//  CHECK-SAME:     %[[X:[a-zA-Z0-9_]+]]: tensor<4xf32>
//  CHECK-NEXT:   %[[A:.*]] = lq.dorefa %[[X]] {mode = "weights"} : tensor<4xf32>
//  CHECK-NEXT:   %[[B:.*]] = lq.ste_tern %[[A]] {ternary_weight_networks = true} : tensor<4xf32>
//  CHECK-NEXT:   return %[[B]] : tensor<4xf32>
func.func @forward_variable(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = lq.dorefa %x {mode = "weights"} : tensor<4xf32>
  %1 = lq.ste_tern %0 {ternary_weight_networks = true} : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Test: an empty tensor folds to itself (no element to take a type from).
// CHECK-LABEL: func.func @empty_tensor()
//  CHECK-NEXT:   %[[R:.*]] = arith.constant dense<> : tensor<0xf32>
//  CHECK-NEXT:   return %[[R]], %[[R]], %[[R]] : tensor<0xf32>, tensor<0xf32>, tensor<0xf32>
func.func @empty_tensor() -> (tensor<0xf32>, tensor<0xf32>, tensor<0xf32>) {
  %x = arith.constant dense<> : tensor<0xf32>
  %0 = lq.ste_tern %x : tensor<0xf32>
  %1 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<0xf32>
  %2 = lq.dorefa %x {mode = "weights"} : tensor<0xf32>
  return %0, %1, %2 : tensor<0xf32>, tensor<0xf32>, tensor<0xf32>
}
