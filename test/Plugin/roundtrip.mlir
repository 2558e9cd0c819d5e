// The stock mlir-opt parses, verifies and prints lq ops once LQPlugin.so is
// loaded as a dialect plugin, and rejects them without it.
//
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin --verify-roundtrip \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin --mlir-print-op-generic \
// RUN:   | mlir-opt --load-dialect-plugin=%lq_plugin | FileCheck %s
// RUN: not mlir-opt %s 2>&1 | FileCheck %s --check-prefix=NOPLUGIN

// NOPLUGIN: Dialect `lq' not found for custom op 'lq.ste_sign'

// CHECK-LABEL: func.func @quantizers(
// CHECK-SAME:      %[[X:.*]]: tensor<4x8xf32>, %[[K:.*]]: tensor<3x3x8x16xf32>
func.func @quantizers(%x: tensor<4x8xf32>, %k: tensor<3x3x8x16xf32>, %v: vector<16xf16>, %s: f64) {
  // CHECK: lq.ste_sign %[[X]] : tensor<4x8xf32>
  %0 = lq.ste_sign %x : tensor<4x8xf32>
  // CHECK: lq.ste_sign %[[X]] {clip_value = none} : tensor<4x8xf32>
  %1 = lq.ste_sign %x {clip_value = none} : tensor<4x8xf32>
  // CHECK: lq.approx_sign %{{.*}} : vector<16xf16>
  %2 = lq.approx_sign %v : vector<16xf16>
  // CHECK: lq.ste_heaviside %{{.*}} {clip_value = 5.000000e-01 : f64} : f64
  %3 = lq.ste_heaviside %s {clip_value = 0.5} : f64
  // CHECK: lq.swish_sign %[[X]] {beta = 2.000000e+00 : f64} : tensor<4x8xf32>
  %4 = lq.swish_sign %x {beta = 2.0} : tensor<4x8xf32>
  // CHECK: lq.magnitude_aware_sign %[[K]] : tensor<3x3x8x16xf32>
  %5 = lq.magnitude_aware_sign %k : tensor<3x3x8x16xf32>
  // CHECK: lq.ste_tern %[[K]] {ternary_weight_networks = true} : tensor<3x3x8x16xf32>
  %6 = lq.ste_tern %k {ternary_weight_networks = true} : tensor<3x3x8x16xf32>
  // CHECK: lq.dorefa %[[X]] {k_bit = 3 : i64} : tensor<4x8xf32>
  %7 = lq.dorefa %x {k_bit = 3} : tensor<4x8xf32>
  // CHECK: lq.noop %[[K]] {precision = 1 : i64} : tensor<3x3x8x16xf32>
  %8 = lq.noop %k {precision = 1} : tensor<3x3x8x16xf32>
  return
}

// CHECK-LABEL: func.func @gradients(
// CHECK-SAME:      %[[X:.*]]: tensor<?xf32>, %[[DY:.*]]: tensor<?xf32>
func.func @gradients(%x: tensor<?xf32>, %dy: tensor<?xf32>) {
  // CHECK: lq.ste_sign_grad %[[X]], %[[DY]] {clip_value = 1.500000e+00 : f64} : tensor<?xf32>
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 1.5} : tensor<?xf32>
  // CHECK: lq.approx_sign_grad %[[X]], %[[DY]] : tensor<?xf32>
  %1 = lq.approx_sign_grad %x, %dy : tensor<?xf32>
  // CHECK: lq.dorefa_grad %[[X]], %[[DY]] {mode = "weights"} : tensor<?xf32>
  %2 = lq.dorefa_grad %x, %dy {mode = "weights"} : tensor<?xf32>
  return
}
