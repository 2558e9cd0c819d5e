// Reverse-mode rules of arith (tensors and scalars) against central finite
// differences in f64 (tolerance: see Inputs/fd-harness.mlir).
// RUN: cat %s %S/Inputs/fd-harness.mlir | lq-opt -lq-differentiate -lq-to-llvm \
// RUN:   | %lq_finish_llvm | %lq_run_main | FileCheck %s

// CHECK: parameters: 8
// CHECK: PASS

func.func @params() -> tensor<?xf64> {
  %c = arith.constant dense<[0.3, -0.7, 1.1, 0.45, -0.2, 0.8, -1.3, 0.65]> : tensor<8xf64>
  %d = tensor.cast %c : tensor<8xf64> to tensor<?xf64>
  return %d : tensor<?xf64>
}

func.func @f(%p: tensor<?xf64>) -> f64 attributes {lq.differentiate} {
  %x = tensor.cast %p : tensor<?xf64> to tensor<8xf64>
  %a = tensor.extract_slice %x[0] [4] [1] : tensor<8xf64> to tensor<4xf64>
  %b = tensor.extract_slice %x[4] [4] [1] : tensor<8xf64> to tensor<4xf64>

  // On tensors; %a and %b fan out to several uses.
  %s = arith.addf %a, %b : tensor<4xf64>
  %d = arith.subf %a, %b : tensor<4xf64>
  %m = arith.mulf %s, %d : tensor<4xf64>
  %q = arith.divf %m, %b : tensor<4xf64>
  %n = arith.negf %q : tensor<4xf64>
  %mx = arith.maximumf %n, %a : tensor<4xf64>
  %mn = arith.minimumf %mx, %s : tensor<4xf64>
  %mxn = arith.maxnumf %mn, %d : tensor<4xf64>
  %mnn = arith.minnumf %mxn, %m : tensor<4xf64>
  // Comparisons carry no gradient; select routes it.
  %gt = arith.cmpf ogt, %a, %b : tensor<4xf64>
  %sel = arith.select %gt, %mnn, %q : tensor<4xi1>, tensor<4xf64>
  %c1 = arith.constant 1.0 : f64
  %sum0 = arith.constant 0.0 : f64
  %ws = arith.constant dense<[0.7, -1.3, 0.4, 2.1]> : tensor<4xf64>
  %wsel = arith.mulf %sel, %ws : tensor<4xf64>
  // Select with a scalar condition between tensors.
  %true = arith.constant true
  %sel2 = arith.select %true, %wsel, %m : tensor<4xf64>
  %init = tensor.empty() : tensor<f64>
  %zero = linalg.fill ins(%sum0 : f64) outs(%init : tensor<f64>) -> tensor<f64>
  %red = linalg.reduce ins(%sel2 : tensor<4xf64>) outs(%zero : tensor<f64>) dimensions = [0]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  %lt = tensor.extract %red[] : tensor<f64>

  // On scalars.
  %i0 = arith.constant 0 : index
  %i1 = arith.constant 1 : index
  %i2 = arith.constant 2 : index
  %u = tensor.extract %x[%i0] : tensor<8xf64>
  %v = tensor.extract %x[%i1] : tensor<8xf64>
  %w = tensor.extract %x[%i2] : tensor<8xf64>
  %su = arith.addf %u, %v : f64
  %du = arith.subf %w, %u : f64
  %mu = arith.mulf %su, %du : f64
  %qu = arith.divf %mu, %w : f64
  %nu = arith.negf %qu : f64
  %xu = arith.maximumf %nu, %v : f64
  %yu = arith.minimumf %xu, %u : f64
  %zu = arith.maxnumf %yu, %su : f64
  %vu = arith.minnumf %zu, %mu : f64
  %cu = arith.cmpf olt, %u, %w : f64
  %ru = arith.select %cu, %vu, %c1 : f64
  %l = arith.addf %lt, %ru : f64
  %l2 = arith.addf %l, %qu : f64
  return %l2 : f64
}
