// Round trip of the training ops (custom form, and generic form with the
// default attributes made explicit).
// RUN: lq-opt %s | lq-opt | FileCheck %s
// RUN: lq-opt %s -mlir-print-op-generic | lq-opt | FileCheck %s

// CHECK-LABEL: func.func @bop_update_tensor
// CHECK-SAME: (%[[W:.*]]: tensor<4x8xf32>, %[[M:.*]]: tensor<4x8xf32>, %[[G:.*]]: tensor<4x8xf32>)
// CHECK: %{{.*}}, %{{.*}} = lq.bop_update %[[W]], %[[M]], %[[G]] : tensor<4x8xf32>
// CHECK: %{{.*}}, %{{.*}} = lq.bop_update %[[W]], %[[M]], %[[G]] {gamma = 1.000000e-03 : f64, threshold = 5.000000e-01 : f64} : tensor<4x8xf32>
func.func @bop_update_tensor(%w: tensor<4x8xf32>, %m: tensor<4x8xf32>, %g: tensor<4x8xf32>)
    -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) {
  %w1, %m1 = lq.bop_update %w, %m, %g : tensor<4x8xf32>
  %w2, %m2 = lq.bop_update %w, %m, %g {gamma = 1.0e-3, threshold = 0.5} : tensor<4x8xf32>
  return %w1, %m1, %w2, %m2 : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>
}

// CHECK-LABEL: func.func @bop_update_other_types
// CHECK: lq.bop_update %{{.*}}, %{{.*}}, %{{.*}} : f64
// CHECK: lq.bop_update %{{.*}}, %{{.*}}, %{{.*}} {gamma = 1.000000e+00 : f64, threshold = 0.000000e+00 : f64} : vector<8xf16>
// CHECK: lq.bop_update %{{.*}}, %{{.*}}, %{{.*}} : tensor<?xbf16>
func.func @bop_update_other_types(%s: f64, %v: vector<8xf16>, %t: tensor<?xbf16>) {
  %0:2 = lq.bop_update %s, %s, %s : f64
  %1:2 = lq.bop_update %v, %v, %v {gamma = 1.0, threshold = 0.0} : vector<8xf16>
  %2:2 = lq.bop_update %t, %t, %t : tensor<?xbf16>
  return
}

// CHECK-LABEL: func.func @flip_ratio
// CHECK-SAME: (%[[V:.*]]: tensor<3x3xf32>, %[[P:.*]]: tensor<3x3xi8>, %[[T:.*]]: f32, %[[C:.*]]: i64,
// CHECK: %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} = lq.flip_ratio %[[V]], %[[P]], %[[T]], %[[C]] : tensor<3x3xf32>, tensor<3x3xi8>, f32
// CHECK: %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} = lq.flip_ratio %{{.*}}, %{{.*}}, %{{.*}}, %[[C]] : tensor<?xf64>, tensor<4xi8>, f64
func.func @flip_ratio(%v: tensor<3x3xf32>, %p: tensor<3x3xi8>, %t: f32, %c: i64,
                      %dv: tensor<?xf64>, %p4: tensor<4xi8>, %t64: f64)
    -> (tensor<3x3xi8>, f32, i64, f32) {
  %p2, %t2, %c2, %r = lq.flip_ratio %v, %p, %t, %c : tensor<3x3xf32>, tensor<3x3xi8>, f32
  %0:4 = lq.flip_ratio %dv, %p4, %t64, %c : tensor<?xf64>, tensor<4xi8>, f64
  return %p2, %t2, %c2, %r : tensor<3x3xi8>, f32, i64, f32
}
