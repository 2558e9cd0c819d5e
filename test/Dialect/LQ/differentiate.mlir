// The gradient functions lq-differentiate generates.
// RUN: lq-opt %s -split-input-file -lq-differentiate | FileCheck %s

// The example of the pass description: forward recomputed, then the rules of
// exp (dy * y) and mulf (dz * x); only %w is differentiated. The mark is
// removed.
// CHECK-LABEL: func.func @scalar(
// CHECK-NOT: lq.differentiate
// CHECK-LABEL: func.func @scalar_grad(
// CHECK-SAME: %[[X:.*]]: f32, %[[W:.*]]: f32, %[[DZ:.*]]: f32) -> f32
// CHECK-NEXT: %[[Y:.*]] = arith.mulf %[[X]], %[[W]] : f32
// CHECK-NEXT: %[[Z:.*]] = math.exp %[[Y]] : f32
// CHECK-NEXT: %[[DY:.*]] = arith.mulf %[[DZ]], %[[Z]] : f32
// CHECK-NEXT: %[[DW:.*]] = arith.mulf %[[DY]], %[[X]] : f32
// CHECK-NEXT: return %[[DW]] : f32
func.func @scalar(%x: f32, %w: f32) -> f32 attributes {lq.differentiate = {wrt = [1]}} {
  %y = arith.mulf %x, %w : f32
  %z = math.exp %y : f32
  return %z : f32
}

// -----

// Fan-out: %x has three uses (twice in the product, once in the sum); its
// cotangent is the sum of the three contributions.
// CHECK-LABEL: func.func @fanout_grad(
// CHECK-SAME: %[[X:.*]]: f32, %[[DZ:.*]]: f32) -> f32
// CHECK-NEXT: %[[A:.*]] = arith.mulf %[[DZ]], %[[X]] : f32
// CHECK-NEXT: %[[B:.*]] = arith.mulf %[[DZ]], %[[X]] : f32
// CHECK-NEXT: %[[S1:.*]] = arith.addf %[[DZ]], %[[A]] : f32
// CHECK-NEXT: %[[S2:.*]] = arith.addf %[[S1]], %[[B]] : f32
// CHECK-NEXT: return %[[S2]] : f32
func.func @fanout(%x: f32) -> f32 attributes {lq.differentiate} {
  %y = arith.mulf %x, %x : f32
  %z = arith.addf %y, %x : f32
  return %z : f32
}

// -----

// A quantizer differentiates through its pseudo-gradient op (with its
// attributes); a matmul operand's cotangent is a contraction of the result's
// cotangent with the other operand. The forward ops the gradient does not
// need are gone.
// CHECK-DAG: #[[$DOUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$RHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-LABEL: func.func @quantizer_grad(
// CHECK-SAME: %[[W:.*]]: tensor<4x8xf32>, %[[X:.*]]: tensor<2x4xf32>, %[[DY:.*]]: tensor<2x8xf32>) -> tensor<4x8xf32>
// CHECK-NOT: linalg.matmul
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<4x8xf32>
// CHECK: %[[DQ:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[$DOUT]], #[[$LHS]], #[[$RHS]]]
// CHECK-SAME: iterator_types = ["reduction", "parallel", "parallel"]
// CHECK-SAME: ins(%[[DY]], %[[X]] : tensor<2x8xf32>, tensor<2x4xf32>) outs(%[[ZERO]] : tensor<4x8xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[DW:.*]] = lq.ste_sign_grad %[[W]], %[[DQ]] {clip_value = 1.500000e+00 : f64} : tensor<4x8xf32>
// CHECK-NEXT: return %[[DW]] : tensor<4x8xf32>
func.func @quantizer(%w: tensor<4x8xf32>, %x: tensor<2x4xf32>) -> tensor<2x8xf32>
    attributes {lq.differentiate = {wrt = [0]}} {
  %q = lq.ste_sign %w {clip_value = 1.5} : tensor<4x8xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x8xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8xf32>) -> tensor<2x8xf32>
  %y = linalg.matmul ins(%x, %q : tensor<2x4xf32>, tensor<4x8xf32>) outs(%z : tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// `name`, `return_values`, a non-float result (no cotangent argument), and an
// op without a rule (math.sin) off the differentiated path. On tensors, the
// rule of mulf becomes a linalg.generic; addf forwards the cotangent.
// CHECK-LABEL: func.func @options(
// CHECK-LABEL: func.func @options_vjp(
// CHECK-SAME: %[[X:.*]]: tensor<4xf32>, %[[W:.*]]: tensor<4xf32>, %[[I:.*]]: index, %[[DZ:.*]]: tensor<4xf32>)
// CHECK-SAME: -> (tensor<4xf32>, index, tensor<4xf32>)
// CHECK: %[[Z:.*]] = arith.addf
// CHECK: %[[DW:.*]] = linalg.generic
// CHECK-SAME: ins(%[[X]], %[[W]], %{{.*}}, %[[DZ]] :
// CHECK-NEXT: ^bb0(%[[EX:.*]]: f32, %{{.*}}: f32, %{{.*}}: f32, %[[EDZ:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[EDZ]], %[[EX]] : f32
// CHECK-NEXT: linalg.yield %[[P]] : f32
// CHECK: return %[[Z]], %[[I]], %[[DW]] : tensor<4xf32>, index, tensor<4xf32>
// CHECK-NOT: func.func @options_grad
func.func @options(%x: tensor<4xf32>, %w: tensor<4xf32>, %i: index) -> (tensor<4xf32>, index)
    attributes {lq.differentiate = {wrt = [1], name = "options_vjp", return_values}} {
  %y = arith.mulf %x, %w : tensor<4xf32>
  %s = math.sin %x : tensor<4xf32>
  %z = arith.addf %y, %s : tensor<4xf32>
  return %z, %i : tensor<4xf32>, index
}

// -----

// An argument no result depends on gets a zero gradient (of its runtime
// shape).
// CHECK-LABEL: func.func @unreached_grad(
// CHECK-SAME: %[[X:.*]]: f32, %[[Y:.*]]: tensor<?xf32>, %[[DZ:.*]]: f32) -> (f32, tensor<?xf32>)
// CHECK: %[[DX:.*]] = arith.mulf %[[DZ]]
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[DIM:.*]] = tensor.dim %[[Y]]
// CHECK: %[[E:.*]] = tensor.empty(%[[DIM]]) : tensor<?xf32>
// CHECK: %[[DY:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<?xf32>)
// CHECK: return %[[DX]], %[[DY]] : f32, tensor<?xf32>
func.func @unreached(%x: f32, %y: tensor<?xf32>) -> f32 attributes {lq.differentiate} {
  %z = math.exp %x : f32
  return %z : f32
}

// -----

// A bias read through a broadcasting map: its cotangent is summed over the
// loop it does not use (a reduction).
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @broadcast_bias_grad(
// CHECK-SAME: %[[DY:[^:]*]]: tensor<?x3xf32>) -> tensor<3xf32>
// CHECK: %[[DB:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]], #[[$ID]], #[[$ROW]]]
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK-NEXT: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %{{.*}}: f32, %[[EDY:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[EDY]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: return %[[DB]] : tensor<3xf32>
func.func @broadcast_bias(%x: tensor<?x3xf32>, %b: tensor<3xf32>) -> tensor<?x3xf32>
    attributes {lq.differentiate = {wrt = [1]}} {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x3xf32>
  %e = tensor.empty(%n) : tensor<?x3xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : tensor<?x3xf32>, tensor<3xf32>) outs(%e : tensor<?x3xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  } -> tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}

// -----

// Reshapes and a sum: the transposes are the inverse reshape and a
// broadcast.
// CHECK-LABEL: func.func @reshape_reduce_grad(
// CHECK-SAME: %[[X:.*]]: tensor<2x3xf32>, %[[DS:.*]]: tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<6xf32>
// CHECK-NEXT: %[[B:.*]] = linalg.broadcast ins(%[[DS]] : tensor<f32>) outs(%[[E]] : tensor<6xf32>) dimensions = [0]
// CHECK-NEXT: %[[DX:.*]] = tensor.expand_shape %[[B]] {{\[\[}}0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK-NEXT: return %[[DX]] : tensor<2x3xf32>
func.func @reshape_reduce(%x: tensor<2x3xf32>) -> tensor<f32> attributes {lq.differentiate} {
  %f = tensor.collapse_shape %x [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %s = linalg.reduce ins(%f : tensor<6xf32>) outs(%z : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  return %s : tensor<f32>
}

// -----

// A declaration of the gradient (so that its callers verify) is replaced by
// the generated function.
// CHECK-LABEL: func.func @declared(
// CHECK-LABEL: func.func @declared_grad(
// CHECK-SAME: %[[X:.*]]: f32, %[[DY:.*]]: f32) -> f32 {
// CHECK: math.tanh
// CHECK-LABEL: func.func @caller(
// CHECK: call @declared_grad
// CHECK-NOT: func.func private @declared_grad
func.func private @declared_grad(f32, f32) -> f32

func.func @declared(%x: f32) -> f32 attributes {lq.differentiate} {
  %y = math.tanh %x : f32
  return %y : f32
}

func.func @caller(%x: f32) -> f32 {
  %one = arith.constant 1.0 : f32
  %g = func.call @declared_grad(%x, %one) : (f32, f32) -> f32
  return %g : f32
}

// -----

// Without a mark, nothing happens.
// CHECK-LABEL: func.func @unmarked(
// CHECK-NOT: func.func @unmarked_grad
func.func @unmarked(%x: f32) -> f32 {
  %y = math.exp %x : f32
  return %y : f32
}
