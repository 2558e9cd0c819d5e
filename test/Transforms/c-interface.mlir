// RUN: lq-opt %s --lq-c-interface | FileCheck %s
// RUN: lq-opt %s --lq-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVM
// RUN: lq-opt %s --lq-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=PRIVATE

// lq-c-interface: public functions with a body get llvm.emit_c_interface and
// read-only tensor arguments (bufferization.writable = false); private
// functions and declarations are left alone.

// CHECK-LABEL: func.func @kernel
// CHECK-SAME:    %{{.+}}: tensor<?xf32> {bufferization.writable = false}
// CHECK-SAME:    %{{[^ ]+}}: f32,
// CHECK-SAME:    %{{[^ ]+}}: vector<4xf32>,
// CHECK-SAME:    %{{.+}}: tensor<2x3xf16> {bufferization.writable = false}
// CHECK-SAME:    attributes {llvm.emit_c_interface}
// LLVM-DAG: define {{.*}} @kernel(
// LLVM-DAG: define {{.*}} @_mlir_ciface_kernel(ptr
func.func @kernel(%x: tensor<?xf32>, %s: f32, %v: vector<4xf32>,
                  %t: tensor<2x3xf16>) -> tensor<?xf32> {
  %0 = lq.ste_sign %x : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// CHECK-LABEL: func.func private @helper
// CHECK-SAME:    (%{{[^ ]+}}: tensor<4xf32>) -> tensor<4xf32> {
// PRIVATE-NOT: _mlir_ciface_helper
// PRIVATE-NOT: _mlir_ciface_external
func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = lq.ste_sign %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func private @external(tensor<*xf32>){{$}}
func.func private @external(tensor<*xf32>)

// A public function on scalars: the wrapper, no argument attribute.
// CHECK-LABEL: func.func @scalar
// CHECK-SAME:    (%{{[^ ]+}}: f64) -> f64 attributes {llvm.emit_c_interface}
// LLVM-DAG: define {{.*}} @_mlir_ciface_scalar(
func.func @scalar(%x: f64) -> f64 {
  %0 = lq.ste_sign %x : f64
  return %0 : f64
}
