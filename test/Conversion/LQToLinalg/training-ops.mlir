// Lowering of the training ops by convert-lq-to-linalg.
// RUN: lq-opt %s -convert-lq-to-linalg | FileCheck %s

// One map with two results, written over the weights and the momentum (in
// place); constants rounded to the element type.
// CHECK-LABEL: func.func @bop_tensor(
// CHECK-SAME: %[[W:.*]]: tensor<?x4xf32>, %[[M:.*]]: tensor<?x4xf32>, %[[G:.*]]: tensor<?x4xf32>)
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK-SAME: ins(%[[G]] : tensor<?x4xf32>) outs(%[[W]], %[[M]] : tensor<?x4xf32>, tensor<?x4xf32>)
// CHECK-NEXT: ^bb0(%[[EG:.*]]: f32, %[[EW:.*]]: f32, %[[EM:.*]]: f32):
// CHECK-DAG: %[[GAMMA:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG: %[[KEEP:.*]] = arith.constant 7.500000e-01 : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[KM:.*]] = arith.mulf %[[KEEP]], %[[EM]] : f32
// CHECK: %[[GG:.*]] = arith.mulf %[[GAMMA]], %[[EG]] : f32
// CHECK: %[[NM:.*]] = arith.addf %[[KM]], %[[GG]] : f32
// CHECK: %[[ABS:.*]] = math.absf %[[NM]] : f32
// CHECK: %[[TAU:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[LARGE:.*]] = arith.cmpf ogt, %[[ABS]], %[[TAU]] : f32
// CHECK: %[[MNEG:.*]] = arith.cmpf olt, %[[NM]], %[[ZERO]] : f32
// CHECK: %[[WNEG:.*]] = arith.cmpf olt, %[[EW]], %[[ZERO]] : f32
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[MNEG]], %[[WNEG]] : i1
// CHECK: %[[FLIP:.*]] = arith.andi %[[LARGE]], %[[SAME]] : i1
// CHECK: %[[NEG:.*]] = arith.negf %[[EW]] : f32
// CHECK: %[[NW:.*]] = arith.select %[[FLIP]], %[[NEG]], %[[EW]] : f32
// CHECK: linalg.yield %[[NW]], %[[NM]] : f32, f32
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @bop_tensor(%w: tensor<?x4xf32>, %m: tensor<?x4xf32>, %g: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>) {
  %w2, %m2 = lq.bop_update %w, %m, %g {gamma = 0.25, threshold = 0.5} : tensor<?x4xf32>
  return %w2, %m2 : tensor<?x4xf32>, tensor<?x4xf32>
}

// On scalars, the body itself (here with the default constants in f16:
// 1e-4 rounds to 1.000170e-04, 1 - 1e-4 to 1.0, and 1e-8 to 0).
// CHECK-LABEL: func.func @bop_scalar(
// CHECK-NOT: linalg.generic
// CHECK-DAG: arith.constant 1.000170e-04 : f16
// CHECK-DAG: arith.constant 1.000000e+00 : f16
// CHECK: arith.select
func.func @bop_scalar(%w: f16, %m: f16, %g: f16) -> (f16, f16) {
  %w2, %m2 = lq.bop_update %w, %m, %g : f16
  return %w2, %m2 : f16, f16
}

// An equality count of int8(values) against the previous values, then the
// int8 conversion written over the previous values (in place, after they
// have been read), then the scalar state update.
// CHECK-LABEL: func.func @flip_ratio(
// CHECK-SAME: %[[V:.*]]: tensor<2x3xf32>, %[[P:.*]]: tensor<2x3xi8>, %[[T:.*]]: f32, %[[C:.*]]: i64)
// CHECK: %[[EQ:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]} ins(%[[V]], %[[P]] : tensor<2x3xf32>, tensor<2x3xi8>) outs(%{{.*}} : tensor<i64>)
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: arith.cmpf uno
// CHECK: %[[I8:.*]] = arith.fptosi %{{.*}} : f32 to i8
// CHECK: arith.cmpi eq, %[[I8]], %{{.*}} : i8
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[V]] : tensor<2x3xf32>) outs(%[[P]] : tensor<2x3xi8>)
// CHECK: arith.fptosi %{{.*}} : f32 to i8
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[C]], %{{.*}} : i64
// CHECK: %[[SUM:.*]] = arith.addf %[[T]], %{{.*}} : f32
// CHECK: %[[TOTAL:.*]] = arith.select %[[FIRST]], %[[T]], %[[SUM]] : f32
// CHECK: %[[COUNT:.*]] = arith.addi %[[C]], %{{.*}} : i64
// CHECK: %[[RATIO:.*]] = arith.select
// CHECK: return %[[Q]], %[[TOTAL]], %[[COUNT]], %[[RATIO]] : tensor<2x3xi8>, f32, i64, f32
func.func @flip_ratio(%v: tensor<2x3xf32>, %p: tensor<2x3xi8>, %t: f32, %c: i64) -> (tensor<2x3xi8>, f32, i64, f32) {
  %p2, %t2, %c2, %r = lq.flip_ratio %v, %p, %t, %c : tensor<2x3xf32>, tensor<2x3xi8>, f32
  return %p2, %t2, %c2, %r : tensor<2x3xi8>, f32, i64, f32
}
