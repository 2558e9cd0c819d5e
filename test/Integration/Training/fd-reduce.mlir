// Reverse-mode rules of linalg.reduce (add and max combiners, a
// differentiated initial value), linalg.broadcast, linalg.transpose and
// linalg.fill (a differentiated fill value), against central finite
// differences in f64 (tolerance: see Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 16
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8, -1.3, 0.65,
                             0.15, 0.9, -0.55, 0.35, 1.2, -0.4, 0.05, 0.6]> : tensor<16xf64>
  %d = tensor.cast %c : tensor<16xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<16xf64>
  %a12 = tensor.extract_slice %x[0] [12] [1] : tensor<16xf64> to tensor<12xf64>
  %a = tensor.expand_shape %a12 [[0, 1]] output_shape [3, 4] : tensor<12xf64> into tensor<3x4xf64>
  %v = tensor.extract_slice %x[12] [3] [1] : tensor<16xf64> to tensor<3xf64>
  %i15 = arith.constant 15 : index
  %s = tensor.extract %x[%i15] : tensor<16xf64>

  // Row sums into a differentiated initial value.
  %rows = linalg.reduce ins(%a : tensor<3x4xf64>) outs(%v : tensor<3xf64>) dimensions = [1]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  // Column maxima (distinct values), starting from a filled -inf... and from
  // a differentiated fill value that wins in no column.
  %ninf = arith.constant -2.0 : f64
  %base = arith.mulf %s, %ninf : f64
  %e4 = tensor.empty() : tensor<4xf64>
  %init4 = linalg.fill ins(%base : f64) outs(%e4 : tensor<4xf64>) -> tensor<4xf64>
  %cols = linalg.reduce ins(%a : tensor<3x4xf64>) outs(%init4 : tensor<4xf64>) dimensions = [0]
    (%in: f64, %acc: f64) {
      %t = arith.maximumf %in, %acc : f64
      linalg.yield %t : f64
    }
  // A maximum that the differentiated initial value wins (maxnumf).
  %big = arith.constant 3.0 : f64
  %s3 = arith.addf %s, %big : f64
  %e0 = tensor.empty() : tensor<f64>
  %init0 = linalg.fill ins(%s3 : f64) outs(%e0 : tensor<f64>) -> tensor<f64>
  %all = linalg.reduce ins(%a : tensor<3x4xf64>) outs(%init0 : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %t = arith.maxnumf %acc, %in : f64
      linalg.yield %t : f64
    }
  %allv = tensor.extract %all[] : tensor<f64>

  // Broadcast the row sums and column maxima back to 3x4, transpose, and
  // mix.
  %e34 = tensor.empty() : tensor<3x4xf64>
  %rb = linalg.broadcast ins(%rows : tensor<3xf64>) outs(%e34 : tensor<3x4xf64>) dimensions = [1]
  %cb = linalg.broadcast ins(%cols : tensor<4xf64>) outs(%e34 : tensor<3x4xf64>) dimensions = [0]
  %m = arith.mulf %rb, %cb : tensor<3x4xf64>
  %m2 = arith.mulf %m, %a : tensor<3x4xf64>
  %e43 = tensor.empty() : tensor<4x3xf64>
  %tr = linalg.transpose ins(%m2 : tensor<3x4xf64>) outs(%e43 : tensor<4x3xf64>) permutation = [1, 0]
  %w = arith.constant dense<[[0.7, -1.3, 0.4], [2.1, 0.5, -0.8], [1.1, -0.6, 0.9], [0.2, 1.4, -0.3]]> : tensor<4x3xf64>
  %wt = arith.mulf %tr, %w : tensor<4x3xf64>
  %th = math.tanh %wt : tensor<4x3xf64>
  %zero = arith.constant 0.0 : f64
  %z = linalg.fill ins(%zero : f64) outs(%e0 : tensor<f64>) -> tensor<f64>
  %sum = linalg.reduce ins(%th : tensor<4x3xf64>) outs(%z : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  %sumv = tensor.extract %sum[] : tensor<f64>
  %l0 = arith.mulf %allv, %sumv : f64
  %l = arith.addf %l0, %allv : f64
  return %l : f64
}
