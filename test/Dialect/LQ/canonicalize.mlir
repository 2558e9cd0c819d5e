// RUN: lq-opt %s -split-input-file -canonicalize="test-convergence" | FileCheck %s

// Canonicalization of the binary ops (LQBinaryCanonicalization.cpp and the
// folders of LQBinaryOps.cpp): bitpack/bitunpack folds, constant packing,
// absorption of the float steps that follow a float-output bconv2d/bmatmul
// (linalg.generic, linalg named ops, arith on tensors, TOSA) and the cases
// that must stay untouched, and sign(product) -> bit-packed output.
//
// Expected words were computed by hand: bit i of word j is channel 64 j + i,
// 1 <=> x < 0; -0.0 and NaN (either sign) pack to 0. A word with bit 63 set
// prints as a negative i64 (bit 63 alone: -9223372036854775808; all 64 bits:
// -1). Hexadecimal floats: 0x7FC00000 / 0xFFC00000 are f32 NaNs with the sign
// bit clear / set, 0xFF800000 / 0x7F800000 are -inf / +inf, 0x80000001 is the
// smallest negative f32 denormal.

//===----------------------------------------------------------------------===//
// bitpack(bitunpack(p)) -> p
//===----------------------------------------------------------------------===//

// Test: the round trip folds away.
// CHECK-LABEL: func.func @pack_unpack(
// CHECK-SAME:    %[[P:.*]]: tensor<4x2xi64>)
// CHECK-NEXT:    return %[[P]]
func.func @pack_unpack(%p: tensor<4x2xi64>) -> tensor<4x2xi64> {
  %u = lq.bitunpack %p : tensor<4x2xi64> -> tensor<4x100xf32>
  %q = lq.bitpack %u : tensor<4x100xf32> -> tensor<4x2xi64>
  return %q : tensor<4x2xi64>
}

// -----

// Test: ... also with (matching) groups.
// CHECK-LABEL: func.func @pack_unpack_groups(
// CHECK-SAME:    %[[P:.*]]: tensor<4x2xi64>)
// CHECK-NEXT:    return %[[P]]
func.func @pack_unpack_groups(%p: tensor<4x2xi64>) -> tensor<4x2xi64> {
  %u = lq.bitunpack %p {groups = 2} : tensor<4x2xi64> -> tensor<4x100xf32>
  %q = lq.bitpack %u {groups = 2} : tensor<4x100xf32> -> tensor<4x2xi64>
  return %q : tensor<4x2xi64>
}

// -----

// Test: different groups re-pack the bits differently: untouched.
// CHECK-LABEL: func.func @pack_unpack_other_groups(
// CHECK-NEXT:    %[[U:.*]] = lq.bitunpack %{{.*}} {groups = 2 : i64} : tensor<4x2xi64> -> tensor<4x100xf32>
// CHECK-NEXT:    %[[Q:.*]] = lq.bitpack %[[U]] : tensor<4x100xf32> -> tensor<4x2xi64>
// CHECK-NEXT:    return %[[Q]]
func.func @pack_unpack_other_groups(%p: tensor<4x2xi64>) -> tensor<4x2xi64> {
  %u = lq.bitunpack %p {groups = 2} : tensor<4x2xi64> -> tensor<4x100xf32>
  %q = lq.bitpack %u : tensor<4x100xf32> -> tensor<4x2xi64>
  return %q : tensor<4x2xi64>
}

// -----

// Test: the packed types differ (a dynamic dimension): untouched.
// CHECK-LABEL: func.func @pack_unpack_other_type(
// CHECK-NEXT:    lq.bitunpack
// CHECK-NEXT:    lq.bitpack
// CHECK-NEXT:    return
func.func @pack_unpack_other_type(%p: tensor<?x2xi64>) -> tensor<4x2xi64> {
  %u = lq.bitunpack %p : tensor<?x2xi64> -> tensor<?x100xf32>
  %q = lq.bitpack %u : tensor<?x100xf32> -> tensor<4x2xi64>
  return %q : tensor<4x2xi64>
}

//===----------------------------------------------------------------------===//
// bitpack(sign(x)) -> bitpack(x)
//===----------------------------------------------------------------------===//

// -----

// Test: every sign binarizer (ste_sign with any clip_value, approx_sign,
// swish_sign), any float type, with groups, and a chain of two signs.
// CHECK-LABEL: func.func @pack_sign(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<2x70xf32>, %[[Y:[a-zA-Z0-9_]+]]: tensor<3x5xf16>, %[[Z:[a-zA-Z0-9_]+]]: tensor<1x8xbf16>
// CHECK-NEXT:    %[[P:.*]] = lq.bitpack %[[X]] : tensor<2x70xf32> -> tensor<2x2xi64>
// CHECK-NEXT:    %[[Q:.*]] = lq.bitpack %[[Y]] : tensor<3x5xf16> -> tensor<3x1xi64>
// CHECK-NEXT:    %[[R:.*]] = lq.bitpack %[[Z]] {groups = 2 : i64} : tensor<1x8xbf16> -> tensor<1x2xi64>
// CHECK-NEXT:    %[[T:.*]] = lq.bitpack %[[X]] : tensor<2x70xf32> -> tensor<2x2xi64>
// CHECK-NEXT:    return %[[P]], %[[Q]], %[[R]], %[[T]]
func.func @pack_sign(%x: tensor<2x70xf32>, %y: tensor<3x5xf16>, %z: tensor<1x8xbf16>) -> (tensor<2x2xi64>, tensor<3x1xi64>, tensor<1x2xi64>, tensor<2x2xi64>) {
  %s = lq.ste_sign %x : tensor<2x70xf32>
  %p = lq.bitpack %s : tensor<2x70xf32> -> tensor<2x2xi64>
  %a = lq.approx_sign %y : tensor<3x5xf16>
  %q = lq.bitpack %a : tensor<3x5xf16> -> tensor<3x1xi64>
  %w = lq.swish_sign %z {beta = 2.0} : tensor<1x8xbf16>
  %r = lq.bitpack %w {groups = 2} : tensor<1x8xbf16> -> tensor<1x2xi64>
  %s1 = lq.ste_sign %x {clip_value = 0.5} : tensor<2x70xf32>
  %s2 = lq.approx_sign %s1 : tensor<2x70xf32>
  %t = lq.bitpack %s2 : tensor<2x70xf32> -> tensor<2x2xi64>
  return %p, %q, %r, %t : tensor<2x2xi64>, tensor<3x1xi64>, tensor<1x2xi64>, tensor<2x2xi64>
}

// -----

// Test: quantizers that are not sign binarizers stay (heaviside maps x < 0
// and x = 0 alike; a magnitude-aware sign or a ternary value is not +-1).
// CHECK-LABEL: func.func @pack_not_sign(
// CHECK-NEXT:    %[[H:.*]] = lq.ste_heaviside
// CHECK-NEXT:    lq.bitpack %[[H]]
// CHECK-NEXT:    %[[M:.*]] = lq.magnitude_aware_sign
// CHECK-NEXT:    lq.bitpack %[[M]]
// CHECK-NEXT:    %[[T:.*]] = lq.ste_tern
// CHECK-NEXT:    lq.bitpack %[[T]]
// CHECK-NEXT:    return
func.func @pack_not_sign(%x: tensor<2x70xf32>) -> (tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>) {
  %h = lq.ste_heaviside %x : tensor<2x70xf32>
  %p = lq.bitpack %h : tensor<2x70xf32> -> tensor<2x2xi64>
  %m = lq.magnitude_aware_sign %x : tensor<2x70xf32>
  %q = lq.bitpack %m : tensor<2x70xf32> -> tensor<2x2xi64>
  %t = lq.ste_tern %x : tensor<2x70xf32>
  %r = lq.bitpack %t : tensor<2x70xf32> -> tensor<2x2xi64>
  return %p, %q, %r : tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>
}

//===----------------------------------------------------------------------===//
// Constant folding of bitpack / bitunpack
//===----------------------------------------------------------------------===//

// -----

// Test: channels -1.0, 2.0, -0.0, +0.0, NaN, -inf, +inf, -denormal, -NaN:
// bits 0, 5 and 7 -> 1 + 32 + 128 = 161 (-0.0 and both NaNs give 0).
// CHECK-LABEL: func.func @fold_bitpack_edges(
// CHECK-NEXT:    %[[C:.*]] = arith.constant dense<161> : tensor<1x1xi64>
// CHECK-NEXT:    return %[[C]]
func.func @fold_bitpack_edges() -> tensor<1x1xi64> {
  %c = arith.constant dense<[[-1.0, 2.0, -0.0, 0.0, 0x7FC00000, 0xFF800000, 0x7F800000, 0x80000001, 0xFFC00000]]> : tensor<1x9xf32>
  %p = lq.bitpack %c : tensor<1x9xf32> -> tensor<1x1xi64>
  return %p : tensor<1x1xi64>
}

// -----

// Test: 70 negative channels are a full word (-1) and bits 0..5 (63); a
// negative channel 63 alone is bit 63; rows are packed independently
// ([-1, -1, 1] -> 3, [1, 1, -1] -> 4).
// CHECK-LABEL: func.func @fold_bitpack_words(
// CHECK-DAG:     %[[A:.*]] = arith.constant dense<{{\[}}[-1, 63], [-1, 63]]> : tensor<2x2xi64>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<-9223372036854775808> : tensor<1x1xi64>
// CHECK-DAG:     %[[C:.*]] = arith.constant dense<{{\[}}[3], [4]]> : tensor<2x1xi64>
// CHECK:         return %[[A]], %[[B]], %[[C]]
func.func @fold_bitpack_words() -> (tensor<2x2xi64>, tensor<1x1xi64>, tensor<2x1xi64>) {
  %c = arith.constant dense<-2.0> : tensor<2x70xf32>
  %p = lq.bitpack %c : tensor<2x70xf32> -> tensor<2x2xi64>
  %d = arith.constant dense<[[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -1.0]]> : tensor<1x64xf32>
  %q = lq.bitpack %d : tensor<1x64xf32> -> tensor<1x1xi64>
  %e = arith.constant dense<[[-1.0, -1.0, 1.0], [1.0, 1.0, -1.0]]> : tensor<2x3xf32>
  %r = lq.bitpack %e : tensor<2x3xf32> -> tensor<2x1xi64>
  return %p, %q, %r : tensor<2x2xi64>, tensor<1x1xi64>, tensor<2x1xi64>
}

// -----

// Test: groups and float types. [-1, 1, -1 | 1, -1, -1] in 2 groups: 5 and 6.
// f16 [-0.5, 3, -7, 0]: 5. bf16 in 4 groups of one channel: [1, 1, 0, 1].
// f64, 130 negative channels in 2 groups of 65: 2 words per group, [-1, 1].
// CHECK-LABEL: func.func @fold_bitpack_groups_types(
// CHECK-DAG:     %[[A:.*]] = arith.constant dense<[5, 6]> : tensor<2xi64>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<5> : tensor<1xi64>
// CHECK-DAG:     %[[C:.*]] = arith.constant dense<[1, 1, 0, 1]> : tensor<4xi64>
// CHECK-DAG:     %[[D:.*]] = arith.constant dense<[-1, 1, -1, 1]> : tensor<4xi64>
// CHECK:         return %[[A]], %[[B]], %[[C]], %[[D]]
func.func @fold_bitpack_groups_types() -> (tensor<2xi64>, tensor<1xi64>, tensor<4xi64>, tensor<4xi64>) {
  %c = arith.constant dense<[-1.0, 1.0, -1.0, 1.0, -1.0, -1.0]> : tensor<6xf32>
  %p = lq.bitpack %c {groups = 2} : tensor<6xf32> -> tensor<2xi64>
  %h = arith.constant dense<[-0.5, 3.0, -7.0, 0.0]> : tensor<4xf16>
  %q = lq.bitpack %h : tensor<4xf16> -> tensor<1xi64>
  %b = arith.constant dense<[-1.0, -1.0, 1.0, -1.0]> : tensor<4xbf16>
  %r = lq.bitpack %b {groups = 4} : tensor<4xbf16> -> tensor<4xi64>
  %g = arith.constant dense<-3.0> : tensor<130xf64>
  %s = lq.bitpack %g {groups = 2} : tensor<130xf64> -> tensor<4xi64>
  return %p, %q, %r, %s : tensor<2xi64>, tensor<1xi64>, tensor<4xi64>, tensor<4xi64>
}

// -----

// Test: unpacking. 5 -> [-1, 1, -1]; 255 has tail bits beyond the 3
// channels, which are ignored; [5, 6] in 2 groups of 3; bit 63 of word 0 is
// channel 63; 2 -> f16 [1, -1]; all-ones words -> all -1 (a splat).
// CHECK-LABEL: func.func @fold_bitunpack(
// CHECK-DAG:     %[[A:.*]] = arith.constant dense<{{\[}}[-1.000000e+00, 1.000000e+00, -1.000000e+00], [-1.000000e+00, -1.000000e+00, -1.000000e+00]]> : tensor<2x3xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00, -1.000000e+00, -1.000000e+00]> : tensor<6xf32>
// CHECK-DAG:     %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, -1.000000e+00, 1.000000e+00]]> : tensor<1x65xf32>
// CHECK-DAG:     %[[D:.*]] = arith.constant dense<[1.000000e+00, -1.000000e+00]> : tensor<2xf16>
// CHECK-DAG:     %[[E:.*]] = arith.constant dense<-1.000000e+00> : tensor<65xf32>
// CHECK:         return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]]
func.func @fold_bitunpack() -> (tensor<2x3xf32>, tensor<6xf32>, tensor<1x65xf32>, tensor<2xf16>, tensor<65xf32>) {
  %c = arith.constant dense<[[5], [255]]> : tensor<2x1xi64>
  %u = lq.bitunpack %c : tensor<2x1xi64> -> tensor<2x3xf32>
  %d = arith.constant dense<[5, 6]> : tensor<2xi64>
  %v = lq.bitunpack %d {groups = 2} : tensor<2xi64> -> tensor<6xf32>
  %e = arith.constant dense<[[-9223372036854775808, 0]]> : tensor<1x2xi64>
  %w = lq.bitunpack %e : tensor<1x2xi64> -> tensor<1x65xf32>
  %f = arith.constant dense<2> : tensor<1xi64>
  %x = lq.bitunpack %f : tensor<1xi64> -> tensor<2xf16>
  %g = arith.constant dense<-1> : tensor<2xi64>
  %y = lq.bitunpack %g : tensor<2xi64> -> tensor<65xf32>
  return %u, %v, %w, %x, %y : tensor<2x3xf32>, tensor<6xf32>, tensor<1x65xf32>, tensor<2xf16>, tensor<65xf32>
}

// -----

// Test: bitunpack(bitpack(c)) folds to sign(c) (-0.0 -> +1).
// CHECK-LABEL: func.func @fold_roundtrip(
// CHECK-NEXT:    %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, -1.000000e+00]]> : tensor<1x3xf32>
// CHECK-NEXT:    return %[[C]]
func.func @fold_roundtrip() -> tensor<1x3xf32> {
  %c = arith.constant dense<[[0.5, -0.0, -2.0]]> : tensor<1x3xf32>
  %p = lq.bitpack %c : tensor<1x3xf32> -> tensor<1x1xi64>
  %u = lq.bitunpack %p : tensor<1x1xi64> -> tensor<1x3xf32>
  return %u : tensor<1x3xf32>
}

//===----------------------------------------------------------------------===//
// Epilogue absorption: linalg.generic
//===----------------------------------------------------------------------===//

// -----

// Test: a per-channel multiply (channel map) becomes the multiplier.
// CHECK-LABEL: func.func @generic_mul(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<4x2xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<3x2xi64>
// CHECK-NEXT:    %[[M:.*]] = arith.constant dense<[5.000000e-01, -2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %[[A]], %[[W]] multiplier(%[[M]] : tensor<3xf32>) {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @generic_mul(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[0.5, -2.0, 3.0]> : tensor<3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %m : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}

// -----

// Test: a batch norm as multiply (constant on the left) then subtract: the
// subtracted constant becomes a negated bias (0.0 -> -0.0: y - 0 == y + -0).
// CHECK-LABEL: func.func @generic_bn(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[5.000000e-01, -2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-1.000000e+00, 2.000000e+00, -0.000000e+00]> : tensor<3xf32>
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<3xf32>) bias(%[[B]] : tensor<3xf32>) {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @generic_bn(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[0.5, -2.0, 3.0]> : tensor<3xf32>
  %b = arith.constant dense<[1.0, -2.0, 0.0]> : tensor<3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#ch, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%m, %y : tensor<3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%c: f32, %in: f32, %o: f32):
    %v = arith.mulf %c, %in : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %s = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%r, %b : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.subf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// Test: an add of a rank-0 constant (scalar map) becomes a uniform bias; a
// ReLU written as maxnumf with a constant defined in the body becomes
// output_min (maxnumf is exact here: y cannot be NaN).
// CHECK-LABEL: func.func @generic_add_relu(
// CHECK-NEXT:    %[[B:.*]] = arith.constant dense<2.500000e-01> : tensor<3xf32>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} bias(%[[B]] : tensor<3xf32>) {k = 100 : i64, output_min = 0.000000e+00 : f64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(m, n) -> (m, n)>
#sc = affine_map<(m, n) -> ()>
func.func @generic_add_relu(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %b = arith.constant dense<0.25> : tensor<f32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #sc, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %b : tensor<4x3xf32>, tensor<f32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.addf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %s = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%r : tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %v = arith.maxnumf %in, %zero : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// Test: constants with an identity map, uniform along the rows: a
// per-channel multiply and a uniform minimumf (output_max).
// CHECK-LABEL: func.func @generic_identity_map(
// CHECK-NEXT:    %[[M:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 4.000000e+00]> : tensor<3xf32>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<3xf32>) {k = 100 : i64, output_max = 6.000000e+00 : f64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(m, n) -> (m, n)>
func.func @generic_identity_map(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[[1.0, 2.0, 4.0], [1.0, 2.0, 4.0], [1.0, 2.0, 4.0], [1.0, 2.0, 4.0]]> : tensor<4x3xf32>
  %six = arith.constant dense<6.0> : tensor<4x3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %m : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%six, %r : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%c: f32, %in: f32, %o: f32):
    %v = arith.minimumf %c, %in : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// Test: a 4-D convolution output: batch norm + ReLU6 (maximumf 0, minimumf
// 6) all fold into the epilogue.
// CHECK-LABEL: func.func @generic_conv_bn_relu6(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[5.000000e-01, 0.000000e+00, -5.000000e-01, 1.000000e+00]> : tensor<4xf32>
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<4xf32>) bias(%[[B]] : tensor<4xf32>) {channels_in = 32 : i64, output_max = 6.000000e+00 : f64, output_min = 0.000000e+00 : f64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(n, h, w, c) -> (n, h, w, c)>
#ch = affine_map<(n, h, w, c) -> (c)>
func.func @generic_conv_bn_relu6(%a: tensor<1x4x4x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x4x4x4xf32> {
  %y = lq.bconv2d %a, %w {channels_in = 32, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
  %m = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %b = arith.constant dense<[0.5, 0.0, -0.5, 1.0]> : tensor<4xf32>
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %0 = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%y, %m : tensor<1x4x4x4xf32>, tensor<4xf32>) outs(%e : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<1x4x4x4xf32>
  %1 = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%0, %b : tensor<1x4x4x4xf32>, tensor<4xf32>) outs(%e : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.addf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<1x4x4x4xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%1 : tensor<1x4x4x4xf32>) outs(%e : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %v = arith.maximumf %in, %zero : f32
    linalg.yield %v : f32
  } -> tensor<1x4x4x4xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%2 : tensor<1x4x4x4xf32>) outs(%e : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %six = arith.constant 6.0 : f32
    %v = arith.minimumf %in, %six : f32
    linalg.yield %v : f32
  } -> tensor<1x4x4x4xf32>
  return %3 : tensor<1x4x4x4xf32>
}

// -----

// Test: batch norm + ReLU6 fused into one generic (what elementwise fusion
// makes of them): the chain of steps in the body folds like separate ops.
// CHECK-LABEL: func.func @generic_fused_bn_relu6(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-5.000000e-01, -0.000000e+00, 5.000000e-01, -1.000000e+00]> : tensor<4xf32>
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<4xf32>) bias(%[[B]] : tensor<4xf32>) {channels_in = 32 : i64, output_max = 6.000000e+00 : f64, output_min = 0.000000e+00 : f64, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(n, h, w, c) -> (n, h, w, c)>
#ch = affine_map<(n, h, w, c) -> (c)>
func.func @generic_fused_bn_relu6(%a: tensor<1x4x4x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x4x4x4xf32> {
  %y = lq.bconv2d %a, %w {channels_in = 32, padding = array<i64: 1, 1, 1, 1>} : tensor<1x4x4x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
  %m = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %b = arith.constant dense<[0.5, 0.0, -0.5, 1.0]> : tensor<4xf32>
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %0 = linalg.generic {indexing_maps = [#ch, #id, #ch, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%m, %y, %b : tensor<4xf32>, tensor<1x4x4x4xf32>, tensor<4xf32>) outs(%e : tensor<1x4x4x4xf32>) {
  ^bb0(%c: f32, %in: f32, %d: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %six = arith.constant 6.0 : f32
    %v = arith.mulf %c, %in : f32
    %u = arith.subf %v, %d : f32
    %r = arith.maximumf %u, %zero : f32
    %t = arith.minimumf %six, %r : f32
    linalg.yield %t : f32
  } -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Test: a fused body with two multiplies cannot move into the epilogue (it
// has one multiplier; folding m * m would round differently): it stays, and
// the pattern leaves no half-built constant behind (test-convergence).
// CHECK-LABEL: func.func @generic_fused_two_multiplies(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[Y]], %{{.*}} : tensor<4x3xf32>, tensor<3xf32>)
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @generic_fused_two_multiplies(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[0.5, -2.0, 3.0]> : tensor<3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %m : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    %u = arith.mulf %v, %c : f32
    linalg.yield %u : f32
  } -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}

// -----

// Test: a clamp before the batch norm: it moves to the dot clamp, the
// multiply and add follow it (clamp(dot) * m + b, the float ops' order).
// CHECK-LABEL: func.func @generic_clamp_then_bn(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[5.000000e-01, -2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[1.000000e+00, -2.000000e+00, 0.000000e+00]> : tensor<3xf32>
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<3xf32>) bias(%[[B]] : tensor<3xf32>) {dot_max = 5.000000e+00 : f64, dot_min = -5.000000e+00 : f64, k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @generic_clamp_then_bn(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[0.5, -2.0, 3.0]> : tensor<3xf32>
  %b = arith.constant dense<[1.0, -2.0, 0.0]> : tensor<3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %o: f32):
    %lo = arith.constant -5.0 : f32
    %v = arith.maximumf %in, %lo : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%0 : tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %o: f32):
    %hi = arith.constant 5.0 : f32
    %v = arith.minimumf %in, %hi : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %2 = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%1, %m : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  %3 = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%2, %b : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.addf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %3 : tensor<4x3xf32>
}

//===----------------------------------------------------------------------===//
// Epilogue absorption: linalg named ops, arith on tensors
//===----------------------------------------------------------------------===//

// -----

// Test: linalg.mul / linalg.sub / linalg.max (constant on the left) /
// linalg.min with same-shaped constants.
// CHECK-LABEL: func.func @named_ops(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 4.000000e+00]> : tensor<3xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<-1.500000e+00> : tensor<3xf32>
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<3xf32>) bias(%[[B]] : tensor<3xf32>) {k = 100 : i64, output_max = 3.000000e+00 : f64, output_min = -1.000000e+00 : f64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @named_ops(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[[1.0, 2.0, 4.0], [1.0, 2.0, 4.0], [1.0, 2.0, 4.0], [1.0, 2.0, 4.0]]> : tensor<4x3xf32>
  %b = arith.constant dense<1.5> : tensor<4x3xf32>
  %lo = arith.constant dense<-1.0> : tensor<4x3xf32>
  %hi = arith.constant dense<3.0> : tensor<4x3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %0 = linalg.mul ins(%y, %m : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %1 = linalg.sub ins(%0, %b : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %2 = linalg.max ins(%lo, %1 : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  %3 = linalg.min ins(%2, %hi : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %3 : tensor<4x3xf32>
}

// -----

// Test: linalg.add with the constant on the left.
// CHECK-LABEL: func.func @named_add(
// CHECK-NEXT:    %[[B:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} bias(%[[B]] : tensor<3xf32>) {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @named_add(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %b = arith.constant dense<[[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]> : tensor<4x3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %0 = linalg.add ins(%b, %y : tensor<4x3xf32>, tensor<4x3xf32>) outs(%e : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Test: arith on tensors: mulf, addf (constant on the left), maxnumf
// (ReLU), on a batched bmatmul (rank 3, channels last).
// CHECK-LABEL: func.func @arith_tensors(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[2.000000e+00, 5.000000e-01]> : tensor<2xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-1.000000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<2xf32>) bias(%[[B]] : tensor<2xf32>) {k = 64 : i64, output_min = 0.000000e+00 : f64} : tensor<3x4x1xi64>, tensor<3x2x1xi64> -> tensor<3x4x2xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @arith_tensors(%a: tensor<3x4x1xi64>, %w: tensor<3x2x1xi64>) -> tensor<3x4x2xf32> {
  %y = lq.bmatmul %a, %w {k = 64} : tensor<3x4x1xi64>, tensor<3x2x1xi64> -> tensor<3x4x2xf32>
  %m = arith.constant dense<[[[2.0, 0.5], [2.0, 0.5], [2.0, 0.5], [2.0, 0.5]], [[2.0, 0.5], [2.0, 0.5], [2.0, 0.5], [2.0, 0.5]], [[2.0, 0.5], [2.0, 0.5], [2.0, 0.5], [2.0, 0.5]]]> : tensor<3x4x2xf32>
  %b = arith.constant dense<[[[-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0]], [[-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0]], [[-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0], [-1.0, 1.0]]]> : tensor<3x4x2xf32>
  %z = arith.constant dense<0.0> : tensor<3x4x2xf32>
  %0 = arith.mulf %y, %m : tensor<3x4x2xf32>
  %1 = arith.addf %b, %0 : tensor<3x4x2xf32>
  %2 = arith.maxnumf %1, %z : tensor<3x4x2xf32>
  return %2 : tensor<3x4x2xf32>
}

// -----

// Test: arith.subf (negated bias) and arith.minimumf on f16.
// CHECK-LABEL: func.func @arith_sub_min_f16(
// CHECK-NEXT:    %[[B:.*]] = arith.constant dense<[-2.500000e-01, 1.000000e+00, -0.000000e+00]> : tensor<3xf16>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} bias(%[[B]] : tensor<3xf16>) {k = 100 : i64, output_max = 1.000000e+01 : f64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf16>
// CHECK-NEXT:    return %[[Y]]
func.func @arith_sub_min_f16(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf16> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf16>
  %b = arith.constant dense<[[0.25, -1.0, 0.0], [0.25, -1.0, 0.0], [0.25, -1.0, 0.0], [0.25, -1.0, 0.0]]> : tensor<4x3xf16>
  %hi = arith.constant dense<10.0> : tensor<4x3xf16>
  %0 = arith.subf %y, %b : tensor<4x3xf16>
  %1 = arith.minimumf %0, %hi : tensor<4x3xf16>
  return %1 : tensor<4x3xf16>
}

//===----------------------------------------------------------------------===//
// Epilogue absorption: TOSA
//===----------------------------------------------------------------------===//

// -----

// Test: tosa.mul with a zero shift, tosa.add, tosa.clamp (ReLU6).
// CHECK-LABEL: func.func @tosa_bn_relu6(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-1.000000e+00, 0.000000e+00, 1.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<4xf32>) bias(%[[B]] : tensor<4xf32>) {channels_in = 32 : i64, output_max = 6.000000e+00 : f64, output_min = 0.000000e+00 : f64} : tensor<1x6x6x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @tosa_bn_relu6(%a: tensor<1x6x6x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x4x4x4xf32> {
  %y = lq.bconv2d %a, %w {channels_in = 32} : tensor<1x6x6x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
  %m = "tosa.const"() <{values = dense<[[[[1.0, 2.0, 3.0, 4.0]]]]> : tensor<1x1x1x4xf32>}> : () -> tensor<1x1x1x4xf32>
  %b = "tosa.const"() <{values = dense<[[[[-1.0, 0.0, 1.0, 2.0]]]]> : tensor<1x1x1x4xf32>}> : () -> tensor<1x1x1x4xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.mul %y, %m, %shift : (tensor<1x4x4x4xf32>, tensor<1x1x1x4xf32>, tensor<1xi8>) -> tensor<1x4x4x4xf32>
  %1 = tosa.add %0, %b : (tensor<1x4x4x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x4x4x4xf32>
  %2 = tosa.clamp %1 {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %2 : tensor<1x4x4x4xf32>
}

// -----

// Test: tosa.mul with the constant first, tosa.sub (negated bias),
// tosa.maximum (ReLU) and tosa.minimum.
// CHECK-LABEL: func.func @tosa_sub_max_min(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<[-1.000000e+00, -2.000000e+00, 3.000000e+00, -4.000000e+00]> : tensor<4xf32>
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<4xf32>) bias(%[[B]] : tensor<4xf32>) {channels_in = 32 : i64, output_max = 2.000000e+00 : f64, output_min = 0.000000e+00 : f64} : tensor<1x6x6x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @tosa_sub_max_min(%a: tensor<1x6x6x1xi64>, %w: tensor<4x3x3x1xi64>) -> tensor<1x4x4x4xf32> {
  %y = lq.bconv2d %a, %w {channels_in = 32} : tensor<1x6x6x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x4x4x4xf32>
  %m = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %b = "tosa.const"() <{values = dense<[[[[1.0, 2.0, -3.0, 4.0]]]]> : tensor<1x1x1x4xf32>}> : () -> tensor<1x1x1x4xf32>
  %z = "tosa.const"() <{values = dense<0.0> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %two = "tosa.const"() <{values = dense<2.0> : tensor<1x1x1x1xf32>}> : () -> tensor<1x1x1x1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.mul %m, %y, %shift : (tensor<1x1x1x1xf32>, tensor<1x4x4x4xf32>, tensor<1xi8>) -> tensor<1x4x4x4xf32>
  %1 = tosa.sub %0, %b : (tensor<1x4x4x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x4x4x4xf32>
  %2 = tosa.maximum %1, %z : (tensor<1x4x4x4xf32>, tensor<1x1x1x1xf32>) -> tensor<1x4x4x4xf32>
  %3 = tosa.minimum %two, %2 : (tensor<1x1x1x1xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %3 : tensor<1x4x4x4xf32>
}

//===----------------------------------------------------------------------===//
// Steps that cannot be absorbed exactly: the float op stays
//===----------------------------------------------------------------------===//

// -----

// Test: a second multiply: (dot * m1) * m2 rounds twice; only the first is
// absorbed.
// CHECK-LABEL: func.func @second_multiply(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64}
// CHECK-NEXT:    %[[R:.*]] = arith.mulf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @second_multiply(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<0.1> : tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %1 = arith.mulf %0, %m : tensor<4x3xf32>
  return %1 : tensor<4x3xf32>
}

// -----

// Test: a multiply after a bias ((dot + b) * m != dot * m + b * m in
// floats): the bias is absorbed, the multiply stays.
// CHECK-LABEL: func.func @multiply_after_bias(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} bias(%{{.*}} : tensor<3xf32>) {k = 100 : i64}
// CHECK-NEXT:    %[[R:.*]] = arith.mulf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @multiply_after_bias(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %b = arith.constant dense<0.1> : tensor<4x3xf32>
  %m = arith.constant dense<3.0> : tensor<4x3xf32>
  %0 = arith.addf %y, %b : tensor<4x3xf32>
  %1 = arith.mulf %0, %m : tensor<4x3xf32>
  return %1 : tensor<4x3xf32>
}

// -----

// Test: a second add ((dot + b1) + b2 rounds twice): only the first goes.
// CHECK-LABEL: func.func @second_add(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} bias(%{{.*}} : tensor<3xf32>) {k = 100 : i64}
// CHECK-NEXT:    %[[R:.*]] = arith.addf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @second_add(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %b = arith.constant dense<0.1> : tensor<4x3xf32>
  %0 = arith.addf %y, %b : tensor<4x3xf32>
  %1 = arith.addf %0, %b : tensor<4x3xf32>
  return %1 : tensor<4x3xf32>
}

// -----

// Test: an affine step after a clamp that follows a multiplier: the clamp
// cannot move before the multiplier, so the add stays.
// CHECK-LABEL: func.func @add_after_clamp(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64, output_min = 0.000000e+00 : f64}
// CHECK-NEXT:    %[[R:.*]] = arith.addf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @add_after_clamp(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<3.0> : tensor<4x3xf32>
  %z = arith.constant dense<0.0> : tensor<4x3xf32>
  %b = arith.constant dense<0.1> : tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %1 = arith.maximumf %0, %z : tensor<4x3xf32>
  %2 = arith.addf %1, %b : tensor<4x3xf32>
  return %2 : tensor<4x3xf32>
}

// -----

// Test: a division is not absorbed (y / c != y * (1 / c)).
// CHECK-LABEL: func.func @division(
// CHECK-NEXT:    arith.constant
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[R:.*]] = arith.divf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @division(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %c = arith.constant dense<3.0> : tensor<4x3xf32>
  %0 = arith.divf %y, %c : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Test: a clamp with per-channel bounds has no uniform attribute form.
// CHECK-LABEL: func.func @nonuniform_clamp(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK:         %[[R:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[Y]], %{{.*}} : tensor<4x3xf32>, tensor<3xf32>)
// CHECK:           arith.maximumf
// CHECK:         return %[[R]]
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @nonuniform_clamp(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %lo = arith.constant dense<[0.0, 1.0, 2.0]> : tensor<3xf32>
  %e = tensor.empty() : tensor<4x3xf32>
  %r = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %lo : tensor<4x3xf32>, tensor<3xf32>) outs(%e : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.maximumf %in, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}

// -----

// Test: the product has a second use: nothing is absorbed.
// CHECK-LABEL: func.func @multiple_uses(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[R:.*]] = arith.mulf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    %[[S:.*]] = lq.ste_sign %[[Y]]
// CHECK-NEXT:    return %[[R]], %[[S]]
func.func @multiple_uses(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<3.0> : tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %1 = lq.ste_sign %y : tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// Test: min(y, -1) then max(., 1) is the constant 1, no clamp interval: the
// first clamp is absorbed, the second stays.
// CHECK-LABEL: func.func @disjoint_clamps(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64, output_max = -1.000000e+00 : f64}
// CHECK-NEXT:    %[[R:.*]] = arith.maximumf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @disjoint_clamps(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %lo = arith.constant dense<1.0> : tensor<4x3xf32>
  %hi = arith.constant dense<-1.0> : tensor<4x3xf32>
  %0 = arith.minimumf %y, %hi : tensor<4x3xf32>
  %1 = arith.maximumf %0, %lo : tensor<4x3xf32>
  return %1 : tensor<4x3xf32>
}

// -----

// Test: overlapping clamps compose: [-1, 6] then [0, 8] is [0, 6].
// CHECK-LABEL: func.func @overlapping_clamps(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64, output_max = 6.000000e+00 : f64, output_min = 0.000000e+00 : f64}
// CHECK-NEXT:    return %[[Y]]
func.func @overlapping_clamps(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %c0 = arith.constant dense<-1.0> : tensor<4x3xf32>
  %c1 = arith.constant dense<6.0> : tensor<4x3xf32>
  %c2 = arith.constant dense<0.0> : tensor<4x3xf32>
  %c3 = arith.constant dense<8.0> : tensor<4x3xf32>
  %0 = arith.maximumf %y, %c0 : tensor<4x3xf32>
  %1 = arith.minimumf %0, %c1 : tensor<4x3xf32>
  %2 = arith.maximumf %1, %c2 : tensor<4x3xf32>
  %3 = arith.minimumf %2, %c3 : tensor<4x3xf32>
  return %3 : tensor<4x3xf32>
}

// -----

// Test: clamp bounds are ordered as maximumf/minimumf order them, -0.0 <
// +0.0 (regression: they were compared as doubles, where -0.0 == +0.0).
// max(max(y, -0.0), +0.0) is max(y, +0.0): y = -0.0 gives +0.0. And
// max(min(y, -0.0), +0.0) is the constant +0.0, not the interval [+0, -0]
// (which the lowering, max then min, would turn into -0.0).
// CHECK-LABEL: func.func @signed_zero_clamps(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64, output_min = 0.000000e+00 : f64}
// CHECK:         %[[Z:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64, output_max = -0.000000e+00 : f64}
// CHECK-NEXT:    %[[R:.*]] = arith.maximumf %[[Z]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[Y]], %[[R]]
func.func @signed_zero_clamps(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %m = arith.constant dense<-1.0> : tensor<4x3xf32>
  %nz = arith.constant dense<-0.0> : tensor<4x3xf32>
  %pz = arith.constant dense<0.0> : tensor<4x3xf32>
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %1 = arith.maximumf %0, %nz : tensor<4x3xf32>
  %2 = arith.maximumf %1, %pz : tensor<4x3xf32>
  %z = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %3 = arith.mulf %z, %m : tensor<4x3xf32>
  %4 = arith.minimumf %3, %nz : tensor<4x3xf32>
  %5 = arith.maximumf %4, %pz : tensor<4x3xf32>
  return %2, %5 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// Test: c - y (the product on the right of a subtraction) stays.
// CHECK-LABEL: func.func @reversed_sub(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[R:.*]] = arith.subf %{{.*}}, %[[Y]] : tensor<4x3xf32>
// CHECK-NEXT:    %[[T:.*]] = tosa.sub %{{.*}}, %[[R]]
// CHECK-NEXT:    return %[[T]]
func.func @reversed_sub(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %c = arith.constant dense<3.0> : tensor<4x3xf32>
  %0 = arith.subf %c, %y : tensor<4x3xf32>
  %1 = tosa.sub %c, %0 : (tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  return %1 : tensor<4x3xf32>
}

// -----

// Test: a non-constant operand, and a constant that varies along the rows
// (not per channel), stay.
// CHECK-LABEL: func.func @not_per_channel(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[R:.*]] = arith.mulf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK:         %[[Z:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[S:.*]] = arith.addf %[[Z]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]], %[[S]]
func.func @not_per_channel(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>, %m: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %z = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %rows = arith.constant dense<[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [3.0, 3.0, 3.0], [4.0, 4.0, 4.0]]> : tensor<4x3xf32>
  %1 = arith.addf %z, %rows : tensor<4x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// Test: maxnumf(y, 0) returns 0 where maximumf (the epilogue clamp) returns
// NaN: after a multiplier with an infinite entry (0 * inf = NaN) it stays,
// maximumf is absorbed.
// CHECK-LABEL: func.func @maxnum_after_infinite_multiplier(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64}
// CHECK-NEXT:    %[[R:.*]] = arith.maxnumf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK:         %[[Z:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf32>) {k = 100 : i64, output_min = 0.000000e+00 : f64}
// CHECK-NEXT:    return %[[R]], %[[Z]]
func.func @maxnum_after_infinite_multiplier(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %m = arith.constant dense<[[1.0, 0x7F800000, 2.0], [1.0, 0x7F800000, 2.0], [1.0, 0x7F800000, 2.0], [1.0, 0x7F800000, 2.0]]> : tensor<4x3xf32>
  %zero = arith.constant dense<0.0> : tensor<4x3xf32>
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %0 = arith.mulf %y, %m : tensor<4x3xf32>
  %1 = arith.maxnumf %0, %zero : tensor<4x3xf32>
  %z = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %2 = arith.mulf %z, %m : tensor<4x3xf32>
  %3 = arith.maximumf %2, %zero : tensor<4x3xf32>
  return %1, %3 : tensor<4x3xf32>, tensor<4x3xf32>
}

// -----

// Test: a NaN clamp bound stays (the attributes cannot hold it).
// CHECK-LABEL: func.func @nan_bound(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    %[[R:.*]] = arith.minimumf %[[Y]], %{{.*}} : tensor<4x3xf32>
// CHECK-NEXT:    return %[[R]]
func.func @nan_bound(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %c = arith.constant dense<0x7FC00000> : tensor<4x3xf32>
  %0 = arith.minimumf %y, %c : tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Test: a raw i32 result takes no epilogue: integer steps stay.
// CHECK-LABEL: func.func @raw_i32(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xi32>
// CHECK-NEXT:    %[[R:.*]] = arith.muli %[[Y]], %{{.*}} : tensor<4x3xi32>
// CHECK-NEXT:    return %[[R]]
func.func @raw_i32(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xi32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xi32>
  %c = arith.constant dense<3> : tensor<4x3xi32>
  %0 = arith.muli %y, %c : tensor<4x3xi32>
  return %0 : tensor<4x3xi32>
}

// -----

// Test: a generic that is not elementwise (a reduction over the rows) or
// whose body uses the product twice (y * m + y is no chain of steps) stays.
// CHECK-LABEL: func.func @not_elementwise(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[Y]] : tensor<4x3xf32>)
// CHECK:         %[[Z:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      ins(%[[Z]], %{{.*}} : tensor<4x3xf32>, tensor<3xf32>)
#id = affine_map<(m, n) -> (m, n)>
#ch = affine_map<(m, n) -> (n)>
func.func @not_elementwise(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> (tensor<3xf32>, tensor<4x3xf32>) {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3xf32>) -> tensor<3xf32>
  %sum = linalg.generic {indexing_maps = [#id, #ch], iterator_types = ["reduction", "parallel"]}
      ins(%y : tensor<4x3xf32>) outs(%init : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %v = arith.addf %acc, %in : f32
    linalg.yield %v : f32
  } -> tensor<3xf32>
  %z = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %m = arith.constant dense<[0.5, -2.0, 3.0]> : tensor<3xf32>
  %e2 = tensor.empty() : tensor<4x3xf32>
  %bn = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel"]}
      ins(%z, %m : tensor<4x3xf32>, tensor<3xf32>) outs(%e2 : tensor<4x3xf32>) {
  ^bb0(%in: f32, %c: f32, %o: f32):
    %v = arith.mulf %in, %c : f32
    %u = arith.addf %v, %in : f32
    linalg.yield %u : f32
  } -> tensor<4x3xf32>
  return %sum, %bn : tensor<3xf32>, tensor<4x3xf32>
}

//===----------------------------------------------------------------------===//
// sign(product) -> bit-packed output
//===----------------------------------------------------------------------===//

// -----

// Test: a sign after a float bmatmul: bit-packed output (3 columns -> 1 word)
// and a bitunpack for the float users.
// CHECK-LABEL: func.func @sign_of_bmatmul(
// CHECK-SAME:    %[[A:[a-zA-Z0-9_]+]]: tensor<4x2xi64>, %[[W:[a-zA-Z0-9_]+]]: tensor<3x2xi64>
// CHECK-NEXT:    %[[Y:.*]] = lq.bmatmul %[[A]], %[[W]] {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x1xi64>
// CHECK-NEXT:    %[[U:.*]] = lq.bitunpack %[[Y]] : tensor<4x1xi64> -> tensor<4x3xf32>
// CHECK-NEXT:    return %[[U]]
func.func @sign_of_bmatmul(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> tensor<4x3xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %s = lq.ste_sign %y : tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// Test: batch norm + approx_sign after a bconv2d, then the next layer's
// bitpack: bit-packed output consumed directly (70 channels -> 2 words).
// CHECK-LABEL: func.func @bn_sign_chain(
// CHECK-DAG:     %[[M:.*]] = arith.constant dense<{{.*}}> : tensor<70xf32>
// CHECK-DAG:     %[[B:.*]] = arith.constant dense<{{.*}}> : tensor<70xf32>
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<70xf32>) bias(%[[B]] : tensor<70xf32>) {channels_in = 32 : i64} : tensor<1x6x6x1xi64>, tensor<70x3x3x1xi64> -> tensor<1x4x4x2xi64>
// CHECK-NEXT:    %[[Z:.*]] = lq.bconv2d %[[Y]], %{{.*}} {channels_in = 70 : i64} : tensor<1x4x4x2xi64>, tensor<5x1x1x2xi64> -> tensor<1x4x4x5xi32>
// CHECK-NEXT:    return %[[Z]]
func.func @bn_sign_chain(%a: tensor<1x6x6x1xi64>, %w: tensor<70x3x3x1xi64>, %v: tensor<5x1x1x2xi64>) -> tensor<1x4x4x5xi32> {
  %y = lq.bconv2d %a, %w {channels_in = 32} : tensor<1x6x6x1xi64>, tensor<70x3x3x1xi64> -> tensor<1x4x4x70xf32>
  %m = arith.constant dense<-0.5> : tensor<1x4x4x70xf32>
  %b = arith.constant dense<1.5> : tensor<1x4x4x70xf32>
  %0 = arith.mulf %y, %m : tensor<1x4x4x70xf32>
  %1 = arith.addf %0, %b : tensor<1x4x4x70xf32>
  %s = lq.approx_sign %1 : tensor<1x4x4x70xf32>
  %p = lq.bitpack %s : tensor<1x4x4x70xf32> -> tensor<1x4x4x2xi64>
  %z = lq.bconv2d %p, %v {channels_in = 70} : tensor<1x4x4x2xi64>, tensor<5x1x1x2xi64> -> tensor<1x4x4x5xi32>
  return %z : tensor<1x4x4x5xi32>
}

// -----

// Test: a sign with two users, one of them the next layer's bitpack.
// bitpack(sign(y)) -> bitpack(y) gives the product a sign and a bitpack as
// users; both take the packed output (regression: the result depended on the
// pattern order, and could keep the float product and pack at run time).
// CHECK-LABEL: func.func @sign_with_two_users(
// CHECK:         %[[Y:.*]] = lq.bconv2d %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<70xf32>) bias(%{{.*}} : tensor<70xf32>) {channels_in = 32 : i64} : tensor<1x6x6x1xi64>, tensor<70x3x3x1xi64> -> tensor<1x4x4x2xi64>
// CHECK-NEXT:    %[[U:.*]] = lq.bitunpack %[[Y]] : tensor<1x4x4x2xi64> -> tensor<1x4x4x70xf32>
// CHECK-NEXT:    %[[Z:.*]] = lq.bconv2d %[[Y]], %{{.*}} {channels_in = 70 : i64} : tensor<1x4x4x2xi64>, tensor<5x1x1x2xi64> -> tensor<1x4x4x5xi32>
// CHECK-NEXT:    return %[[U]], %[[Z]]
func.func @sign_with_two_users(%a: tensor<1x6x6x1xi64>, %w: tensor<70x3x3x1xi64>, %v: tensor<5x1x1x2xi64>) -> (tensor<1x4x4x70xf32>, tensor<1x4x4x5xi32>) {
  %y = lq.bconv2d %a, %w {channels_in = 32} : tensor<1x6x6x1xi64>, tensor<70x3x3x1xi64> -> tensor<1x4x4x70xf32>
  %m = arith.constant dense<-0.5> : tensor<1x4x4x70xf32>
  %b = arith.constant dense<1.5> : tensor<1x4x4x70xf32>
  %0 = arith.mulf %y, %m : tensor<1x4x4x70xf32>
  %1 = arith.addf %0, %b : tensor<1x4x4x70xf32>
  %s = lq.ste_sign %1 : tensor<1x4x4x70xf32>
  %p = lq.bitpack %s : tensor<1x4x4x70xf32> -> tensor<1x4x4x2xi64>
  %z = lq.bconv2d %p, %v {channels_in = 70} : tensor<1x4x4x2xi64>, tensor<5x1x1x2xi64> -> tensor<1x4x4x5xi32>
  return %s, %z : tensor<1x4x4x70xf32>, tensor<1x4x4x5xi32>
}

// -----

// Test: bitpack of a float product: bit-packed output directly; an f16
// product with an f16 multiplier (the epilogue type stays f16).
// CHECK-LABEL: func.func @bitpack_of_product(
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 100 : i64, output_max = 3.000000e+00 : f64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x1xi64>
// CHECK:         %[[Z:.*]] = lq.bmatmul %{{.*}}, %{{.*}} multiplier(%{{.*}} : tensor<3xf16>) {k = 100 : i64} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x1xi64>
// CHECK-NEXT:    return %[[Y]], %[[Z]]
func.func @bitpack_of_product(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>) -> (tensor<4x1xi64>, tensor<4x1xi64>) {
  %y = lq.bmatmul %a, %w {k = 100, output_max = 3.0} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %p = lq.bitpack %y : tensor<4x3xf32> -> tensor<4x1xi64>
  %m = arith.constant dense<[1.0, -1.0, 2.0]> : tensor<3xf16>
  %z = lq.bmatmul %a, %w multiplier(%m : tensor<3xf16>) {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf16>
  %q = lq.bitpack %z : tensor<4x3xf16> -> tensor<4x1xi64>
  return %p, %q : tensor<4x1xi64>, tensor<4x1xi64>
}

// -----

// Test: no packing when the product has another use, when the quantizer is
// no sign binarizer, or for a grouped bitpack (packed output is ungrouped).
// CHECK-LABEL: func.func @sign_not_packed(
// CHECK:         %[[Y:.*]] = lq.bmatmul {{.*}} -> tensor<4x3xf32>
// CHECK-NEXT:    lq.ste_sign %[[Y]]
// CHECK:         %[[Z:.*]] = lq.bmatmul {{.*}} -> tensor<4x3xf32>
// CHECK-NEXT:    lq.ste_heaviside %[[Z]]
// CHECK:         %[[V:.*]] = lq.bmatmul {{.*}} -> tensor<4x3xf32>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[V]]
// CHECK:         %[[G:.*]] = lq.bmatmul {{.*}} -> tensor<4x4xf32>
// CHECK-NEXT:    lq.bitpack %[[G]] {groups = 2 : i64}
func.func @sign_not_packed(%a: tensor<4x2xi64>, %w: tensor<3x2xi64>, %w4: tensor<4x2xi64>) -> (tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x2xi64>) {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %s = lq.ste_sign %y : tensor<4x3xf32>
  %z = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %h = lq.ste_heaviside %z : tensor<4x3xf32>
  %v = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<3x2xi64> -> tensor<4x3xf32>
  %t = lq.magnitude_aware_sign %v : tensor<4x3xf32>
  %g = lq.bmatmul %a, %w4 {k = 100} : tensor<4x2xi64>, tensor<4x2xi64> -> tensor<4x4xf32>
  %p = lq.bitpack %g {groups = 2} : tensor<4x4xf32> -> tensor<4x2xi64>
  return %y, %s, %h, %t, %p : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x2xi64>
}
