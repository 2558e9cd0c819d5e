// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i64 tile-rows=2 tile-vectors=2" > %t
// RUN: FileCheck %s < %t
// RUN: FileCheck %s --check-prefix=RAW < %t
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=128 popcount=i64 tile-rows=3 tile-vectors=1" | FileCheck %s --check-prefix=R3V1
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i8 tile-rows=2 tile-vectors=1" | FileCheck %s --check-prefix=BYTE
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i8 tile-rows=2 tile-vectors=1 flush-interval=8" | FileCheck %s --check-prefix=FLUSH8
// RUN: lq-opt %s -split-input-file -convert-lq-binary-to-vector="vector-bits=256 popcount=i64 tile-rows=2 tile-vectors=2 threads=1" | FileCheck %s --check-prefix=THREADS

// lq.bmatmul through the register-blocked microkernel: a K loop carrying
// tile-rows x tile-vectors accumulators (vector<L x i64>, L = vector-bits/64),
// one broadcast activation word per row, xor + math.ctpop + add per
// (row, vector), weights read from a [1, blocks, K, tile-channels] panel;
// then the fused epilogue (dot = k - 2 * popcount), full row blocks first and
// the partial last block with row-masked writes. Every configuration is
// given explicitly: the defaults depend on the host CPU.

// Float output, run-time weights (panels built with linalg.transpose), M = 5:
// two full blocks of 2 rows and one partial block.
// CHECK-LABEL: func.func @float_epilogue(
// CHECK-SAME:    %[[A:[^:]+]]: tensor<5x2xi64>, %[[W:[^:]+]]: tensor<16x2xi64>, %[[MUL:[^:]+]]: tensor<16xf32>, %[[BIAS:[^:]+]]: tensor<16xf32>)
// CHECK-NOT:     tensor.pad
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2]] output_shape [1, 16, 2]
// CHECK:         %[[BLK:.*]] = tensor.expand_shape %[[G]] {{\[}}[0], [1, 2], [3]] output_shape [1, 2, 8, 2]
// CHECK:         %[[PANEL:.*]] = linalg.transpose ins(%[[BLK]] : tensor<1x2x8x2xi64>) outs(%{{.*}} : tensor<1x2x2x8xi64>) permutation = [0, 1, 3, 2]
// CHECK:         %[[M:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<5x2xi64>
// CHECK:         %[[ALL:.*]] = arith.ceildivui %[[M]], %c2{{(_[0-9]+)?}} : index
// CHECK:         %[[FULL:.*]] = arith.divui %[[M]], %{{.*}} : index
// CHECK-NOT:     scf.forall
// CHECK:         %[[RES:.*]] = scf.for %[[MB:[^ ]+]] = %{{.*}} to %[[FULL]] step %{{.*}} iter_args(%{{.*}}) -> (tensor<?x16xf32>) {
// CHECK:           %[[ROW0:.*]] = arith.muli %[[MB]], %{{.*}} : index
// CHECK:           %[[R0:.*]] = arith.addi %[[ROW0]], %{{.*}} : index
// CHECK:           %[[R1:.*]] = arith.addi %[[ROW0]], %{{.*}} : index
// CHECK:           scf.for %[[B:[^ ]+]] = %{{.*}} to %c2{{(_[0-9]+)?}} step %{{.*}} iter_args(%[[OUT:[^ ]+]] = %{{.*}}) -> (tensor<?x16xf32>) {
// CHECK:             %[[CH:.*]] = arith.muli %[[B]], %{{.*}} : index
// CHECK:             %[[Z:.*]] = arith.constant dense<0> : vector<4xi64>
// CHECK:             %[[ACC:.*]]:4 = scf.for %[[K:[^ ]+]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[A00:[^ ]+]] = %[[Z]], %[[A01:[^ ]+]] = %[[Z]], %[[A10:[^ ]+]] = %[[Z]], %[[A11:[^ ]+]] = %[[Z]]) -> (vector<4xi64>, vector<4xi64>, vector<4xi64>, vector<4xi64>) {
// CHECK:               %[[W0:.*]] = vector.transfer_read %[[PANEL]][%{{.*}}, %[[B]], %[[K]], %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x2x2x8xi64>, vector<4xi64>
// CHECK:               %[[W1:.*]] = vector.transfer_read %[[PANEL]][%{{.*}}, %[[B]], %[[K]], %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x2x2x8xi64>, vector<4xi64>
// CHECK:               %[[X0:.*]] = tensor.extract %[[A]][%[[R0]], %[[K]]] : tensor<5x2xi64>
// CHECK:               %[[B0:[^ ]+]] = vector.broadcast %[[X0]] : i64 to vector<4xi64>
// CHECK:               %[[XOR00:.*]] = arith.xori %[[B0]], %[[W0]] : vector<4xi64>
// CHECK:               %[[POP00:.*]] = math.ctpop %[[XOR00]] : vector<4xi64>
// CHECK:               %[[S00:.*]] = arith.addi %[[A00]], %[[POP00]] : vector<4xi64>
// CHECK:               %[[XOR01:.*]] = arith.xori %[[B0]], %[[W1]] : vector<4xi64>
// CHECK:               %[[POP01:.*]] = math.ctpop %[[XOR01]] : vector<4xi64>
// CHECK:               %[[S01:.*]] = arith.addi %[[A01]], %[[POP01]] : vector<4xi64>
// CHECK:               %[[X1:.*]] = tensor.extract %[[A]][%[[R1]], %[[K]]] : tensor<5x2xi64>
// CHECK:               %[[B1:[^ ]+]] = vector.broadcast %[[X1]] : i64 to vector<4xi64>
// CHECK:               %[[XOR10:.*]] = arith.xori %[[B1]], %[[W0]] : vector<4xi64>
// CHECK:               %[[POP10:.*]] = math.ctpop %[[XOR10]] : vector<4xi64>
// CHECK:               %[[S10:.*]] = arith.addi %[[A10]], %[[POP10]] : vector<4xi64>
// CHECK:               %[[XOR11:.*]] = arith.xori %[[B1]], %[[W1]] : vector<4xi64>
// CHECK:               %[[POP11:.*]] = math.ctpop %[[XOR11]] : vector<4xi64>
// CHECK:               %[[S11:.*]] = arith.addi %[[A11]], %[[POP11]] : vector<4xi64>
// CHECK:               scf.yield %[[S00]], %[[S01]], %[[S10]], %[[S11]] : vector<4xi64>, vector<4xi64>, vector<4xi64>, vector<4xi64>
// CHECK-NEXT:        }
// Epilogue of (row 0, vector 0): dot = 100 - 2 * count, dot clamp, multiplier,
// bias, output clamp, one unmasked write (16 channels fill whole tiles).
// CHECK:             %[[C00:.*]] = arith.addi %[[CH]], %{{.*}} : index
// CHECK:             %[[TWICE:.*]] = arith.addi %[[ACC]]#0, %[[ACC]]#0 : vector<4xi64>
// CHECK:             %[[K100:.*]] = arith.constant dense<100> : vector<4xi64>
// CHECK:             %[[DOT:.*]] = arith.subi %[[K100]], %[[TWICE]] : vector<4xi64>
// CHECK:             %[[DOT32:.*]] = arith.trunci %[[DOT]] : vector<4xi64> to vector<4xi32>
// CHECK:             %[[Y:.*]] = arith.sitofp %[[DOT32]] : vector<4xi32> to vector<4xf32>
// CHECK:             %[[DMAX:.*]] = arith.constant dense<6.000000e+01> : vector<4xf32>
// CHECK:             %[[Y1:.*]] = arith.minimumf %[[Y]], %[[DMAX]] : vector<4xf32>
// CHECK:             %[[MV:.*]] = vector.transfer_read %[[MUL]][%[[C00]]], %{{.*}} : tensor<16xf32>, vector<4xf32>
// CHECK:             %[[Y2:.*]] = arith.mulf %[[Y1]], %[[MV]] : vector<4xf32>
// CHECK:             %[[BV:.*]] = vector.transfer_read %[[BIAS]][%[[C00]]], %{{.*}} : tensor<16xf32>, vector<4xf32>
// CHECK:             %[[Y3:.*]] = arith.addf %[[Y2]], %[[BV]] : vector<4xf32>
// CHECK:             %[[OMIN:.*]] = arith.constant dense<-2.000000e+01> : vector<4xf32>
// CHECK:             %[[Y4:.*]] = arith.maximumf %[[Y3]], %[[OMIN]] : vector<4xf32>
// CHECK:             %[[T0:[^ ]+]] = vector.transfer_write %[[Y4]], %[[OUT]][%[[R0]], %[[C00]]] {in_bounds = [true]} : vector<4xf32>, tensor<?x16xf32>
// CHECK:             arith.addi %[[ACC]]#1, %[[ACC]]#1
// CHECK:             vector.transfer_write %{{.*}}, %[[T0]][%[[R0]], %{{.*}}] {in_bounds = [true]}
// CHECK:             arith.addi %[[ACC]]#2, %[[ACC]]#2
// CHECK:             vector.transfer_write %{{.*}}[%[[R1]], %{{.*}}] {in_bounds = [true]}
// CHECK:             arith.addi %[[ACC]]#3, %[[ACC]]#3
// CHECK:             vector.transfer_write %{{.*}}[%[[R1]], %{{.*}}] {in_bounds = [true]}
// CHECK-NEXT:        scf.yield
// The partial block: rows clamped for reading, writes masked by row.
// CHECK:         %[[TAIL:.*]] = scf.for %[[PB:[^ ]+]] = %[[FULL]] to %[[ALL]] step %{{.*}} iter_args(%{{.*}} = %[[RES]]) -> (tensor<?x16xf32>) {
// CHECK:           %[[P0:.*]] = arith.muli %[[PB]], %{{.*}} : index
// CHECK:           %[[LEFT:.*]] = arith.subi %[[M]], %[[P0]] : index
// CHECK:           %[[PR0:.*]] = arith.addi %[[P0]], %{{.*}} : index
// CHECK:           %[[CR0:.*]] = arith.minui %[[PR0]], %{{.*}} : index
// CHECK:           tensor.extract %[[A]][%[[CR0]], %{{.*}}] : tensor<5x2xi64>
// CHECK:           %[[EXISTS:.*]] = arith.cmpi ult, %{{.*}}, %[[LEFT]] : index
// CHECK:           %[[ROWMASK:.*]] = vector.broadcast %[[EXISTS]] : i1 to vector<4xi1>
// CHECK:           vector.transfer_write %{{.*}}[%[[PR0]], %{{.*}}], %[[ROWMASK]] {in_bounds = [true]} : vector<4xf32>, tensor<?x16xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[TAIL]] : tensor<?x16xf32> to tensor<5x16xf32>
// CHECK:         return %[[CAST]]

// 3 x 1 tiles of 2 lanes: 3 accumulators, 8 panels of 2 channels, blocks of
// 3 rows.
// R3V1-LABEL: func.func @float_epilogue(
// R3V1:         linalg.transpose ins(%{{.*}} : tensor<1x8x2x2xi64>) outs(%{{.*}} : tensor<1x8x2x2xi64>)
// R3V1:         %[[THREE:.*]] = arith.constant 3 : index
// R3V1:         arith.ceildivui %{{.*}}, %[[THREE]] : index
// R3V1:         scf.for
// R3V1:           scf.for
// R3V1:             %[[ACC:.*]]:3 = scf.for %{{.*}} iter_args(%{{[^)]*}}) -> (vector<2xi64>, vector<2xi64>, vector<2xi64>) {
// R3V1-COUNT-3:       math.ctpop %{{.*}} : vector<2xi64>
// R3V1-NOT:           math.ctpop
// R3V1:               scf.yield
// R3V1:             arith.addi %[[ACC]]#0, %[[ACC]]#0 : vector<2xi64>
// R3V1:             vector.transfer_write %{{.*}} : vector<2xf32>, tensor<?x16xf32>

// The whole-block loop becomes an scf.forall over full blocks, each writing
// its 2 x 16 slice at local rows 0 and 1; the partial block stays sequential.
// THREADS-LABEL: func.func @float_epilogue(
// THREADS:         %[[INIT:.*]] = tensor.empty(%{{.*}}) : tensor<?x16xf32>
// THREADS:         %[[FULL:.*]] = arith.divui
// THREADS:         %[[PAR:.*]] = scf.forall (%[[MB:[^ )]+]]) in (%[[FULL]]) shared_outs(%[[SHARED:.*]] = %[[INIT]]) -> (tensor<?x16xf32>) {
// THREADS:           %[[OFF:.*]] = arith.muli %[[MB]], %{{.*}} : index
// THREADS:           %[[SLICE:.*]] = tensor.extract_slice %[[SHARED]][%[[OFF]], 0] [2, 16] [1, 1] : tensor<?x16xf32> to tensor<2x16xf32>
// THREADS:           %[[DONE:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[SLICE]]) -> (tensor<2x16xf32>) {
// THREADS:             %{{.*}}:4 = scf.for
// THREADS:             vector.transfer_write %{{.*}}[%c0{{(_[0-9]+)?}}, %{{.*}}] {in_bounds = [true]} : vector<4xf32>, tensor<2x16xf32>
// THREADS:             vector.transfer_write %{{.*}}[%c1{{(_[0-9]+)?}}, %{{.*}}] {in_bounds = [true]} : vector<4xf32>, tensor<2x16xf32>
// THREADS:           scf.forall.in_parallel {
// THREADS-NEXT:        tensor.parallel_insert_slice %[[DONE]] into %[[SHARED]][%[[OFF]], 0] [2, 16] [1, 1] : tensor<2x16xf32> into tensor<?x16xf32>
// THREADS:         scf.for %{{.*}} = %[[FULL]] to %{{.*}} iter_args(%{{.*}} = %[[PAR]])
// THREADS-NOT:     scf.forall
// THREADS:         return
func.func @float_epilogue(%a: tensor<5x2xi64>, %w: tensor<16x2xi64>, %m: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<5x16xf32> {
  %y = lq.bmatmul %a, %w multiplier(%m : tensor<16xf32>) bias(%b : tensor<16xf32>) {k = 100, dot_max = 60.0, output_min = -20.0} : tensor<5x2xi64>, tensor<16x2xi64> -> tensor<5x16xf32>
  return %y : tensor<5x16xf32>
}

// -----

// Raw i32 output of constant weights and a dynamic row count: the panel is
// re-laid out at compile time (word k of channels 0..5, zero words for the
// 2 missing channels of the 8-channel tile), the dot is stored without any
// float step, and lanes past the 6 channels are masked off.
// CHECK-LABEL: func.func @raw_i32_constant_weights(
// CHECK-SAME:    %[[A:.*]]: tensor<?x2xi64>)
// CHECK-NOT:     linalg.transpose
// CHECK:         %[[PANEL:.*]] = arith.constant dense<{{\[\[\[\[}}1, 3, 5, 7, 9, 11, 0, 0], [2, 4, 6, 8, 10, 12, 0, 0]]]]> : tensor<1x1x2x8xi64>
// CHECK:         %[[M:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x2xi64>
// CHECK:         tensor.empty(%[[M]]) : tensor<?x6xi32>
// CHECK:         scf.for
// CHECK:           scf.for %[[B:[^ ]+]] = %{{.*}} to %{{.*}} step
// CHECK:             %[[CH:.*]] = arith.muli %[[B]], %{{.*}} : index
// CHECK:             %[[ACC:.*]]:4 = scf.for
// CHECK:               vector.transfer_read %[[PANEL]]
// CHECK:             %[[C00:.*]] = arith.addi %[[CH]], %{{.*}} : index
// CHECK:             %[[TWICE:.*]] = arith.addi %[[ACC]]#0, %[[ACC]]#0 : vector<4xi64>
// CHECK:             %[[K128:.*]] = arith.constant dense<128> : vector<4xi64>
// CHECK:             %[[DOT:.*]] = arith.subi %[[K128]], %[[TWICE]] : vector<4xi64>
// CHECK:             %[[DOT32:.*]] = arith.trunci %[[DOT]] : vector<4xi64> to vector<4xi32>
// CHECK:             %[[LEFT:.*]] = arith.subi %[[SIX:.*]], %[[C00]] : index
// CHECK:             %[[LANES:.*]] = vector.create_mask %[[LEFT]] : vector<4xi1>
// CHECK:             vector.transfer_write %[[DOT32]], %{{.*}}[%{{.*}}, %[[C00]]], %[[LANES]] {in_bounds = [true]} : vector<4xi32>, tensor<?x6xi32>
// Partial block: the row mask and the lane mask combined.
// CHECK:         scf.for
// CHECK:           %[[LANES2:.*]] = vector.create_mask %{{.*}} : vector<4xi1>
// CHECK:           %[[EXISTS:.*]] = arith.cmpi ult
// CHECK:           %[[ROWMASK:.*]] = vector.broadcast %[[EXISTS]] : i1 to vector<4xi1>
// CHECK:           %[[BOTH:.*]] = arith.andi %[[ROWMASK]], %[[LANES2]] : vector<4xi1>
// CHECK:           vector.transfer_write %{{.*}}, %[[BOTH]] {in_bounds = [true]} : vector<4xi32>, tensor<?x6xi32>
// CHECK:         return
// Nothing of the float epilogue.
// RAW-LABEL:     func.func @raw_i32_constant_weights(
// RAW-NOT:       {{sitofp|cmpf|f32|f16}}
// RAW:           return
func.func @raw_i32_constant_weights(%a: tensor<?x2xi64>) -> tensor<?x6xi32> {
  %w = arith.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]> : tensor<6x2xi64>
  %y = lq.bmatmul %a, %w {k = 128} : tensor<?x2xi64>, tensor<6x2xi64> -> tensor<?x6xi32>
  return %y : tensor<?x6xi32>
}

// -----

// Bit-packed output of 70 channels (2 words): the panels cover whole words
// (70 -> 128 channels, 16 tiles of 8), each word ORs the sign bits of its 8
// tiles (y < 0, y = dot + bias in the bias type f16), and the tail bits of
// the last word (past channel 70) are cleared.
// CHECK-LABEL: func.func @bits(
// CHECK-SAME:    %[[A:[^:]+]]: tensor<4x2xi64>, %[[W:[^:]+]]: tensor<70x2xi64>, %[[BIAS:[^:]+]]: tensor<70xf16>)
// CHECK:         tensor.pad %{{.*}} low[0, 0, 0] high[0, 58, 0]
// CHECK:         %[[PANEL:.*]] = linalg.transpose {{.*}} outs(%{{.*}} : tensor<1x16x2x8xi64>)
// CHECK:         tensor.empty(%{{.*}}) : tensor<?x2xi64>
// CHECK:         scf.for
// CHECK:           scf.for %[[WORD:[^ ]+]] = %{{.*}} to %c2{{(_[0-9]+)?}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<?x2xi64>) {
// CHECK:             %[[BITS:.*]]:2 = scf.for %[[T:[^ ]+]] = %{{.*}} to %c8{{(_[0-9]+)?}} step %{{.*}} iter_args(%[[P0:[^ ]+]] = %[[ZERO:[^ ,]+]], %[[P1:[^ ]+]] = %[[ZERO]]) -> (i64, i64) {
// CHECK:               %[[ACC:.*]]:4 = scf.for
// CHECK:               arith.sitofp %{{.*}} : vector<4xi32> to vector<4xf16>
// CHECK:               vector.transfer_read %[[BIAS]]
// CHECK:               %[[Y0:.*]] = arith.addf %{{.*}} : vector<4xf16>
// CHECK:               %[[Y1:.*]] = arith.addf %{{.*}} : vector<4xf16>
// CHECK:               %[[NEG0:.*]] = arith.cmpf olt, %[[Y0]], %{{.*}} : vector<4xf16>
// CHECK:               %[[NEG1:.*]] = arith.cmpf olt, %[[Y1]], %{{.*}} : vector<4xf16>
// CHECK:               %[[ROWBITS:.*]] = vector.shuffle %[[NEG0]], %[[NEG1]] [0, 1, 2, 3, 4, 5, 6, 7] : vector<4xi1>, vector<4xi1>
// CHECK:               %[[PACKED:.*]] = vector.bitcast %[[ROWBITS]] : vector<8xi1> to vector<1xi8>
// CHECK:               %[[B8:.*]] = vector.extract %[[PACKED]][0] : i8 from vector<1xi8>
// CHECK:               %[[B64:.*]] = arith.extui %[[B8]] : i8 to i64
// CHECK:               %[[POS:.*]] = arith.muli %[[T]], %{{.*}} : index
// CHECK:               %[[SHIFT:.*]] = arith.index_cast %[[POS]] : index to i64
// CHECK:               %[[SHIFTED:.*]] = arith.shli %[[B64]], %[[SHIFT]] : i64
// CHECK:               %[[OR0:.*]] = arith.ori %[[P0]], %[[SHIFTED]] : i64
// CHECK:               %[[OR1:.*]] = arith.ori %[[P1]], %{{.*}} : i64
// CHECK:               scf.yield %[[OR0]], %[[OR1]] : i64, i64
// CHECK:             %[[LAST:.*]] = arith.cmpi eq, %[[WORD]], %{{.*}} : index
// CHECK:             %[[TAILMASK:.*]] = arith.constant 63 : i64
// CHECK:             %[[ALLBITS:.*]] = arith.constant -1 : i64
// CHECK:             %[[KEEP:.*]] = arith.select %[[LAST]], %[[TAILMASK]], %[[ALLBITS]] : i64
// CHECK:             %[[W0:.*]] = arith.andi %[[BITS]]#0, %[[KEEP]] : i64
// CHECK:             %[[V0:.*]] = vector.broadcast %[[W0]] : i64 to vector<1xi64>
// CHECK:             vector.transfer_write %[[V0]], %{{.*}}[%{{.*}}, %[[WORD]]] {in_bounds = [true]} : vector<1xi64>, tensor<?x2xi64>
// CHECK:         return
func.func @bits(%a: tensor<4x2xi64>, %w: tensor<70x2xi64>, %b: tensor<70xf16>) -> tensor<4x2xi64> {
  %y = lq.bmatmul %a, %w bias(%b : tensor<70xf16>) {k = 100} : tensor<4x2xi64>, tensor<70x2xi64> -> tensor<4x2xi64>
  return %y : tensor<4x2xi64>
}

// -----

// Byte popcounts (no native 64-bit vector popcount): the 40 K steps are cut
// in chunks of at most flush-interval (31 by default) steps, each counting
// into fresh vector<32xi8> accumulators that are widened per 64-bit lane with
// lq.lane_byte_sum and added to the i64 totals after the chunk.
// BYTE-LABEL: func.func @byte_popcount(
// BYTE:         %[[Z:.*]] = arith.constant dense<0> : vector<4xi64>
// BYTE:         %[[TOT:.*]]:2 = scf.for %[[CHUNK:[^ ]+]] = %{{.*}} to %c40{{(_[0-9]+)?}} step %c31{{(_[0-9]+)?}} iter_args(%[[T0:[^ ]+]] = %[[Z]], %[[T1:[^ ]+]] = %[[Z]]) -> (vector<4xi64>, vector<4xi64>) {
// BYTE:           %[[ZB:.*]] = arith.constant dense<0> : vector<32xi8>
// BYTE:           %[[NEXT:.*]] = arith.addi %[[CHUNK]], %c31{{(_[0-9]+)?}} : index
// BYTE:           %[[END:.*]] = arith.minui %[[NEXT]], %c40{{(_[0-9]+)?}} : index
// BYTE:           %[[BYTES:.*]]:2 = scf.for %[[K:[^ ]+]] = %[[CHUNK]] to %[[END]] step %{{.*}} iter_args(%[[B0:[^ ]+]] = %[[ZB]], %[[B1:[^ ]+]] = %[[ZB]]) -> (vector<32xi8>, vector<32xi8>) {
// BYTE:             %[[X:.*]] = arith.xori %{{.*}} : vector<4xi64>
// BYTE:             %[[XB:.*]] = vector.bitcast %[[X]] : vector<4xi64> to vector<32xi8>
// BYTE:             %[[CNT:.*]] = math.ctpop %[[XB]] : vector<32xi8>
// BYTE:             %[[S0:.*]] = arith.addi %[[B0]], %[[CNT]] : vector<32xi8>
// BYTE:             arith.xori %{{.*}} : vector<4xi64>
// BYTE:             %[[S1:.*]] = arith.addi %[[B1]], %{{.*}} : vector<32xi8>
// BYTE:             scf.yield %[[S0]], %[[S1]] : vector<32xi8>, vector<32xi8>
// BYTE:           %[[W0:.*]] = lq.lane_byte_sum %[[BYTES]]#0 : vector<32xi8> -> vector<4xi64>
// BYTE:           %[[N0:.*]] = arith.addi %[[T0]], %[[W0]] : vector<4xi64>
// BYTE:           %[[W1:.*]] = lq.lane_byte_sum %[[BYTES]]#1 : vector<32xi8> -> vector<4xi64>
// BYTE:           %[[N1:.*]] = arith.addi %[[T1]], %[[W1]] : vector<4xi64>
// BYTE:           scf.yield %[[N0]], %[[N1]] : vector<4xi64>, vector<4xi64>
// BYTE:         arith.addi %[[TOT]]#0, %[[TOT]]#0 : vector<4xi64>
// BYTE:         arith.constant dense<2560> : vector<4xi64>

// flush-interval=8: chunks of 8 steps.
// FLUSH8-LABEL: func.func @byte_popcount(
// FLUSH8:         scf.for %[[CHUNK:[^ ]+]] = %{{.*}} to %c40{{(_[0-9]+)?}} step %c8{{(_[0-9]+)?}} iter_args(%{{.*}}) -> (vector<4xi64>, vector<4xi64>) {
// FLUSH8:           %[[NEXT:.*]] = arith.addi %[[CHUNK]], %c8{{(_[0-9]+)?}} : index
// FLUSH8:           arith.minui %[[NEXT]], %c40{{(_[0-9]+)?}} : index
// FLUSH8:           scf.for %{{.*}} = %[[CHUNK]] to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (vector<32xi8>, vector<32xi8>) {
// FLUSH8:           lq.lane_byte_sum
func.func @byte_popcount(%a: tensor<4x40xi64>, %w: tensor<8x40xi64>) -> tensor<4x8xi32> {
  %y = lq.bmatmul %a, %w {k = 2560} : tensor<4x40xi64>, tensor<8x40xi64> -> tensor<4x8xi32>
  return %y : tensor<4x8xi32>
}
