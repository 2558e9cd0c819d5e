// Reverse-mode rules of linalg.matmul (plain and with a transposed operand
// through indexing_maps), linalg.batch_matmul, linalg.matvec, linalg.vecmat
// and linalg.dot, against central finite differences in f64 (tolerance: see
// Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 24
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8, -1.3, 0.65,
                             0.15, 0.9, -0.55, 0.35, 1.2, -0.4, 0.05, 0.6,
                             -0.9, 0.25, 0.7, -0.15, 0.5, -1.05, 0.85, 0.1]> : tensor<24xf64>
  %d = tensor.cast %c : tensor<24xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<24xf64>
  %a8 = tensor.extract_slice %x[0] [8] [1] : tensor<24xf64> to tensor<8xf64>
  %a = tensor.expand_shape %a8 [[0, 1]] output_shape [2, 4] : tensor<8xf64> into tensor<2x4xf64>
  %b12 = tensor.extract_slice %x[8] [12] [1] : tensor<24xf64> to tensor<12xf64>
  %b = tensor.expand_shape %b12 [[0, 1]] output_shape [4, 3] : tensor<12xf64> into tensor<4x3xf64>
  %bt = tensor.expand_shape %b12 [[0, 1]] output_shape [3, 4] : tensor<12xf64> into tensor<3x4xf64>
  %v = tensor.extract_slice %x[20] [4] [1] : tensor<24xf64> to tensor<4xf64>
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<2x3xf64>
  %z = linalg.fill ins(%zero : f64) outs(%e : tensor<2x3xf64>) -> tensor<2x3xf64>

  // matmul, and matmul with the right operand transposed.
  %m1 = linalg.matmul ins(%a, %b : tensor<2x4xf64>, tensor<4x3xf64>) outs(%z : tensor<2x3xf64>) -> tensor<2x3xf64>
  %m2 = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %bt : tensor<2x4xf64>, tensor<3x4xf64>) outs(%m1 : tensor<2x3xf64>) -> tensor<2x3xf64>
  // A nonlinearity between products, so that each product's cotangent
  // depends on the parameters.
  %t = math.tanh %m2 : tensor<2x3xf64>

  // batch_matmul: batch 2 of (1x4) x (4x3).
  %a3 = tensor.expand_shape %a [[0, 1], [2]] output_shape [2, 1, 4] : tensor<2x4xf64> into tensor<2x1x4xf64>
  %bb = tensor.empty() : tensor<2x4x3xf64>
  %b3b = linalg.broadcast ins(%b : tensor<4x3xf64>) outs(%bb : tensor<2x4x3xf64>) dimensions = [0]
  %e3 = tensor.empty() : tensor<2x1x3xf64>
  %z3 = linalg.fill ins(%zero : f64) outs(%e3 : tensor<2x1x3xf64>) -> tensor<2x1x3xf64>
  %bm = linalg.batch_matmul ins(%a3, %b3b : tensor<2x1x4xf64>, tensor<2x4x3xf64>) outs(%z3 : tensor<2x1x3xf64>) -> tensor<2x1x3xf64>
  %bm2 = tensor.collapse_shape %bm [[0, 1], [2]] : tensor<2x1x3xf64> into tensor<2x3xf64>
  %t2 = arith.mulf %t, %bm2 : tensor<2x3xf64>

  // matvec (3x4 . 4), vecmat (4 . 4x3), dot (4 . 4).
  %e1 = tensor.empty() : tensor<3xf64>
  %z1 = linalg.fill ins(%zero : f64) outs(%e1 : tensor<3xf64>) -> tensor<3xf64>
  %mv = linalg.matvec ins(%bt, %v : tensor<3x4xf64>, tensor<4xf64>) outs(%z1 : tensor<3xf64>) -> tensor<3xf64>
  %vm = linalg.vecmat ins(%v, %b : tensor<4xf64>, tensor<4x3xf64>) outs(%mv : tensor<3xf64>) -> tensor<3xf64>
  %vme = math.exp %vm : tensor<3xf64>
  %rows = tensor.empty() : tensor<2x3xf64>
  %rowb = linalg.broadcast ins(%vme : tensor<3xf64>) outs(%rows : tensor<2x3xf64>) dimensions = [0]
  %t3 = arith.addf %t2, %rowb : tensor<2x3xf64>
  %e0 = tensor.empty() : tensor<f64>
  %z0 = linalg.fill ins(%zero : f64) outs(%e0 : tensor<f64>) -> tensor<f64>
  %va = math.tanh %v : tensor<4xf64>
  %d = linalg.dot ins(%v, %va : tensor<4xf64>, tensor<4xf64>) outs(%z0 : tensor<f64>) -> tensor<f64>
  %ds = tensor.extract %d[] : tensor<f64>

  %w = arith.constant dense<[[0.7, -1.3, 0.4], [2.1, 0.5, -0.8]]> : tensor<2x3xf64>
  %wx = linalg.mul ins(%t3, %w : tensor<2x3xf64>, tensor<2x3xf64>) outs(%e : tensor<2x3xf64>) -> tensor<2x3xf64>
  %red = linalg.reduce ins(%wx : tensor<2x3xf64>) outs(%z0 : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %s = arith.addf %in, %acc : f64
      linalg.yield %s : f64
    }
  %l0 = tensor.extract %red[] : tensor<f64>
  %l = arith.addf %l0, %ds : f64
  return %l : f64
}
