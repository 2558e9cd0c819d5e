// convert-lq-to-linalg in the stock mlir-opt through LQPlugin.so. A plugin
// pass is not a command-line flag of mlir-opt (the flags are fixed before
// plugins load): name it in --pass-pipeline. Loading the dialect plugin
// alone registers the passes too. The result is exactly lq-opt's.
//
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin --load-pass-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(func.func(convert-lq-to-linalg))' \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --load-dialect-plugin=%lq_plugin \
// RUN:   --pass-pipeline='builtin.module(func.func(convert-lq-to-linalg))' \
// RUN:   -o %t.plugin.mlir
// RUN: lq-opt %s --convert-lq-to-linalg -o %t.lq-opt.mlir
// RUN: diff %t.plugin.mlir %t.lq-opt.mlir

// CHECK-LABEL: func.func @sign(
// CHECK-SAME:      %[[X:.*]]: tensor<?x8xf32>
// CHECK-NOT:     lq.
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[X]] : tensor<?x8xf32>)
// CHECK:           arith.cmpf olt
// CHECK:           arith.select
// CHECK:         return %[[Y]]
func.func @sign(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %y = lq.ste_sign %x : tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}

// CHECK-LABEL: func.func @grad(
// CHECK-SAME:      %[[X:.*]]: f32, %[[DY:.*]]: f32
// CHECK:         %[[ABS:.*]] = math.absf %[[X]] : f32
// CHECK:         %[[IN:.*]] = arith.cmpf ole, %[[ABS]], %{{.*}} : f32
// CHECK:         %[[DX:.*]] = arith.select %[[IN]], %[[DY]], %{{.*}} : f32
// CHECK:         return %[[DX]]
func.func @grad(%x: f32, %dy: f32) -> f32 {
  %dx = lq.ste_sign_grad %x, %dy {clip_value = 2.0} : f32
  return %dx : f32
}
