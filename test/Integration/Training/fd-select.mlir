// Reverse-mode rules of arith.select and linalg.select with i1 tensor
// conditions (held in memory), against central finite differences in f64
// (tolerance: see Inputs/fd-harness.mlir). Lowered with the upstream passes
// only: lq-to-llvm currently mis-lowers i1 tensors read from memory
// (lq-to-llvm-i1.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate \
// RUN:   | %upstream_to_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 6
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8]> : tensor<6xf64>
  %d = tensor.cast %c : tensor<6xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<6xf64>
  %a = tensor.extract_slice %x[0] [3] [1] : tensor<6xf64> to tensor<3xf64>
  %b = tensor.extract_slice %x[3] [3] [1] : tensor<6xf64> to tensor<3xf64>
  %e = tensor.empty() : tensor<3xf64>
  %cond = arith.constant dense<[true, false, true]> : tensor<3xi1>
  %s = linalg.select ins(%cond, %a, %b : tensor<3xi1>, tensor<3xf64>, tensor<3xf64>) outs(%e : tensor<3xf64>) -> tensor<3xf64>
  %m = arith.mulf %s, %a : tensor<3xf64>
  %cond2 = arith.constant dense<[false, true, true]> : tensor<3xi1>
  %t = arith.select %cond2, %m, %b : tensor<3xi1>, tensor<3xf64>
  %w = arith.constant dense<[0.7, -1.3, 0.4]> : tensor<3xf64>
  %wy = linalg.mul ins(%t, %w : tensor<3xf64>, tensor<3xf64>) outs(%e : tensor<3xf64>) -> tensor<3xf64>
  %zero = arith.constant 0.0 : f64
  %init = tensor.empty() : tensor<f64>
  %z = linalg.fill ins(%zero : f64) outs(%init : tensor<f64>) -> tensor<f64>
  %red = linalg.reduce ins(%wy : tensor<3xf64>) outs(%z : tensor<f64>) dimensions = [0]
    (%in: f64, %acc: f64) {
      %v = arith.addf %in, %acc : f64
      linalg.yield %v : f64
    }
  %l = tensor.extract %red[] : tensor<f64>
  return %l : f64
}
