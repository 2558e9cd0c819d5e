// RUN: lq-opt %s -split-input-file --convert-lq-binary-to-vector="vector-bits=256 popcount=i8 tile-rows=4 tile-vectors=2" | FileCheck %s

// Regression tests (issue 8): constant weights far too large to re-lay out
// at compile time (splats of 10^10 words). The fast lowering expanded them
// word by word (it ran for minutes and used tens of GB); they are now
// re-laid out at run time like run-time weights, and a zero-padded
// convolution, whose correction table needs the weights at compile time,
// is left to the reference lowering.

// Test: bmatmul with a 10^10-word splat: panels built at run time.
// CHECK-LABEL: func.func @huge_splat_rhs
// CHECK:         %[[W:.*]] = arith.constant dense<5> : tensor<100000x100000xi64>
// CHECK:         linalg.transpose
// CHECK-NOT:     lq.bmatmul
func.func @huge_splat_rhs(%a: tensor<4x100000xi64>) -> tensor<4x100000xi32> {
  %w = arith.constant dense<5> : tensor<100000x100000xi64>
  %y = lq.bmatmul %a, %w {k = 6400000} : tensor<4x100000xi64>, tensor<100000x100000xi64> -> tensor<4x100000xi32>
  return %y : tensor<4x100000xi32>
}

// -----

// Test: zero-padded bconv2d with a huge splat filter stays for the
// reference lowering.
// CHECK-LABEL: func.func @huge_splat_filter_zero_padding
// CHECK:         lq.bconv2d
func.func @huge_splat_filter_zero_padding(%a: tensor<1x8x8x1563xi64>) -> tensor<1x8x8x100000xi32> {
  %w = arith.constant dense<5> : tensor<100000x3x3x1563xi64>
  %y = lq.bconv2d %a, %w {channels_in = 100000, padding = array<i64: 1, 1, 1, 1>} : tensor<1x8x8x1563xi64>, tensor<100000x3x3x1563xi64> -> tensor<1x8x8x100000xi32>
  return %y : tensor<1x8x8x100000xi32>
}
