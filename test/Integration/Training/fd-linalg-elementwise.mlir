// Reverse-mode rules of linalg.generic with elementwise bodies (identity,
// broadcasting and transposing maps, a scalar input, a value captured from
// above, linalg.index, two results) and of the named elementwise ops (but linalg.select: fd-select.mlir),
// against central finite differences in f64 (tolerance: see
// Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 16
// CHECK: PASS

#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (j)>
#col = affine_map<(i, j) -> (i)>
#tr = affine_map<(i, j) -> (j, i)>
#sc = affine_map<(i, j) -> ()>

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8, -1.3, 0.65,
                             0.15, 0.9, -0.55, 0.35, 1.2, -0.4, 0.05, 0.6]> : tensor<16xf64>
  %d = tensor.cast %c : tensor<16xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<16xf64>
  %a9 = tensor.extract_slice %x[0] [9] [1] : tensor<16xf64> to tensor<9xf64>
  %a = tensor.expand_shape %a9 [[0, 1]] output_shape [3, 3] : tensor<9xf64> into tensor<3x3xf64>
  %r = tensor.extract_slice %x[9] [3] [1] : tensor<16xf64> to tensor<3xf64>
  %c = tensor.extract_slice %x[12] [3] [1] : tensor<16xf64> to tensor<3xf64>
  %i15 = arith.constant 15 : index
  %s = tensor.extract %x[%i15] : tensor<16xf64>
  %k = arith.constant 0.25 : f64
  %e = tensor.empty() : tensor<3x3xf64>
  %y:2 = linalg.generic {
      indexing_maps = [#id, #row, #col, #tr, #sc, #id, #id],
      iterator_types = ["parallel", "parallel"]}
      ins(%a, %r, %c, %a, %s : tensor<3x3xf64>, tensor<3xf64>, tensor<3xf64>, tensor<3x3xf64>, f64)
      outs(%e, %e : tensor<3x3xf64>, tensor<3x3xf64>) {
  ^bb0(%va: f64, %vr: f64, %vc: f64, %vt: f64, %vs: f64, %o0: f64, %o1: f64):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %m = arith.mulf %va, %vr : f64
    %n = arith.divf %m, %vs : f64
    %ex = math.exp %vc : f64
    %t = arith.addf %n, %ex : f64
    %u = arith.mulf %t, %vt : f64
    %diag = arith.cmpi eq, %i, %j : index
    %w = arith.mulf %u, %k : f64
    %sel = arith.select %diag, %w, %u : f64
    %th = math.tanh %sel : f64
    linalg.yield %sel, %th : f64, f64
  } -> (tensor<3x3xf64>, tensor<3x3xf64>)

  // Named elementwise ops.
  %n0 = linalg.add ins(%y#0, %y#1 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n1 = linalg.mul ins(%n0, %a : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n2 = linalg.sub ins(%n1, %y#1 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n3 = linalg.exp ins(%n2 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n4 = linalg.div ins(%n2, %n3 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n5 = linalg.max ins(%n4, %a : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n6 = linalg.min ins(%n5, %n1 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n7 = linalg.square ins(%n6 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n8 = linalg.abs ins(%n6 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n9 = linalg.add ins(%n7, %n3 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n10 = linalg.sqrt ins(%n9 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n11 = linalg.log ins(%n9 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n12 = linalg.reciprocal ins(%n9 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n13 = linalg.tanh ins(%n10 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n14 = linalg.negf ins(%n11 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n15 = linalg.add ins(%n13, %n14 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n16 = linalg.add ins(%n15, %n12 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %n17 = linalg.add ins(%n16, %n8 : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  // linalg.select is in fd-select.mlir.
  %n19 = linalg.copy ins(%n17 : tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>

  %w = arith.constant dense<[[0.7, -1.3, 0.4], [2.1, 0.5, -0.8], [1.1, -0.6, 0.9]]> : tensor<3x3xf64>
  %wy = linalg.mul ins(%n19, %w : tensor<3x3xf64>, tensor<3x3xf64>) outs(%e : tensor<3x3xf64>) -> tensor<3x3xf64>
  %zero = arith.constant 0.0 : f64
  %init = tensor.empty() : tensor<f64>
  %z = linalg.fill ins(%zero : f64) outs(%init : tensor<f64>) -> tensor<f64>
  %red = linalg.reduce ins(%wy : tensor<3x3xf64>) outs(%z : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  %l = tensor.extract %red[] : tensor<f64>
  return %l : f64
}
