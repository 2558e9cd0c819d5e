// When one function cannot be differentiated, lq-differentiate fails and
// leaves the module as it was: no gradient function (not even for the
// functions that could be differentiated) and the marks still in place.
// RUN: not lq-opt %s -lq-differentiate -mlir-print-ir-after-failure 2>&1 \
// RUN:   | FileCheck %s

// CHECK: error: 'math.sin' op has no reverse-mode rule
// CHECK-LABEL: IR Dump After LQDifferentiatePass Failed
// CHECK: func.func @good(%{{.*}}: f32) -> f32 attributes {lq.differentiate}
// CHECK: func.func @bad(%{{.*}}: f32) -> f32 attributes {lq.differentiate}
// CHECK-NOT: _grad
func.func @good(%x: f32) -> f32 attributes {lq.differentiate} {
  %y = math.exp %x : f32
  return %y : f32
}

func.func @bad(%x: f32) -> f32 attributes {lq.differentiate} {
  %y = math.sin %x : f32
  return %y : f32
}
