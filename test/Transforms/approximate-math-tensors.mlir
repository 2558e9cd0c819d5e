// RUN: lq-opt %s --lq-approximate-math | FileCheck %s

// f32 math on tensors (the pass runs after bufferization in lq-to-llvm, but
// may be run on its own) is left alone: the approximations build scalar or
// vector arith, and upstream's patterns made invalid IR from tensors.
// CHECK-LABEL: func.func @tensors(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<?xf32>, %[[Y:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT:    %[[R0:.+]] = math.cosh %[[X]] : tensor<?xf32>
// CHECK-NEXT:    %[[R1:.+]] = math.tanh %[[Y]] : tensor<4xf32>
// CHECK-NEXT:    %[[R2:.+]] = math.exp %[[Y]] : tensor<4xf32>
// CHECK-NEXT:    return %[[R0]], %[[R1]], %[[R2]]
func.func @tensors(%x: tensor<?xf32>, %y: tensor<4xf32>) -> (tensor<?xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = math.cosh %x : tensor<?xf32>
  %1 = math.tanh %y : tensor<4xf32>
  %2 = math.exp %y : tensor<4xf32>
  return %0, %1, %2 : tensor<?xf32>, tensor<4xf32>, tensor<4xf32>
}
