// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i64 tile-rows=2 tile-vectors=1" > %t
// RUN: FileCheck %s < %t
// RUN: FileCheck %s --check-prefix=NOCOPY < %t
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i8 tile-rows=2 tile-vectors=1" | FileCheck %s --check-prefix=BYTE
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i64 tile-rows=2 tile-vectors=1 threads=1" | FileCheck %s --check-prefix=THREADS

// lq.bconv2d as an implicit GEMM: the packed input is only spatially padded
// with +1 (all-zero) words and read word by word at
// [n, oh*sh + kh*dh, ow*sw + kw*dw, group word base + word] inside a
// (kh, kw, word) loop nest; there is no im2col buffer. A row of the register
// tile is an output pixel (2 per tile here, 4-lane vectors of 4 channels).
// Exact zero padding (pad_value = 0) subtracts a per-position correction
// read from a compile-time table. Every configuration is given explicitly:
// the defaults depend on the host CPU.

// +1 padding (pad_value = 1) with a run-time filter and a dynamic batch:
// output rows (n, oh) are the units of work; 5 pixels per row are 2 full
// tiles and a partial one (1 pixel) whose second row is masked off.
// CHECK-LABEL: func.func @one_padding(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<?x5x5x1xi64>, %[[F:[^:]+]]: tensor<8x3x3x1xi64>)
// CHECK:         %[[PANEL:.*]] = linalg.transpose {{.*}} outs(%{{.*}} : tensor<1x2x9x4xi64>) permutation = [0, 1, 3, 2]
// CHECK:         %[[ONES:.*]] = arith.constant 0 : i64
// CHECK:         %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0] {
// CHECK:           tensor.yield %[[ONES]] : i64
// CHECK:         } : tensor<?x5x5x1xi64> to tensor<?x7x7x1xi64>
// CHECK-NOT:     {{tensor<[0-9x]+x(i32|index)>}}
// CHECK:         %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x5x5x1xi64>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x5x5x8xi32>
// CHECK:         %[[UNITS:.*]] = arith.muli %[[N]], %c5{{(_[0-9]+)?}} : index
// CHECK:         scf.for %[[U:[^ ]+]] = %{{.*}} to %[[UNITS]] step %{{.*}} iter_args(%{{.*}} = %[[INIT]]) -> (tensor<?x5x5x8xi32>) {
// CHECK:           %[[NN:.*]] = arith.divui %[[U]], %{{.*}} : index
// CHECK:           %[[OH:.*]] = arith.remui %[[U]], %{{.*}} : index
// CHECK:           %[[IH0:.*]] = arith.muli %[[OH]], %c1{{(_[0-9]+)?}} : index
// CHECK:           scf.for %[[G:[^ ]+]] = %{{.*}} to %c1{{(_[0-9]+)?}} step
// CHECK:             %[[WB:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK:             scf.for %[[PB:[^ ]+]] = %{{.*}} to %c2{{(_[0-9]+)?}} step
// CHECK:               %[[OW0:.*]] = arith.muli %[[PB]], %{{.*}} : index
// CHECK:               %[[OWA:.*]] = arith.addi %[[OW0]], %{{.*}} : index
// CHECK:               %[[IWA:.*]] = arith.muli %[[OWA]], %{{.*}} : index
// CHECK:               %[[OWB:.*]] = arith.addi %[[OW0]], %{{.*}} : index
// CHECK:               %[[IWB:.*]] = arith.muli %[[OWB]], %{{.*}} : index
// CHECK:               scf.for %[[BLK:[^ ]+]] = %{{.*}} to %c2{{(_[0-9]+)?}} step
// CHECK:                 %[[ACC:.*]]:2 = scf.for %[[KH:[^ ]+]] = %{{.*}} to %c3{{(_[0-9]+)?}} step %{{.*}} iter_args(%{{.*}}) -> (vector<4xi64>, vector<4xi64>) {
// CHECK:                   scf.for %[[KW:[^ ]+]] = %{{.*}} to %c3{{(_[0-9]+)?}} step %{{.*}} iter_args(%{{.*}}) -> (vector<4xi64>, vector<4xi64>) {
// CHECK:                     scf.for %[[WORD:[^ ]+]] = %{{.*}} to %c1{{(_[0-9]+)?}} step %{{.*}} iter_args(%[[A0:[^ ]+]] = %{{[^ ]+}}, %[[A1:[^ ]+]] = %{{[^ ]+}}) -> (vector<4xi64>, vector<4xi64>) {
// CHECK:                       %[[W:.*]] = vector.transfer_read %[[PANEL]][%[[G]], %[[BLK]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x2x9x4xi64>, vector<4xi64>
// CHECK:                       %[[DH:.*]] = arith.muli %[[KH]], %{{.*}} : index
// CHECK:                       %[[IH:.*]] = arith.addi %[[IH0]], %[[DH]] : index
// CHECK:                       %[[DW:.*]] = arith.muli %[[KW]], %{{.*}} : index
// CHECK:                       %[[IW:.*]] = arith.addi %[[IWA]], %[[DW]] : index
// CHECK:                       %[[C:.*]] = arith.addi %[[WB]], %[[WORD]] : index
// CHECK:                       %[[XA:.*]] = tensor.extract %[[PADDED]][%[[NN]], %[[IH]], %[[IW]], %[[C]]] : tensor<?x7x7x1xi64>
// CHECK:                       %[[BA:.*]] = vector.broadcast %[[XA]] : i64 to vector<4xi64>
// CHECK:                       %[[XOR:.*]] = arith.xori %[[BA]], %[[W]] : vector<4xi64>
// CHECK:                       %[[POP:.*]] = math.ctpop %[[XOR]] : vector<4xi64>
// CHECK:                       %[[SA:.*]] = arith.addi %[[A0]], %[[POP]] : vector<4xi64>
// CHECK:                       arith.addi %[[IWB]], %{{.*}} : index
// CHECK:                       tensor.extract %[[PADDED]]
// CHECK:                       %[[SB:.*]] = arith.addi %[[A1]], %{{.*}} : vector<4xi64>
// CHECK:                       scf.yield %[[SA]], %[[SB]] : vector<4xi64>, vector<4xi64>
// K = 3 * 3 * 40 = 360; no correction with +1 padding.
// CHECK:                 %[[TWICE:.*]] = arith.addi %[[ACC]]#0, %[[ACC]]#0 : vector<4xi64>
// CHECK:                 %[[K:.*]] = arith.constant dense<360> : vector<4xi64>
// CHECK:                 %[[DOT:.*]] = arith.subi %[[K]], %[[TWICE]] : vector<4xi64>
// CHECK:                 %[[DOT32:.*]] = arith.trunci %[[DOT]] : vector<4xi64> to vector<4xi32>
// CHECK-NEXT:            vector.transfer_write %[[DOT32]], %{{.*}}[%[[NN]], %[[OH]], %[[OWA]], %{{.*}}] {in_bounds = [true]} : vector<4xi32>, tensor<?x5x5x8xi32>
// The partial pixel block: pixel 4 and a clamped, masked-off pixel 5.
// CHECK:             %[[TAIL0:.*]] = arith.muli %c2{{(_[0-9]+)?}}, %{{.*}} : index
// CHECK:             %[[TA:.*]] = arith.addi %[[TAIL0]], %{{.*}} : index
// CHECK:             arith.minui %[[TA]], %c4{{(_[0-9]+)?}} : index
// CHECK:             %[[TB:.*]] = arith.addi %[[TAIL0]], %{{.*}} : index
// CHECK:             arith.minui %[[TB]], %c4{{(_[0-9]+)?}} : index
// CHECK:             scf.for
// CHECK:               %[[EXISTS:.*]] = arith.cmpi ult, %{{.*}}, %c1{{(_[0-9]+)?}} : index
// CHECK:               %[[MASK:.*]] = vector.broadcast %[[EXISTS]] : i1 to vector<4xi1>
// CHECK:               vector.transfer_write %{{.*}}, %{{.*}}[%[[NN]], %[[OH]], %[[TA]], %{{.*}}], %[[MASK]] {in_bounds = [true]}
// CHECK:               vector.transfer_write %{{.*}}, %{{.*}}[%[[NN]], %[[OH]], %[[TB]], %{{.*}}], %{{.*}} {in_bounds = [true]}
// CHECK:         return

// No im2col: nothing copies or reshapes the input beyond the spatial pad.
// NOCOPY-LABEL: func.func @one_padding(
// NOCOPY-NOT:     {{linalg.generic|linalg.copy|tensor.insert_slice|tensor.extract_slice|tensor.collapse_shape %arg0|tensor.expand_shape %arg0}}
// NOCOPY:         return

// The row (n, oh) loop becomes an scf.forall writing a [1, 1, 5, 8] slice.
// THREADS-LABEL: func.func @one_padding(
// THREADS:         %[[UNITS:.*]] = arith.muli %{{.*}}, %c5{{(_[0-9]+)?}} : index
// THREADS:         scf.forall (%[[U:[^ )]+]]) in (%[[UNITS]]) shared_outs(%[[OUT:.*]] = %{{.*}}) -> (tensor<?x5x5x8xi32>) {
// THREADS:           %[[N:.*]] = arith.divui %[[U]], %{{.*}} : index
// THREADS:           %[[OH:.*]] = arith.remui %[[U]], %{{.*}} : index
// THREADS:           %[[SLICE:.*]] = tensor.extract_slice %[[OUT]][%[[N]], %[[OH]], 0, 0] [1, 1, 5, 8] [1, 1, 1, 1] : tensor<?x5x5x8xi32> to tensor<1x1x5x8xi32>
// THREADS:           vector.transfer_write {{.*}} : vector<4xi32>, tensor<1x1x5x8xi32>
// THREADS:           scf.forall.in_parallel {
// THREADS-NEXT:        tensor.parallel_insert_slice %{{.*}} into %[[OUT]][%[[N]], %[[OH]], 0, 0] [1, 1, 5, 8] [1, 1, 1, 1] : tensor<1x1x5x8xi32> into tensor<?x5x5x8xi32>
func.func @one_padding(%x: tensor<?x5x5x1xi64>, %f: tensor<8x3x3x1xi64>) -> tensor<?x5x5x8xi32> {
  %y = lq.bconv2d %x, %f {channels_in = 40, padding = array<i64: 1, 1, 1, 1>, pad_value = 1} : tensor<?x5x5x1xi64>, tensor<8x3x3x1xi64> -> tensor<?x5x5x8xi32>
  return %y : tensor<?x5x5x8xi32>
}

// -----

// Exact zero padding with a constant filter (every tap of output channel o
// is the word o, i.e. popcount 0, 1, 1, 2). The panel is laid out at compile
// time. Rows and columns fall into 3 classes each (first, inner, last), and
// table[row class][column class][o] holds what the padded taps add as +1
// words: (40 - 2 * popcount) per padded tap, 5 padded taps in a corner, 3 on
// an edge, none inside.
// CHECK-LABEL: func.func @zero_padding(
// CHECK-SAME:    %[[X:.*]]: tensor<1x5x5x1xi64>)
// CHECK-NOT:     linalg.transpose
// CHECK:         %[[PANEL:.*]] = arith.constant dense<{{\[\[\[\[}}0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]]]]> : tensor<1x1x9x4xi64>
// CHECK:         %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:         %[[ROWCLASS:.*]] = arith.constant dense<[0, 1, 1, 1, 2]> : tensor<5xindex>
// CHECK:         %[[COLCLASS:.*]] = arith.constant dense<[0, 1, 1, 1, 2]> : tensor<5xindex>
// CHECK:         %[[TABLE:.*]] = arith.constant dense<{{\[\[\[}}200, 190, 190, 180], [120, 114, 114, 108], [200, 190, 190, 180]], {{\[\[}}120, 114, 114, 108], [0, 0, 0, 0], [120, 114, 114, 108]], {{\[\[}}200, 190, 190, 180], [120, 114, 114, 108], [200, 190, 190, 180]]]> : tensor<3x3x4xi32>
// CHECK:         scf.for %[[U:[^ ]+]] =
// CHECK:           %[[OH:.*]] = arith.remui %[[U]], %{{.*}} : index
// CHECK:           %[[RC:.*]] = tensor.extract %[[ROWCLASS]][%[[OH]]] : tensor<5xindex>
// CHECK:               %[[OW:.*]] = arith.addi %{{.*}} : index
// CHECK:               %[[CCA:.*]] = tensor.extract %[[COLCLASS]][%[[OW]]] : tensor<5xindex>
// CHECK:               %[[CCB:.*]] = tensor.extract %[[COLCLASS]][%{{.*}}] : tensor<5xindex>
// CHECK:                 %[[ACC:.*]]:2 = scf.for
// CHECK:                   vector.transfer_read %[[PANEL]]
// CHECK:                   tensor.extract %[[PADDED]]
// CHECK:                 arith.addi %[[ACC]]#0, %[[ACC]]#0 : vector<4xi64>
// CHECK:                 %[[DOT:.*]] = arith.trunci %{{.*}} : vector<4xi64> to vector<4xi32>
// CHECK:                 %[[CORR:.*]] = vector.transfer_read %[[TABLE]][%[[RC]], %[[CCA]], %{{.*}}], %{{.*}} : tensor<3x3x4xi32>, vector<4xi32>
// CHECK:                 %[[EXACT:.*]] = arith.subi %[[DOT]], %[[CORR]] : vector<4xi32>
// CHECK:                 vector.transfer_write %[[EXACT]]
// CHECK:                 vector.transfer_read %[[TABLE]][%[[RC]], %[[CCB]], %{{.*}}]
// CHECK:         return

// NOCOPY-LABEL: func.func @zero_padding(
// NOCOPY-NOT:     {{linalg|tensor.insert_slice|tensor.extract_slice|tensor.collapse_shape|tensor.expand_shape}}
// NOCOPY:         return

// Byte popcounts: the 3 x 3 x 1 = 9 steps of the nest fit in a byte (at most
// 31 steps), so byte accumulators run through the whole nest and are widened
// once after it.
// BYTE-LABEL: func.func @zero_padding(
// BYTE:         %[[ZERO:.*]] = arith.constant dense<0> : vector<4xi64>
// BYTE:         %[[ZB:.*]] = arith.constant dense<0> : vector<32xi8>
// BYTE:         %[[NEST:.*]]:2 = scf.for %{{.*}} iter_args(%{{.*}} = %[[ZB]], %{{.*}} = %[[ZB]]) -> (vector<32xi8>, vector<32xi8>) {
// BYTE:           scf.for {{.*}} -> (vector<32xi8>, vector<32xi8>) {
// BYTE:             scf.for {{.*}} -> (vector<32xi8>, vector<32xi8>) {
// BYTE-NOT:           lq.lane_byte_sum
// BYTE:               math.ctpop %{{.*}} : vector<32xi8>
// BYTE-NOT:         lq.lane_byte_sum
// BYTE:         %[[SUM:.*]] = lq.lane_byte_sum %[[NEST]]#0 : vector<32xi8> -> vector<4xi64>
// BYTE:         %[[TOTAL:.*]] = arith.addi %[[ZERO]], %[[SUM]] : vector<4xi64>
// BYTE:         arith.addi %[[TOTAL]], %[[TOTAL]] : vector<4xi64>
func.func @zero_padding(%x: tensor<1x5x5x1xi64>) -> tensor<1x5x5x4xi32> {
  %f = arith.constant dense<[[[[0], [0], [0]], [[0], [0], [0]], [[0], [0], [0]]],
                             [[[1], [1], [1]], [[1], [1], [1]], [[1], [1], [1]]],
                             [[[2], [2], [2]], [[2], [2], [2]], [[2], [2], [2]]],
                             [[[3], [3], [3]], [[3], [3], [3]], [[3], [3], [3]]]]> : tensor<4x3x3x1xi64>
  %y = lq.bconv2d %x, %f {channels_in = 40, padding = array<i64: 1, 1, 1, 1>} : tensor<1x5x5x1xi64>, tensor<4x3x3x1xi64> -> tensor<1x5x5x4xi32>
  return %y : tensor<1x5x5x4xi32>
}

// -----

// Two groups of 40 input channels (one word each) and 3 output channels,
// strides 2, float output. Panels are per group ([2, 1, 9, 4]: 3 channels
// padded to a 4-channel tile); the group loop offsets the input word by g
// and the output channel by 3 g, and lanes past the group's 3 channels are
// masked so that group 0 does not overwrite group 1.
// CHECK-LABEL: func.func @groups_strides(
// CHECK-SAME:    %[[X:[^:]+]]: tensor<1x7x7x2xi64>, %[[F:[^:]+]]: tensor<6x3x3x1xi64>)
// CHECK:         tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [2, 3, 9] : tensor<6x9xi64> into tensor<2x3x9xi64>
// CHECK:         tensor.pad %{{.*}} low[0, 0, 0] high[0, 1, 0]
// CHECK:         %[[PANEL:.*]] = linalg.transpose {{.*}} outs(%{{.*}} : tensor<2x1x9x4xi64>)
// CHECK-NOT:     tensor.pad %[[X]]
// CHECK:         scf.for %[[U:[^ ]+]] =
// CHECK:           %[[OH:.*]] = arith.remui %[[U]], %{{.*}} : index
// CHECK:           %[[IH0:.*]] = arith.muli %[[OH]], %c2{{(_[0-9]+)?}} : index
// CHECK:           scf.for %[[G:[^ ]+]] = %{{.*}} to %c2{{(_[0-9]+)?}} step
// CHECK:             %[[WB:.*]] = arith.muli %[[G]], %c1{{(_[0-9]+)?}} : index
// CHECK:             %[[CB:.*]] = arith.muli %[[G]], %c3{{(_[0-9]+)?}} : index
// CHECK:               %[[OW:.*]] = arith.addi %{{.*}} : index
// CHECK:               %[[IW0:.*]] = arith.muli %[[OW]], %c2{{(_[0-9]+)?}} : index
// CHECK:               %[[LIMIT:.*]] = arith.addi %[[CB]], %c3{{(_[0-9]+)?}} : index
// CHECK:               scf.for %[[BLK:[^ ]+]] =
// CHECK:                 %[[CH:.*]] = arith.addi %[[CB]], %{{.*}} : index
// CHECK:                 %[[ACC:.*]]:2 = scf.for %[[KH:[^ ]+]] =
// CHECK:                   scf.for %[[KW:[^ ]+]] =
// CHECK:                     scf.for %[[WORD:[^ ]+]] =
// CHECK:                       vector.transfer_read %[[PANEL]][%[[G]], %[[BLK]], %{{.*}}, %{{.*}}]
// CHECK:                       %[[IH:.*]] = arith.addi %[[IH0]], %{{.*}} : index
// CHECK:                       %[[IW:.*]] = arith.addi %[[IW0]], %{{.*}} : index
// CHECK:                       %[[C:.*]] = arith.addi %[[WB]], %[[WORD]] : index
// CHECK:                       tensor.extract %[[X]][%{{.*}}, %[[IH]], %[[IW]], %[[C]]] : tensor<1x7x7x2xi64>
// CHECK:                 %[[Y:.*]] = arith.sitofp %{{.*}} : vector<4xi32> to vector<4xf32>
// CHECK:                 %[[LEFT:.*]] = arith.subi %[[LIMIT]], %{{.*}} : index
// CHECK:                 %[[LANES:.*]] = vector.create_mask %[[LEFT]] : vector<4xi1>
// CHECK:                 vector.transfer_write %[[Y]], %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}], %[[LANES]] {in_bounds = [true]} : vector<4xf32>, tensor<?x3x3x6xf32>
// CHECK:         return
func.func @groups_strides(%x: tensor<1x7x7x2xi64>, %f: tensor<6x3x3x1xi64>) -> tensor<1x3x3x6xf32> {
  %y = lq.bconv2d %x, %f {channels_in = 80, groups = 2, strides = array<i64: 2, 2>} : tensor<1x7x7x2xi64>, tensor<6x3x3x1xi64> -> tensor<1x3x3x6xf32>
  return %y : tensor<1x3x3x6xf32>
}
