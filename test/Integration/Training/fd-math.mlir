// Reverse-mode rules of math (exp, log, tanh, sqrt, absf; tensors and
// scalars) against central finite differences in f64 (tolerance: see
// Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 6
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8]> : tensor<6xf64>
  %d = tensor.cast %c : tensor<6xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate = {wrt = [0]}} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<6xf64>
  %e = math.exp %x : tensor<6xf64>
  %ax = math.absf %x : tensor<6xf64>
  %pos = arith.addf %e, %ax : tensor<6xf64>
  %lg = math.log %pos : tensor<6xf64>
  %sq = math.sqrt %pos : tensor<6xf64>
  %th = math.tanh %x : tensor<6xf64>
  %t1 = arith.mulf %lg, %sq : tensor<6xf64>
  %t2 = arith.addf %t1, %th : tensor<6xf64>
  %zero = arith.constant 0.0 : f64
  %init = tensor.empty() : tensor<f64>
  %z = linalg.fill ins(%zero : f64) outs(%init : tensor<f64>) -> tensor<f64>
  %red = linalg.reduce ins(%t2 : tensor<6xf64>) outs(%z : tensor<f64>) dimensions = [0]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  %lt = tensor.extract %red[] : tensor<f64>

  %i1 = arith.constant 1 : index
  %u = tensor.extract %x[%i1] : tensor<6xf64>
  %eu = math.exp %u : f64
  %au = math.absf %u : f64
  %su = math.sqrt %eu : f64
  %lu = math.log %su : f64
  %tu = math.tanh %au : f64
  %r1 = arith.mulf %lu, %tu : f64
  %r2 = arith.addf %r1, %su : f64
  %l = arith.addf %lt, %r2 : f64
  return %l : f64
}
