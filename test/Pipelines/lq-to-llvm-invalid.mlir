// lq-to-llvm on IR it cannot lower fails: an error that names the op, a
// non-zero exit status and no IR on stdout (never half-converted IR as if it
// had succeeded).

// RUN: split-file %s %t

// RUN: not lq-opt --allow-unregistered-dialect %t/tensor-op.mlir --lq-to-llvm > %t/tensor-op.out 2> %t/tensor-op.err
// RUN: FileCheck %s --check-prefix=TENSOR < %t/tensor-op.err
// RUN: count 0 < %t/tensor-op.out

// RUN: not lq-opt --allow-unregistered-dialect %t/scalar-op.mlir --lq-to-llvm > %t/scalar-op.out 2> %t/scalar-op.err
// RUN: FileCheck %s --check-prefix=SCALAR < %t/scalar-op.err
// RUN: count 0 < %t/scalar-op.out

// RUN: not lq-opt --allow-unregistered-dialect %t/side-effect.mlir --lq-to-llvm="libm-transcendentals=1" > %t/side-effect.out 2> %t/side-effect.err
// RUN: FileCheck %s --check-prefix=EFFECT < %t/side-effect.err
// RUN: count 0 < %t/side-effect.out

// An unranked tensor at the function boundary is no obstacle: it lowers to
// an unranked memref descriptor.
// RUN: lq-opt %t/unranked.mlir --lq-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=UNRANKED

// TENSOR: tensor-op.mlir:3:8: error: op was not bufferized
// TENSOR: "test.unknown"
// SCALAR: scalar-op.mlir:3:8: error: ops with unknown memory side effects are not supported
// SCALAR: "test.unknown"
// EFFECT: side-effect.mlir:3:3: error: ops with unknown memory side effects are not supported
// EFFECT: "test.effect"
// UNRANKED: define {{.*}} @unranked(i64 %{{.+}}, ptr %{{.+}})
// UNRANKED: define {{.*}} @_mlir_ciface_unranked(

//--- tensor-op.mlir
func.func @tensor_op(%x: tensor<?xf32>) -> tensor<?xf32> {
  %y = lq.ste_sign %x : tensor<?xf32>
  %z = "test.unknown"(%y) : (tensor<?xf32>) -> tensor<?xf32>
  return %z : tensor<?xf32>
}

//--- scalar-op.mlir
func.func @scalar_op(%x: f32) -> f32 {
  %y = lq.ste_sign %x : f32
  %z = "test.unknown"(%y) : (f32) -> f32
  return %z : f32
}

//--- side-effect.mlir
func.func @side_effect(%x: tensor<8xf32>, %dy: tensor<8xf32>) -> tensor<8xf32> {
  %y = lq.swish_sign_grad %x, %dy : tensor<8xf32>
  "test.effect"() : () -> ()
  return %y : tensor<8xf32>
}

//--- unranked.mlir
func.func @unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  %r = tensor.cast %x : tensor<*xf32> to tensor<?xf32>
  %y = lq.ste_sign %r : tensor<?xf32>
  %z = tensor.cast %y : tensor<?xf32> to tensor<*xf32>
  return %z : tensor<*xf32>
}
