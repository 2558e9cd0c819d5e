// lq.flip_ratio on hand-computed sequences, through lq-to-llvm.
// RUN: lq-opt %s -lq-to-llvm | %lq_finish_llvm | %lq_run_main | FileCheck %s

func.func private @printMemrefI32(tensor<*xi32>)

/// One update: prints the ratio, returns the new state.
func.func @update(%v: tensor<?xf32>, %p: tensor<?xi8>, %t: f32, %c: i64)
    -> (tensor<?xi8>, f32, i64) {
  %p2, %t2, %c2, %r = lq.flip_ratio %v, %p, %t, %c : tensor<?xf32>, tensor<?xi8>, f32
  vector.print %r : f32
  return %p2, %t2, %c2 : tensor<?xi8>, f32, i64
}

func.func @main() {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : i64

  // The semantics page's example, shape (2,): updates [1, 1], [2, 2], [1, 2]
  // give 0 (the first update contributes nothing), 1 (both changed: total
  // 1 over 1 update) and 0.75 (one of two changed: total 1.5 over 2).
  // CHECK-LABEL: semantics page
  // CHECK-NEXT: 0
  // CHECK-NEXT: 1
  // CHECK-NEXT: 0.75
  vector.print str "semantics page\n"
  %p0 = arith.constant dense<0> : tensor<2xi8>
  %u1 = arith.constant dense<[1.0, 1.0]> : tensor<2xf32>
  %u2 = arith.constant dense<[2.0, 2.0]> : tensor<2xf32>
  %u3 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %p0d = tensor.cast %p0 : tensor<2xi8> to tensor<?xi8>
  %u1d = tensor.cast %u1 : tensor<2xf32> to tensor<?xf32>
  %u2d = tensor.cast %u2 : tensor<2xf32> to tensor<?xf32>
  %u3d = tensor.cast %u3 : tensor<2xf32> to tensor<?xf32>
  %pa, %ta, %ca = func.call @update(%u1d, %p0d, %zero, %c0) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %pb, %tb, %cb = func.call @update(%u2d, %pa, %ta, %ca) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %pc, %tc, %cc = func.call @update(%u3d, %pb, %tb, %cb) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)

  // The int8 conversion, shape (4,): truncation toward zero, saturation at
  // -128 and 127, NaN to 0.
  //   [0.5, -0.5, 1.7, -2.2]     -> [0, 0, 1, -2]       first: 0
  //   [0.9, -0.9, 1.2, -2.9]     -> [0, 0, 1, -2]       none changed: 0 / 1
  //   [300, -300, NaN, 1.0]      -> [127, -128, 0, 1]   all changed: 1 / 2
  //   [127.5, -128.7, 0.3, 1.99] -> [127, -128, 0, 1]   none changed: 1 / 3
  // CHECK-LABEL: int8 conversion
  // CHECK-NEXT: 0
  // CHECK-NEXT: 0
  // CHECK-NEXT: 0.5
  // CHECK-NEXT: 0.333333
  // CHECK: [127,  -128,  0,  1]
  // CHECK-NEXT: count 4
  vector.print str "int8 conversion\n"
  %q0 = arith.constant dense<0> : tensor<4xi8>
  %nan = arith.constant 0x7FC00000 : f32
  %v1 = arith.constant dense<[0.5, -0.5, 1.7, -2.2]> : tensor<4xf32>
  %v2 = arith.constant dense<[0.9, -0.9, 1.2, -2.9]> : tensor<4xf32>
  %v3c = arith.constant dense<[300.0, -300.0, 0.0, 1.0]> : tensor<4xf32>
  %i2 = arith.constant 2 : index
  %v3 = tensor.insert %nan into %v3c[%i2] : tensor<4xf32>
  %v4 = arith.constant dense<[127.5, -128.7, 0.3, 1.99]> : tensor<4xf32>
  %q0d = tensor.cast %q0 : tensor<4xi8> to tensor<?xi8>
  %v1d = tensor.cast %v1 : tensor<4xf32> to tensor<?xf32>
  %v2d = tensor.cast %v2 : tensor<4xf32> to tensor<?xf32>
  %v3d = tensor.cast %v3 : tensor<4xf32> to tensor<?xf32>
  %v4d = tensor.cast %v4 : tensor<4xf32> to tensor<?xf32>
  %qa, %sa, %na = func.call @update(%v1d, %q0d, %zero, %c0) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %qb, %sb, %nb = func.call @update(%v2d, %qa, %sa, %na) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %qc, %sc, %nc = func.call @update(%v3d, %qb, %sb, %nb) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %qd, %sd, %nd = func.call @update(%v4d, %qc, %sc, %nc) : (tensor<?xf32>, tensor<?xi8>, f32, i64) -> (tensor<?xi8>, f32, i64)
  %wide = arith.extsi %qd : tensor<?xi8> to tensor<?xi32>
  %wu = tensor.cast %wide : tensor<?xi32> to tensor<*xi32>
  func.call @printMemrefI32(%wu) : (tensor<*xi32>) -> ()
  vector.print str "count "
  vector.print %nd : i64

  // A 2-D kernel in f64 with a static state: 1 of 6 flips, then 3 of 6.
  // CHECK-LABEL: 2-D
  // CHECK-NEXT: 0
  // CHECK-NEXT: 0.166667
  // CHECK-NEXT: 0.333333
  vector.print str "2-D\n"
  %k0 = arith.constant dense<0> : tensor<2x3xi8>
  %k1 = arith.constant dense<[[1.0, -1.0, 1.0], [1.0, 1.0, -1.0]]> : tensor<2x3xf64>
  %k2 = arith.constant dense<[[1.0, -1.0, 1.0], [1.0, -1.0, -1.0]]> : tensor<2x3xf64>
  %k3 = arith.constant dense<[[-1.0, 1.0, -1.0], [1.0, -1.0, -1.0]]> : tensor<2x3xf64>
  %z64 = arith.constant 0.0 : f64
  %ka, %ta2, %ca2, %ra = lq.flip_ratio %k1, %k0, %z64, %c0 : tensor<2x3xf64>, tensor<2x3xi8>, f64
  vector.print %ra : f64
  %kb, %tb2, %cb2, %rb = lq.flip_ratio %k2, %ka, %ta2, %ca2 : tensor<2x3xf64>, tensor<2x3xi8>, f64
  vector.print %rb : f64
  %kc, %tc2, %cc2, %rc = lq.flip_ratio %k3, %kb, %tb2, %cb2 : tensor<2x3xf64>, tensor<2x3xi8>, f64
  vector.print %rc : f64
  return
}
