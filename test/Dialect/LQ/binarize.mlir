// RUN: lq-opt %s -split-input-file -lq-binarize | FileCheck %s

// Test: a sign-quantized activation, +-1 constant HWCF weights and zero
// padding: bitpack + bconv2d with exact zero padding; the weights are packed
// at compile time (OHWI) and no float copy of them remains.
// CHECK-LABEL: func.func @conv_zero_padding
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x4x3xf32>)
// CHECK-NOT:     lq.ste_sign
// CHECK-DAG:     %[[W:.*]] = arith.constant dense<{{.*}}> : tensor<2x3x3x1xi64>
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %[[X]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x1xi64>
// CHECK:         %[[Y:.*]] = lq.bconv2d %[[P]], %[[W]] {channels_in = 3 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x4x2xf32>
// CHECK-NOT:     linalg.conv_2d
// CHECK-NOT:     tensor<3x3x3x2xf32>
// CHECK:         return %[[Y]]
func.func @conv_zero_padding(%x: tensor<1x4x4x3xf32>) -> tensor<1x4x4x2xf32> {
  %w = arith.constant dense<[[[[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]]], [[[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]]], [[[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]], [[1.0, -1.0], [1.0, 1.0], [-1.0, -1.0]]]]> : tensor<3x3x3x2xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x3xf32> to tensor<1x6x6x3xf32>
  %e = tensor.empty() : tensor<1x4x4x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x2xf32>) outs(%init : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %y : tensor<1x4x4x2xf32>
}

// -----

// Test: padding with 1.0 is one padding (pad_value = 1); a following batch
// norm (multiply then add by per-channel constants), ReLU and sign fold into
// the epilogue, giving bit-packed output consumed by the next bconv2d.
// CHECK-LABEL: func.func @conv_bn_sign_chain
// CHECK:         %[[Y1:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<2xf32>) bias(%{{.*}} : tensor<2xf32>) {channels_in = 2 : i64, pad_value = 1 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x4x1xi64>
// CHECK-NOT:     lq.bitunpack
// CHECK-NOT:     lq.bitpack
// CHECK:         lq.bconv2d %[[Y1]], %{{.*}} {channels_in = 2 : i64} : tensor<1x4x4x1xi64>, tensor<3x1x1x1xi64> -> tensor<1x4x4x3xf32>
func.func @conv_bn_sign_chain(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x2x2xf32>
  %w2 = arith.constant dense<-1.0> : tensor<1x1x2x3xf32>
  %scale = arith.constant dense<[0.5, 2.0]> : tensor<2xf32>
  %shift = arith.constant dense<[-1.0, 3.0]> : tensor<2xf32>
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %s = lq.ste_sign %x : tensor<1x4x4x2xf32>
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %one : f32
  } : tensor<1x4x4x2xf32> to tensor<1x6x6x2xf32>
  %e = tensor.empty() : tensor<1x4x4x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x2xf32>, tensor<3x3x2x2xf32>) outs(%init : tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %bn = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>, affine_map<(n, h, w, c) -> (c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
         ins(%y, %scale : tensor<1x4x4x2xf32>, tensor<2xf32>) outs(%e : tensor<1x4x4x2xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<1x4x4x2xf32>
  %bn2 = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>, affine_map<(n, h, w, c) -> (c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
         ins(%bn, %shift : tensor<1x4x4x2xf32>, tensor<2xf32>) outs(%e : tensor<1x4x4x2xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.addf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<1x4x4x2xf32>
  %s2 = lq.ste_sign %bn2 : tensor<1x4x4x2xf32>
  %e2 = tensor.empty() : tensor<1x4x4x3xf32>
  %init2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %y2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s2, %w2 : tensor<1x4x4x2xf32>, tensor<1x1x2x3xf32>) outs(%init2 : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %y2 : tensor<1x4x4x3xf32>
}

// -----

// Test: a dense layer behind a reshape: sign -> collapse_shape -> matmul with
// +-1 constant weights becomes bitpack + bmatmul (rhs packed as [N, K]).
// CHECK-LABEL: func.func @dense_after_flatten
// CHECK:         %[[C:.*]] = tensor.collapse_shape
// CHECK:         %[[P:.*]] = lq.bitpack %[[C]] : tensor<2x70xf32> -> tensor<2x2xi64>
// CHECK:         lq.bmatmul %[[P]], %{{.*}} {k = 70 : i64} : tensor<2x2xi64>, tensor<3x2xi64> -> tensor<2x3xf32>
func.func @dense_after_flatten(%x: tensor<2x7x10xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<-1.0> : tensor<70x3xf32>
  %s = lq.ste_sign %x : tensor<2x7x10xf32>
  %f = tensor.collapse_shape %s [[0], [1, 2]] : tensor<2x7x10xf32> into tensor<2x70xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%f, %w : tensor<2x70xf32>, tensor<70x3xf32>) outs(%init : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Test: magnitude_aware_sign on constant weights folds to +-s per output
// channel: the scale becomes the multiplier.
// CHECK-LABEL: func.func @scaled_weights
// CHECK:         lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<2xf32>) {k = 2 : i64}
func.func @scaled_weights(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<[[0.5, -3.0], [-1.5, 1.0]]> : tensor<2x2xf32>
  %q = lq.magnitude_aware_sign %w : tensor<2x2xf32>
  %s = lq.approx_sign %x : tensor<1x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2xf32>) -> tensor<1x2xf32>
  %y = linalg.matmul ins(%s, %q : tensor<1x2xf32>, tensor<2x2xf32>) outs(%init : tensor<1x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Test: sign(maxpool(x)) becomes bitunpack(bmaxpool(bitpack(x))).
// CHECK-LABEL: func.func @sign_of_maxpool
// CHECK:         %[[P:.*]] = lq.bitpack %{{.*}} : tensor<1x4x4x8xf32> -> tensor<1x4x4x1xi64>
// CHECK:         %[[M:.*]] = lq.bmaxpool2d %[[P]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x4x1xi64> -> tensor<1x2x2x1xi64>
// CHECK:         lq.bitunpack %[[M]] : tensor<1x2x2x1xi64> -> tensor<1x2x2x8xf32>
func.func @sign_of_maxpool(%x: tensor<1x4x4x8xf32>) -> tensor<1x2x2x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x2x2x8xf32>
  %init = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %m = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%x, %win : tensor<1x4x4x8xf32>, tensor<2x2xf32>) outs(%init : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %s = lq.ste_sign %m : tensor<1x2x2x8xf32>
  return %s : tensor<1x2x2x8xf32>
}

// -----

// Test: an FHWC filter is already OHWI: packed as is (row [1, -1, -1] -> 6,
// [-1, 1, 1] -> 1); strides and dilations carry over.
// CHECK-LABEL: func.func @conv_fhwc_strides_dilations
// CHECK-SAME:    (%[[X:.*]]: tensor<1x7x9x3xf32>)
// CHECK-DAG:     %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}6], [6]]], {{\[\[\[}}1], [1]]]]> : tensor<2x1x2x1xi64>
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %[[X]] : tensor<1x7x9x3xf32> -> tensor<1x7x9x1xi64>
// CHECK:         %[[Y:.*]] = lq.bconv2d %[[P]], %[[W]] {channels_in = 3 : i64, dilations = array<i64: 1, 3>, strides = array<i64: 2, 1>} : tensor<1x7x9x1xi64>, tensor<2x1x2x1xi64> -> tensor<1x4x6x2xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_fhwc_strides_dilations(%x: tensor<1x7x9x3xf32>) -> tensor<1x4x6x2xf32> {
  %w = arith.constant dense<[[[[1.0, -1.0, -1.0], [1.0, -1.0, -1.0]]], [[[-1.0, 1.0, 1.0], [-1.0, 1.0, 1.0]]]]> : tensor<2x1x2x3xf32>
  %s = lq.ste_sign %x : tensor<1x7x9x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x6x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x6x2xf32>) -> tensor<1x4x6x2xf32>
  %y = linalg.conv_2d_nhwc_fhwc {dilations = dense<[1, 3]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
         ins(%s, %w : tensor<1x7x9x3xf32>, tensor<2x1x2x3xf32>) outs(%init : tensor<1x4x6x2xf32>) -> tensor<1x4x6x2xf32>
  return %y : tensor<1x4x6x2xf32>
}

// -----

// Test: run-time HWCF weights (a function argument through ste_sign) are
// transposed to OHWI and packed at run time.
// CHECK-LABEL: func.func @conv_hwcf_runtime_weights
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x4x70xf32>, %[[W:.*]]: tensor<3x3x70x5xf32>)
// CHECK:         %[[S:.*]] = lq.ste_sign %[[W]] : tensor<3x3x70x5xf32>
// CHECK:         %[[T:.*]] = linalg.transpose ins(%[[S]] : tensor<3x3x70x5xf32>) outs(%{{.*}} : tensor<5x3x3x70xf32>) permutation = [3, 0, 1, 2]
// CHECK:         %[[PW:.*]] = lq.bitpack %[[T]] : tensor<5x3x3x70xf32> -> tensor<5x3x3x2xi64>
// CHECK:         lq.bconv2d %{{.*}}, %[[PW]] {channels_in = 70 : i64} : tensor<1x4x4x2xi64>, tensor<5x3x3x2xi64> -> tensor<1x2x2x5xf32>
// CHECK-NOT:     linalg.conv_2d
func.func @conv_hwcf_runtime_weights(%x: tensor<1x4x4x70xf32>, %w: tensor<3x3x70x5xf32>) -> tensor<1x2x2x5xf32> {
  %s = lq.ste_sign %x : tensor<1x4x4x70xf32>
  %q = lq.ste_sign %w : tensor<3x3x70x5xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x5xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x5xf32>) -> tensor<1x2x2x5xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %q : tensor<1x4x4x70xf32>, tensor<3x3x70x5xf32>) outs(%init : tensor<1x2x2x5xf32>) -> tensor<1x2x2x5xf32>
  return %y : tensor<1x2x2x5xf32>
}

// -----

// Test: a grouped convolution (NHWGC input, GFHWC filter) with zero padding:
// the input is flattened to [N, H, W, G*C] and packed per group, the filter
// packed from its [G*F, KH, KW, C] view, the result expanded back to
// [N, OH, OW, G, F]. Regression: a rank-5 tensor.pad used to be rejected
// ("the padding is not static and spatial (H, W) only").
// CHECK-LABEL: func.func @grouped_conv_padding
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x4x2x3xf32>)
// CHECK-DAG:     %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}0], [7], [0]], {{\[\[}}0], [0], [0]], {{\[\[}}0], [0], [0]]], {{\[\[\[}}0], [0], [0]]{{.*}}> : tensor<4x3x3x1xi64>
// CHECK-DAG:     %[[S:.*]] = lq.ste_sign %[[X]]
// CHECK-DAG:     %[[C:.*]] = tensor.collapse_shape %[[S]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x4x4x2x3xf32> into tensor<1x4x4x6xf32>
// CHECK:         %[[P:.*]] = lq.bitpack %[[C]] {groups = 2 : i64} : tensor<1x4x4x6xf32> -> tensor<1x4x4x2xi64>
// CHECK:         %[[Y:.*]] = lq.bconv2d %[[P]], %[[W]] {channels_in = 6 : i64, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x2xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
// CHECK:         %[[R:.*]] = tensor.expand_shape %[[Y]] {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 4, 4, 2, 2] : tensor<1x4x4x4xf32> into tensor<1x4x4x2x2xf32>
// CHECK-NEXT:    return %[[R]]
func.func @grouped_conv_padding(%x: tensor<1x4x4x2x3xf32>) -> tensor<1x4x4x2x2xf32> {
  // Every tap is +1 except tap (kh 0, kw 1) of filter (group 0, f 0): all
  // 3 channels -1, word 7.
  %w = arith.constant dense<[[[[[1.0, 1.0, 1.0], [-1.0, -1.0, -1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]], [[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]]], [[[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]], [[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]]]]> : tensor<2x2x3x3x3xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x2x3xf32>
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %s low[0, 1, 1, 0, 0] high[0, 1, 1, 0, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index, %m: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x2x3xf32> to tensor<1x6x6x2x3xf32>
  %e = tensor.empty() : tensor<1x4x4x2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x2x2xf32>) -> tensor<1x4x4x2x2xf32>
  %y = linalg.conv_2d_nhwgc_gfhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%p, %w : tensor<1x6x6x2x3xf32>, tensor<2x2x3x3x3xf32>) outs(%init : tensor<1x4x4x2x2xf32>) -> tensor<1x4x4x2x2xf32>
  return %y : tensor<1x4x4x2x2xf32>
}

// -----

// Test: grouped run-time weights: [G, F, KH, KW, C] collapsed to
// [G*F, KH, KW, C] and packed at run time; strides and dilations.
// CHECK-LABEL: func.func @grouped_conv_runtime_weights
// CHECK-SAME:    (%[[X:.*]]: tensor<1x9x9x3x65xf32>, %[[W:.*]]: tensor<3x2x3x3x65xf32>)
// CHECK-DAG:     %[[S:.*]] = lq.ste_sign %[[W]]
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %{{.*}} {groups = 3 : i64} : tensor<1x9x9x195xf32> -> tensor<1x9x9x6xi64>
// CHECK:         %[[WC:.*]] = tensor.collapse_shape %[[S]] {{\[}}[0, 1], [2], [3], [4]] : tensor<3x2x3x3x65xf32> into tensor<6x3x3x65xf32>
// CHECK:         %[[PW:.*]] = lq.bitpack %[[WC]] : tensor<6x3x3x65xf32> -> tensor<6x3x3x2xi64>
// CHECK:         lq.bconv2d %[[P]], %[[PW]] {channels_in = 195 : i64, dilations = array<i64: 2, 2>, groups = 3 : i64, strides = array<i64: 2, 2>} : tensor<1x9x9x6xi64>, tensor<6x3x3x2xi64> -> tensor<1x3x3x6xf32>
func.func @grouped_conv_runtime_weights(%x: tensor<1x9x9x3x65xf32>, %w: tensor<3x2x3x3x65xf32>) -> tensor<1x3x3x3x2xf32> {
  %s = lq.ste_sign %x : tensor<1x9x9x3x65xf32>
  %q = lq.ste_sign %w : tensor<3x2x3x3x65xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x3x3x3x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x3x3x3x2xf32>) -> tensor<1x3x3x3x2xf32>
  %y = linalg.conv_2d_nhwgc_gfhwc {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%s, %q : tensor<1x9x9x3x65xf32>, tensor<3x2x3x3x65xf32>) outs(%init : tensor<1x3x3x3x2xf32>) -> tensor<1x3x3x3x2xf32>
  return %y : tensor<1x3x3x3x2xf32>
}

// -----

// Test: tosa.conv2d: OHWI weights, a constant bias (the bias operand) and
// TOSA's built-in zero padding (pad_value 0).
// CHECK-LABEL: func.func @tosa_conv_bias_padding
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x4x3xf32>)
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[5.000000e-01, -1.500000e+00]> : tensor<2xf32>
// CHECK-DAG:     %[[W:.*]] = arith.constant dense<7> : tensor<2x3x3x1xi64>
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %[[X]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x1xi64>
// CHECK:         %[[Y:.*]] = lq.bconv2d %[[P]], %[[W]] bias(%[[B]] : tensor<2xf32>) {channels_in = 3 : i64, padding = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 2>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @tosa_conv_bias_padding(%x: tensor<1x4x4x3xf32>) -> tensor<1x2x2x2xf32> {
  %w = "tosa.const"() <{values = dense<-1.0> : tensor<2x3x3x3xf32>}> : () -> tensor<2x3x3x3xf32>
  %b = "tosa.const"() <{values = dense<[0.5, -1.5]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %y = tosa.conv2d %s, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Test: tosa.conv2d with a run-time per-channel bias, one padding from a
// tensor.pad with 1.0, a broadcast zero bias is no bias, and a scalar
// constant bias is broadcast per channel.
// CHECK-LABEL: func.func @tosa_conv_runtime_bias_one_padding
// CHECK-SAME:    (%[[X:.*]]: tensor<1x4x4x3xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK:         lq.bconv2d %{{.*}}, %{{.*}} bias(%[[B]] : tensor<2xf32>) {channels_in = 3 : i64, pad_value = 1 : i64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x4x4x2xf32>
// CHECK:         lq.bconv2d %{{.*}}, %{{.*}} {channels_in = 3 : i64} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
// CHECK:         lq.bconv2d %{{.*}}, %{{.*}} bias(%{{.*}} : tensor<2xf32>) {channels_in = 3 : i64} : tensor<1x4x4x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xf32>
func.func @tosa_conv_runtime_bias_one_padding(%x: tensor<1x4x4x3xf32>, %b: tensor<2xf32>) -> (tensor<1x4x4x2xf32>, tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) {
  %w = "tosa.const"() <{values = dense<-1.0> : tensor<2x3x3x3xf32>}> : () -> tensor<2x3x3x3xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b0 = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b1 = "tosa.const"() <{values = dense<0.25> : tensor<1xf32>}> : () -> tensor<1xf32>
  %one = arith.constant 1.0 : f32
  %s = lq.ste_sign %x : tensor<1x4x4x3xf32>
  %p = tensor.pad %s low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %one : f32
  } : tensor<1x4x4x3xf32> to tensor<1x6x6x3xf32>
  %y = tosa.conv2d %p, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x6x6x3xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x2xf32>
  %z = tosa.conv2d %s, %w, %b0, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  %v = tosa.conv2d %s, %w, %b1, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  return %y, %z, %v : tensor<1x4x4x2xf32>, tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>
}

// -----

// Test: tosa.matmul (batched, rhs [B, K, N]) with run-time sign weights:
// transposed to [B, N, K] and packed at run time.
// CHECK-LABEL: func.func @tosa_matmul
// CHECK-SAME:    (%[[X:.*]]: tensor<2x3x5xf32>, %[[W:.*]]: tensor<2x5x4xf32>)
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %[[X]] : tensor<2x3x5xf32> -> tensor<2x3x1xi64>
// CHECK-DAG:     %[[T:.*]] = linalg.transpose ins(%{{.*}} : tensor<2x5x4xf32>) outs(%{{.*}} : tensor<2x4x5xf32>) permutation = [0, 2, 1]
// CHECK:         %[[PW:.*]] = lq.bitpack %[[T]] : tensor<2x4x5xf32> -> tensor<2x4x1xi64>
// CHECK:         %[[Y:.*]] = lq.bmatmul %[[P]], %[[PW]] {k = 5 : i64} : tensor<2x3x1xi64>, tensor<2x4x1xi64> -> tensor<2x3x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @tosa_matmul(%x: tensor<2x3x5xf32>, %w: tensor<2x5x4xf32>) -> tensor<2x3x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %s = lq.ste_sign %x : tensor<2x3x5xf32>
  %q = lq.ste_sign %w : tensor<2x5x4xf32>
  %y = tosa.matmul %s, %q, %zp, %zp : (tensor<2x3x5xf32>, tensor<2x5x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

// Test: linalg.batch_matmul with approx_sign weights.
// CHECK-LABEL: func.func @batch_matmul
// CHECK:         %[[P:.*]] = lq.bitpack %{{.*}} : tensor<2x3x70xf32> -> tensor<2x3x2xi64>
// CHECK:         %[[T:.*]] = linalg.transpose ins(%{{.*}} : tensor<2x70x4xf32>) outs(%{{.*}} : tensor<2x4x70xf32>) permutation = [0, 2, 1]
// CHECK:         %[[PW:.*]] = lq.bitpack %[[T]] : tensor<2x4x70xf32> -> tensor<2x4x2xi64>
// CHECK:         lq.bmatmul %[[P]], %[[PW]] {k = 70 : i64} : tensor<2x3x2xi64>, tensor<2x4x2xi64> -> tensor<2x3x4xf32>
// CHECK-NOT:     linalg.batch_matmul
func.func @batch_matmul(%x: tensor<2x3x70xf32>, %w: tensor<2x70x4xf32>) -> tensor<2x3x4xf32> {
  %s = lq.ste_sign %x : tensor<2x3x70xf32>
  %q = lq.approx_sign %w : tensor<2x70x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %y = linalg.batch_matmul ins(%s, %q : tensor<2x3x70xf32>, tensor<2x70x4xf32>) outs(%init : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}

// -----

// Test: a matmul with transposed rhs maps ([N, K], a dense kernel stored for
// inference) packs the rhs without a transpose; constant [N, K] weights.
// CHECK-LABEL: func.func @matmul_transposed_maps
// CHECK-SAME:    (%[[X:.*]]: tensor<3x70xf32>, %[[W:.*]]: tensor<4x70xf32>)
// CHECK-NOT:     linalg.transpose
// CHECK-DAG:     %[[C:.*]] = arith.constant dense<{{\[}}[1, 0], [2, 0]]> : tensor<2x2xi64>
// CHECK-DAG:     %[[P:.*]] = lq.bitpack %[[X]] : tensor<3x70xf32> -> tensor<3x2xi64>
// CHECK-DAG:     %[[PW:.*]] = lq.bitpack %[[W]] : tensor<4x70xf32> -> tensor<4x2xi64>
// CHECK:         %[[Y:.*]] = lq.bmatmul %[[P]], %[[PW]] {k = 70 : i64} : tensor<3x2xi64>, tensor<4x2xi64> -> tensor<3x4xf32>
// CHECK:         %[[P2:.*]] = lq.bitpack %[[X]] : tensor<3x70xf32> -> tensor<3x2xi64>
// CHECK:         lq.bmatmul %[[P2]], %[[C]] {k = 70 : i64} : tensor<3x2xi64>, tensor<2x2xi64> -> tensor<3x2xf32>
func.func @matmul_transposed_maps(%x: tensor<3x70xf32>, %w: tensor<4x70xf32>) -> (tensor<3x4xf32>, tensor<3x2xf32>) {
  %s = lq.ste_sign %x : tensor<3x70xf32>
  %q = lq.ste_sign %w : tensor<4x70xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3x4xf32>) -> tensor<3x4xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%s, %q : tensor<3x70xf32>, tensor<4x70xf32>) outs(%init : tensor<3x4xf32>) -> tensor<3x4xf32>
  // Constant [N, K] rows: channel 0 of row 0 and channel 1 of row 1 negative.
  %c = arith.constant dense<[[-1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, -1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<2x70xf32>
  %e2 = tensor.empty() : tensor<3x2xf32>
  %init2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %z = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%s, %c : tensor<3x70xf32>, tensor<2x70xf32>) outs(%init2 : tensor<3x2xf32>) -> tensor<3x2xf32>
  return %y, %z : tensor<3x4xf32>, tensor<3x2xf32>
}

// -----

// Test: layout ops between the sign and the matmul (transpose, then
// collapse_shape), and a bitunpack as the weights: the packed words are
// used directly.
// CHECK-LABEL: func.func @layout_ops_and_bitunpack
// CHECK-SAME:    (%[[X:.*]]: tensor<2x5x7xf32>, %[[PW:.*]]: tensor<4x1xi64>)
// CHECK:         %[[T:.*]] = linalg.transpose ins(%{{.*}} : tensor<2x5x7xf32>) outs(%{{.*}} : tensor<2x7x5xf32>) permutation = [0, 2, 1]
// CHECK:         %[[C:.*]] = tensor.collapse_shape %[[T]] {{\[}}[0], [1, 2]] : tensor<2x7x5xf32> into tensor<2x35xf32>
// CHECK:         %[[P:.*]] = lq.bitpack %[[C]] : tensor<2x35xf32> -> tensor<2x1xi64>
// CHECK:         %[[Y:.*]] = lq.bmatmul %[[P]], %[[PW]] {k = 35 : i64} : tensor<2x1xi64>, tensor<4x1xi64> -> tensor<2x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @layout_ops_and_bitunpack(%x: tensor<2x5x7xf32>, %p: tensor<4x1xi64>) -> tensor<2x4xf32> {
  %s = lq.ste_sign %x : tensor<2x5x7xf32>
  %e0 = tensor.empty() : tensor<2x7x5xf32>
  %t = linalg.transpose ins(%s : tensor<2x5x7xf32>) outs(%e0 : tensor<2x7x5xf32>) permutation = [0, 2, 1]
  %f = tensor.collapse_shape %t [[0], [1, 2]] : tensor<2x7x5xf32> into tensor<2x35xf32>
  %u = lq.bitunpack %p : tensor<4x1xi64> -> tensor<4x35xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%f, %u : tensor<2x35xf32>, tensor<4x35xf32>) outs(%init : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Test: a bitunpack as the activation of a convolution and a tosa.reshape
// between a sign and a matmul.
// CHECK-LABEL: func.func @bitunpack_activation_tosa_reshape
// CHECK-SAME:    (%[[A:.*]]: tensor<1x4x4x1xi64>, %[[X:.*]]: tensor<2x2x3xf32>)
// CHECK:         lq.bconv2d %[[A]], %{{.*}} {channels_in = 8 : i64} : tensor<1x4x4x1xi64>, tensor<3x3x3x1xi64> -> tensor<1x2x2x3xf32>
// CHECK:         %[[R:.*]] = tosa.reshape
// CHECK:         %[[P:.*]] = lq.bitpack %[[R]] : tensor<2x6xf32> -> tensor<2x1xi64>
// CHECK:         lq.bmatmul %[[P]], %{{.*}} {k = 6 : i64} : tensor<2x1xi64>, tensor<2x1xi64> -> tensor<2x2xf32>
func.func @bitunpack_activation_tosa_reshape(%a: tensor<1x4x4x1xi64>, %x: tensor<2x2x3xf32>) -> (tensor<1x2x2x3xf32>, tensor<2x2xf32>) {
  %u = lq.bitunpack %a : tensor<1x4x4x1xi64> -> tensor<1x4x4x8xf32>
  %w = arith.constant dense<1.0> : tensor<3x3x8x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x2x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%u, %w : tensor<1x4x4x8xf32>, tensor<3x3x8x3xf32>) outs(%init : tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
  %s = lq.ste_sign %x : tensor<2x2x3xf32>
  %shape = tosa.const_shape {values = dense<[2, 6]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %r = tosa.reshape %s, %shape : (tensor<2x2x3xf32>, !tosa.shape<2>) -> tensor<2x6xf32>
  %v = arith.constant dense<-1.0> : tensor<6x2xf32>
  %e2 = tensor.empty() : tensor<2x2xf32>
  %init2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  %z = linalg.matmul ins(%r, %v : tensor<2x6xf32>, tensor<6x2xf32>) outs(%init2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y, %z : tensor<1x2x2x3xf32>, tensor<2x2xf32>
}

// -----

// Test: f16 weights +-s in an f32 product: the multiplier holds the f32
// values of the f16 scales (regression: the f16 bit patterns were stored in
// an f32 tensor, 0.5 became 2.0089e-41).
// CHECK-LABEL: func.func @mixed_precision_scales
// CHECK:         %[[M:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01]> : tensor<2xf32>
// CHECK:         lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<2xf32>) {k = 2 : i64} : tensor<2x1xi64>, tensor<2x1xi64> -> tensor<2x2xf32>
func.func @mixed_precision_scales(%x: tensor<2x2xf16>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[0.5, -0.25], [-0.5, 0.25]]> : tensor<2x2xf16>
  %s = lq.ste_sign %x : tensor<2x2xf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%s, %w : tensor<2x2xf16>, tensor<2x2xf16>) outs(%init : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Test: max pooling with -inf padding (SAME 3x3/2) before a sign.
// CHECK-LABEL: func.func @sign_of_maxpool_padded
// CHECK:         %[[P:.*]] = lq.bitpack %{{.*}} : tensor<1x5x5x65xf32> -> tensor<1x5x5x2xi64>
// CHECK:         %[[M:.*]] = lq.bmaxpool2d %[[P]] {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x5x5x2xi64> -> tensor<1x3x3x2xi64>
// CHECK:         lq.bitunpack %[[M]] : tensor<1x3x3x2xi64> -> tensor<1x3x3x65xf32>
func.func @sign_of_maxpool_padded(%x: tensor<1x5x5x65xf32>) -> tensor<1x3x3x65xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x5x5x65xf32> to tensor<1x7x7x65xf32>
  %e = tensor.empty() : tensor<1x3x3x65xf32>
  %init = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x3x3x65xf32>) -> tensor<1x3x3x65xf32>
  %win = tensor.empty() : tensor<3x3xf32>
  %m = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%p, %win : tensor<1x7x7x65xf32>, tensor<3x3xf32>) outs(%init : tensor<1x3x3x65xf32>) -> tensor<1x3x3x65xf32>
  %s = lq.ste_sign %m : tensor<1x3x3x65xf32>
  return %s : tensor<1x3x3x65xf32>
}

// -----

// Test: a max pooling that starts at 0 (a fused ReLU) or at -0.0 makes every
// negative window +1: it stays float (regression: it was binarized, the
// pool's accumulator ignored). One that starts at -1.0 is binarized.
// CHECK-LABEL: func.func @maxpool_init
// CHECK:         %[[M0:.*]] = linalg.pooling_nhwc_max
// CHECK:         lq.ste_sign %[[M0]]
// CHECK:         %[[M1:.*]] = linalg.pooling_nhwc_max
// CHECK:         lq.ste_sign %[[M1]]
// CHECK:         lq.bmaxpool2d
// CHECK-NOT:     linalg.pooling_nhwc_max
func.func @maxpool_init(%x: tensor<1x4x4x8xf32>) -> (tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>) {
  %win = tensor.empty() : tensor<2x2xf32>
  %e = tensor.empty() : tensor<1x2x2x8xf32>
  %zero = arith.constant 0.0 : f32
  %init0 = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %m0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%x, %win : tensor<1x4x4x8xf32>, tensor<2x2xf32>) outs(%init0 : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %s0 = lq.ste_sign %m0 : tensor<1x2x2x8xf32>
  %init1 = arith.constant dense<-0.0> : tensor<1x2x2x8xf32>
  %m1 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%x, %win : tensor<1x4x4x8xf32>, tensor<2x2xf32>) outs(%init1 : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %s1 = lq.ste_sign %m1 : tensor<1x2x2x8xf32>
  %init2 = arith.constant dense<-1.0> : tensor<1x2x2x8xf32>
  %m2 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%x, %win : tensor<1x4x4x8xf32>, tensor<2x2xf32>) outs(%init2 : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %s2 = lq.ste_sign %m2 : tensor<1x2x2x8xf32>
  return %s0, %s1, %s2 : tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>, tensor<1x2x2x8xf32>
}
