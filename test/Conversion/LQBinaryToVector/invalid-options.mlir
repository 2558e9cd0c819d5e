// RUN: not lq-opt %s -convert-lq-binary-to-vector="popcount=i16" 2>&1 | FileCheck %s
// RUN: not lq-opt %s -convert-lq-binary-to-vector="tile-vectors=3" 2>&1 | FileCheck %s --check-prefix=VECTORS
// RUN: not lq-opt %s -convert-lq-binary-to-vector="flush-interval=65" 2>&1 | FileCheck %s --check-prefix=FLUSH
// RUN: not lq-opt %s -convert-lq-binary-to-vector="flush-interval=0" 2>&1 | FileCheck %s --check-prefix=FLUSH0

// Invalid options are errors of the pass (not a silent fallback to the
// host's choice) that print the value given, and no IR is printed.

// CHECK:     error: popcount must be i64, i8 or auto, got 'i16'
// CHECK-NOT: func.func
// VECTORS:     error: tile-vectors must be a power of two, got 3{{$}}
// VECTORS-NOT: func.func
// FLUSH:     error: flush-interval must be in [1, 31], got 65{{$}}
// FLUSH-NOT: func.func
// FLUSH0:     error: flush-interval must be in [1, 31], got 0{{$}}
// FLUSH0-NOT: func.func
func.func @bmatmul(%a: tensor<4x2xi64>, %w: tensor<8x2xi64>) -> tensor<4x8xf32> {
  %y = lq.bmatmul %a, %w {k = 100} : tensor<4x2xi64>, tensor<8x2xi64> -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
