// lq.bop_update on a hand-computed sequence, through lq-to-llvm.
// RUN: lq-opt %s -lq-to-llvm | %lq_finish_llvm | %lq_run_main | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)

func.func @print(%t: tensor<5xf32>) {
  %u = tensor.cast %t : tensor<5xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  // gamma = 0.5, threshold = 0.3 (exact in binary): m <- (m + g) / 2, flip
  // where |m| > 0.3 and sign(m) == sign(w).
  //
  // step 1: g = [1, 1, -1, 1, 0.2]
  //   m = [0.5, 0.5, -0.25, 0.25, 0.1]
  //   flip #0 (0.5 > 0.3, same sign); #1 has the other sign; the rest are
  //   small: w = [-1, -1, 1, -1, 1]
  // step 2: g = [1, -1, -1, -1, 1]
  //   m = [0.75, -0.25, -0.625, -0.375, 0.55]
  //   flip #3 and #4 (#0 and #2 have the other sign, #1 is small):
  //   w = [-1, -1, 1, 1, -1]
  // step 3: g = [-1, 0, 1, 1, 0]
  //   m = [-0.125, -0.125, 0.1875, 0.3125, 0.275]
  //   flip #3 only: w = [-1, -1, 1, -1, -1]
  // CHECK-LABEL: step 1
  // CHECK: [-1,  -1,  1,  -1,  1]
  // CHECK: [0.5,  0.5,  -0.25,  0.25,  0.1]
  // CHECK-LABEL: step 2
  // CHECK: [-1,  -1,  1,  1,  -1]
  // CHECK: [0.75,  -0.25,  -0.625,  -0.375,  0.55]
  // CHECK-LABEL: step 3
  // CHECK: [-1,  -1,  1,  -1,  -1]
  // CHECK: [-0.125,  -0.125,  0.1875,  0.3125,  0.275]
  %w0 = arith.constant dense<[1.0, -1.0, 1.0, -1.0, 1.0]> : tensor<5xf32>
  %m0 = arith.constant dense<[0.0, 0.0, 0.5, -0.5, 0.0]> : tensor<5xf32>
  %g1 = arith.constant dense<[1.0, 1.0, -1.0, 1.0, 0.2]> : tensor<5xf32>
  %g2 = arith.constant dense<[1.0, -1.0, -1.0, -1.0, 1.0]> : tensor<5xf32>
  %g3 = arith.constant dense<[-1.0, 0.0, 1.0, 1.0, 0.0]> : tensor<5xf32>
  vector.print str "step 1\n"
  %w1, %m1 = lq.bop_update %w0, %m0, %g1 {gamma = 0.5, threshold = 0.3} : tensor<5xf32>
  func.call @print(%w1) : (tensor<5xf32>) -> ()
  func.call @print(%m1) : (tensor<5xf32>) -> ()
  vector.print str "step 2\n"
  %w2, %m2 = lq.bop_update %w1, %m1, %g2 {gamma = 0.5, threshold = 0.3} : tensor<5xf32>
  func.call @print(%w2) : (tensor<5xf32>) -> ()
  func.call @print(%m2) : (tensor<5xf32>) -> ()
  vector.print str "step 3\n"
  %w3, %m3 = lq.bop_update %w2, %m2, %g3 {gamma = 0.5, threshold = 0.3} : tensor<5xf32>
  func.call @print(%w3) : (tensor<5xf32>) -> ()
  func.call @print(%m3) : (tensor<5xf32>) -> ()

  // Defaults (gamma = 1e-4, threshold = 1e-8) on scalars: m = 1e-4 * g.
  // g = 1 on w = 1: |m| = 1e-4 > 1e-8 with the same sign, flip.
  // g = 5e-5 on w = -1: m = 5e-9 is below the threshold, keep.
  // g = 1 on w = -0.0 (positive, as sign(-0.0) = +1): flip to +0.0.
  // CHECK-LABEL: defaults
  // CHECK-NEXT: -1
  // CHECK-NEXT: 0.0001
  // CHECK-NEXT: -1
  // CHECK-NEXT: 5e-09
  // CHECK-NEXT: 0
  vector.print str "defaults\n"
  %one = arith.constant 1.0 : f32
  %mone = arith.constant -1.0 : f32
  %zero = arith.constant 0.0 : f32
  %nzero = arith.constant -0.0 : f32
  %small = arith.constant 5.0e-5 : f32
  %sw1, %sm1 = lq.bop_update %one, %zero, %one : f32
  vector.print %sw1 : f32
  vector.print %sm1 : f32
  %sw2, %sm2 = lq.bop_update %mone, %zero, %small : f32
  vector.print %sw2 : f32
  vector.print %sm2 : f32
  %sw3, %sm3 = lq.bop_update %nzero, %zero, %one : f32
  vector.print %sw3 : f32

  // A vector of f64: the same rule.
  // CHECK-LABEL: vector
  // CHECK-NEXT: ( -1, -1, 1, 1 )
  vector.print str "vector\n"
  %vw = arith.constant dense<[1.0, -1.0, 1.0, -1.0]> : vector<4xf64>
  %vm = arith.constant dense<[0.0, 0.0, 0.0, 0.0]> : vector<4xf64>
  %vg = arith.constant dense<[1.0, 1.0, -1.0, -1.0]> : vector<4xf64>
  %vw1, %vm1 = lq.bop_update %vw, %vm, %vg {gamma = 0.5, threshold = 0.1} : vector<4xf64>
  vector.print %vw1 : vector<4xf64>
  return
}
