// RUN: lq-opt %s -split-input-file -convert-lq-to-linalg | FileCheck %s

// The straightforward lowering of the binary ops (BinaryOpsToLinalg.cpp),
// the one lq-to-llvm uses: xori + math.ctpop dot products, the in-bounds
// mask of exact zero padding, +1 (all-zero) words for one padding, AND for
// max pooling with all-ones padding, and the epilogue.

// Test: bitpack pads each row to whole words with +0.0 (a 0 bit), splits
// the channels into [words, 64] and OR-reduces (x < 0 ? 1 << bit : 0).
// CHECK-DAG:   #[[$ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$BIT:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG:   #[[$WORD:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @bitpack(
// CHECK-SAME:    %[[X:.*]]: tensor<2x70xf32>) -> tensor<2x2xi64>
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2]] output_shape [2, 1, 70] : tensor<2x70xf32> into tensor<2x1x70xf32>
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[P:.*]] = tensor.pad %[[G]] low[0, 0, 0] high[0, 0, 58]
// CHECK:           tensor.yield %[[ZERO]] : f32
// CHECK:         %[[B:.*]] = tensor.expand_shape %[[P]] {{\[}}[0], [1], [2, 3]] output_shape [2, 1, 2, 64] : tensor<2x1x128xf32> into tensor<2x1x2x64xf32>
// CHECK:         %[[W:.*]] = arith.constant dense<[1, 2, 4, 8, {{.*}}, 4611686018427387904, -9223372036854775808]> : tensor<64xi64>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<2x1x2xi64>)
// CHECK:         %[[R:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$BIT]], #[[$WORD]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[B]], %[[W]] : tensor<2x1x2x64xf32>, tensor<64xi64>) outs(%[[INIT]] : tensor<2x1x2xi64>)
// CHECK-NEXT:    ^bb0(%[[IN:.*]]: f32, %[[BW:.*]]: i64, %[[ACC:.*]]: i64):
// CHECK-NEXT:      %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:      %[[NEG:.*]] = arith.cmpf olt, %[[IN]], %[[Z]] : f32
// CHECK-NEXT:      %[[NONE:.*]] = arith.constant 0 : i64
// CHECK-NEXT:      %[[SEL:.*]] = arith.select %[[NEG]], %[[BW]], %[[NONE]] : i64
// CHECK-NEXT:      %[[OR:.*]] = arith.ori %[[ACC]], %[[SEL]] : i64
// CHECK-NEXT:      linalg.yield %[[OR]] : i64
// CHECK:         %[[C:.*]] = tensor.collapse_shape %[[R]] {{\[}}[0], [1, 2]] : tensor<2x1x2xi64> into tensor<2x2xi64>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[C]]
// CHECK:         return %[[CAST]]
func.func @bitpack(%x: tensor<2x70xf32>) -> tensor<2x2xi64> {
  %p = lq.bitpack %x : tensor<2x70xf32> -> tensor<2x2xi64>
  return %p : tensor<2x2xi64>
}

// -----

// Test: grouped packing: 2 groups of 50 channels, each padded to one word
// (pad 14); 128 channels in 2 groups of 64 need no padding.
// CHECK-LABEL: func.func @bitpack_groups(
// CHECK:         tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [3, 2, 50] : tensor<3x100xf16> into tensor<3x2x50xf16>
// CHECK:         tensor.pad %{{.*}} low[0, 0, 0] high[0, 0, 14]
// CHECK:         tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2, 3]] output_shape [3, 2, 1, 64] : tensor<3x2x64xf16> into tensor<3x2x1x64xf16>
// CHECK:         arith.cmpf olt, %{{.*}}, %{{.*}} : f16
// CHECK:         tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : tensor<3x2x1xi64> into tensor<3x2xi64>
// CHECK-LABEL: func.func @bitpack_no_tail(
// CHECK-NOT:     tensor.pad
// CHECK:         return
func.func @bitpack_groups(%x: tensor<3x100xf16>) -> tensor<3x2xi64> {
  %p = lq.bitpack %x {groups = 2} : tensor<3x100xf16> -> tensor<3x2xi64>
  return %p : tensor<3x2xi64>
}
func.func @bitpack_no_tail(%x: tensor<3x128xf32>) -> tensor<3x2xi64> {
  %p = lq.bitpack %x {groups = 2} : tensor<3x128xf32> -> tensor<3x2xi64>
  return %p : tensor<3x2xi64>
}

// -----

// Test: bitunpack: bit (word >> lane) & 1 selects -1 or +1, then the tail
// of each group is sliced off (2 groups of 65 channels, 2 words each).
// CHECK-LABEL: func.func @bitunpack(
// CHECK-SAME:    %[[P:.*]]: tensor<2x4xi64>)
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[P]] {{\[}}[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xi64> into tensor<2x2x2xi64>
// CHECK:         %[[V:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[G]] : tensor<2x2x2xi64>) outs(%{{.*}} : tensor<2x2x2x64xf16>)
// CHECK-NEXT:    ^bb0(%[[W:.*]]: i64, %{{.*}}: f16):
// CHECK-NEXT:      %[[LANE:.*]] = linalg.index 3 : index
// CHECK-NEXT:      %[[L:.*]] = arith.index_cast %[[LANE]] : index to i64
// CHECK-NEXT:      %[[S:.*]] = arith.shrui %[[W]], %[[L]] : i64
// CHECK-NEXT:      %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-NEXT:      %[[BIT:.*]] = arith.andi %[[S]], %[[ONE]] : i64
// CHECK-NEXT:      %[[Z:.*]] = arith.constant 0 : i64
// CHECK-NEXT:      %[[SET:.*]] = arith.cmpi ne, %[[BIT]], %[[Z]] : i64
// CHECK-NEXT:      %[[M1:.*]] = arith.constant -1.000000e+00 : f16
// CHECK-NEXT:      %[[P1:.*]] = arith.constant 1.000000e+00 : f16
// CHECK-NEXT:      %[[Y:.*]] = arith.select %[[SET]], %[[M1]], %[[P1]] : f16
// CHECK-NEXT:      linalg.yield %[[Y]] : f16
// CHECK:         %[[M:.*]] = tensor.collapse_shape %[[V]] {{\[}}[0], [1], [2, 3]] : tensor<2x2x2x64xf16> into tensor<2x2x128xf16>
// CHECK:         %[[T:.*]] = tensor.extract_slice %[[M]][0, 0, 0] [2, 2, 65] [1, 1, 1] : tensor<2x2x128xf16> to tensor<2x2x65xf16>
// CHECK:         tensor.collapse_shape %[[T]] {{\[}}[0], [1, 2]] : tensor<2x2x65xf16> into tensor<2x130xf16>
func.func @bitunpack(%p: tensor<2x4xi64>) -> tensor<2x130xf16> {
  %x = lq.bitunpack %p {groups = 2} : tensor<2x4xi64> -> tensor<2x130xf16>
  return %x : tensor<2x130xf16>
}

// -----

// Test: bconv2d with exact zero padding: the packed input is padded with 0
// words (+1) and every tap's term bits - 2 * popcount(a ^ w) is multiplied by
// an in-bounds mask (a 1-filled [H, W] tensor padded with 0), so padded taps
// contribute nothing; bits per word = [64, 36] for 100 channels. Iteration
// (n, oh, ow, g, o, kh, kw, word), stride 2. Then the float epilogue:
// clamp(dot, dot_min) * multiplier + bias, output clamp.
// CHECK-DAG:   #[[$IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 * 2 + d5, d2 * 2 + d6, d3, d7)>
// CHECK-DAG:   #[[$FLT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d3, d4, d5, d6, d7)>
// CHECK-DAG:   #[[$WRD:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d7)>
// CHECK-DAG:   #[[$MASK:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1 * 2 + d5, d2 * 2 + d6)>
// CHECK-DAG:   #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG:   #[[$ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG:   #[[$CH4:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @bconv2d_zero_padding(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x5x5x2xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<8x3x3x2xi64>, %[[M:[a-zA-Z0-9_]+]]: tensor<8xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<8xf32>
// CHECK:         %[[PLUS:.*]] = arith.constant 0 : i64
// CHECK:         %[[PA:.*]] = tensor.pad %[[A]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:           tensor.yield %[[PLUS]] : i64
// CHECK:         } : tensor<1x5x5x2xi64> to tensor<1x7x7x2xi64>
// CHECK:         %[[A5:.*]] = tensor.expand_shape %[[PA]] {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 7, 7, 1, 2]
// CHECK:         %[[W5:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [1, 8, 3, 3, 2]
// CHECK:         %[[BITS:.*]] = arith.constant dense<[64, 36]> : tensor<2xi32>
// CHECK:         %[[ONES:.*]] = linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<5x5xi32>)
// CHECK:         %[[MZ:.*]] = arith.constant 0 : i32
// CHECK:         %[[MP:.*]] = tensor.pad %[[ONES]] low[1, 1] high[1, 1]
// CHECK:           tensor.yield %[[MZ]] : i32
// CHECK:         } : tensor<5x5xi32> to tensor<7x7xi32>
// CHECK:         %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[$IN]], #[[$FLT]], #[[$WRD]], #[[$MASK]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%[[A5]], %[[W5]], %[[BITS]], %[[MP]] : tensor<1x7x7x1x2xi64>, tensor<1x8x3x3x2xi64>, tensor<2xi32>, tensor<7x7xi32>) outs(%{{.*}} : tensor<1x3x3x1x8xi32>)
// CHECK-NEXT:    ^bb0(%[[I:.*]]: i64, %[[F:.*]]: i64, %[[NB:.*]]: i32, %[[IN_BOUNDS:.*]]: i32, %[[ACC:.*]]: i32):
// CHECK-NEXT:      %[[X:.*]] = arith.xori %[[I]], %[[F]] : i64
// CHECK-NEXT:      %[[PC:.*]] = math.ctpop %[[X]] : i64
// CHECK-NEXT:      %[[PC32:.*]] = arith.trunci %[[PC]] : i64 to i32
// CHECK-NEXT:      %[[TWICE:.*]] = arith.addi %[[PC32]], %[[PC32]] : i32
// CHECK-NEXT:      %[[TERM:.*]] = arith.subi %[[NB]], %[[TWICE]] : i32
// CHECK-NEXT:      %[[MASKED:.*]] = arith.muli %[[TERM]], %[[IN_BOUNDS]] : i32
// CHECK-NEXT:      %[[SUM:.*]] = arith.addi %[[ACC]], %[[MASKED]] : i32
// CHECK-NEXT:      linalg.yield %[[SUM]] : i32
// CHECK:         %[[D4:.*]] = tensor.collapse_shape %[[DOT]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x3x3x1x8xi32> into tensor<1x3x3x8xi32>
// CHECK:         %[[Y:.*]] = linalg.generic {indexing_maps = [#[[$ID4]], #[[$CH4]], #[[$CH4]], #[[$ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[D4]], %[[M]], %[[B]] : tensor<1x3x3x8xi32>, tensor<8xf32>, tensor<8xf32>) outs(%{{.*}} : tensor<1x3x3x8xf32>)
// CHECK-NEXT:    ^bb0(%[[D:.*]]: i32, %[[MUL:.*]]: f32, %[[BIAS:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[DF:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK-NEXT:      %[[LO:.*]] = arith.constant -3.000000e+00 : f32
// CHECK-NEXT:      %[[C0:.*]] = arith.maximumf %[[DF]], %[[LO]] : f32
// CHECK-NEXT:      %[[Y0:.*]] = arith.mulf %[[C0]], %[[MUL]] : f32
// CHECK-NEXT:      %[[Y1:.*]] = arith.addf %[[Y0]], %[[BIAS]] : f32
// CHECK-NEXT:      %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-NEXT:      %[[Y2:.*]] = arith.minimumf %[[Y1]], %[[HI]] : f32
// CHECK-NEXT:      linalg.yield %[[Y2]] : f32
// CHECK:         %[[R:.*]] = tensor.cast %[[Y]]
// CHECK-NEXT:    return %[[R]]
func.func @bconv2d_zero_padding(%a: tensor<1x5x5x2xi64>, %w: tensor<8x3x3x2xi64>, %m: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<1x3x3x8xf32> {
  %y = lq.bconv2d %a, %w multiplier(%m : tensor<8xf32>) bias(%b : tensor<8xf32>) {channels_in = 100, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, dot_min = -3.0, output_max = 6.0} : tensor<1x5x5x2xi64>, tensor<8x3x3x2xi64> -> tensor<1x3x3x8xf32>
  return %y : tensor<1x3x3x8xf32>
}

// -----

// Test: one padding (pad_value = 1): the padded input words are 0 (+1), and
// no mask: a padded tap counts like a +1 input. The raw i32 result is the
// dot itself (no epilogue generic).
// CHECK-LABEL: func.func @bconv2d_one_padding_i32(
// CHECK:         tensor.pad %{{.*}} low[0, 2, 0, 0] high[0, 1, 3, 0]
// CHECK:         } : tensor<1x4x4x1xi64> to tensor<1x7x7x1xi64>
// CHECK-NOT:     linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<4x4xi32>)
// CHECK:         %[[BITS:.*]] = arith.constant dense<33> : tensor<1xi32>
// CHECK:         %[[DOT:.*]] = linalg.generic
// CHECK-SAME:      ins(%{{.*}}, %{{.*}}, %[[BITS]] : tensor<1x7x7x1x1xi64>, tensor<1x2x3x3x1xi64>, tensor<1xi32>)
// CHECK:           math.ctpop
// CHECK-NOT:       arith.muli
// CHECK:           linalg.yield
// CHECK:         %[[D:.*]] = tensor.collapse_shape %[[DOT]]
// CHECK-NOT:     arith.sitofp
// CHECK:         %[[R:.*]] = tensor.cast %[[D]]
// CHECK-NEXT:    return %[[R]]
func.func @bconv2d_one_padding_i32(%a: tensor<1x4x4x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x5x5x2xi32> {
  %y = lq.bconv2d %a, %w {channels_in = 33, padding = array<i64: 2, 1, 0, 3>, pad_value = 1} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x5x5x2xi32>
  return %y : tensor<1x5x5x2xi32>
}

// -----

// Test: groups and dilation: input [N, H, W, G, Wg], filter [G, Cout/G, KH,
// KW, Wg], output [N, OH, OW, G, Cout/G] merged to channel g * Cout/G + o;
// dilation (2, 1) in the input map; no padding, so no pad and no mask.
// CHECK-DAG:   #[[$IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 + d5 * 2, d2 + d6, d3, d7)>
// CHECK-LABEL: func.func @bconv2d_groups_dilation(
// CHECK-NOT:     tensor.pad
// CHECK:         %[[A5:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 6, 6, 2, 2] : tensor<1x6x6x4xi64> into tensor<1x6x6x2x2xi64>
// CHECK:         %[[W5:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 3, 3, 3, 2] : tensor<6x3x3x2xi64> into tensor<2x3x3x3x2xi64>
// CHECK:         arith.constant dense<[64, 36]> : tensor<2xi32>
// CHECK:         %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[$IN]], {{.*}}} ins(%[[A5]], %[[W5]], %{{.*}} : tensor<1x6x6x2x2xi64>, tensor<2x3x3x3x2xi64>, tensor<2xi32>) outs(%{{.*}} : tensor<1x2x4x2x3xi32>)
// CHECK-NOT:       arith.muli
// CHECK:         tensor.collapse_shape %[[DOT]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x2x4x2x3xi32> into tensor<1x2x4x6xi32>
func.func @bconv2d_groups_dilation(%a: tensor<1x6x6x4xi64>, %w: tensor<6x3x3x2xi64>) -> tensor<1x2x4x6xi32> {
  %y = lq.bconv2d %a, %w {channels_in = 200, groups = 2, dilations = array<i64: 2, 1>, pad_value = 1} : tensor<1x6x6x4xi64>, tensor<6x3x3x2xi64> -> tensor<1x2x4x6xi32>
  return %y : tensor<1x2x4x6xi32>
}

// -----

// Test: bit-packed output: the epilogue in f32 (no multiplier/bias) and a
// bitpack of its result; dynamic sizes: (H + 2 + 2 - 2 * 2 - 1) / 2 + 1.
// CHECK-LABEL: func.func @bconv2d_packed_dynamic(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<?x?x?x1xi64>
// CHECK:         %[[C:.*]] = arith.constant -1 : index
// CHECK-NEXT:    %[[N:.*]] = arith.addi %{{.*}}, %[[C]] : index
// CHECK-NEXT:    %[[TWO:.*]] = arith.constant 2 : index
// CHECK-NEXT:    %[[Q:.*]] = arith.divui %[[N]], %[[TWO]] : index
// CHECK-NEXT:    %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT:    arith.addi %[[Q]], %[[ONE]] : index
// CHECK:         linalg.generic
// CHECK:           math.ctpop
// CHECK:           arith.muli
// CHECK:         linalg.generic
// CHECK:           arith.sitofp %{{.*}} : i32 to f32
// CHECK-NEXT:      linalg.yield
// CHECK:         tensor.pad %{{.*}} high[0, 0, 0, 0, 60]
// CHECK:         linalg.generic
// CHECK:           arith.cmpf olt, %{{.*}}, %{{.*}} : f32
// CHECK:           arith.ori
// CHECK:         tensor.collapse_shape %{{.*}} {{\[}}[0], [1], [2], [3, 4]] : tensor<?x?x?x1x1xi64> into tensor<?x?x?x1xi64>
func.func @bconv2d_packed_dynamic(%a: tensor<?x?x?x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<?x?x?x1xi64> {
  %y = lq.bconv2d %a, %w {channels_in = 3, strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, padding = array<i64: 2, 2, 1, 1>} : tensor<?x?x?x1xi64>, tensor<4x3x3x1xi64> -> tensor<?x?x?x1xi64>
  return %y : tensor<?x?x?x1xi64>
}

// -----

// Test: batched bmatmul (b, m, n, word) with K = 100 (bits [64, 36]) and a
// bit-packed result whose epilogue runs in the multiplier's type (f16).
// CHECK-DAG:   #[[$LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG:   #[[$RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG:   #[[$WRD:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG:   #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @bmatmul_packed_f16(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<3x5x2xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<3x7x2xi64>, %[[M:[a-zA-Z0-9_]+]]: tensor<7xf16>
// CHECK:         %[[BITS:.*]] = arith.constant dense<[64, 36]> : tensor<2xi32>
// CHECK:         %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], #[[$WRD]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[A]], %[[W]], %[[BITS]] : tensor<3x5x2xi64>, tensor<3x7x2xi64>, tensor<2xi32>) outs(%{{.*}} : tensor<3x5x7xi32>)
// CHECK:           arith.xori
// CHECK-NEXT:      math.ctpop
// CHECK:         linalg.generic {{.*}} ins(%[[DOT]], %[[M]] : tensor<3x5x7xi32>, tensor<7xf16>) outs(%{{.*}} : tensor<3x5x7xf16>)
// CHECK:           arith.sitofp %{{.*}} : i32 to f16
// CHECK-NEXT:      arith.mulf %{{.*}}, %{{.*}} : f16
// CHECK:         tensor.pad %{{.*}} high[0, 0, 0, 57]
// CHECK:           arith.cmpf olt, %{{.*}}, %{{.*}} : f16
// CHECK:         tensor.collapse_shape %{{.*}} : tensor<3x5x1x1xi64> into tensor<3x5x1xi64>
func.func @bmatmul_packed_f16(%a: tensor<3x5x2xi64>, %w: tensor<3x7x2xi64>, %m: tensor<7xf16>) -> tensor<3x5x1xi64> {
  %y = lq.bmatmul %a, %w multiplier(%m : tensor<7xf16>) {k = 100} : tensor<3x5x2xi64>, tensor<3x7x2xi64> -> tensor<3x5x1xi64>
  return %y : tensor<3x5x1xi64>
}

// -----

// Test: a plain 2-D bmatmul with K = 1 (one true bit) and a float result
// with a bias only.
// CHECK-DAG:   #[[$LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG:   #[[$RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-LABEL: func.func @bmatmul_k1(
// CHECK:         %[[BITS:.*]] = arith.constant dense<1> : tensor<1xi32>
// CHECK:         linalg.generic {indexing_maps = [#[[$LHS]], #[[$RHS]], {{.*}}], iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}}, %[[BITS]] : tensor<4x1xi64>, tensor<6x1xi64>, tensor<1xi32>) outs(%{{.*}} : tensor<4x6xi32>)
// CHECK:         linalg.generic
// CHECK:           %[[F:.*]] = arith.sitofp %{{.*}} : i32 to f32
// CHECK-NEXT:      %[[Y:.*]] = arith.addf %[[F]], %{{.*}} : f32
// CHECK-NEXT:      linalg.yield %[[Y]] : f32
func.func @bmatmul_k1(%a: tensor<4x1xi64>, %w: tensor<6x1xi64>, %b: tensor<6xf32>) -> tensor<4x6xf32> {
  %y = lq.bmatmul %a, %w bias(%b : tensor<6xf32>) {k = 1} : tensor<4x1xi64>, tensor<6x1xi64> -> tensor<4x6xf32>
  return %y : tensor<4x6xf32>
}

// -----

// Test: bmaxpool2d: pad with all-ones words (-1, the identity of AND, as
// -inf is of max), AND over the window starting from all ones.
// CHECK-DAG:   #[[$IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3)>
// CHECK-DAG:   #[[$WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-DAG:   #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @bmaxpool2d(
// CHECK-SAME:    %[[X:.*]]: tensor<1x5x5x2xi64>)
// CHECK:         %[[ONES:.*]] = arith.constant -1 : i64
// CHECK:         %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:           tensor.yield %[[ONES]] : i64
// CHECK:         %[[WIN_T:.*]] = tensor.empty() : tensor<3x3xi64>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<1x3x3x2xi64>)
// CHECK:         %[[R:.*]] = linalg.generic {indexing_maps = [#[[$IN]], #[[$WIN]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[P]], %[[WIN_T]] : tensor<1x7x7x2xi64>, tensor<3x3xi64>) outs(%[[INIT]] : tensor<1x3x3x2xi64>)
// CHECK-NEXT:    ^bb0(%[[I:.*]]: i64, %{{.*}}: i64, %[[ACC:.*]]: i64):
// CHECK-NEXT:      %[[AND:.*]] = arith.andi %[[ACC]], %[[I]] : i64
// CHECK-NEXT:      linalg.yield %[[AND]] : i64
// CHECK:         tensor.cast %[[R]]
func.func @bmaxpool2d(%x: tensor<1x5x5x2xi64>) -> tensor<1x3x3x2xi64> {
  %y = lq.bmaxpool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x5x5x2xi64> -> tensor<1x3x3x2xi64>
  return %y : tensor<1x3x3x2xi64>
}

// -----

// Test: bmaxpool2d without padding needs no pad; dynamic spatial sizes:
// (H + 0 - 2) / 2 + 1.
// CHECK-LABEL: func.func @bmaxpool2d_dynamic(
// CHECK-SAME:    %[[X:.*]]: tensor<?x?x?x?xi64>)
// CHECK-NOT:     tensor.pad
// CHECK:         %[[ONE_I:.*]] = arith.constant 1 : index
// CHECK-NEXT:    %[[H:.*]] = tensor.dim %[[X]], %[[ONE_I]] : tensor<?x?x?x?xi64>
// CHECK-NEXT:    %[[C:.*]] = arith.constant -2 : index
// CHECK-NEXT:    %[[N:.*]] = arith.addi %[[H]], %[[C]] : index
// CHECK-NEXT:    %[[TWO:.*]] = arith.constant 2 : index
// CHECK-NEXT:    arith.divui %[[N]], %[[TWO]] : index
// CHECK:         linalg.generic
// CHECK:           arith.andi
func.func @bmaxpool2d_dynamic(%x: tensor<?x?x?x?xi64>) -> tensor<?x?x?x?xi64> {
  %y = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<?x?x?x?xi64> -> tensor<?x?x?x?xi64>
  return %y : tensor<?x?x?x?xi64>
}
