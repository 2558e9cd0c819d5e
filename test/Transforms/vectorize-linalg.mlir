// RUN: lq-opt %s --lq-vectorize-linalg=vector-bits=256 --canonicalize --cse --split-input-file | FileCheck %s
// RUN: lq-opt %s --lq-vectorize-linalg=vector-bits=128 --canonicalize --cse --split-input-file | FileCheck %s --check-prefix=V128
// RUN: lq-opt %s --lq-vectorize-linalg=vector-bits=512 --canonicalize --cse --split-input-file | FileCheck %s --check-prefix=V512

// lq-vectorize-linalg on hand-written linalg.generic ops: runs of loops of
// one kind collapse into one, the innermost loop is tiled by the vector
// length (vector-bits / the narrowest element width) and peeled, the full
// tiles are vectorized and the remainder stays a scalar linalg.generic.

#id1 = affine_map<(d0) -> (d0)>

// Elementwise, 1-D, dynamic: vector<8xf32> main loop (up to n floordiv 8 * 8)
// plus a scalar remainder loop.
// CHECK-DAG:   #[[$MAIN:.+]] = affine_map<()[s0] -> ((s0 floordiv 8) * 8)>
// CHECK-LABEL: func.func @elementwise_1d
// CHECK-SAME:    %[[X:.+]]: tensor<?xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK-DAG:     %[[VZERO:.+]] = arith.constant dense<0.000000e+00> : vector<8xf32>
// CHECK-DAG:     %[[N:.+]] = tensor.dim %[[X]], %[[C0]]
// CHECK:         %[[END:.+]] = affine.apply #[[$MAIN]]()[%[[N]]]
// CHECK:         %[[VEC:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[END]] step %[[C8]] iter_args(%[[ACC:.+]] = %{{.+}}) -> (tensor<?xf32>)
// CHECK:           %[[SLICE:.+]] = tensor.extract_slice %[[X]][%[[I]]] [8] [1] : tensor<?xf32> to tensor<8xf32>
// CHECK:           %[[V:.+]] = vector.transfer_read %[[SLICE]][%[[C0]]], %{{.+}} {in_bounds = [true]} : tensor<8xf32>, vector<8xf32>
// CHECK:           %[[NEG:.+]] = arith.cmpf olt, %[[V]], %[[VZERO]] : vector<8xf32>
// CHECK:           %[[S:.+]] = arith.select %[[NEG]], %{{.+}}, %{{.+}} : vector<8xi1>, vector<8xf32>
// CHECK:           vector.transfer_write %[[S]], %{{.+}}[%[[C0]]] {in_bounds = [true]} : vector<8xf32>, tensor<8xf32>
// CHECK:           tensor.insert_slice
// CHECK:         %[[REM:.+]] = scf.for %{{.+}} = %[[END]] to %[[N]] step %[[C8]] iter_args(%{{.+}} = %[[VEC]]) -> (tensor<?xf32>)
// CHECK:           linalg.generic
// CHECK-SAME:        iterator_types = ["parallel"]
// CHECK-SAME:        ins(%{{.+}} : tensor<?xf32>)
// CHECK:             arith.cmpf olt, %{{.+}}, %{{.+}} : f32
// CHECK:         return %[[REM]]

// V128-DAG:    #[[$MAIN:.+]] = affine_map<()[s0] -> ((s0 floordiv 4) * 4)>
// V128-LABEL:  func.func @elementwise_1d
// V128:          scf.for
// V128:            vector.transfer_read {{.+}} : tensor<4xf32>, vector<4xf32>
// V128:            arith.cmpf olt, %{{.+}}, %{{.+}} : vector<4xf32>
// V128:          scf.for
// V128:            linalg.generic

// V512-DAG:    #[[$MAIN:.+]] = affine_map<()[s0] -> ((s0 floordiv 16) * 16)>
// V512-LABEL:  func.func @elementwise_1d
// V512:          scf.for
// V512:            vector.transfer_read {{.+}} : tensor<16xf32>, vector<16xf32>
// V512:            arith.cmpf olt, %{{.+}}, %{{.+}} : vector<16xf32>
// V512:          scf.for
// V512:            linalg.generic
func.func @elementwise_1d(%x: tensor<?xf32>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%d) : tensor<?xf32>
  %y = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf32>) outs(%e : tensor<?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %zero = arith.constant 0.0 : f32
    %neg = arith.cmpf olt, %in, %zero : f32
    %m = arith.constant -1.0 : f32
    %p = arith.constant 1.0 : f32
    %s = arith.select %neg, %m, %p : f32
    linalg.yield %s : f32
  } -> tensor<?xf32>
  return %y : tensor<?xf32>
}

// -----

#id2 = affine_map<(d0, d1) -> (d0, d1)>

// Elementwise, 2-D, dynamic: both loops collapse into one (collapse_shape of
// every operand), then the 1-D vector loop and remainder, then expand_shape.
// CHECK-LABEL: func.func @elementwise_2d
// CHECK-SAME:    %[[X:.+]]: tensor<?x?xf32>, %[[DY:.+]]: tensor<?x?xf32>
// CHECK-DAG:     %[[CX:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<?x?xf32> into tensor<?xf32>
// CHECK-DAG:     %[[CDY:.+]] = tensor.collapse_shape %[[DY]] {{\[}}[0, 1]] : tensor<?x?xf32> into tensor<?xf32>
// CHECK:         %[[VEC:.+]] = scf.for
// CHECK-DAG:       tensor.extract_slice %[[CX]][%{{.+}}] [8] [1]
// CHECK-DAG:       tensor.extract_slice %[[CDY]][%{{.+}}] [8] [1]
// CHECK:           math.absf %{{.+}} : vector<8xf32>
// CHECK:           arith.cmpf ole, %{{.+}}, %{{.+}} : vector<8xf32>
// CHECK:           arith.select %{{.+}}, %{{.+}}, %{{.+}} : vector<8xi1>, vector<8xf32>
// CHECK:         %[[REM:.+]] = scf.for {{.+}} iter_args(%{{.+}} = %[[VEC]])
// CHECK:           linalg.generic
// CHECK-SAME:        iterator_types = ["parallel"]
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[REM]] {{\[}}[0, 1]] output_shape [%{{.+}}, %{{.+}}] : tensor<?xf32> into tensor<?x?xf32>
// CHECK:         return %[[Y]]

// V128-LABEL:  func.func @elementwise_2d
// V128:          tensor.collapse_shape
// V128:          arith.cmpf ole, %{{.+}}, %{{.+}} : vector<4xf32>
// V128:          tensor.expand_shape

// V512-LABEL:  func.func @elementwise_2d
// V512:          tensor.collapse_shape
// V512:          arith.cmpf ole, %{{.+}}, %{{.+}} : vector<16xf32>
// V512:          tensor.expand_shape
func.func @elementwise_2d(%x: tensor<?x?xf32>, %dy: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %x, %c0 : tensor<?x?xf32>
  %d1 = tensor.dim %x, %c1 : tensor<?x?xf32>
  %e = tensor.empty(%d0, %d1) : tensor<?x?xf32>
  %y = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x, %dy : tensor<?x?xf32>, tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %g: f32, %out: f32):
    %a = math.absf %in : f32
    %one = arith.constant 1.0 : f32
    %inside = arith.cmpf ole, %a, %one : f32
    %zero = arith.constant 0.0 : f32
    %s = arith.select %inside, %g, %zero : f32
    linalg.yield %s : f32
  } -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// The vector length follows the narrowest element type: 16 lanes of f16.
// CHECK-LABEL: func.func @elementwise_f16
// CHECK:         scf.for
// CHECK:           arith.cmpf ogt, %{{.+}}, %{{.+}} : vector<16xf16>
// V128-LABEL:  func.func @elementwise_f16
// V128:            arith.cmpf ogt, %{{.+}}, %{{.+}} : vector<8xf16>
// V512-LABEL:  func.func @elementwise_f16
// V512:            arith.cmpf ogt, %{{.+}}, %{{.+}} : vector<32xf16>
func.func @elementwise_f16(%x: tensor<?xf16>) -> tensor<?xf16> {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %x, %c0 : tensor<?xf16>
  %e = tensor.empty(%d) : tensor<?xf16>
  %y = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf16>) outs(%e : tensor<?xf16>) {
  ^bb0(%in: f16, %out: f16):
    %zero = arith.constant 0.0 : f16
    %pos = arith.cmpf ogt, %in, %zero : f16
    %one = arith.constant 1.0 : f16
    %s = arith.select %pos, %one, %zero : f16
    linalg.yield %s : f16
  } -> tensor<?xf16>
  return %y : tensor<?xf16>
}

// -----

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#ch = affine_map<(d0, d1) -> (d1)>

// Per-channel reduction (magnitude_aware_sign's sums): the channel loop is
// the vector loop (8 lanes of the f32 input, 19 = 8 + 8 + 3 channels), the
// rows are summed one after the other inside it: the same order as a
// sequential sum, in f64 accumulators.
// CHECK-LABEL: func.func @per_channel_sum
// CHECK-SAME:    %[[X:.+]]: tensor<?x19xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK-DAG:     %[[C16:.+]] = arith.constant 16 : index
// CHECK-DAG:     %[[ROWS:.+]] = tensor.dim %[[X]], %[[C0]]
// CHECK:         %[[MAIN:.+]] = scf.for %[[CH:.+]] = %[[C0]] to %[[C16]] step %[[C8]]
// CHECK:           scf.for %[[ROW:.+]] = %[[C0]] to %[[ROWS]] step %[[C1]]
// CHECK:             tensor.extract_slice %[[X]][%[[ROW]], %[[CH]]] [1, 8] [1, 1] : tensor<?x19xf32> to tensor<1x8xf32>
// CHECK:             math.absf %{{.+}} : vector<1x8xf32>
// CHECK:             arith.extf %{{.+}} : vector<1x8xf32> to vector<1x8xf64>
// CHECK:             arith.addf %{{.+}}, %{{.+}} : vector<8xf64>
// CHECK:         scf.for %[[ROW:.+]] = %[[C0]] to %[[ROWS]] step %[[C1]] iter_args(%{{.+}} = %[[MAIN]])
// CHECK:           tensor.extract_slice %[[X]][%[[ROW]], 16] [1, 3] [1, 1] : tensor<?x19xf32> to tensor<1x3xf32>
// CHECK:           arith.addf %{{.+}}, %{{.+}} : vector<3xf64>
// V128-LABEL:  func.func @per_channel_sum
// V128:          arith.addf %{{.+}}, %{{.+}} : vector<4xf64>
// V512-LABEL:  func.func @per_channel_sum
// V512:          arith.addf %{{.+}}, %{{.+}} : vector<16xf64>
func.func @per_channel_sum(%x: tensor<?x19xf32>) -> tensor<19xf64> {
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<19xf64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<19xf64>) -> tensor<19xf64>
  %s = linalg.generic {indexing_maps = [#id2, #ch], iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<?x19xf32>) outs(%init : tensor<19xf64>) {
  ^bb0(%in: f32, %acc: f64):
    %a = math.absf %in : f32
    %w = arith.extf %a : f32 to f64
    %r = arith.addf %acc, %w : f64
    linalg.yield %r : f64
  } -> tensor<19xf64>
  return %s : tensor<19xf64>
}

// -----

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#all = affine_map<(d0, d1) -> ()>

// Full reduction of f32 into f64 (the TWN sum): the loops collapse, the
// vector loop carries 8 f64 partial sums (a tensor<8xf64> starting at 0),
// the remainder adds into the first lanes, one multi_reduction at the end.
// CHECK-LABEL: func.func @full_sum
// CHECK-SAME:    %[[X:.+]]: tensor<?x?xf32>
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0.000000e+00 : f64
// CHECK:         %[[INIT:.+]] = linalg.fill ins(%[[ZERO]] : f64) outs(%{{.+}} : tensor<f64>)
// CHECK:         %[[CX:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]]
// CHECK:         %[[PARTIAL0:.+]] = linalg.fill ins(%[[ZERO]] : f64) outs(%{{.+}} : tensor<8xf64>)
// CHECK:         %[[MAIN:.+]] = scf.for {{.+}} iter_args(%[[P:.+]] = %[[PARTIAL0]]) -> (tensor<8xf64>)
// CHECK:           %[[V:.+]] = vector.transfer_read %{{.+}} : tensor<8xf32>, vector<8xf32>
// CHECK:           %[[ACC:.+]] = vector.transfer_read %[[P]]{{.+}} : tensor<8xf64>, vector<8xf64>
// CHECK:           %[[ABS:.+]] = math.absf %[[V]] : vector<8xf32>
// CHECK:           %[[WIDE:.+]] = arith.extf %[[ABS]] : vector<8xf32> to vector<8xf64>
// CHECK:           %[[SUM:.+]] = arith.addf %[[ACC]], %[[WIDE]] : vector<8xf64>
// CHECK:           vector.transfer_write %[[SUM]], %[[P]]
// CHECK:         %[[REM:.+]] = scf.for {{.+}} iter_args(%{{.+}} = %[[MAIN]]) -> (tensor<8xf64>)
// CHECK:           linalg.generic
// CHECK:         %[[LANES:.+]] = vector.transfer_read %[[REM]]{{.+}} : tensor<8xf64>, vector<8xf64>
// CHECK:         vector.multi_reduction <add>, %[[LANES]], %{{.+}} [0] : vector<8xf64> to f64
// V128-LABEL:  func.func @full_sum
// V128:          arith.addf %{{.+}}, %{{.+}} : vector<4xf64>
// V128:          vector.multi_reduction <add>, %{{.+}}, %{{.+}} [0] : vector<4xf64> to f64
// V512-LABEL:  func.func @full_sum
// V512:          arith.addf %{{.+}}, %{{.+}} : vector<16xf64>
// V512:          vector.multi_reduction <add>, %{{.+}}, %{{.+}} [0] : vector<16xf64> to f64
func.func @full_sum(%x: tensor<?x?xf32>) -> tensor<f64> {
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<f64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<f64>) -> tensor<f64>
  %s = linalg.generic {indexing_maps = [#id2, #all], iterator_types = ["reduction", "reduction"]}
      ins(%x : tensor<?x?xf32>) outs(%init : tensor<f64>) {
  ^bb0(%in: f32, %acc: f64):
    %a = math.absf %in : f32
    %w = arith.extf %a : f32 to f64
    %r = arith.addf %acc, %w : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  return %s : tensor<f64>
}

// -----

#id1 = affine_map<(d0) -> (d0)>
#all = affine_map<(d0) -> ()>

// Full max reduction (dorefa's D): exact in any order, so vectorized too;
// the partial maxima start at -inf.
// CHECK-LABEL: func.func @full_max
// CHECK-DAG:     %[[NINF:.+]] = arith.constant 0xFFF0000000000000 : f64
// CHECK:         linalg.fill ins(%[[NINF]] : f64) outs(%{{.+}} : tensor<4xf64>)
// CHECK:         scf.for
// CHECK:           arith.maximumf %{{.+}}, %{{.+}} : vector<4xf64>
// CHECK:         vector.multi_reduction <maximumf>, %{{.+}}, %{{.+}} [0] : vector<4xf64> to f64
// V128-LABEL:  func.func @full_max
// V128:          vector.multi_reduction <maximumf>, %{{.+}}, %{{.+}} [0] : vector<2xf64> to f64
// V512-LABEL:  func.func @full_max
// V512:          vector.multi_reduction <maximumf>, %{{.+}}, %{{.+}} [0] : vector<8xf64> to f64
func.func @full_max(%x: tensor<?xf64>) -> tensor<f64> {
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<f64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<f64>) -> tensor<f64>
  %s = linalg.generic {indexing_maps = [#id1, #all], iterator_types = ["reduction"]}
      ins(%x : tensor<?xf64>) outs(%init : tensor<f64>) {
  ^bb0(%in: f64, %acc: f64):
    %a = math.absf %in : f64
    %r = arith.maximumf %acc, %a : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  return %s : tensor<f64>
}

// -----

#id1 = affine_map<(d0) -> (d0)>
#all = affine_map<(d0) -> ()>

// An f64 sum of f64 values is not split into partial sums: reassociating it
// would change its rounding (the constant folder sums sequentially). It
// stays one sequential linalg.generic.
// CHECK-LABEL: func.func @f64_sum
// CHECK-NOT:     vector
// CHECK-NOT:     scf.for
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["reduction"]
// CHECK:           arith.addf %{{.+}}, %{{.+}} : f64
// CHECK-NOT:     vector
// V128-LABEL:  func.func @f64_sum
// V128-NOT:      vector
// V512-LABEL:  func.func @f64_sum
// V512-NOT:      vector
func.func @f64_sum(%x: tensor<?xf64>) -> tensor<f64> {
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<f64>
  %init = linalg.fill ins(%zero : f64) outs(%e : tensor<f64>) -> tensor<f64>
  %s = linalg.generic {indexing_maps = [#id1, #all], iterator_types = ["reduction"]}
      ins(%x : tensor<?xf64>) outs(%init : tensor<f64>) {
  ^bb0(%in: f64, %acc: f64):
    %a = math.absf %in : f64
    %r = arith.addf %acc, %a : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  return %s : tensor<f64>
}
