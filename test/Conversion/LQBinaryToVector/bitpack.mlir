// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector > %t
// RUN: FileCheck %s < %t
// RUN: FileCheck %s --check-prefix=NOLINALG < %t

// The fast lq.bitpack lowering: per row, every output word is one
// vector<64 x float> read, compared with 0 (x < 0, so -0.0 and NaN give 0),
// and the vector<64xi1> bitcast to the i64 word. A word with fewer than 64
// channels (the tail of a group) is read under a lane mask and its masked
// lanes are forced to +0.0 so that its tail bits are 0. Other ranks are
// flattened to [rows, channels] and restored. Neither lq.bitpack nor the
// reference lowering's linalg.generic reduction remains anywhere:
// NOLINALG-NOT: {{linalg|lq.bitpack}}

// CHECK-LABEL: func.func @bitpack(
// CHECK-SAME:    %[[X:.*]]: tensor<3x100xf32>) -> tensor<3x2xi64>
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<3x2xi64>
// CHECK:         %[[R:.*]] = scf.for %[[ROW:[^ ]+]] = %{{.*}} to %c3{{(_[0-9]+)?}} step %{{.*}} iter_args(%[[OUT:.*]] = %[[INIT]]) -> (tensor<3x2xi64>) {
// CHECK:           %[[PAD:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[ZEROS:.*]] = arith.constant dense<0.000000e+00> : vector<64xf32>
// Word 0: channels 0..63, a plain read.
// CHECK:           %[[V0:.*]] = vector.transfer_read %[[X]][%[[ROW]], %c0{{(_[0-9]+)?}}], %[[PAD]] {in_bounds = [true]} : tensor<3x100xf32>, vector<64xf32>
// CHECK:           %[[NEG0:.*]] = arith.cmpf olt, %[[V0]], %[[ZEROS]] : vector<64xf32>
// CHECK:           %[[BITS0:.*]] = vector.bitcast %[[NEG0]] : vector<64xi1> to vector<1xi64>
// CHECK:           %[[WORD0:.*]] = vector.extract %[[BITS0]][0] : i64 from vector<1xi64>
// CHECK:           %[[T0:.*]] = tensor.insert %[[WORD0]] into %[[OUT]][%[[ROW]], %c0{{(_[0-9]+)?}}] : tensor<3x2xi64>
// Word 1: channels 64..99, 36 lanes.
// CHECK:           %[[MASK:.*]] = vector.create_mask %c36{{(_[0-9]+)?}} : vector<64xi1>
// CHECK:           %[[V1:.*]] = vector.transfer_read %[[X]][%[[ROW]], %c64{{(_[0-9]+)?}}], %[[PAD]], %[[MASK]] {in_bounds = [true]} : tensor<3x100xf32>, vector<64xf32>
// CHECK:           %[[S1:.*]] = arith.select %[[MASK]], %[[V1]], %[[ZEROS]] : vector<64xi1>, vector<64xf32>
// CHECK:           %[[NEG1:.*]] = arith.cmpf olt, %[[S1]], %[[ZEROS]] : vector<64xf32>
// CHECK:           %[[BITS1:.*]] = vector.bitcast %[[NEG1]] : vector<64xi1> to vector<1xi64>
// CHECK:           %[[WORD1:.*]] = vector.extract %[[BITS1]][0] : i64 from vector<1xi64>
// CHECK:           %[[T1:.*]] = tensor.insert %[[WORD1]] into %[[T0]][%[[ROW]], %c1{{(_[0-9]+)?}}] : tensor<3x2xi64>
// CHECK:           scf.yield %[[T1]] : tensor<3x2xi64>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<3x2xi64> to tensor<3x2xi64>
// CHECK:         return %[[CAST]]
func.func @bitpack(%x: tensor<3x100xf32>) -> tensor<3x2xi64> {
  %p = lq.bitpack %x : tensor<3x100xf32> -> tensor<3x2xi64>
  return %p : tensor<3x2xi64>
}

// -----

// Two groups of 50 f16 channels: one word each, read at channel 0 and 50
// with a 50-lane mask.
// CHECK-LABEL: func.func @bitpack_groups(
// CHECK-SAME:    %[[X:.*]]: tensor<2x100xf16>)
// CHECK:         scf.for %[[ROW:[^ ]+]] =
// CHECK:           %[[M0:.*]] = vector.create_mask %c50{{(_[0-9]+)?}} : vector<64xi1>
// CHECK:           vector.transfer_read %[[X]][%[[ROW]], %c0{{(_[0-9]+)?}}], %{{.*}}, %[[M0]] {in_bounds = [true]} : tensor<2x100xf16>, vector<64xf16>
// CHECK:           arith.cmpf olt, %{{.*}} : vector<64xf16>
// CHECK:           tensor.insert %{{.*}}[%[[ROW]], %c0{{(_[0-9]+)?}}] : tensor<2x2xi64>
// CHECK:           %[[M1:.*]] = vector.create_mask %c50{{(_[0-9]+)?}} : vector<64xi1>
// CHECK:           vector.transfer_read %[[X]][%[[ROW]], %c50{{(_[0-9]+)?}}], %{{.*}}, %[[M1]] {in_bounds = [true]} : tensor<2x100xf16>, vector<64xf16>
// CHECK:           tensor.insert %{{.*}}[%[[ROW]], %c1{{(_[0-9]+)?}}] : tensor<2x2xi64>
// CHECK-NEXT:      scf.yield
func.func @bitpack_groups(%x: tensor<2x100xf16>) -> tensor<2x2xi64> {
  %p = lq.bitpack %x {groups = 2} : tensor<2x100xf16> -> tensor<2x2xi64>
  return %p : tensor<2x2xi64>
}

// -----

// Rank 3 with a dynamic leading dimension: collapsed to [?, 128] (a dynamic
// row loop), two unmasked words per row, expanded back.
// CHECK-LABEL: func.func @bitpack_rank3(
// CHECK-SAME:    %[[X:.*]]: tensor<?x3x128xbf16>)
// CHECK:         %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<?x3x128xbf16> into tensor<?x128xbf16>
// CHECK:         %[[ROWS:.*]] = tensor.dim %[[FLAT]], %{{.*}} : tensor<?x128xbf16>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[ROWS]]) : tensor<?x2xi64>
// CHECK:         %[[R:.*]] = scf.for %{{[^ ]+}} = %{{.*}} to %[[ROWS]] step %{{.*}} iter_args(%{{.*}} = %[[INIT]]) -> (tensor<?x2xi64>) {
// CHECK-NOT:       vector.create_mask
// CHECK:           vector.transfer_read %[[FLAT]]{{.*}} : tensor<?x128xbf16>, vector<64xbf16>
// CHECK:           vector.bitcast %{{.*}} : vector<64xi1> to vector<1xi64>
// CHECK-NOT:       vector.create_mask
// CHECK:           vector.transfer_read %[[FLAT]][%{{.*}}, %c64{{(_[0-9]+)?}}]{{.*}} : tensor<?x128xbf16>, vector<64xbf16>
// CHECK:           scf.yield
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x128xbf16>
// CHECK:         %[[E:.*]] = tensor.expand_shape %[[R]] {{\[}}[0, 1], [2]] output_shape [%[[N]], 3, 2] : tensor<?x2xi64> into tensor<?x3x2xi64>
// CHECK:         tensor.cast %[[E]] : tensor<?x3x2xi64> to tensor<?x3x2xi64>
func.func @bitpack_rank3(%x: tensor<?x3x128xbf16>) -> tensor<?x3x2xi64> {
  %p = lq.bitpack %x : tensor<?x3x128xbf16> -> tensor<?x3x2xi64>
  return %p : tensor<?x3x2xi64>
}

// -----

// Rank 1: one row.
// CHECK-LABEL: func.func @bitpack_rank1(
// CHECK-SAME:    %[[X:.*]]: tensor<64xf32>)
// CHECK:         %[[ROW:.*]] = tensor.expand_shape %[[X]] {{\[}}[0, 1]] output_shape [1, 64] : tensor<64xf32> into tensor<1x64xf32>
// CHECK:         %[[R:.*]] = scf.for
// CHECK:           vector.transfer_read %[[ROW]]
// CHECK:         %[[W:.*]] = tensor.collapse_shape %[[R]] {{\[}}[0, 1]] : tensor<1x1xi64> into tensor<1xi64>
// CHECK:         tensor.cast %[[W]]
func.func @bitpack_rank1(%x: tensor<64xf32>) -> tensor<1xi64> {
  %p = lq.bitpack %x : tensor<64xf32> -> tensor<1xi64>
  return %p : tensor<1xi64>
}
