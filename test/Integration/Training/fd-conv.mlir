// Reverse-mode rule of linalg.conv_2d_nhwc_hwcf (input and filter; strides
// 1, 2 and (3, 2), dilations 1, 2 and (1, 2), a stride that leaves input
// rows unused) against central finite differences in f64 (tolerance: see
// Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 250
// CHECK: PASS

#id4 = affine_map<(n, h, w, f) -> (n, h, w, f)>

/// p[i] = ((37 i) mod 23) / 11 - 1 + 0.0013 i: deterministic, spread over
/// [-1, 1.3] without ties.
func.func @params() -> tensor<?xf64> {
  %e = tensor.empty() : tensor<250xf64>
  %p = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
      outs(%e : tensor<250xf64>) {
  ^bb0(%o: f64):
    %i = linalg.index 0 : index
    %c37 = arith.constant 37 : index
    %c23 = arith.constant 23 : index
    %m = arith.muli %i, %c37 : index
    %r = arith.remui %m, %c23 : index
    %ri = arith.index_cast %r : index to i64
    %rf = arith.sitofp %ri : i64 to f64
    %ii = arith.index_cast %i : index to i64
    %if = arith.sitofp %ii : i64 to f64
    %c11 = arith.constant 11.0 : f64
    %one = arith.constant 1.0 : f64
    %small = arith.constant 0.0013 : f64
    %q = arith.divf %rf, %c11 : f64
    %q1 = arith.subf %q, %one : f64
    %t = arith.mulf %if, %small : f64
    %v = arith.addf %q1, %t : f64
    linalg.yield %v : f64
  } -> tensor<250xf64>
  %d = tensor.cast %p : tensor<250xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<250xf64>
  %in_flat = tensor.extract_slice %x[0] [196] [1] : tensor<250xf64> to tensor<196xf64>
  %in = tensor.expand_shape %in_flat [[0, 1, 2, 3]] output_shape [2, 7, 7, 2] : tensor<196xf64> into tensor<2x7x7x2xf64>
  %w_flat = tensor.extract_slice %x[196] [54] [1] : tensor<250xf64> to tensor<54xf64>
  %w = tensor.expand_shape %w_flat [[0, 1, 2, 3]] output_shape [3, 3, 2, 3] : tensor<54xf64> into tensor<3x3x2x3xf64>
  %zero = arith.constant 0.0 : f64
  %tenth = arith.constant 0.1 : f64
  %e0 = tensor.empty() : tensor<f64>
  %acc0 = linalg.fill ins(%zero : f64) outs(%e0 : tensor<f64>) -> tensor<f64>

  // strides [1, 1], dilations [1, 1]
  %e1 = tensor.empty() : tensor<2x5x5x3xf64>
  %z1 = linalg.fill ins(%zero : f64) outs(%e1 : tensor<2x5x5x3xf64>) -> tensor<2x5x5x3xf64>
  %c1 = linalg.conv_2d_nhwc_hwcf {strides = dense<[1, 1]> : tensor<2xi64>, dilations = dense<[1, 1]> : tensor<2xi64>}
      ins(%in, %w : tensor<2x7x7x2xf64>, tensor<3x3x2x3xf64>) outs(%z1 : tensor<2x5x5x3xf64>) -> tensor<2x5x5x3xf64>
  // c * tanh(c) weighted by a function of the position, summed.
  %g1 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c1 : tensor<2x5x5x3xf64>) outs(%e1 : tensor<2x5x5x3xf64>) {
  ^bb0(%v: f64, %o: f64):
    %i0 = linalg.index 1 : index
    %i1 = linalg.index 2 : index
    %i2 = linalg.index 3 : index
    %s0 = arith.addi %i0, %i1 : index
    %s1 = arith.addi %s0, %i2 : index
    %si = arith.index_cast %s1 : index to i64
    %sf = arith.sitofp %si : i64 to f64
    %wt = arith.mulf %sf, %tenth : f64
    %th = math.tanh %v : f64
    %m = arith.mulf %v, %th : f64
    %r = arith.mulf %m, %wt : f64
    linalg.yield %r : f64
  } -> tensor<2x5x5x3xf64>
  %acc1 = linalg.reduce ins(%g1 : tensor<2x5x5x3xf64>) outs(%acc0 : tensor<f64>) dimensions = [0, 1, 2, 3]
    (%a: f64, %b: f64) {
      %sum = arith.addf %a, %b : f64
      linalg.yield %sum : f64
    }

  // strides [2, 2], dilations [1, 1]
  %e2 = tensor.empty() : tensor<2x3x3x3xf64>
  %z2 = linalg.fill ins(%zero : f64) outs(%e2 : tensor<2x3x3x3xf64>) -> tensor<2x3x3x3xf64>
  %c2 = linalg.conv_2d_nhwc_hwcf {strides = dense<[2, 2]> : tensor<2xi64>, dilations = dense<[1, 1]> : tensor<2xi64>}
      ins(%in, %w : tensor<2x7x7x2xf64>, tensor<3x3x2x3xf64>) outs(%z2 : tensor<2x3x3x3xf64>) -> tensor<2x3x3x3xf64>
  // c * tanh(c) weighted by a function of the position, summed.
  %g2 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c2 : tensor<2x3x3x3xf64>) outs(%e2 : tensor<2x3x3x3xf64>) {
  ^bb0(%v: f64, %o: f64):
    %i0 = linalg.index 1 : index
    %i1 = linalg.index 2 : index
    %i2 = linalg.index 3 : index
    %s0 = arith.addi %i0, %i1 : index
    %s1 = arith.addi %s0, %i2 : index
    %si = arith.index_cast %s1 : index to i64
    %sf = arith.sitofp %si : i64 to f64
    %wt = arith.mulf %sf, %tenth : f64
    %th = math.tanh %v : f64
    %m = arith.mulf %v, %th : f64
    %r = arith.mulf %m, %wt : f64
    linalg.yield %r : f64
  } -> tensor<2x3x3x3xf64>
  %acc2 = linalg.reduce ins(%g2 : tensor<2x3x3x3xf64>) outs(%acc1 : tensor<f64>) dimensions = [0, 1, 2, 3]
    (%a: f64, %b: f64) {
      %sum = arith.addf %a, %b : f64
      linalg.yield %sum : f64
    }

  // strides [1, 1], dilations [2, 2]
  %e3 = tensor.empty() : tensor<2x3x3x3xf64>
  %z3 = linalg.fill ins(%zero : f64) outs(%e3 : tensor<2x3x3x3xf64>) -> tensor<2x3x3x3xf64>
  %c3 = linalg.conv_2d_nhwc_hwcf {strides = dense<[1, 1]> : tensor<2xi64>, dilations = dense<[2, 2]> : tensor<2xi64>}
      ins(%in, %w : tensor<2x7x7x2xf64>, tensor<3x3x2x3xf64>) outs(%z3 : tensor<2x3x3x3xf64>) -> tensor<2x3x3x3xf64>
  // c * tanh(c) weighted by a function of the position, summed.
  %g3 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c3 : tensor<2x3x3x3xf64>) outs(%e3 : tensor<2x3x3x3xf64>) {
  ^bb0(%v: f64, %o: f64):
    %i0 = linalg.index 1 : index
    %i1 = linalg.index 2 : index
    %i2 = linalg.index 3 : index
    %s0 = arith.addi %i0, %i1 : index
    %s1 = arith.addi %s0, %i2 : index
    %si = arith.index_cast %s1 : index to i64
    %sf = arith.sitofp %si : i64 to f64
    %wt = arith.mulf %sf, %tenth : f64
    %th = math.tanh %v : f64
    %m = arith.mulf %v, %th : f64
    %r = arith.mulf %m, %wt : f64
    linalg.yield %r : f64
  } -> tensor<2x3x3x3xf64>
  %acc3 = linalg.reduce ins(%g3 : tensor<2x3x3x3xf64>) outs(%acc2 : tensor<f64>) dimensions = [0, 1, 2, 3]
    (%a: f64, %b: f64) {
      %sum = arith.addf %a, %b : f64
      linalg.yield %sum : f64
    }

  // strides [3, 2], dilations [1, 2]
  %e4 = tensor.empty() : tensor<2x2x2x3xf64>
  %z4 = linalg.fill ins(%zero : f64) outs(%e4 : tensor<2x2x2x3xf64>) -> tensor<2x2x2x3xf64>
  %c4 = linalg.conv_2d_nhwc_hwcf {strides = dense<[3, 2]> : tensor<2xi64>, dilations = dense<[1, 2]> : tensor<2xi64>}
      ins(%in, %w : tensor<2x7x7x2xf64>, tensor<3x3x2x3xf64>) outs(%z4 : tensor<2x2x2x3xf64>) -> tensor<2x2x2x3xf64>
  // c * tanh(c) weighted by a function of the position, summed.
  %g4 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c4 : tensor<2x2x2x3xf64>) outs(%e4 : tensor<2x2x2x3xf64>) {
  ^bb0(%v: f64, %o: f64):
    %i0 = linalg.index 1 : index
    %i1 = linalg.index 2 : index
    %i2 = linalg.index 3 : index
    %s0 = arith.addi %i0, %i1 : index
    %s1 = arith.addi %s0, %i2 : index
    %si = arith.index_cast %s1 : index to i64
    %sf = arith.sitofp %si : i64 to f64
    %wt = arith.mulf %sf, %tenth : f64
    %th = math.tanh %v : f64
    %m = arith.mulf %v, %th : f64
    %r = arith.mulf %m, %wt : f64
    linalg.yield %r : f64
  } -> tensor<2x2x2x3xf64>
  %acc4 = linalg.reduce ins(%g4 : tensor<2x2x2x3xf64>) outs(%acc3 : tensor<f64>) dimensions = [0, 1, 2, 3]
    (%a: f64, %b: f64) {
      %sum = arith.addf %a, %b : f64
      linalg.yield %sum : f64
    }
  %l = tensor.extract %acc4[] : tensor<f64>
  return %l : f64
}
