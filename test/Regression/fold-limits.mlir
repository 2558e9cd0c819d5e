// RUN: lq-opt %s -split-input-file -canonicalize | FileCheck %s

// Regression tests (issue 8): the folders of the whole-tensor quantizers and
// of bitpack/bitunpack expand a splat constant into its elements. A splat of
// a huge shape costs nothing as an attribute, so they do not fold one with
// more than 2^20 elements (it used to abort with "SmallVector unable to
// grow", or exhaust memory). Smaller splats still fold (test/Dialect/LQ).

// CHECK-LABEL: func.func @magnitude_aware_sign_huge_splat
// CHECK:         lq.magnitude_aware_sign
func.func @magnitude_aware_sign_huge_splat() -> tensor<100000x100000xf32> {
  %c = arith.constant dense<1.5> : tensor<100000x100000xf32>
  %y = lq.magnitude_aware_sign %c : tensor<100000x100000xf32>
  return %y : tensor<100000x100000xf32>
}

// -----

// CHECK-LABEL: func.func @magnitude_aware_sign_grad_huge_splat
// CHECK:         lq.magnitude_aware_sign_grad
func.func @magnitude_aware_sign_grad_huge_splat() -> tensor<100000x100000xf32> {
  %c = arith.constant dense<1.5> : tensor<100000x100000xf32>
  %y = lq.magnitude_aware_sign_grad %c, %c : tensor<100000x100000xf32>
  return %y : tensor<100000x100000xf32>
}

// -----

// The element count overflows int64: checked, not computed with a signed
// overflow.
// CHECK-LABEL: func.func @ste_tern_twn_overflowing_splat
// CHECK:         lq.ste_tern
func.func @ste_tern_twn_overflowing_splat() -> tensor<4294967296x4294967296xf32> {
  %c = arith.constant dense<1.5> : tensor<4294967296x4294967296xf32>
  %y = lq.ste_tern %c {ternary_weight_networks = true} : tensor<4294967296x4294967296xf32>
  return %y : tensor<4294967296x4294967296xf32>
}

// -----

// CHECK-LABEL: func.func @dorefa_weights_huge_splat
// CHECK:         lq.dorefa
// CHECK:         lq.dorefa_grad
func.func @dorefa_weights_huge_splat() -> (tensor<2000000xf32>, tensor<2000000xf32>) {
  %c = arith.constant dense<0.5> : tensor<2000000xf32>
  %y = lq.dorefa %c {mode = "weights"} : tensor<2000000xf32>
  %g = lq.dorefa_grad %c, %c {mode = "weights"} : tensor<2000000xf32>
  return %y, %g : tensor<2000000xf32>, tensor<2000000xf32>
}

// -----

// CHECK-LABEL: func.func @bitpack_huge_splat
// CHECK:         lq.bitpack
// CHECK:         lq.bitunpack
func.func @bitpack_huge_splat() -> (tensor<100000x100000xi64>, tensor<100000x6400000xf32>) {
  %c = arith.constant dense<-1.0> : tensor<100000x6400000xf32>
  %p = lq.bitpack %c : tensor<100000x6400000xf32> -> tensor<100000x100000xi64>
  %w = arith.constant dense<-1> : tensor<100000x100000xi64>
  %u = lq.bitunpack %w : tensor<100000x100000xi64> -> tensor<100000x6400000xf32>
  return %p, %u : tensor<100000x100000xi64>, tensor<100000x6400000xf32>
}
