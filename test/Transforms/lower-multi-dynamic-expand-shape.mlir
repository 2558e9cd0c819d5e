// RUN: lq-opt %s --lq-lower-multi-dynamic-expand-shape | FileCheck %s
// The upstream pass that crashes on such an expand_shape in LLVM 22
// (llvm/llvm-project#186830) runs cleanly after it and lowers every
// memref.expand_shape left:
// RUN: lq-opt %s --lq-lower-multi-dynamic-expand-shape --expand-strided-metadata | \
// RUN:   FileCheck %s --check-prefix=PIPE

// lq-lower-multi-dynamic-expand-shape: a memref.expand_shape with more than
// one dynamic size in a reassociation group becomes a memref.reinterpret_cast
// of the source's base buffer (memref.extract_strided_metadata) with the
// output_shape sizes; in each group the innermost dim keeps the source dim's
// stride and each outer one multiplies it by the size of the dim inside it.
// Static source strides and offsets stay static. Other expand_shape ops
// (at most one dynamic size per group) and tensor.expand_shape are untouched.

// PIPE-NOT: memref.expand_shape

// CHECK-LABEL: func.func @two_dynamic(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?xf32>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index)
// CHECK-NEXT:    %[[BASE:[^,]+]], %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} = memref.extract_strided_metadata %[[SRC]] : memref<?xf32> -> memref<f32>, index, index, index
// CHECK-NEXT:    %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[A]], %[[B]]], strides: [%[[B]], 1] : memref<f32> to memref<?x?xf32>
// CHECK-NEXT:    return %[[R]] : memref<?x?xf32>

func.func @two_dynamic(%src: memref<?xf32>, %a: index, %b: index) -> memref<?x?xf32> {
  %e = memref.expand_shape %src [[0, 1]] output_shape [%a, %b] : memref<?xf32> into memref<?x?xf32>
  return %e : memref<?x?xf32>
}

// Strides [b * c * 4, b * c, c, 1]: static sizes join the products.
// CHECK-LABEL: func.func @three_dynamic_one_static(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?xf32>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index, %[[C:[^:]+]]: index)
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK-DAG:     %[[BASE:[^,]+]], %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} = memref.extract_strided_metadata %[[SRC]]
// CHECK:         %[[S1:.+]] = arith.muli %[[C]], %[[B]] : index
// CHECK-NEXT:    %[[S0:.+]] = arith.muli %[[S1]], %[[C4]] : index
// CHECK-NEXT:    %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[A]], 4, %[[B]], %[[C]]], strides: [%[[S0]], %[[S1]], %[[C]], 1] : memref<f32> to memref<?x4x?x?xf32>
// CHECK-NEXT:    return %[[R]]
func.func @three_dynamic_one_static(%src: memref<?xf32>, %a: index, %b: index, %c: index) -> memref<?x4x?x?xf32> {
  %e = memref.expand_shape %src [[0, 1, 2, 3]] output_shape [%a, 4, %b, %c] : memref<?xf32> into memref<?x4x?x?xf32>
  return %e : memref<?x4x?x?xf32>
}

// Two groups, only the first with two dynamic sizes: the outer source
// stride is dynamic (from the metadata), the inner one is 1.
// CHECK-LABEL: func.func @two_groups(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?x?xf32>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index, %[[C:[^:]+]]: index)
// CHECK-NEXT:    %[[BASE:[^,]+]], %{{[^,]+}}, %{{[^,]+}}, %[[STRIDES:[^:]+]]:2 = memref.extract_strided_metadata %[[SRC]] : memref<?x?xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT:    %[[S0:.+]] = arith.muli %[[STRIDES]]#0, %[[B]] : index
// CHECK-NEXT:    %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[A]], %[[B]], %[[C]], 8], strides: [%[[S0]], %[[STRIDES]]#0, 8, 1] : memref<f32> to memref<?x?x?x8xf32>
// CHECK-NEXT:    return %[[R]]
func.func @two_groups(%src: memref<?x?xf32>, %a: index, %b: index, %c: index) -> memref<?x?x?x8xf32> {
  %e = memref.expand_shape %src [[0, 1], [2, 3]] output_shape [%a, %b, %c, 8] : memref<?x?xf32> into memref<?x?x?x8xf32>
  return %e : memref<?x?x?x8xf32>
}

// A fully dynamic layout: offset and stride come from the metadata.
// CHECK-LABEL: func.func @dynamic_layout(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?xf32, strided<[?], offset: ?>>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index)
// CHECK-NEXT:    %[[BASE:[^,]+]], %[[OFF:[^,]+]], %{{[^,]+}}, %[[STRIDE:[^ ]+]] = memref.extract_strided_metadata %[[SRC]]
// CHECK-NEXT:    %[[S0:.+]] = arith.muli %[[STRIDE]], %[[B]] : index
// CHECK-NEXT:    %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [%[[OFF]]], sizes: [%[[A]], %[[B]]], strides: [%[[S0]], %[[STRIDE]]] : memref<f32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT:    return %[[R]]
func.func @dynamic_layout(%src: memref<?xf32, strided<[?], offset: ?>>, %a: index, %b: index)
    -> memref<?x?xf32, strided<[?, ?], offset: ?>> {
  %e = memref.expand_shape %src [[0, 1]] output_shape [%a, %b]
      : memref<?xf32, strided<[?], offset: ?>> into memref<?x?xf32, strided<[?, ?], offset: ?>>
  return %e : memref<?x?xf32, strided<[?, ?], offset: ?>>
}

// A static layout (offset 3, stride 2) stays static in the result.
// CHECK-LABEL: func.func @static_layout(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?xf32, strided<[2], offset: 3>>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index)
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK-DAG:     %[[BASE:[^,]+]], %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} = memref.extract_strided_metadata %[[SRC]]
// CHECK:         %[[S0:.+]] = arith.muli %[[B]], %[[C8]] : index
// CHECK-NEXT:    %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [3], sizes: [%[[A]], %[[B]], 4], strides: [%[[S0]], 8, 2] : memref<f32> to memref<?x?x4xf32, strided<[?, 8, 2], offset: 3>>
// CHECK-NEXT:    return %[[R]]
func.func @static_layout(%src: memref<?xf32, strided<[2], offset: 3>>, %a: index, %b: index)
    -> memref<?x?x4xf32, strided<[?, 8, 2], offset: 3>> {
  %e = memref.expand_shape %src [[0, 1, 2]] output_shape [%a, %b, 4]
      : memref<?xf32, strided<[2], offset: 3>> into memref<?x?x4xf32, strided<[?, 8, 2], offset: 3>>
  return %e : memref<?x?x4xf32, strided<[?, 8, 2], offset: 3>>
}

// The memory space is kept; an op in a nested region is rewritten in place.
// CHECK-LABEL: func.func @memory_space_in_loop(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?xf32, 1>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index
// CHECK:         scf.for
// CHECK-NEXT:      %[[BASE:[^,]+]], %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} = memref.extract_strided_metadata %[[SRC]] : memref<?xf32, 1> -> memref<f32, 1>, index, index, index
// CHECK-NEXT:      %[[R:.+]] = memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[A]], %[[B]]], strides: [%[[B]], 1] : memref<f32, 1> to memref<?x?xf32, 1>
// CHECK-NEXT:      memref.store %{{.+}}, %[[R]][%{{.+}}, %{{.+}}] : memref<?x?xf32, 1>
func.func @memory_space_in_loop(%src: memref<?xf32, 1>, %a: index, %b: index, %n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %e = memref.expand_shape %src [[0, 1]] output_shape [%a, %b] : memref<?xf32, 1> into memref<?x?xf32, 1>
    memref.store %v, %e[%i, %c0] : memref<?x?xf32, 1>
  }
  return
}

// At most one dynamic size per group: left to expand-strided-metadata.
// CHECK-LABEL: func.func @one_dynamic_per_group(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<?x?xf32>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index)
// CHECK-NEXT:    %[[E:.+]] = memref.expand_shape %[[SRC]] {{\[}}[0, 1], [2, 3]] output_shape [%[[A]], 2, %[[B]], 3] : memref<?x?xf32> into memref<?x2x?x3xf32>
// CHECK-NEXT:    return %[[E]]
func.func @one_dynamic_per_group(%src: memref<?x?xf32>, %a: index, %b: index) -> memref<?x2x?x3xf32> {
  %e = memref.expand_shape %src [[0, 1], [2, 3]] output_shape [%a, 2, %b, 3] : memref<?x?xf32> into memref<?x2x?x3xf32>
  return %e : memref<?x2x?x3xf32>
}

// CHECK-LABEL: func.func @static(
// CHECK-SAME:    %[[SRC:[^:]+]]: memref<8xf32>)
// CHECK-NEXT:    %[[E:.+]] = memref.expand_shape %[[SRC]] {{\[}}[0, 1]] output_shape [2, 4] : memref<8xf32> into memref<2x4xf32>
// CHECK-NEXT:    return %[[E]]
func.func @static(%src: memref<8xf32>) -> memref<2x4xf32> {
  %e = memref.expand_shape %src [[0, 1]] output_shape [2, 4] : memref<8xf32> into memref<2x4xf32>
  return %e : memref<2x4xf32>
}

// CHECK-LABEL: func.func @tensor(
// CHECK-SAME:    %[[SRC:[^:]+]]: tensor<?xf32>, %[[A:[^:]+]]: index, %[[B:[^:]+]]: index)
// CHECK-NEXT:    %[[E:.+]] = tensor.expand_shape %[[SRC]] {{\[}}[0, 1]] output_shape [%[[A]], %[[B]]] : tensor<?xf32> into tensor<?x?xf32>
// CHECK-NEXT:    return %[[E]]
func.func @tensor(%src: tensor<?xf32>, %a: index, %b: index) -> tensor<?x?xf32> {
  %e = tensor.expand_shape %src [[0, 1]] output_shape [%a, %b] : tensor<?xf32> into tensor<?x?xf32>
  return %e : tensor<?x?xf32>
}
