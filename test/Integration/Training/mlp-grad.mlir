// The gradient that lq-differentiate generates for a two-layer binarized
// MLP (binary weights through ste_sign, binary hidden activations), on a tiny
// case derived by hand.
// RUN: lq-opt %s -lq-differentiate -lq-to-llvm | %lq_finish_llvm \
// RUN:   | %lq_run_main | FileCheck %s

// loss = 0.5 * sum((z - t)^2), z = sign(h) @ sign(W2), h = x @ sign(W1) + b1
func.func @loss(%x: tensor<2x3xf64>, %w1: tensor<3x2xf64>, %b1: tensor<2xf64>,
                %w2: tensor<2x1xf64>, %t: tensor<2x1xf64>) -> f64
    attributes {lq.differentiate = {wrt = [0, 1, 2, 3], return_values = true}} {
  %zero = arith.constant 0.0 : f64
  %half = arith.constant 0.5 : f64
  %qw1 = lq.ste_sign %w1 : tensor<3x2xf64>
  %e2 = tensor.empty() : tensor<2x2xf64>
  %z2 = linalg.fill ins(%zero : f64) outs(%e2 : tensor<2x2xf64>) -> tensor<2x2xf64>
  %xw = linalg.matmul ins(%x, %qw1 : tensor<2x3xf64>, tensor<3x2xf64>) outs(%z2 : tensor<2x2xf64>) -> tensor<2x2xf64>
  %h = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%xw, %b1 : tensor<2x2xf64>, tensor<2xf64>) outs(%e2 : tensor<2x2xf64>) {
  ^bb0(%a: f64, %b: f64, %o: f64):
    %s = arith.addf %a, %b : f64
    linalg.yield %s : f64
  } -> tensor<2x2xf64>
  %qh = lq.ste_sign %h : tensor<2x2xf64>
  %qw2 = lq.ste_sign %w2 : tensor<2x1xf64>
  %e1 = tensor.empty() : tensor<2x1xf64>
  %z1 = linalg.fill ins(%zero : f64) outs(%e1 : tensor<2x1xf64>) -> tensor<2x1xf64>
  %z = linalg.matmul ins(%qh, %qw2 : tensor<2x2xf64>, tensor<2x1xf64>) outs(%z1 : tensor<2x1xf64>) -> tensor<2x1xf64>
  %err = arith.subf %z, %t : tensor<2x1xf64>
  %sq = arith.mulf %err, %err : tensor<2x1xf64>
  %e0 = tensor.empty() : tensor<f64>
  %z0 = linalg.fill ins(%zero : f64) outs(%e0 : tensor<f64>) -> tensor<f64>
  %sum = linalg.reduce ins(%sq : tensor<2x1xf64>) outs(%z0 : tensor<f64>) dimensions = [0, 1]
    (%in: f64, %acc: f64) {
      %r = arith.addf %in, %acc : f64
      linalg.yield %r : f64
    }
  %s = tensor.extract %sum[] : tensor<f64>
  %l = arith.mulf %s, %half : f64
  return %l : f64
}

func.func private @loss_grad(tensor<2x3xf64>, tensor<3x2xf64>, tensor<2xf64>, tensor<2x1xf64>, tensor<2x1xf64>, f64)
    -> (f64, tensor<2x3xf64>, tensor<3x2xf64>, tensor<2xf64>, tensor<2x1xf64>)
func.func private @printMemrefF64(tensor<*xf64>)

// Forward: sign(W1) = [[1, -1], [-1, 1], [1, 1]], sign(W2) = [1, -1]
//   h = [[0.15 + 0.1, 0.35 - 0.2], [-0.2 + 0.1, 1.6 - 0.2]]
//     = [[0.25, 0.15], [-0.1, 1.4]],  sign(h) = [[1, 1], [-1, 1]]
//   z = [0, -2], z - t = [-1, -1], loss = 0.5 * (1 + 1) = 1
// Backward:
//   dz = [-1, -1]
//   d sign(W2) = sign(h)^T dz = [0, -2]; |W2| <= 1: dW2 = [0, -2]
//   d sign(h) = dz sign(W2)^T = [[-1, 1], [-1, 1]]
//   STE mask |h| <= 1 = [[1, 1], [1, 0]]: dh = [[-1, 1], [-1, 0]]
//   db1 = column sums of dh = [-2, 1]
//   d sign(W1) = x^T dh = [[0.2, 0.2], [-0.8, 0.3], [-0.95, 0.25]];
//   |W1[2][0]| = 1.5 > 1: dW1 = [[0.2, 0.2], [-0.8, 0.3], [0, 0.25]]
//   dx = dh sign(W1)^T = [[-2, 2, 0], [-1, 1, -1]]
// CHECK: loss
// CHECK-NEXT: 1
// CHECK: dx
// CHECK: [-2,   2,   0]
// CHECK: [-1,   1,   -1]
// CHECK: dW1
// CHECK: [0.2,   0.2]
// CHECK: [-0.8,   0.3]
// CHECK: [0,   0.25]
// CHECK: db1
// CHECK: [-2,  1]
// CHECK: dW2
// CHECK: [0]
// CHECK: [-2]
func.func @main() {
  %x = arith.constant dense<[[0.2, 0.3, 0.25], [-0.4, 0.5, 0.7]]> : tensor<2x3xf64>
  %w1 = arith.constant dense<[[0.5, -0.3], [-0.8, 0.2], [1.5, 0.6]]> : tensor<3x2xf64>
  %b1 = arith.constant dense<[0.1, -0.2]> : tensor<2xf64>
  %w2 = arith.constant dense<[[0.4], [-0.7]]> : tensor<2x1xf64>
  %t = arith.constant dense<[[1.0], [-1.0]]> : tensor<2x1xf64>
  %one = arith.constant 1.0 : f64
  %l, %dx, %dw1, %db1, %dw2 = func.call @loss_grad(%x, %w1, %b1, %w2, %t, %one)
      : (tensor<2x3xf64>, tensor<3x2xf64>, tensor<2xf64>, tensor<2x1xf64>, tensor<2x1xf64>, f64)
      -> (f64, tensor<2x3xf64>, tensor<3x2xf64>, tensor<2xf64>, tensor<2x1xf64>)
  vector.print str "loss\n"
  vector.print %l : f64
  vector.print str "dx\n"
  %u0 = tensor.cast %dx : tensor<2x3xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u0) : (tensor<*xf64>) -> ()
  vector.print str "dW1\n"
  %u1 = tensor.cast %dw1 : tensor<3x2xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u1) : (tensor<*xf64>) -> ()
  vector.print str "db1\n"
  %u2 = tensor.cast %db1 : tensor<2xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u2) : (tensor<*xf64>) -> ()
  vector.print str "dW2\n"
  %u3 = tensor.cast %dw2 : tensor<2x1xf64> to tensor<*xf64>
  func.call @printMemrefF64(%u3) : (tensor<*xf64>) -> ()
  return
}
