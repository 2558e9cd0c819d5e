// RUN: lq-opt %s -split-input-file -canonicalize | FileCheck %s

// Regression tests (issue 8, fuzzing and review): canonicalization patterns
// of the binary ops on IR their verifiers accept but the patterns used to
// mishandle. Each must leave the IR valid (most stay untouched).

// Test: a float-output bmatmul whose result has a dynamic channel dimension
// (the verifier only asks for a size compatible with the rhs rows) is not
// fused with a following multiply. It used to size a vector by the dynamic
// size (INT64_MIN) and abort ("SmallVector unable to grow").
// CHECK-LABEL: func.func @absorb_dynamic_channels
// CHECK:         lq.bmatmul %{{.*}}, %{{.*}} {k = 64 : i64} : tensor<8x1xi64>, tensor<10x1xi64> -> tensor<8x?xf32>
// CHECK:         linalg.generic
// CHECK:         arith.mulf
func.func @absorb_dynamic_channels(%a: tensor<8x1xi64>, %w: tensor<10x1xi64>) -> tensor<8x?xf32> {
  %y = lq.bmatmul %a, %w {k = 64} : tensor<8x1xi64>, tensor<10x1xi64> -> tensor<8x?xf32>
  %c = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<8x10xf32>
  %ec = tensor.cast %e : tensor<8x10xf32> to tensor<8x?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %c : tensor<8x?xf32>, f32) outs(%ec : tensor<8x?xf32>) {
  ^bb0(%in: f32, %s: f32, %o: f32):
    %m = arith.mulf %in, %s : f32
    linalg.yield %m : f32
  } -> tensor<8x?xf32>
  return %r : tensor<8x?xf32>
}

// -----

// Test: the same dynamic channel dimension does not switch to bit-packed
// output for a sign user. It used to build a word count of
// (INT64_MIN + 63) / 64 and leave a bmatmul that fails to verify.
// CHECK-LABEL: func.func @pack_dynamic_channels
// CHECK:         %[[Y:.*]] = lq.bmatmul %{{.*}}, %{{.*}} {k = 64 : i64} : tensor<8x1xi64>, tensor<10x1xi64> -> tensor<8x?xf32>
// CHECK:         lq.ste_sign %[[Y]] : tensor<8x?xf32>
func.func @pack_dynamic_channels(%a: tensor<8x1xi64>, %w: tensor<10x1xi64>) -> tensor<8x?xf32> {
  %y = lq.bmatmul %a, %w {k = 64} : tensor<8x1xi64>, tensor<10x1xi64> -> tensor<8x?xf32>
  %s = lq.ste_sign %y : tensor<8x?xf32>
  return %s : tensor<8x?xf32>
}

// -----

// Test: a bmatmul with no output column (rhs rows = 0) followed by a clamp
// with a scalar bound: the clamp has no channel to take its bound from and
// stays. It used to read the first of zero bounds (a crash).
// CHECK-LABEL: func.func @absorb_zero_channels
// CHECK:         lq.bmatmul
// CHECK-NOT:     output_min
// CHECK:         linalg.generic
// CHECK:         arith.maximumf
func.func @absorb_zero_channels(%a: tensor<8x1xi64>, %w: tensor<0x1xi64>) -> tensor<8x0xf32> {
  %y = lq.bmatmul %a, %w {k = 64} : tensor<8x1xi64>, tensor<0x1xi64> -> tensor<8x0xf32>
  %c = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<8x0xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %c : tensor<8x0xf32>, f32) outs(%e : tensor<8x0xf32>) {
  ^bb0(%in: f32, %s: f32, %o: f32):
    %m = arith.maximumf %in, %s : f32
    linalg.yield %m : f32
  } -> tensor<8x0xf32>
  return %r : tensor<8x0xf32>
}

// -----

// Test: bitpack(collapse_shape(bitunpack(p))) whose bitpack result is less
// static than the collapse of p stays: collapse_shape cannot produce a
// dynamic size from static ones. It used to create an invalid
// tensor.collapse_shape.
// CHECK-LABEL: func.func @collapsed_bitunpack_dynamic_result
// CHECK:         lq.bitunpack
// CHECK:         tensor.collapse_shape
// CHECK:         lq.bitpack %{{.*}} : tensor<2x192xf32> -> tensor<?x3xi64>
func.func @collapsed_bitunpack_dynamic_result(%p: tensor<2x3x1xi64>) -> tensor<?x3xi64> {
  %u = lq.bitunpack %p : tensor<2x3x1xi64> -> tensor<2x3x64xf32>
  %c = tensor.collapse_shape %u [[0], [1, 2]] : tensor<2x3x64xf32> into tensor<2x192xf32>
  %b = lq.bitpack %c : tensor<2x192xf32> -> tensor<?x3xi64>
  return %b : tensor<?x3xi64>
}

// -----

// Test: a multiply by a 2^32-element splat after a bmatmul with 65536
// channels. The absorption expanded the constant into one APFloat per
// element ("SmallVector unable to grow" abort); a splat is now read as its
// one value (and absorbed: 65536 channels is fine).
// CHECK-LABEL: func.func @huge_splat_multiplier
// CHECK:         %[[M:.*]] = arith.constant dense<2.000000e+00> : tensor<65536xf32>
// CHECK:         lq.bmatmul %{{.*}}, %{{.*}} multiplier(%[[M]] : tensor<65536xf32>)
func.func @huge_splat_multiplier(%a: tensor<65536x1xi64>, %w: tensor<65536x1xi64>) -> tensor<65536x65536xf32> {
  %y = lq.bmatmul %a, %w {k = 64} : tensor<65536x1xi64>, tensor<65536x1xi64> -> tensor<65536x65536xf32>
  %c = arith.constant dense<2.0> : tensor<65536x65536xf32>
  %z = arith.mulf %y, %c : tensor<65536x65536xf32>
  return %z : tensor<65536x65536xf32>
}
