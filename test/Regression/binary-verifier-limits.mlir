// RUN: lq-opt %s -split-input-file -verify-diagnostics

// Regression tests (issue 8): the binary ops' verifiers compute sizes from
// arbitrary i64 attributes and dimensions. They use checked arithmetic (a
// signed overflow is undefined behaviour, and used to wrap around to a
// "valid" result size).

// Test: a dilation whose dilated filter extent overflows i64 does not fit.
func.func @bconv2d_dilation_overflow(%a: tensor<1x8x8x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{the dilated filter does not fit the padded input along spatial axis 0}}
  %y = lq.bconv2d %a, %w {channels_in = 64, dilations = array<i64: 9223372036854775807, 1>} : tensor<1x8x8x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x8x8x4xf32>
  return %y : tensor<1x8x8x4xf32>
}

// -----

// Test: padding whose padded input size overflows i64.
func.func @bconv2d_padding_overflow(%a: tensor<1x8x8x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{the dilated filter does not fit the padded input along spatial axis 1}}
  %y = lq.bconv2d %a, %w {channels_in = 64, padding = array<i64: 1, 1, 9223372036854775807, 9223372036854775807>} : tensor<1x8x8x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x8x8x4xf32>
  return %y : tensor<1x8x8x4xf32>
}

// -----

func.func @bmaxpool2d_padding_overflow(%x: tensor<1x8x8x1xi64>) -> tensor<1x8x8x1xi64> {
  // expected-error @+1 {{padding along spatial axis 0 must be smaller than the window}}
  %y = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, padding = array<i64: 9223372036854775807, 9223372036854775807, 0, 0>} : tensor<1x8x8x1xi64> -> tensor<1x8x8x1xi64>
  return %y : tensor<1x8x8x1xi64>
}

// -----

// Test: padding an input of INT64_MAX rows overflows i64.
func.func @bmaxpool2d_size_overflow(%x: tensor<1x9223372036854775807x8x1xi64>) -> tensor<1x?x8x1xi64> {
  // expected-error @+1 {{the window does not fit the padded input along spatial axis 0}}
  %y = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<1x9223372036854775807x8x1xi64> -> tensor<1x?x8x1xi64>
  return %y : tensor<1x?x8x1xi64>
}

// -----

// Test: a filter with no rows (extent 0) over INT64_MAX input rows: the
// output size INT64_MAX + 1 overflows.
func.func @bconv2d_size_overflow(%a: tensor<1x9223372036854775807x8x1xi64>, %w: tensor<4x0x3x1xi64>) -> tensor<1x?x6x4xf32> {
  // expected-error @+1 {{the dilated filter does not fit the padded input along spatial axis 0}}
  %y = lq.bconv2d %a, %w {channels_in = 64} : tensor<1x9223372036854775807x8x1xi64>, tensor<4x0x3x1xi64> -> tensor<1x?x6x4xf32>
  return %y : tensor<1x?x6x4xf32>
}

// -----

// Test: the word count of k = INT64_MAX is ceil(k / 64), not a negative
// number from k + 63 overflowing.
func.func @bmatmul_huge_k(%a: tensor<8x1xi64>, %w: tensor<10x1xi64>) -> tensor<8x10xf32> {
  // expected-error @+1 {{the lhs word count is 1, expected 144115188075855872}}
  %y = lq.bmatmul %a, %w {k = 9223372036854775807} : tensor<8x1xi64>, tensor<10x1xi64> -> tensor<8x10xf32>
  return %y : tensor<8x10xf32>
}

// -----

// Test: 8 * lanes overflows for 2^61 + 1 lanes (it wrapped to 8 bytes).
func.func @lane_byte_sum_overflow(%x: vector<8xi8>) -> vector<2305843009213693953xi64> {
  // expected-error @+1 {{requires 8 input bytes per 64-bit result lane}}
  %y = lq.lane_byte_sum %x : vector<8xi8> -> vector<2305843009213693953xi64>
  return %y : vector<2305843009213693953xi64>
}

// -----

// Test: lane_byte_sum needs fixed-length vectors (its lowering extracts
// lanes by index).
func.func @lane_byte_sum_scalable(%x: vector<[16]xi8>) -> vector<[2]xi64> {
  // expected-error @+1 {{requires fixed-length vectors}}
  %y = lq.lane_byte_sum %x : vector<[16]xi8> -> vector<[2]xi64>
  return %y : vector<[2]xi64>
}

// -----

// Test: padding whose sum overflows i64 is rejected even when the input
// height is dynamic (the size check used to stop at the dynamic size, and
// the lowering then computed with the wrapped-around padding).
func.func @padding_overflow_dynamic_input(%a: tensor<1x?x8x1xi64>, %w: tensor<64x3x3x1xi64>) -> tensor<1x?x6x64xf32> {
  // expected-error @+1 {{the dilated filter does not fit the padded input along spatial axis 0}}
  %y = lq.bconv2d %a, %w {channels_in = 64, padding = array<i64: 9223372036854775807, 9223372036854775807, 0, 0>} : tensor<1x?x8x1xi64>, tensor<64x3x3x1xi64> -> tensor<1x?x6x64xf32>
  return %y : tensor<1x?x6x64xf32>
}

// -----

// Test: a filter with no taps along an axis (0x3) is rejected: the window
// arithmetic assumed at least one tap.
func.func @empty_filter_window(%a: tensor<1x8x8x1xi64>, %w: tensor<64x0x3x1xi64>) -> tensor<1x?x6x64xf32> {
  // expected-error @+1 {{the dilated filter does not fit the padded input along spatial axis 0}}
  %y = lq.bconv2d %a, %w {channels_in = 64} : tensor<1x8x8x1xi64>, tensor<64x0x3x1xi64> -> tensor<1x?x6x64xf32>
  return %y : tensor<1x?x6x64xf32>
}
