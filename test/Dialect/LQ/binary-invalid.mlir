// RUN: lq-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the binary ops (LQBinaryOps.cpp), plus the
// type constraints of LQBinaryOps.td (word type, float types, result kinds).
// Non-finite floats are written as f64 bit patterns: NaN = 0x7FF8000000000000.

//===----------------------------------------------------------------------===//
// bitpack / bitunpack
//===----------------------------------------------------------------------===//

// Test: a rank-0 tensor has no channel axis to pack.
func.func @bitpack_rank0(%x: tensor<f32>) -> tensor<i64> {
  // expected-error @+1 {{'lq.bitpack' op requires a tensor of rank >= 1 (the last axis is the packed channel axis)}}
  %0 = lq.bitpack %x : tensor<f32> -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// Test: packing keeps the rank.
func.func @bitpack_rank_mismatch(%x: tensor<2x64xf32>) -> tensor<2x1x1xi64> {
  // expected-error @+1 {{'lq.bitpack' op requires the packed and unpacked tensors to have the same rank, got 2 and 3}}
  %0 = lq.bitpack %x : tensor<2x64xf32> -> tensor<2x1x1xi64>
  return %0 : tensor<2x1x1xi64>
}

// -----

// Test: groups must be positive.
func.func @bitpack_groups_zero(%x: tensor<2x64xf32>) -> tensor<2x1xi64> {
  // expected-error @+1 {{'lq.bitpack' op attribute 'groups' must be at least 1, got 0}}
  %0 = lq.bitpack %x {groups = 0} : tensor<2x64xf32> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// Test: a negative group count (bitunpack).
func.func @bitunpack_groups_negative(%p: tensor<2x1xi64>) -> tensor<2x64xf32> {
  // expected-error @+1 {{'lq.bitunpack' op attribute 'groups' must be at least 1, got -2}}
  %0 = lq.bitunpack %p {groups = -2} : tensor<2x1xi64> -> tensor<2x64xf32>
  return %0 : tensor<2x64xf32>
}

// -----

// Test: the leading dimensions must agree.
func.func @bitpack_leading_dim(%x: tensor<2x3x64xf32>) -> tensor<2x4x1xi64> {
  // expected-error @+1 {{'lq.bitpack' op dimension 1 of the packed tensor is 4, expected 3}}
  %0 = lq.bitpack %x : tensor<2x3x64xf32> -> tensor<2x4x1xi64>
  return %0 : tensor<2x4x1xi64>
}

// -----

// Test: the channels must split into equal groups.
func.func @bitpack_groups_not_dividing(%x: tensor<1x100xf32>) -> tensor<1x3xi64> {
  // expected-error @+1 {{'lq.bitpack' op channel count 100 is not divisible by groups = 3}}
  %0 = lq.bitpack %x {groups = 3} : tensor<1x100xf32> -> tensor<1x3xi64>
  return %0 : tensor<1x3xi64>
}

// -----

// Test: 65 channels need 2 words (the channel count is inconsistent with the
// packed shape).
func.func @bitpack_word_count(%x: tensor<4x65xf32>) -> tensor<4x1xi64> {
  // expected-error @+1 {{'lq.bitpack' op the packed word count is 1, expected 2}}
  %0 = lq.bitpack %x : tensor<4x65xf32> -> tensor<4x1xi64>
  return %0 : tensor<4x1xi64>
}

// -----

// Test: each group is packed separately: 2 groups of 65 channels take
// 2 * 2 = 4 words, not ceil(130 / 64) = 3.
func.func @bitpack_group_word_count(%x: tensor<1x130xf32>) -> tensor<1x3xi64> {
  // expected-error @+1 {{'lq.bitpack' op the packed word count is 3, expected 4}}
  %0 = lq.bitpack %x {groups = 2} : tensor<1x130xf32> -> tensor<1x3xi64>
  return %0 : tensor<1x3xi64>
}

// -----

// Test: 64 channels are one word (no spare word).
func.func @bitunpack_word_count(%p: tensor<3x2xi64>) -> tensor<3x64xf32> {
  // expected-error @+1 {{'lq.bitunpack' op the packed word count is 2, expected 1}}
  %0 = lq.bitunpack %p : tensor<3x2xi64> -> tensor<3x64xf32>
  return %0 : tensor<3x64xf32>
}

// -----

// Test: bitunpack must know the true channel count.
func.func @bitunpack_dynamic_channels(%p: tensor<3x2xi64>) -> tensor<3x?xf32> {
  // expected-error @+1 {{'lq.bitunpack' op requires a static channel count (the result's last dimension)}}
  %0 = lq.bitunpack %p : tensor<3x2xi64> -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

// Test: bitunpack leading dimension mismatch.
func.func @bitunpack_leading_dim(%p: tensor<3x1xi64>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'lq.bitunpack' op dimension 0 of the packed tensor is 3, expected 2}}
  %0 = lq.bitunpack %p : tensor<3x1xi64> -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// Test: the words are i64 (wrong word type).
func.func @bitpack_i32_words(%x: tensor<2x32xf32>) -> tensor<2x1xi32> {
  // expected-error @+1 {{'lq.bitpack' op result #0 must be ranked tensor of 64-bit signless integer values, but got 'tensor<2x1xi32>'}}
  %0 = lq.bitpack %x : tensor<2x32xf32> -> tensor<2x1xi32>
  return %0 : tensor<2x1xi32>
}

// -----

// Test: only float tensors are packed.
func.func @bitpack_int_input(%x: tensor<2x32xi32>) -> tensor<2x1xi64> {
  // expected-error @+1 {{'lq.bitpack' op operand #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'tensor<2x32xi32>'}}
  %0 = lq.bitpack %x : tensor<2x32xi32> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// Test: bitunpack reads i64 words only.
func.func @bitunpack_i8_words(%p: tensor<2x1xi8>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'lq.bitunpack' op operand #0 must be ranked tensor of 64-bit signless integer values, but got 'tensor<2x1xi8>'}}
  %0 = lq.bitunpack %p : tensor<2x1xi8> -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// Test: bitunpack produces floats.
func.func @bitunpack_int_result(%p: tensor<2x1xi64>) -> tensor<2x8xi32> {
  // expected-error @+1 {{'lq.bitunpack' op result #0 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'tensor<2x8xi32>'}}
  %0 = lq.bitunpack %p : tensor<2x1xi64> -> tensor<2x8xi32>
  return %0 : tensor<2x8xi32>
}

// -----

//===----------------------------------------------------------------------===//
// bconv2d: shapes
//===----------------------------------------------------------------------===//

// Test: packed NHWC input, OHWI filter and result are rank 4.
func.func @bconv2d_rank(%a: tensor<4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op requires rank-4 input (packed NHWC), filter (packed OHWI) and result}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: channels_in must be positive.
func.func @bconv2d_channels_in_zero(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'channels_in' must be at least 1, got 0}}
  %0 = lq.bconv2d %a, %w {channels_in = 0} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: groups must be positive.
func.func @bconv2d_groups_zero(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'groups' = 0 must be positive and divide channels_in = 8}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, groups = 0} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: groups must divide channels_in.
func.func @bconv2d_groups_not_dividing_in(%a: tensor<1x4x4x3xi64>, %w: tensor<3x3x3x1xi64>) -> tensor<1x2x2x3xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'groups' = 3 must be positive and divide channels_in = 8}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, groups = 3} : tensor<1x4x4x3xi64>, tensor<3x3x3x1xi64> -> tensor<1x2x2x3xf32>
  return %0 : tensor<1x2x2x3xf32>
}

// -----

// Test: groups must divide the output channels.
func.func @bconv2d_groups_not_dividing_out(%a: tensor<1x4x4x2xi64>, %w: tensor<3x3x3x1xi64>) -> tensor<1x2x2x3xf32> {
  // expected-error @+1 {{'lq.bconv2d' op output channel count 3 is not divisible by groups = 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, groups = 2} : tensor<1x4x4x2xi64>, tensor<3x3x3x1xi64> -> tensor<1x2x2x3xf32>
  return %0 : tensor<1x2x2x3xf32>
}

// -----

// Test: the output channel count (filter dimension 0) must be static.
func.func @bconv2d_dynamic_cout(%a: tensor<1x4x4x1xi64>, %w: tensor<?x3x3x1xi64>) -> tensor<1x2x2x?xf32> {
  // expected-error @+1 {{'lq.bconv2d' op requires a static output channel count (filter dimension 0)}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<1x4x4x1xi64>, tensor<?x3x3x1xi64> -> tensor<1x2x2x?xf32>
  return %0 : tensor<1x2x2x?xf32>
}

// -----

// Test: 65 input channels are 2 words in the filter.
func.func @bconv2d_filter_words(%a: tensor<1x4x4x2xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the filter's word count is 1, expected 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 65} : tensor<1x4x4x2xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: channels_in = 64 is one word, the input has two (channel count
// inconsistent with the packed shape).
func.func @bconv2d_input_words(%a: tensor<1x4x4x2xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the input's word count is 2, expected 1}}
  %0 = lq.bconv2d %a, %w {channels_in = 64} : tensor<1x4x4x2xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: grouped input words: 4 groups of 16 channels are 4 words, not 1.
func.func @bconv2d_grouped_input_words(%a: tensor<1x4x4x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x2x2x4xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the input's word count is 1, expected 4}}
  %0 = lq.bconv2d %a, %w {channels_in = 64, groups = 4} : tensor<1x4x4x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x2x2x4xf32>
  return %0 : tensor<1x2x2x4xf32>
}

// -----

// Test: the filter's words must be i64 (wrong word type).
func.func @bconv2d_filter_i32(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x2xi32>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op operand #1 must be ranked tensor of 64-bit signless integer values, but got 'tensor<2x3x3x2xi32>'}}
  %0 = lq.bconv2d %a, %w {channels_in = 64} : tensor<1x4x4x1xi64>, tensor<2x3x3x2xi32> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: the input must be packed (float activations are rejected).
func.func @bconv2d_float_input(%a: tensor<1x4x4x64xf32>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op operand #0 must be ranked tensor of 64-bit signless integer values, but got 'tensor<1x4x4x64xf32>'}}
  %0 = lq.bconv2d %a, %w {channels_in = 64} : tensor<1x4x4x64xf32>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: strides have 2 elements.
func.func @bconv2d_strides_size(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'strides' must have 2 elements, got 3}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, strides = array<i64: 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: a zero stride.
func.func @bconv2d_stride_zero(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'strides' must be positive, got 0}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, strides = array<i64: 1, 0>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: a negative dilation.
func.func @bconv2d_dilation_negative(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'dilations' must be positive, got -1}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, dilations = array<i64: -1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: a zero dilation.
func.func @bconv2d_dilation_zero(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'dilations' must be positive, got 0}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, dilations = array<i64: 1, 0>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: padding is [top, bottom, left, right].
func.func @bconv2d_padding_size(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x4x4x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'padding' must have 4 elements, got 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, padding = array<i64: 1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

// Test: negative padding.
func.func @bconv2d_padding_negative(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'padding' must be non-negative, got -1}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, padding = array<i64: 1, -1, 0, 0>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: pad_value is 0 or 1.
func.func @bconv2d_pad_value(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x4x4x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'pad_value' must be 0 (exact zero padding) or 1 (+1 padding), got -1}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, padding = array<i64: 1, 1, 1, 1>, pad_value = -1} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

// Test: pad_value 2.
func.func @bconv2d_pad_value_two(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op attribute 'pad_value' must be 0 (exact zero padding) or 1 (+1 padding), got 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, pad_value = 2} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: the batch size is kept.
func.func @bconv2d_batch(%a: tensor<2x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the result's batch size is 1, expected 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<2x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// Test: a 5x5 dilated-by-2 filter (extent 9) does not fit an 8-wide input
// padded by 0.
func.func @bconv2d_filter_too_big(%a: tensor<1x9x8x1xi64>, %w: tensor<2x5x5x1xi64>) -> tensor<1x1x1x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the dilated filter does not fit the padded input along spatial axis 1}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, dilations = array<i64: 2, 2>} : tensor<1x9x8x1xi64>, tensor<2x5x5x1xi64> -> tensor<1x1x1x2xf32>
  return %0 : tensor<1x1x1x2xf32>
}

// -----

// Test: output height with stride 2: (7 - 3) / 2 + 1 = 3.
func.func @bconv2d_result_height(%a: tensor<1x7x7x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x4x3x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op result spatial dimension 0 is 4, expected 3}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, strides = array<i64: 2, 2>} : tensor<1x7x7x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x3x2xf32>
  return %0 : tensor<1x4x3x2xf32>
}

// -----

// Test: output width with padding (SAME): 5 + 2 - 3 + 1 = 5.
func.func @bconv2d_result_width(%a: tensor<1x5x5x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x5x3x2xf32> {
  // expected-error @+1 {{'lq.bconv2d' op result spatial dimension 1 is 3, expected 5}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, padding = array<i64: 1, 1, 1, 1>} : tensor<1x5x5x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x5x3x2xf32>
  return %0 : tensor<1x5x3x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// bconv2d / bmatmul: output kinds and the epilogue
//===----------------------------------------------------------------------===//

// Test: a float result has one channel per output channel.
func.func @bconv2d_float_channels(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x3xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the result's channel dimension is 3, expected 4}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x3xf32>
  return %0 : tensor<1x1x1x3xf32>
}

// -----

// Test: a raw i32 result has one channel per output channel.
func.func @bconv2d_i32_channels(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x1xi32> {
  // expected-error @+1 {{'lq.bconv2d' op the result's channel dimension is 1, expected 4}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x1xi32>
  return %0 : tensor<1x1x1x1xi32>
}

// -----

// Test: a bit-packed result has ceil(Cout / 64) words: 65 channels are 2.
func.func @bconv2d_packed_words(%a: tensor<1x3x3x1xi64>, %w: tensor<65x3x3x1xi64>) -> tensor<1x1x1x1xi64> {
  // expected-error @+1 {{'lq.bconv2d' op the bit-packed result's word count is 1, expected 2}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<65x3x3x1xi64> -> tensor<1x1x1x1xi64>
  return %0 : tensor<1x1x1x1xi64>
}

// -----

// Test: f64 is not a result kind.
func.func @bconv2d_f64_result(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x4xf64> {
  // expected-error @+1 {{'lq.bconv2d' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<1x1x1x4xf64>'}}
  %0 = lq.bconv2d %a, %w {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xf64>
  return %0 : tensor<1x1x1x4xf64>
}

// -----

// Test: i8 is not a result kind.
func.func @bmatmul_i8_result(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x3xi8> {
  // expected-error @+1 {{'lq.bmatmul' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x3xi8>'}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}

// -----

// Test: the raw i32 dot product takes no multiplier.
func.func @bconv2d_i32_multiplier(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>, %m: tensor<4xf32>) -> tensor<1x1x1x4xi32> {
  // expected-error @+1 {{'lq.bconv2d' op a raw i32 result (the integer dot product) takes no epilogue (multiplier, bias, clamps)}}
  %0 = lq.bconv2d %a, %w multiplier(%m : tensor<4xf32>) {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xi32>
  return %0 : tensor<1x1x1x4xi32>
}

// -----

// Test: the raw i32 dot product takes no bias.
func.func @bmatmul_i32_bias(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>, %b: tensor<3xf32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{'lq.bmatmul' op a raw i32 result (the integer dot product) takes no epilogue (multiplier, bias, clamps)}}
  %0 = lq.bmatmul %a, %w bias(%b : tensor<3xf32>) {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// Test: the raw i32 dot product takes no clamp either.
func.func @bconv2d_i32_clamp(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x4xi32> {
  // expected-error @+1 {{'lq.bconv2d' op a raw i32 result (the integer dot product) takes no epilogue (multiplier, bias, clamps)}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, dot_min = -4.0} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xi32>
  return %0 : tensor<1x1x1x4xi32>
}

// -----

// Test: ... nor an output clamp.
func.func @bmatmul_i32_output_max(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x3xi32> {
  // expected-error @+1 {{'lq.bmatmul' op a raw i32 result (the integer dot product) takes no epilogue (multiplier, bias, clamps)}}
  %0 = lq.bmatmul %a, %w {k = 8, output_max = 6.0} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// Test: one multiplier per output channel.
func.func @bconv2d_multiplier_size(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>, %m: tensor<3xf32>) -> tensor<1x1x1x4xf32> {
  // expected-error @+1 {{'lq.bconv2d' op requires multiplier and bias of type tensor<4x...>, got 'tensor<3xf32>'}}
  %0 = lq.bconv2d %a, %w multiplier(%m : tensor<3xf32>) {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xf32>
  return %0 : tensor<1x1x1x4xf32>
}

// -----

// Test: the bias is rank 1.
func.func @bmatmul_bias_rank(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>, %b: tensor<1x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op requires multiplier and bias of type tensor<3x...>, got 'tensor<1x3xf32>'}}
  %0 = lq.bmatmul %a, %w bias(%b : tensor<1x3xf32>) {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: multiplier and bias share one element type.
func.func @bconv2d_epilogue_types(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>, %m: tensor<4xf16>, %b: tensor<4xf32>) -> tensor<1x1x1x1xi64> {
  // expected-error @+1 {{'lq.bconv2d' op requires multiplier and bias of one element type}}
  %0 = lq.bconv2d %a, %w multiplier(%m : tensor<4xf16>) bias(%b : tensor<4xf32>) {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x1xi64>
  return %0 : tensor<1x1x1x1xi64>
}

// -----

// Test: a float result's epilogue is computed in the result type.
func.func @bmatmul_multiplier_type(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>, %m: tensor<3xf32>) -> tensor<2x3xf16> {
  // expected-error @+1 {{'lq.bmatmul' op requires multiplier and bias of the result element type 'f16'}}
  %0 = lq.bmatmul %a, %w multiplier(%m : tensor<3xf32>) {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

// Test: integer multipliers are rejected by the operand type.
func.func @bconv2d_int_multiplier(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>, %m: tensor<4xi32>) -> tensor<1x1x1x4xf32> {
  // expected-error @+1 {{'lq.bconv2d' op operand #2 must be ranked tensor of f16, bf16, f32 or f64 values, but got 'tensor<4xi32>'}}
  %0 = lq.bconv2d %a, %w multiplier(%m : tensor<4xi32>) {channels_in = 8} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xf32>
  return %0 : tensor<1x1x1x4xf32>
}

// -----

// Test: dot clamp with min > max.
func.func @bconv2d_dot_clamp(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x4xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the dot clamp requires min <= max, got [3.000000e+00, -3.000000e+00]}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, dot_min = 3.0, dot_max = -3.0} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xf32>
  return %0 : tensor<1x1x1x4xf32>
}

// -----

// Test: output clamp with min > max.
func.func @bmatmul_output_clamp(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the output clamp requires min <= max, got [6.000000e+00, 0.000000e+00]}}
  %0 = lq.bmatmul %a, %w {k = 8, output_min = 6.0, output_max = 0.0} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: a NaN bound.
func.func @bconv2d_nan_bound(%a: tensor<1x3x3x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x1x1x4xf32> {
  // expected-error @+1 {{'lq.bconv2d' op the output clamp bounds must not be NaN}}
  %0 = lq.bconv2d %a, %w {channels_in = 8, output_max = 0x7FF8000000000000 : f64} : tensor<1x3x3x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x1x1x4xf32>
  return %0 : tensor<1x1x1x4xf32>
}

// -----

// Test: a NaN dot bound.
func.func @bmatmul_nan_dot_bound(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the dot clamp bounds must not be NaN}}
  %0 = lq.bmatmul %a, %w {k = 8, dot_min = 0x7FF8000000000000 : f64} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// bmatmul: shapes
//===----------------------------------------------------------------------===//

// Test: matrices are at least rank 2.
func.func @bmatmul_rank1(%a: tensor<1xi64>, %w: tensor<1xi64>) -> tensor<1xf32> {
  // expected-error @+1 {{'lq.bmatmul' op requires lhs [B.., M, Kw], rhs [B.., N, Kw] and result [B.., M, N] of one rank >= 2}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<1xi64>, tensor<1xi64> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// Test: lhs, rhs and result share their rank.
func.func @bmatmul_rank_mismatch(%a: tensor<2x4x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x4x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op requires lhs [B.., M, Kw], rhs [B.., N, Kw] and result [B.., M, N] of one rank >= 2}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x4x1xi64>, tensor<3x1xi64> -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// Test: k must be positive.
func.func @bmatmul_k_zero(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op attribute 'k' must be at least 1, got 0}}
  %0 = lq.bmatmul %a, %w {k = 0} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: a negative k (regression: I64Attr's getter is unsigned, so k = -5
// used to pass as a huge k and verify against zero-word operands).
func.func @bmatmul_k_negative(%a: tensor<2x0xi64>, %w: tensor<3x0xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op attribute 'k' must be at least 1, got -5}}
  %0 = lq.bmatmul %a, %w {k = -5} : tensor<2x0xi64>, tensor<3x0xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: k = 65 is 2 words, the lhs has 1.
func.func @bmatmul_lhs_words(%a: tensor<2x1xi64>, %w: tensor<3x2xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the lhs word count is 1, expected 2}}
  %0 = lq.bmatmul %a, %w {k = 65} : tensor<2x1xi64>, tensor<3x2xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: k = 64 is 1 word, the rhs has 2.
func.func @bmatmul_rhs_words(%a: tensor<2x1xi64>, %w: tensor<3x2xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the rhs word count is 2, expected 1}}
  %0 = lq.bmatmul %a, %w {k = 64} : tensor<2x1xi64>, tensor<3x2xi64> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Test: batch dimensions agree.
func.func @bmatmul_batch(%a: tensor<2x4x1xi64>, %w: tensor<3x3x1xi64>) -> tensor<2x4x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op batch dimension 0 differs between lhs, rhs and result}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x4x1xi64>, tensor<3x3x1xi64> -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// Test: the result's batch dimension agrees too.
func.func @bmatmul_result_batch(%a: tensor<2x5x4x1xi64>, %w: tensor<2x5x3x1xi64>) -> tensor<2x6x4x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op batch dimension 1 differs between lhs, rhs and result}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x5x4x1xi64>, tensor<2x5x3x1xi64> -> tensor<2x6x4x3xf32>
  return %0 : tensor<2x6x4x3xf32>
}

// -----

// Test: M rows in, M rows out.
func.func @bmatmul_rows(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the result's row count is 4, expected 2}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Test: N (rhs rows) must be static.
func.func @bmatmul_dynamic_columns(%a: tensor<2x1xi64>, %w: tensor<?x1xi64>) -> tensor<2x?xf32> {
  // expected-error @+1 {{'lq.bmatmul' op requires a static column count (rhs rows)}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x1xi64>, tensor<?x1xi64> -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// Test: a bmatmul float result has N columns.
func.func @bmatmul_columns(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'lq.bmatmul' op the result's channel dimension is 4, expected 3}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Test: bit-packed bmatmul output: 200 columns are 4 words.
func.func @bmatmul_packed_words(%a: tensor<2x1xi64>, %w: tensor<200x1xi64>) -> tensor<2x3xi64> {
  // expected-error @+1 {{'lq.bmatmul' op the bit-packed result's word count is 3, expected 4}}
  %0 = lq.bmatmul %a, %w {k = 8} : tensor<2x1xi64>, tensor<200x1xi64> -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

//===----------------------------------------------------------------------===//
// bmaxpool2d
//===----------------------------------------------------------------------===//

// Test: rank-4 packed NHWC.
func.func @bmaxpool_rank(%x: tensor<4x4x1xi64>) -> tensor<2x2x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op requires rank-4 packed NHWC input and result}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>} : tensor<4x4x1xi64> -> tensor<2x2x1xi64>
  return %0 : tensor<2x2x1xi64>
}

// -----

// Test: the kernel has 2 elements.
func.func @bmaxpool_kernel_size(%x: tensor<1x4x4x1xi64>) -> tensor<1x3x3x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op attribute 'kernel' must have 2 elements, got 1}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2>} : tensor<1x4x4x1xi64> -> tensor<1x3x3x1xi64>
  return %0 : tensor<1x3x3x1xi64>
}

// -----

// Test: an empty window.
func.func @bmaxpool_kernel_zero(%x: tensor<1x4x4x1xi64>) -> tensor<1x3x3x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op attribute 'kernel' must be positive, got 0}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 0>} : tensor<1x4x4x1xi64> -> tensor<1x3x3x1xi64>
  return %0 : tensor<1x3x3x1xi64>
}

// -----

// Test: a zero stride.
func.func @bmaxpool_stride_zero(%x: tensor<1x4x4x1xi64>) -> tensor<1x3x3x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op attribute 'strides' must be positive, got 0}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 0, 1>} : tensor<1x4x4x1xi64> -> tensor<1x3x3x1xi64>
  return %0 : tensor<1x3x3x1xi64>
}

// -----

// Test: negative padding.
func.func @bmaxpool_padding_negative(%x: tensor<1x4x4x1xi64>) -> tensor<1x3x3x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op attribute 'padding' must be non-negative, got -1}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, -1, 0>} : tensor<1x4x4x1xi64> -> tensor<1x3x3x1xi64>
  return %0 : tensor<1x3x3x1xi64>
}

// -----

// Test: padding >= window (top): a window of padding only has no max.
func.func @bmaxpool_padding_top(%x: tensor<1x4x4x1xi64>) -> tensor<1x6x3x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op padding along spatial axis 0 must be smaller than the window (2) so that every window has an input tap}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, padding = array<i64: 2, 1, 0, 0>} : tensor<1x4x4x1xi64> -> tensor<1x6x3x1xi64>
  return %0 : tensor<1x6x3x1xi64>
}

// -----

// Test: padding >= window (right).
func.func @bmaxpool_padding_right(%x: tensor<1x4x4x1xi64>) -> tensor<1x2x4x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op padding along spatial axis 1 must be smaller than the window (3) so that every window has an input tap}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 0, 0, 0, 3>} : tensor<1x4x4x1xi64> -> tensor<1x2x4x1xi64>
  return %0 : tensor<1x2x4x1xi64>
}

// -----

// Test: the window does not fit the (padded) input.
func.func @bmaxpool_window_too_big(%x: tensor<1x4x4x1xi64>) -> tensor<1x1x1x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op the window does not fit the padded input along spatial axis 0}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 5, 2>} : tensor<1x4x4x1xi64> -> tensor<1x1x1x1xi64>
  return %0 : tensor<1x1x1x1xi64>
}

// -----

// Test: output size: (5 + 1 - 2) / 2 + 1 = 3.
func.func @bmaxpool_result_size(%x: tensor<1x5x5x1xi64>) -> tensor<1x3x2x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op result spatial dimension 1 is 2, expected 3}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 0, 1>} : tensor<1x5x5x1xi64> -> tensor<1x3x2x1xi64>
  return %0 : tensor<1x3x2x1xi64>
}

// -----

// Test: the words are kept.
func.func @bmaxpool_words(%x: tensor<1x4x4x2xi64>) -> tensor<1x2x2x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op requires the result's batch and word dimensions to match the input's}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x4x2xi64> -> tensor<1x2x2x1xi64>
  return %0 : tensor<1x2x2x1xi64>
}

// -----

// Test: the batch is kept.
func.func @bmaxpool_batch(%x: tensor<2x4x4x1xi64>) -> tensor<1x2x2x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op requires the result's batch and word dimensions to match the input's}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<2x4x4x1xi64> -> tensor<1x2x2x1xi64>
  return %0 : tensor<1x2x2x1xi64>
}

// -----

// Test: bmaxpool2d works on packed words only.
func.func @bmaxpool_float(%x: tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32> {
  // expected-error @+1 {{'lq.bmaxpool2d' op operand #0 must be ranked tensor of 64-bit signless integer values, but got 'tensor<1x4x4x8xf32>'}}
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x4x8xf32> -> tensor<1x2x2x8xf32>
  return %0 : tensor<1x2x2x8xf32>
}

// -----

// Test: the kernel attribute is required.
func.func @bmaxpool_no_kernel(%x: tensor<1x4x4x1xi64>) -> tensor<1x4x4x1xi64> {
  // expected-error @+1 {{'lq.bmaxpool2d' op requires attribute 'kernel'}}
  %0 = lq.bmaxpool2d %x : tensor<1x4x4x1xi64> -> tensor<1x4x4x1xi64>
  return %0 : tensor<1x4x4x1xi64>
}
