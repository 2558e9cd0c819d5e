// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i64 tile-rows=2 tile-vectors=1" | FileCheck %s
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=192 popcount=i64 tile-rows=1 tile-vectors=1" | FileCheck %s --check-prefix=COLS

// Every shape the kernels do not cover: the op is left exactly as it was,
// without error, for convert-lq-to-linalg (the next-line checks: nothing is inserted
// before it or between it and the return). Each case has a control, a
// nearby shape that is lowered, so that the condition tested is the one
// named.

// Batched bmatmul (rank 3).
// CHECK-LABEL: func.func @bmatmul_batched(
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %arg0, %arg1 {k = 100 : i64} : tensor<2x4x2xi64>, tensor<2x8x2xi64> -> tensor<2x4x8xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @bmatmul_batched(%a: tensor<2x4x2xi64>, %w: tensor<2x8x2xi64>) -> tensor<2x4x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<2x4x2xi64>, tensor<2x8x2xi64> -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// Dynamic depth (lhs word count), dynamic rhs shape; a dynamic row count is
// lowered.
// CHECK-LABEL: func.func @bmatmul_dynamic_depth(
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %arg0, %arg1 {k = 100 : i64} : tensor<4x?xi64>, tensor<8x2xi64> -> tensor<4x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bmatmul_dynamic_rhs(
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %arg0, %arg1 {k = 100 : i64} : tensor<4x2xi64>, tensor<8x?xi64> -> tensor<4x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bmatmul_dynamic_rows(
// CHECK-NOT:     lq.bmatmul
// CHECK:         math.ctpop
// CHECK-NOT:     lq.bmatmul
// CHECK:         return
func.func @bmatmul_dynamic_depth(%a: tensor<4x?xi64>, %w: tensor<8x2xi64>) -> tensor<4x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x?xi64>, tensor<8x2xi64> -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
func.func @bmatmul_dynamic_rhs(%a: tensor<4x2xi64>, %w: tensor<8x?xi64>) -> tensor<4x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<8x?xi64> -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
func.func @bmatmul_dynamic_rows(%a: tensor<?x2xi64>, %w: tensor<8x2xi64>) -> tensor<?x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<?x2xi64>, tensor<8x2xi64> -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}

// -----

// Bit-packed output needs tiles of channels that divide a 64-bit word: with
// 3-lane vectors (vector-bits=192, one vector per tile) it is left alone,
// while the float output of the same product is lowered on 3 lanes.
// CHECK-LABEL: func.func @bmatmul_bits(
// CHECK-NOT:     lq.bmatmul
// CHECK:         vector.bitcast %{{.*}} : vector<4xi1> to vector<1xi4>
// CHECK-NOT:     lq.bmatmul
// CHECK:         return
// COLS-LABEL: func.func @bmatmul_bits(
// COLS-NEXT:    %[[Y:.*]] = lq.bmatmul %arg0, %arg1 {k = 100 : i64} : tensor<4x2xi64>, tensor<8x2xi64> -> tensor<4x1xi64>
// COLS-NEXT:    return %[[Y]]
// COLS-LABEL: func.func @bmatmul_float(
// COLS-NOT:     lq.bmatmul
// COLS:         math.ctpop %{{.*}} : vector<3xi64>
// COLS-NOT:     lq.bmatmul
// COLS:         return
func.func @bmatmul_bits(%a: tensor<4x2xi64>, %w: tensor<8x2xi64>) -> tensor<4x1xi64> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<8x2xi64> -> tensor<4x1xi64>
  return %y : tensor<4x1xi64>
}
func.func @bmatmul_float(%a: tensor<4x2xi64>, %w: tensor<8x2xi64>) -> tensor<4x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<8x2xi64> -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// Dynamic spatial sizes (input height, result width) and a filter without a
// static shape; a dynamic batch is lowered.
// CHECK-LABEL: func.func @bconv2d_dynamic_height(
// CHECK-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 40 : i64} : tensor<1x?x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x?x3x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bconv2d_dynamic_result_width(
// CHECK-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 40 : i64} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x?x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bconv2d_dynamic_filter(
// CHECK-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 40 : i64} : tensor<1x5x5x1xi64>, tensor<8x3x3x?xi64> -> tensor<1x3x3x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bconv2d_dynamic_batch(
// CHECK-NOT:     lq.bconv2d
// CHECK:         math.ctpop
// CHECK-NOT:     lq.bconv2d
// CHECK:         return
func.func @bconv2d_dynamic_height(%x: tensor<1x?x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x?x3x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40} : tensor<1x?x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x?x3x8xf32>
  return %y : tensor<1x?x3x8xf32>
}
func.func @bconv2d_dynamic_result_width(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x3x?x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x?x8xf32>
  return %y : tensor<1x3x?x8xf32>
}
func.func @bconv2d_dynamic_filter(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x?xi64>) -> tensor<1x3x3x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40} : tensor<1x5x5x1xi64>, tensor<8x3x3x?xi64> -> tensor<1x3x3x8xf32>
  return %y : tensor<1x3x3x8xf32>
}
func.func @bconv2d_dynamic_batch(%x: tensor<?x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<?x3x3x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40} : tensor<?x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<?x3x3x8xf32>
  return %y : tensor<?x3x3x8xf32>
}

// -----

// Bit-packed output of a grouped convolution is left alone; without groups
// it is lowered, unless the tile channels do not divide 64 (COLS).
// CHECK-LABEL: func.func @bconv2d_grouped_bits(
// CHECK-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 128 : i64, groups = 2 : i64} : tensor<1x5x5x2xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x3x1xi64>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bconv2d_bits(
// CHECK-NOT:     lq.bconv2d
// CHECK:         vector.bitcast %{{.*}} : vector<4xi1> to vector<1xi4>
// CHECK-NOT:     lq.bconv2d
// CHECK:         return
// COLS-LABEL: func.func @bconv2d_grouped_bits(
// COLS-NEXT:    lq.bconv2d
// COLS-LABEL: func.func @bconv2d_bits(
// COLS-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 40 : i64} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x3x1xi64>
// COLS-NEXT:    return %[[Y]]
func.func @bconv2d_grouped_bits(%x: tensor<1x5x5x2xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x3x3x1xi64> {
  %y = lq.bconv2d %x, %f {channels_in = 128, groups = 2} : tensor<1x5x5x2xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x3x1xi64>
  return %y : tensor<1x3x3x1xi64>
}
func.func @bconv2d_bits(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x3x3x1xi64> {
  %y = lq.bconv2d %x, %f {channels_in = 40} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x3x1xi64>
  return %y : tensor<1x3x3x1xi64>
}

// -----

// Exact zero padding needs a constant filter (the correction table is
// computed at compile time). A run-time filter is lowered with +1 padding,
// and with pad_value = 0 when nothing is padded.
// CHECK-LABEL: func.func @bconv2d_zero_padding_runtime_filter(
// CHECK-NEXT:    %[[Y:.*]] = lq.bconv2d %arg0, %arg1 {channels_in = 40 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x5x5x8xf32>
// CHECK-NEXT:    return %[[Y]]
// CHECK-LABEL: func.func @bconv2d_one_padding_runtime_filter(
// CHECK-NOT:     lq.bconv2d
// CHECK:         tensor.pad
// CHECK:         math.ctpop
// CHECK-NOT:     lq.bconv2d
// CHECK:         return
// CHECK-LABEL: func.func @bconv2d_no_padding_runtime_filter(
// CHECK-NOT:     lq.bconv2d
// CHECK:         math.ctpop
// CHECK-NOT:     lq.bconv2d
// CHECK:         return
func.func @bconv2d_zero_padding_runtime_filter(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x5x5x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40, padding = array<i64: 1, 1, 1, 1>, pad_value = 0} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x5x5x8xf32>
  return %y : tensor<1x5x5x8xf32>
}
func.func @bconv2d_one_padding_runtime_filter(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x5x5x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40, padding = array<i64: 1, 1, 1, 1>, pad_value = 1} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x5x5x8xf32>
  return %y : tensor<1x5x5x8xf32>
}
func.func @bconv2d_no_padding_runtime_filter(%x: tensor<1x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<1x3x3x8xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 40, pad_value = 0} : tensor<1x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<1x3x3x8xf32>
  return %y : tensor<1x3x3x8xf32>
}

// -----

// bitpack with a dynamic channel count; dynamic rows are lowered.
// CHECK-LABEL: func.func @bitpack_dynamic_channels(
// CHECK-NEXT:    %[[P:.*]] = lq.bitpack %arg0 : tensor<4x?xf32> -> tensor<4x?xi64>
// CHECK-NEXT:    return %[[P]]
// CHECK-LABEL: func.func @bitpack_dynamic_rows(
// CHECK-NOT:     lq.bitpack
// CHECK:         vector.bitcast %{{.*}} : vector<64xi1> to vector<1xi64>
// CHECK-NOT:     lq.bitpack
// CHECK:         return
func.func @bitpack_dynamic_channels(%x: tensor<4x?xf32>) -> tensor<4x?xi64> {
  %p = lq.bitpack %x : tensor<4x?xf32> -> tensor<4x?xi64>
  return %p : tensor<4x?xi64>
}
func.func @bitpack_dynamic_rows(%x: tensor<?x64xf32>) -> tensor<?x1xi64> {
  %p = lq.bitpack %x : tensor<?x64xf32> -> tensor<?x1xi64>
  return %p : tensor<?x1xi64>
}
