// lq-differentiate's `functions` and `wrt` options.
// RUN: lq-opt %s -lq-differentiate="functions=div wrt=1" | FileCheck %s
// RUN: lq-opt %s -lq-differentiate="functions=div,exp" | FileCheck %s --check-prefix=ALL

// dy/db of a / b = -(dz / b) * (a / b).
// CHECK-LABEL: func.func @div_grad(
// CHECK-SAME: %[[A:.*]]: f32, %[[B:.*]]: f32, %[[DZ:.*]]: f32) -> f32
// CHECK-NEXT: %[[Z:.*]] = arith.divf %[[A]], %[[B]] : f32
// CHECK-NEXT: %[[DA:.*]] = arith.divf %[[DZ]], %[[B]] : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[DA]], %[[Z]] : f32
// CHECK-NEXT: %[[DB:.*]] = arith.negf %[[P]] : f32
// CHECK-NEXT: return %[[DB]] : f32
// CHECK-NOT: @exp_grad

// ALL-LABEL: func.func @div_grad(
// ALL-SAME: -> (f32, f32)
// ALL-LABEL: func.func @exp_grad(
// ALL-SAME: -> f32
func.func @div(%a: f32, %b: f32) -> f32 {
  %z = arith.divf %a, %b : f32
  return %z : f32
}

func.func @exp(%a: f32) -> f32 {
  %z = math.exp %a : f32
  return %z : f32
}
