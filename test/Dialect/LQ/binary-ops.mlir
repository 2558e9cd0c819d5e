// RUN: lq-opt %s | lq-opt | FileCheck %s
// RUN: lq-opt %s --mlir-print-op-generic | lq-opt | FileCheck %s
// RUN: lq-opt %s --verify-roundtrip | FileCheck %s
// RUN: lq-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of the bit-packed binary ops (LQBinaryOps.td) with every
// attribute and optional operand combination: custom form, generic form and
// --verify-roundtrip. Attributes equal to their default (groups = 1,
// strides/dilations = [1, 1], padding = [0, 0, 0, 0], pad_value = 0) are
// elided by the printer, so an explicit default comes back without them.

//===----------------------------------------------------------------------===//
// bitpack / bitunpack
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @bitpack_types(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x4x4x100xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<64xf16>, %[[C:[a-zA-Z0-9_]+]]: tensor<2x65xbf16>, %[[D:[a-zA-Z0-9_]+]]: tensor<3x1xf64>, %[[E:[a-zA-Z0-9_]+]]: tensor<?x?x128xf32>
// CHECK-NEXT:    lq.bitpack %[[A]] : tensor<1x4x4x100xf32> -> tensor<1x4x4x2xi64>
// CHECK-NEXT:    lq.bitpack %[[B]] : tensor<64xf16> -> tensor<1xi64>
// CHECK-NEXT:    lq.bitpack %[[C]] : tensor<2x65xbf16> -> tensor<2x2xi64>
// CHECK-NEXT:    lq.bitpack %[[D]] : tensor<3x1xf64> -> tensor<3x1xi64>
// CHECK-NEXT:    lq.bitpack %[[E]] : tensor<?x?x128xf32> -> tensor<?x?x2xi64>
// CHECK-NEXT:    lq.bitpack %[[E]] : tensor<?x?x128xf32> -> tensor<?x3x?xi64>
// CHECK-NEXT:    return
func.func @bitpack_types(%a: tensor<1x4x4x100xf32>, %b: tensor<64xf16>,
                         %c: tensor<2x65xbf16>, %d: tensor<3x1xf64>,
                         %e: tensor<?x?x128xf32>) {
  %0 = lq.bitpack %a : tensor<1x4x4x100xf32> -> tensor<1x4x4x2xi64>
  %1 = lq.bitpack %b : tensor<64xf16> -> tensor<1xi64>
  %2 = lq.bitpack %c : tensor<2x65xbf16> -> tensor<2x2xi64>
  %3 = lq.bitpack %d : tensor<3x1xf64> -> tensor<3x1xi64>
  %4 = lq.bitpack %e : tensor<?x?x128xf32> -> tensor<?x?x2xi64>
  // A dynamic dimension on one side is compatible with a static one.
  %5 = lq.bitpack %e : tensor<?x?x128xf32> -> tensor<?x3x?xi64>
  return
}

// GENERIC-LABEL: sym_name = "bitpack_groups"
// GENERIC:         "lq.bitpack"(%{{.*}}) <{groups = 2 : i64}> : (tensor<1x8x8x200xf32>) -> tensor<1x8x8x4xi64>
// The generic form keeps an explicitly written default.
// GENERIC:         "lq.bitpack"(%{{.*}}) <{groups = 1 : i64}> : (tensor<1x8x8x200xf32>) -> tensor<1x8x8x4xi64>
// CHECK-LABEL: func.func @bitpack_groups(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<1x8x8x200xf32>
// CHECK-NEXT:    lq.bitpack %[[X]] {groups = 2 : i64} : tensor<1x8x8x200xf32> -> tensor<1x8x8x4xi64>
// CHECK-NEXT:    lq.bitpack %[[X]] : tensor<1x8x8x200xf32> -> tensor<1x8x8x4xi64>
// CHECK-NEXT:    lq.bitpack %[[X]] {groups = 8 : i64} : tensor<1x8x8x200xf32> -> tensor<1x8x8x8xi64>
// CHECK-NEXT:    lq.bitpack %[[X]] {groups = 200 : i64} : tensor<1x8x8x200xf32> -> tensor<1x8x8x200xi64>
// CHECK-NEXT:    return
func.func @bitpack_groups(%x: tensor<1x8x8x200xf32>) {
  // 2 groups of 100 channels: 2 words each.
  %0 = lq.bitpack %x {groups = 2} : tensor<1x8x8x200xf32> -> tensor<1x8x8x4xi64>
  // The explicit default is elided.
  %1 = lq.bitpack %x {groups = 1} : tensor<1x8x8x200xf32> -> tensor<1x8x8x4xi64>
  // 8 groups of 25 channels: one word each.
  %2 = lq.bitpack %x {groups = 8} : tensor<1x8x8x200xf32> -> tensor<1x8x8x8xi64>
  // Depthwise: one channel per group.
  %3 = lq.bitpack %x {groups = 200} : tensor<1x8x8x200xf32> -> tensor<1x8x8x200xi64>
  return
}

// CHECK-LABEL: func.func @bitunpack_types(
// CHECK-SAME:    %[[P:[a-zA-Z0-9_]+]]: tensor<1x4x4x2xi64>, %[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x4xi64>, %[[R:[a-zA-Z0-9_]+]]: tensor<1xi64>
// CHECK-NEXT:    lq.bitunpack %[[P]] : tensor<1x4x4x2xi64> -> tensor<1x4x4x100xf32>
// CHECK-NEXT:    lq.bitunpack %[[P]] : tensor<1x4x4x2xi64> -> tensor<1x4x4x128xf16>
// CHECK-NEXT:    lq.bitunpack %[[P]] : tensor<1x4x4x2xi64> -> tensor<1x4x4x65xbf16>
// CHECK-NEXT:    lq.bitunpack %[[P]] : tensor<1x4x4x2xi64> -> tensor<1x4x4x66xf64>
// CHECK-NEXT:    lq.bitunpack %[[Q]] {groups = 2 : i64} : tensor<?x?x4xi64> -> tensor<?x7x200xf32>
// CHECK-NEXT:    lq.bitunpack %[[Q]] {groups = 4 : i64} : tensor<?x?x4xi64> -> tensor<?x?x4xf32>
// CHECK-NEXT:    lq.bitunpack %[[R]] : tensor<1xi64> -> tensor<1xf32>
// CHECK-NEXT:    return
func.func @bitunpack_types(%p: tensor<1x4x4x2xi64>, %q: tensor<?x?x4xi64>,
                           %r: tensor<1xi64>) {
  %0 = lq.bitunpack %p : tensor<1x4x4x2xi64> -> tensor<1x4x4x100xf32>
  %1 = lq.bitunpack %p {groups = 1} : tensor<1x4x4x2xi64> -> tensor<1x4x4x128xf16>
  %2 = lq.bitunpack %p : tensor<1x4x4x2xi64> -> tensor<1x4x4x65xbf16>
  %3 = lq.bitunpack %p : tensor<1x4x4x2xi64> -> tensor<1x4x4x66xf64>
  %4 = lq.bitunpack %q {groups = 2} : tensor<?x?x4xi64> -> tensor<?x7x200xf32>
  %5 = lq.bitunpack %q {groups = 4} : tensor<?x?x4xi64> -> tensor<?x?x4xf32>
  %6 = lq.bitunpack %r : tensor<1xi64> -> tensor<1xf32>
  return
}

// GENERIC-LABEL: sym_name = "bitunpack_generic"
// GENERIC:         "lq.bitunpack"(%{{.*}}) <{groups = 2 : i64}> : (tensor<3x2xi64>) -> tensor<3x10xf32>
// CHECK-LABEL: func.func @bitunpack_generic(
// CHECK-NEXT:    lq.bitunpack %{{.*}} {groups = 2 : i64} : tensor<3x2xi64> -> tensor<3x10xf32>
func.func @bitunpack_generic(%p: tensor<3x2xi64>) -> tensor<3x10xf32> {
  %0 = "lq.bitunpack"(%p) <{groups = 2 : i64}> : (tensor<3x2xi64>) -> tensor<3x10xf32>
  return %0 : tensor<3x10xf32>
}

//===----------------------------------------------------------------------===//
// bconv2d
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @bconv2d_output_kinds(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x8x8x2xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<70x3x3x2xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 100 : i64} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 100 : i64} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xf16>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 128 : i64} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xbf16>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 65 : i64} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xi32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 100 : i64} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x2xi64>
// CHECK-NEXT:    return
func.func @bconv2d_output_kinds(%a: tensor<1x8x8x2xi64>, %w: tensor<70x3x3x2xi64>) {
  // Float output (f32, f16, bf16), raw i32 dot, bit-packed i64 (70 -> 2 words).
  %0 = lq.bconv2d %a, %w {channels_in = 100} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xf32>
  %1 = lq.bconv2d %a, %w {channels_in = 100} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xf16>
  %2 = lq.bconv2d %a, %w {channels_in = 128} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xbf16>
  %3 = lq.bconv2d %a, %w {channels_in = 65} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x70xi32>
  %4 = lq.bconv2d %a, %w {channels_in = 100} : tensor<1x8x8x2xi64>, tensor<70x3x3x2xi64> -> tensor<1x6x6x2xi64>
  return
}

// CHECK-LABEL: func.func @bconv2d_window_attributes(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<2x9x10x1xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<4x3x3x1xi64>, %[[W5:[a-zA-Z0-9_]+]]: tensor<4x5x1x1xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x7x8x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64, strides = array<i64: 2, 3>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x4x3x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64, dilations = array<i64: 2, 3>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x5x4x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x9x10x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64, pad_value = 1 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x9x10x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64, padding = array<i64: 0, 1, 2, 0>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x8x10x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W5]] {channels_in = 32 : i64, dilations = array<i64: 2, 1>, pad_value = 1 : i64, padding = array<i64: 4, 4, 0, 0>, strides = array<i64: 2, 2>} : tensor<2x9x10x1xi64>, tensor<4x5x1x1xi64> -> tensor<2x5x5x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 32 : i64} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x7x8x4xf32>
// CHECK-NEXT:    return
func.func @bconv2d_window_attributes(%a: tensor<2x9x10x1xi64>, %w: tensor<4x3x3x1xi64>, %w5: tensor<4x5x1x1xi64>) {
  %0 = lq.bconv2d %a, %w {channels_in = 32} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x7x8x4xf32>
  // (9 - 3) / 2 + 1 = 4, (10 - 3) / 3 + 1 = 3.
  %1 = lq.bconv2d %a, %w {channels_in = 32, strides = array<i64: 2, 3>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x4x3x4xf32>
  // Dilated extents 5 and 7: 9 - 5 + 1 = 5, 10 - 7 + 1 = 4.
  %2 = lq.bconv2d %a, %w {channels_in = 32, dilations = array<i64: 2, 3>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x5x4x4xf32>
  %3 = lq.bconv2d %a, %w {channels_in = 32, padding = array<i64: 1, 1, 1, 1>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x9x10x4xf32>
  %4 = lq.bconv2d %a, %w {channels_in = 32, padding = array<i64: 1, 1, 1, 1>, pad_value = 1} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x9x10x4xf32>
  // Asymmetric padding [top, bottom, left, right].
  %5 = lq.bconv2d %a, %w {channels_in = 32, padding = array<i64: 0, 1, 2, 0>} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x8x10x4xf32>
  // Everything at once: (9 + 8 - 9) / 2 + 1 = 5, (10 - 1) / 2 + 1 = 5.
  %6 = lq.bconv2d %a, %w5 {channels_in = 32, strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, padding = array<i64: 4, 4, 0, 0>, pad_value = 1} : tensor<2x9x10x1xi64>, tensor<4x5x1x1xi64> -> tensor<2x5x5x4xf32>
  // Every default written out: all elided.
  %7 = lq.bconv2d %a, %w {channels_in = 32, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, pad_value = 0, groups = 1} : tensor<2x9x10x1xi64>, tensor<4x3x3x1xi64> -> tensor<2x7x8x4xf32>
  return
}

// CHECK-LABEL: func.func @bconv2d_groups(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x6x6x4xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<8x3x3x2xi64>, %[[B:[a-zA-Z0-9_]+]]: tensor<1x6x6x2xi64>, %[[V:[a-zA-Z0-9_]+]]: tensor<6x1x1x1xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 200 : i64, groups = 2 : i64} : tensor<1x6x6x4xi64>, tensor<8x3x3x2xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[B]], %[[V]] {channels_in = 4 : i64, groups = 2 : i64} : tensor<1x6x6x2xi64>, tensor<6x1x1x1xi64> -> tensor<1x6x6x6xi32>
// CHECK-NEXT:    return
func.func @bconv2d_groups(%a: tensor<1x6x6x4xi64>, %w: tensor<8x3x3x2xi64>,
                          %b: tensor<1x6x6x2xi64>, %v: tensor<6x1x1x1xi64>) {
  // 2 groups of 100 input channels (2 words each), 4 output channels each.
  %0 = lq.bconv2d %a, %w {channels_in = 200, groups = 2} : tensor<1x6x6x4xi64>, tensor<8x3x3x2xi64> -> tensor<1x4x4x8xf32>
  // 2 groups of 2 input channels: the input holds 2 * ceil(2 / 64) = 2 words
  // per pixel; 3 output channels per group.
  %1 = lq.bconv2d %b, %v {channels_in = 4, groups = 2} : tensor<1x6x6x2xi64>, tensor<6x1x1x1xi64> -> tensor<1x6x6x6xi32>
  return
}

// CHECK-LABEL: func.func @bconv2d_epilogue(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x4x4x1xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<8x1x1x1xi64>, %[[M:[a-zA-Z0-9_]+]]: tensor<8xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<8xf32>, %[[MH:[a-zA-Z0-9_]+]]: tensor<8xf16>, %[[BB:[a-zA-Z0-9_]+]]: tensor<8xbf16>, %[[MD:[a-zA-Z0-9_]+]]: tensor<?xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[M]] : tensor<8xf32>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] bias(%[[B]] : tensor<8xf32>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[M]] : tensor<8xf32>) bias(%[[B]] : tensor<8xf32>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 16 : i64, dot_max = 5.000000e+00 : f64, dot_min = -3.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 16 : i64, output_min = 0.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 16 : i64, output_max = 6.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[M]] : tensor<8xf32>) bias(%[[B]] : tensor<8xf32>) {channels_in = 16 : i64, dot_max = 1.000000e+01 : f64, dot_min = -1.000000e+01 : f64, output_max = 6.000000e+00 : f64, output_min = 0.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[M]] : tensor<8xf32>) bias(%[[B]] : tensor<8xf32>) {channels_in = 16 : i64, output_min = -1.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[MH]] : tensor<8xf16>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf16>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] bias(%[[BB]] : tensor<8xbf16>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] multiplier(%[[MD]] : tensor<?xf32>) {channels_in = 16 : i64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 16 : i64, dot_max = 2.000000e+00 : f64, dot_min = 2.000000e+00 : f64} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
// CHECK-NEXT:    return
func.func @bconv2d_epilogue(%a: tensor<1x4x4x1xi64>, %w: tensor<8x1x1x1xi64>,
                            %m: tensor<8xf32>, %b: tensor<8xf32>,
                            %mh: tensor<8xf16>, %bb: tensor<8xbf16>,
                            %md: tensor<?xf32>) {
  %0 = lq.bconv2d %a, %w multiplier(%m : tensor<8xf32>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %1 = lq.bconv2d %a, %w bias(%b : tensor<8xf32>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %2 = lq.bconv2d %a, %w multiplier(%m : tensor<8xf32>) bias(%b : tensor<8xf32>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %3 = lq.bconv2d %a, %w {channels_in = 16, dot_min = -3.0, dot_max = 5.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %4 = lq.bconv2d %a, %w {channels_in = 16, output_min = 0.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %5 = lq.bconv2d %a, %w {channels_in = 16, output_max = 6.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  %6 = lq.bconv2d %a, %w multiplier(%m : tensor<8xf32>) bias(%b : tensor<8xf32>) {channels_in = 16, dot_min = -10.0, dot_max = 10.0, output_min = 0.0, output_max = 6.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  // Bit-packed output with an epilogue (the BN before a sign).
  %7 = lq.bconv2d %a, %w multiplier(%m : tensor<8xf32>) bias(%b : tensor<8xf32>) {channels_in = 16, output_min = -1.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
  %8 = lq.bconv2d %a, %w multiplier(%mh : tensor<8xf16>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf16>
  // A bit-packed output computes its epilogue in the bias type (bf16).
  %9 = lq.bconv2d %a, %w bias(%bb : tensor<8xbf16>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
  // A dynamic per-channel operand is compatible.
  %10 = lq.bconv2d %a, %w multiplier(%md : tensor<?xf32>) {channels_in = 16} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x8xf32>
  // An empty clamp interval is not allowed, a point is.
  %11 = lq.bconv2d %a, %w {channels_in = 16, dot_min = 2.0, dot_max = 2.0} : tensor<1x4x4x1xi64>, tensor<8x1x1x1xi64> -> tensor<1x4x4x1xi64>
  return
}

// GENERIC-LABEL: sym_name = "bconv2d_generic"
// GENERIC:         "lq.bconv2d"(%{{.*}}, %{{.*}}, %{{.*}}) <{channels_in = 64 : i64, operandSegmentSizes = array<i32: 1, 1, 0, 1>, output_min = 0.000000e+00 : f64}> : (tensor<1x3x3x1xi64>, tensor<2x3x3x1xi64>, tensor<2xf32>) -> tensor<1x1x1x2xf32>
// CHECK-LABEL: func.func @bconv2d_generic(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<1x3x3x1xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<2x3x3x1xi64>, %[[B:[a-zA-Z0-9_]+]]: tensor<2xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] bias(%[[B]] : tensor<2xf32>) {channels_in = 64 : i64, output_min = 0.000000e+00 : f64} : tensor<1x3x3x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x1x1x2xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 64 : i64, pad_value = 1 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x3x3x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x3x3x2xi32>
func.func @bconv2d_generic(%a: tensor<1x3x3x1xi64>, %w: tensor<2x3x3x1xi64>, %b: tensor<2xf32>) {
  // The generic form: the bias is the only optional operand present.
  %0 = "lq.bconv2d"(%a, %w, %b) <{channels_in = 64 : i64, output_min = 0.0 : f64, operandSegmentSizes = array<i32: 1, 1, 0, 1>}> : (tensor<1x3x3x1xi64>, tensor<2x3x3x1xi64>, tensor<2xf32>) -> tensor<1x1x1x2xf32>
  %1 = "lq.bconv2d"(%a, %w) <{channels_in = 64 : i64, padding = array<i64: 1, 1, 1, 1>, pad_value = 1 : i64, operandSegmentSizes = array<i32: 1, 1, 0, 0>}> : (tensor<1x3x3x1xi64>, tensor<2x3x3x1xi64>) -> tensor<1x3x3x2xi32>
  return
}

// CHECK-LABEL: func.func @bconv2d_dynamic(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<?x?x?x1xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<4x3x3x1xi64>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?x?x?xi64>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 3 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<?x?x?x1xi64>, tensor<4x3x3x1xi64> -> tensor<?x?x?x4xf32>
// CHECK-NEXT:    lq.bconv2d %[[A]], %[[W]] {channels_in = 3 : i64, strides = array<i64: 2, 2>} : tensor<?x?x?x1xi64>, tensor<4x3x3x1xi64> -> tensor<?x?x?x1xi64>
// CHECK-NEXT:    lq.bconv2d %[[D]], %[[W]] {channels_in = 3 : i64} : tensor<?x?x?x?xi64>, tensor<4x3x3x1xi64> -> tensor<2x5x5x4xi32>
// CHECK-NEXT:    return
func.func @bconv2d_dynamic(%a: tensor<?x?x?x1xi64>, %w: tensor<4x3x3x1xi64>, %d: tensor<?x?x?x?xi64>) {
  %0 = lq.bconv2d %a, %w {channels_in = 3, padding = array<i64: 1, 1, 1, 1>} : tensor<?x?x?x1xi64>, tensor<4x3x3x1xi64> -> tensor<?x?x?x4xf32>
  %1 = lq.bconv2d %a, %w {channels_in = 3, strides = array<i64: 2, 2>} : tensor<?x?x?x1xi64>, tensor<4x3x3x1xi64> -> tensor<?x?x?x1xi64>
  %2 = lq.bconv2d %d, %w {channels_in = 3} : tensor<?x?x?x?xi64>, tensor<4x3x3x1xi64> -> tensor<2x5x5x4xi32>
  return
}

//===----------------------------------------------------------------------===//
// bmatmul
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @bmatmul_kinds(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<8x16xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<10x16xi64>, %[[M:[a-zA-Z0-9_]+]]: tensor<10xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<10xf32>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 1000 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 961 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf16>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 1024 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xbf16>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 1000 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xi32>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 1000 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x1xi64>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] multiplier(%[[M]] : tensor<10xf32>) bias(%[[B]] : tensor<10xf32>) {dot_max = 1.000000e+02 : f64, dot_min = -1.000000e+02 : f64, k = 1000 : i64, output_max = 1.000000e+00 : f64, output_min = -1.000000e+00 : f64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] multiplier(%[[M]] : tensor<10xf32>) {k = 1000 : i64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x1xi64>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] bias(%[[B]] : tensor<10xf32>) {k = 1000 : i64, output_max = 0.000000e+00 : f64} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
// CHECK-NEXT:    return
func.func @bmatmul_kinds(%a: tensor<8x16xi64>, %w: tensor<10x16xi64>, %m: tensor<10xf32>, %b: tensor<10xf32>) {
  %0 = lq.bmatmul %a, %w {k = 1000} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
  // ceil(961 / 64) = ceil(1024 / 64) = 16.
  %1 = lq.bmatmul %a, %w {k = 961} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf16>
  %2 = lq.bmatmul %a, %w {k = 1024} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xbf16>
  %3 = lq.bmatmul %a, %w {k = 1000} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xi32>
  %4 = lq.bmatmul %a, %w {k = 1000} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x1xi64>
  %5 = lq.bmatmul %a, %w multiplier(%m : tensor<10xf32>) bias(%b : tensor<10xf32>) {k = 1000, dot_min = -100.0, dot_max = 100.0, output_min = -1.0, output_max = 1.0} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
  %6 = lq.bmatmul %a, %w multiplier(%m : tensor<10xf32>) {k = 1000} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x1xi64>
  %7 = lq.bmatmul %a, %w bias(%b : tensor<10xf32>) {k = 1000, output_max = 0.0} : tensor<8x16xi64>, tensor<10x16xi64> -> tensor<8x10xf32>
  return
}

// CHECK-LABEL: func.func @bmatmul_batched(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<3x8x1xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<3x65x1xi64>, %[[C:[a-zA-Z0-9_]+]]: tensor<2x3x5x2xi64>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x3x7x2xi64>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?x1xi64>, %[[E:[a-zA-Z0-9_]+]]: tensor<?x4x1xi64>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 1 : i64} : tensor<3x8x1xi64>, tensor<3x65x1xi64> -> tensor<3x8x65xf32>
// CHECK-NEXT:    lq.bmatmul %[[A]], %[[W]] {k = 63 : i64} : tensor<3x8x1xi64>, tensor<3x65x1xi64> -> tensor<3x8x2xi64>
// CHECK-NEXT:    lq.bmatmul %[[C]], %[[V]] {k = 65 : i64} : tensor<2x3x5x2xi64>, tensor<2x3x7x2xi64> -> tensor<2x3x5x7xi32>
// CHECK-NEXT:    lq.bmatmul %[[D]], %[[E]] {k = 64 : i64} : tensor<?x?x1xi64>, tensor<?x4x1xi64> -> tensor<?x?x4xf32>
// CHECK-NEXT:    return
func.func @bmatmul_batched(%a: tensor<3x8x1xi64>, %w: tensor<3x65x1xi64>,
                           %c: tensor<2x3x5x2xi64>, %v: tensor<2x3x7x2xi64>,
                           %d: tensor<?x?x1xi64>, %e: tensor<?x4x1xi64>) {
  %0 = lq.bmatmul %a, %w {k = 1} : tensor<3x8x1xi64>, tensor<3x65x1xi64> -> tensor<3x8x65xf32>
  %1 = lq.bmatmul %a, %w {k = 63} : tensor<3x8x1xi64>, tensor<3x65x1xi64> -> tensor<3x8x2xi64>
  %2 = lq.bmatmul %c, %v {k = 65} : tensor<2x3x5x2xi64>, tensor<2x3x7x2xi64> -> tensor<2x3x5x7xi32>
  %3 = lq.bmatmul %d, %e {k = 64} : tensor<?x?x1xi64>, tensor<?x4x1xi64> -> tensor<?x?x4xf32>
  return
}

// GENERIC-LABEL: sym_name = "bmatmul_generic"
// GENERIC:         "lq.bmatmul"(%{{.*}}, %{{.*}}, %{{.*}}) <{k = 5 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (tensor<2x1xi64>, tensor<3x1xi64>, tensor<3xf16>) -> tensor<2x3xf16>
// CHECK-LABEL: func.func @bmatmul_generic(
// CHECK-NEXT:    lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf16>) {k = 5 : i64} : tensor<2x1xi64>, tensor<3x1xi64> -> tensor<2x3xf16>
func.func @bmatmul_generic(%a: tensor<2x1xi64>, %w: tensor<3x1xi64>, %m: tensor<3xf16>) -> tensor<2x3xf16> {
  %0 = "lq.bmatmul"(%a, %w, %m) <{k = 5 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (tensor<2x1xi64>, tensor<3x1xi64>, tensor<3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

//===----------------------------------------------------------------------===//
// bmaxpool2d
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @bmaxpool2d(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<1x6x7x2xi64>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?x?x?xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x5x6x2xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x3x3x2xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x3x4x2xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 1, 3>, padding = array<i64: 0, 0, 2, 0>, strides = array<i64: 1, 3>} : tensor<1x6x7x2xi64> -> tensor<1x6x3x2xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 6, 7>} : tensor<1x6x7x2xi64> -> tensor<1x1x1x2xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[D]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x?x?x?xi64> -> tensor<?x?x?x?xi64>
// CHECK-NEXT:    lq.bmaxpool2d %[[X]] {kernel = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x5x6x2xi64>
// CHECK-NEXT:    return
func.func @bmaxpool2d(%x: tensor<1x6x7x2xi64>, %d: tensor<?x?x?x?xi64>) {
  %0 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x5x6x2xi64>
  // (6 - 2) / 2 + 1 = 3, (7 - 2) / 2 + 1 = 3.
  %1 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x6x7x2xi64> -> tensor<1x3x3x2xi64>
  // SAME 3x3/2: (6 + 2 - 3) / 2 + 1 = 3, (7 + 2 - 3) / 2 + 1 = 4.
  %2 = lq.bmaxpool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x6x7x2xi64> -> tensor<1x3x4x2xi64>
  // Non-square window, left padding only: (7 + 2 - 3) / 3 + 1 = 3.
  %3 = lq.bmaxpool2d %x {kernel = array<i64: 1, 3>, strides = array<i64: 1, 3>, padding = array<i64: 0, 0, 2, 0>} : tensor<1x6x7x2xi64> -> tensor<1x6x3x2xi64>
  // Global pooling.
  %4 = lq.bmaxpool2d %x {kernel = array<i64: 6, 7>} : tensor<1x6x7x2xi64> -> tensor<1x1x1x2xi64>
  %5 = lq.bmaxpool2d %d {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<?x?x?x?xi64> -> tensor<?x?x?x?xi64>
  // Explicit defaults are elided.
  %6 = lq.bmaxpool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>} : tensor<1x6x7x2xi64> -> tensor<1x5x6x2xi64>
  return
}

// GENERIC-LABEL: sym_name = "bmaxpool2d_generic"
// GENERIC:         "lq.bmaxpool2d"(%{{.*}}) <{kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<2x5x5x1xi64>) -> tensor<2x3x3x1xi64>
// CHECK-LABEL: func.func @bmaxpool2d_generic(
// CHECK-NEXT:    lq.bmaxpool2d %{{.*}} {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<2x5x5x1xi64> -> tensor<2x3x3x1xi64>
func.func @bmaxpool2d_generic(%x: tensor<2x5x5x1xi64>) -> tensor<2x3x3x1xi64> {
  %0 = "lq.bmaxpool2d"(%x) <{kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>}> : (tensor<2x5x5x1xi64>) -> tensor<2x3x3x1xi64>
  return %0 : tensor<2x3x3x1xi64>
}
