// The tie conventions of the max rules (where the function is not
// differentiable, so finite differences cannot check them):
//  * linalg.reduce with a max combiner shares the cotangent evenly among the
//    elements (and the initial value) equal to the maximum;
//  * arith.maximumf / minimumf give the whole cotangent to the first operand
//    on a tie.
// RUN: lq-opt %s -lq-differentiate -lq-to-llvm | %lq_finish_llvm \
// RUN:   | %lq_run_main | FileCheck %s

func.func @reduce_max(%x: tensor<5xf64>, %init: tensor<f64>) -> tensor<f64>
    attributes {lq.differentiate} {
  %m = linalg.reduce ins(%x : tensor<5xf64>) outs(%init : tensor<f64>) dimensions = [0]
    (%in: f64, %acc: f64) {
      %r = arith.maximumf %in, %acc : f64
      linalg.yield %r : f64
    }
  return %m : tensor<f64>
}
func.func private @reduce_max_grad(tensor<5xf64>, tensor<f64>, tensor<f64>) -> (tensor<5xf64>, tensor<f64>)

func.func @max_min(%a: f64, %b: f64) -> f64 attributes {lq.differentiate} {
  %m = arith.maximumf %a, %b : f64
  %n = arith.minimumf %a, %b : f64
  %two = arith.constant 2.0 : f64
  %n2 = arith.mulf %n, %two : f64
  %s = arith.addf %m, %n2 : f64
  return %s : f64
}
func.func private @max_min_grad(f64, f64, f64) -> (f64, f64)

func.func private @printMemrefF64(tensor<*xf64>)

func.func @main() {
  %x = arith.constant dense<[1.0, 3.0, 3.0, 2.0, 3.0]> : tensor<5xf64>
  %dy = arith.constant dense<6.0> : tensor<f64>

  // Three elements tie at 3 (the initial value 0 does not): 2 each.
  // CHECK: [0,  2,  2,  0,  2]
  // CHECK-NEXT: Unranked Memref
  // CHECK-NEXT: [0]
  %init0 = arith.constant dense<0.0> : tensor<f64>
  %dx0, %di0 = func.call @reduce_max_grad(%x, %init0, %dy) : (tensor<5xf64>, tensor<f64>, tensor<f64>) -> (tensor<5xf64>, tensor<f64>)
  %u0 = tensor.cast %dx0 : tensor<5xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u0) : (tensor<*xf64>) -> ()
  %v0 = tensor.cast %di0 : tensor<f64> to tensor<*xf64>
  func.call @printMemrefF64(%v0) : (tensor<*xf64>) -> ()

  // The initial value 3 ties too: 1.5 each, the initial value included.
  // CHECK: [0,  1.5,  1.5,  0,  1.5]
  // CHECK-NEXT: Unranked Memref
  // CHECK-NEXT: [1.5]
  %init3 = arith.constant dense<3.0> : tensor<f64>
  %dx3, %di3 = func.call @reduce_max_grad(%x, %init3, %dy) : (tensor<5xf64>, tensor<f64>, tensor<f64>) -> (tensor<5xf64>, tensor<f64>)
  %u3 = tensor.cast %dx3 : tensor<5xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u3) : (tensor<*xf64>) -> ()
  %v3 = tensor.cast %di3 : tensor<f64> to tensor<*xf64>
  func.call @printMemrefF64(%v3) : (tensor<*xf64>) -> ()

  // max(a, b) + 2 * min(a, b) at a == b: both give their cotangent to a.
  // CHECK: ( 3, 0 )
  %two = arith.constant 2.0 : f64
  %one = arith.constant 1.0 : f64
  %da, %db = func.call @max_min_grad(%two, %two, %one) : (f64, f64, f64) -> (f64, f64)
  %v = vector.from_elements %da, %db : vector<2xf64>
  vector.print %v : vector<2xf64>
  // At a > b: 1 to a (max), 2 to b (min).
  // CHECK: ( 1, 2 )
  %three = arith.constant 3.0 : f64
  %da2, %db2 = func.call @max_min_grad(%three, %two, %one) : (f64, f64, f64) -> (f64, f64)
  %v2 = vector.from_elements %da2, %db2 : vector<2xf64>
  vector.print %v2 : vector<2xf64>
  return
}
