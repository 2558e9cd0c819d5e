// RUN: lq-opt %s --lq-lower-lane-byte-sum=portable=true | FileCheck %s --check-prefix=PORTABLE
// RUN: lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=DEFAULT
//
// Without portable=true the psadbw intrinsic depends on the host CPU
// (llvm::sys::getHostCPUFeatures): each width is checked where /proc/cpuinfo
// lists its feature, and its portable fallback on x86 Linux hosts without it.
// RUN: not grep -qw sse2 /proc/cpuinfo || \
// RUN:   lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=SSE2
// RUN: not grep -qw avx2 /proc/cpuinfo || \
// RUN:   lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=AVX2
// RUN: not grep -q '^flags' /proc/cpuinfo || grep -qw avx2 /proc/cpuinfo || \
// RUN:   lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=NO-AVX2
// RUN: not grep -qw avx512bw /proc/cpuinfo || \
// RUN:   lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=AVX512BW
// RUN: not grep -q '^flags' /proc/cpuinfo || grep -qw avx512bw /proc/cpuinfo || \
// RUN:   lq-opt %s --lq-lower-lane-byte-sum | FileCheck %s --check-prefix=NO-AVX512BW
//
// Both lowerings executed (whichever the host gets by default): the same sums.
// DEFINE: %{lower} = --convert-vector-to-scf --convert-scf-to-cf \
// DEFINE:   --convert-vector-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm \
// DEFINE:   --convert-func-to-llvm --reconcile-unrealized-casts
// DEFINE: %{run} = mlir-runner -e main -entry-point-result=void \
// DEFINE:   -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils
// RUN: lq-opt %s --lq-lower-lane-byte-sum %{lower} | %{run} | \
// RUN:   FileCheck %s --check-prefix=EXEC
// RUN: lq-opt %s --lq-lower-lane-byte-sum=portable=true %{lower} | %{run} | \
// RUN:   FileCheck %s --check-prefix=EXEC

// lq-lower-lane-byte-sum: lq.lane_byte_sum becomes a call of the host's
// psadbw intrinsic against a zero vector for 2 (SSE2), 4 (AVX2) and 8
// (AVX-512BW) lanes; every other width, and every width with portable=true,
// becomes a bitcast to the i64 lanes and three shift/mask/add stages (16-,
// 32-, then 64-bit sums). Users of the result get the replacement.

// The portable stages in full.
// PORTABLE-LABEL: func.func @lanes2(
// PORTABLE-SAME:    %[[X:[^:]+]]: vector<16xi8>, %[[ACC:[^:]+]]: vector<2xi64>)
// PORTABLE:         %[[V0:.+]] = vector.bitcast %[[X]] : vector<16xi8> to vector<2xi64>
// PORTABLE-DAG:     %[[M1:.+]] = arith.constant dense<71777214294589695> : vector<2xi64>
// PORTABLE-DAG:     %[[S1:.+]] = arith.constant dense<8> : vector<2xi64>
// PORTABLE:         %[[SH1:.+]] = arith.shrui %[[V0]], %[[S1]] : vector<2xi64>
// PORTABLE-DAG:     %[[LO1:.+]] = arith.andi %[[V0]], %[[M1]] : vector<2xi64>
// PORTABLE-DAG:     %[[HI1:.+]] = arith.andi %[[SH1]], %[[M1]] : vector<2xi64>
// PORTABLE:         %[[V1:.+]] = arith.addi %[[LO1]], %[[HI1]] : vector<2xi64>
// PORTABLE-DAG:     %[[M2:.+]] = arith.constant dense<281470681808895> : vector<2xi64>
// PORTABLE-DAG:     %[[S2:.+]] = arith.constant dense<16> : vector<2xi64>
// PORTABLE:         %[[SH2:.+]] = arith.shrui %[[V1]], %[[S2]] : vector<2xi64>
// PORTABLE-DAG:     %[[LO2:.+]] = arith.andi %[[V1]], %[[M2]] : vector<2xi64>
// PORTABLE-DAG:     %[[HI2:.+]] = arith.andi %[[SH2]], %[[M2]] : vector<2xi64>
// PORTABLE:         %[[V2:.+]] = arith.addi %[[LO2]], %[[HI2]] : vector<2xi64>
// PORTABLE-DAG:     %[[M3:.+]] = arith.constant dense<4294967295> : vector<2xi64>
// PORTABLE-DAG:     %[[S3:.+]] = arith.constant dense<32> : vector<2xi64>
// PORTABLE:         %[[SH3:.+]] = arith.shrui %[[V2]], %[[S3]] : vector<2xi64>
// PORTABLE-DAG:     %[[LO3:.+]] = arith.andi %[[V2]], %[[M3]] : vector<2xi64>
// PORTABLE-DAG:     %[[HI3:.+]] = arith.andi %[[SH3]], %[[M3]] : vector<2xi64>
// PORTABLE:         %[[SUM:.+]] = arith.addi %[[LO3]], %[[HI3]] : vector<2xi64>
// PORTABLE-NEXT:    %[[R:.+]] = arith.addi %[[ACC]], %[[SUM]] : vector<2xi64>
// PORTABLE-NEXT:    return %[[R]] : vector<2xi64>

// DEFAULT-LABEL:  func.func @lanes2(
// DEFAULT-NOT:      lq.lane_byte_sum
// DEFAULT:          return

// SSE2-LABEL:     func.func @lanes2(
// SSE2-SAME:        %[[X:[^:]+]]: vector<16xi8>, %[[ACC:[^:]+]]: vector<2xi64>)
// SSE2-NEXT:        %[[ZERO:.+]] = arith.constant dense<0> : vector<16xi8>
// SSE2-NEXT:        %[[SUM:.+]] = llvm.call_intrinsic "llvm.x86.sse2.psad.bw"(%[[X]], %[[ZERO]]) : (vector<16xi8>, vector<16xi8>) -> vector<2xi64>
// SSE2-NEXT:        %[[R:.+]] = arith.addi %[[ACC]], %[[SUM]] : vector<2xi64>
// SSE2-NEXT:        return %[[R]] : vector<2xi64>
func.func @lanes2(%x: vector<16xi8>, %acc: vector<2xi64>) -> vector<2xi64> {
  %s = lq.lane_byte_sum %x : vector<16xi8> -> vector<2xi64>
  %r = arith.addi %acc, %s : vector<2xi64>
  return %r : vector<2xi64>
}

// PORTABLE-LABEL:   func.func @lanes4(
// PORTABLE-SAME:      %[[X:[^:]+]]: vector<32xi8>)
// PORTABLE:           %[[V:.+]] = vector.bitcast %[[X]] : vector<32xi8> to vector<4xi64>
// PORTABLE:           arith.shrui %[[V]], %{{.+}} : vector<4xi64>
// PORTABLE-COUNT-2:   arith.shrui %{{.+}}, %{{.+}} : vector<4xi64>
// PORTABLE:           %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<4xi64>
// PORTABLE-NEXT:      return %[[R]] : vector<4xi64>

// DEFAULT-LABEL:    func.func @lanes4(
// DEFAULT-NOT:        lq.lane_byte_sum
// DEFAULT:            return

// AVX2-LABEL:       func.func @lanes4(
// AVX2-SAME:          %[[X:[^:]+]]: vector<32xi8>)
// AVX2-NEXT:          %[[ZERO:.+]] = arith.constant dense<0> : vector<32xi8>
// AVX2-NEXT:          %[[R:.+]] = llvm.call_intrinsic "llvm.x86.avx2.psad.bw"(%[[X]], %[[ZERO]]) : (vector<32xi8>, vector<32xi8>) -> vector<4xi64>
// AVX2-NEXT:          return %[[R]] : vector<4xi64>

// NO-AVX2-LABEL:    func.func @lanes4(
// NO-AVX2-SAME:       %[[X:[^:]+]]: vector<32xi8>)
// NO-AVX2-NOT:        llvm.call_intrinsic
// NO-AVX2:            %[[V:.+]] = vector.bitcast %[[X]] : vector<32xi8> to vector<4xi64>
// NO-AVX2-COUNT-3:    arith.shrui %{{.+}}, %{{.+}} : vector<4xi64>
// NO-AVX2:            %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<4xi64>
// NO-AVX2-NEXT:       return %[[R]] : vector<4xi64>
func.func @lanes4(%x: vector<32xi8>) -> vector<4xi64> {
  %s = lq.lane_byte_sum %x : vector<32xi8> -> vector<4xi64>
  return %s : vector<4xi64>
}

// PORTABLE-LABEL:   func.func @lanes8(
// PORTABLE-SAME:      %[[X:[^:]+]]: vector<64xi8>)
// PORTABLE:           %[[V:.+]] = vector.bitcast %[[X]] : vector<64xi8> to vector<8xi64>
// PORTABLE:           arith.shrui %[[V]], %{{.+}} : vector<8xi64>
// PORTABLE-COUNT-2:   arith.shrui %{{.+}}, %{{.+}} : vector<8xi64>
// PORTABLE:           %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<8xi64>
// PORTABLE-NEXT:      return %[[R]] : vector<8xi64>

// DEFAULT-LABEL:    func.func @lanes8(
// DEFAULT-NOT:        lq.lane_byte_sum
// DEFAULT:            return

// AVX512BW-LABEL:   func.func @lanes8(
// AVX512BW-SAME:      %[[X:[^:]+]]: vector<64xi8>)
// AVX512BW-NEXT:      %[[ZERO:.+]] = arith.constant dense<0> : vector<64xi8>
// AVX512BW-NEXT:      %[[R:.+]] = llvm.call_intrinsic "llvm.x86.avx512.psad.bw.512"(%[[X]], %[[ZERO]]) : (vector<64xi8>, vector<64xi8>) -> vector<8xi64>
// AVX512BW-NEXT:      return %[[R]] : vector<8xi64>

// NO-AVX512BW-LABEL: func.func @lanes8(
// NO-AVX512BW-SAME:    %[[X:[^:]+]]: vector<64xi8>)
// NO-AVX512BW-NOT:     llvm.call_intrinsic
// NO-AVX512BW:         %[[V:.+]] = vector.bitcast %[[X]] : vector<64xi8> to vector<8xi64>
// NO-AVX512BW-COUNT-3: arith.shrui %{{.+}}, %{{.+}} : vector<8xi64>
// NO-AVX512BW:         %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<8xi64>
// NO-AVX512BW-NEXT:    return %[[R]] : vector<8xi64>
func.func @lanes8(%x: vector<64xi8>) -> vector<8xi64> {
  %s = lq.lane_byte_sum %x : vector<64xi8> -> vector<8xi64>
  return %s : vector<8xi64>
}

// Widths no psadbw covers: portable in both modes, on every host.
// PORTABLE-LABEL:   func.func @lanes3(
// PORTABLE-SAME:      %[[X:[^:]+]]: vector<24xi8>)
// PORTABLE:           %[[V:.+]] = vector.bitcast %[[X]] : vector<24xi8> to vector<3xi64>
// PORTABLE:           arith.shrui %[[V]], %{{.+}} : vector<3xi64>
// PORTABLE-COUNT-2:   arith.shrui %{{.+}}, %{{.+}} : vector<3xi64>
// PORTABLE:           %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<3xi64>
// PORTABLE-NEXT:      return %[[R]] : vector<3xi64>

// DEFAULT-LABEL:    func.func @lanes3(
// DEFAULT-SAME:       %[[X:[^:]+]]: vector<24xi8>)
// DEFAULT-NOT:        llvm.call_intrinsic
// DEFAULT:            %[[V:.+]] = vector.bitcast %[[X]] : vector<24xi8> to vector<3xi64>
// DEFAULT:            arith.shrui %[[V]], %{{.+}} : vector<3xi64>
// DEFAULT-COUNT-2:    arith.shrui %{{.+}}, %{{.+}} : vector<3xi64>
// DEFAULT:            %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<3xi64>
// DEFAULT-NEXT:       return %[[R]] : vector<3xi64>
func.func @lanes3(%x: vector<24xi8>) -> vector<3xi64> {
  %s = lq.lane_byte_sum %x : vector<24xi8> -> vector<3xi64>
  return %s : vector<3xi64>
}

// PORTABLE-LABEL:   func.func @lanes16(
// PORTABLE-SAME:      %[[X:[^:]+]]: vector<128xi8>)
// PORTABLE:           %[[V:.+]] = vector.bitcast %[[X]] : vector<128xi8> to vector<16xi64>
// PORTABLE-COUNT-3:   arith.shrui %{{.+}}, %{{.+}} : vector<16xi64>
// PORTABLE:           %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<16xi64>
// PORTABLE-NEXT:      return %[[R]] : vector<16xi64>

// DEFAULT-LABEL:    func.func @lanes16(
// DEFAULT-SAME:       %[[X:[^:]+]]: vector<128xi8>)
// DEFAULT-NOT:        llvm.call_intrinsic
// DEFAULT:            %[[V:.+]] = vector.bitcast %[[X]] : vector<128xi8> to vector<16xi64>
// DEFAULT-COUNT-3:    arith.shrui %{{.+}}, %{{.+}} : vector<16xi64>
// DEFAULT:            %[[R:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<16xi64>
// DEFAULT-NEXT:       return %[[R]] : vector<16xi64>
func.func @lanes16(%x: vector<128xi8>) -> vector<16xi64> {
  %s = lq.lane_byte_sum %x : vector<128xi8> -> vector<16xi64>
  return %s : vector<16xi64>
}

// One lane, inside a loop: lowered in the loop body.
// PORTABLE-LABEL:   func.func @lanes1_in_loop(
// PORTABLE-SAME:      %[[X:[^:]+]]: vector<8xi8>
// PORTABLE:           scf.for {{.+}} iter_args(%[[ACC:.+]] = %{{.+}}) -> (vector<1xi64>)
// PORTABLE-NEXT:        %[[V:.+]] = vector.bitcast %[[X]] : vector<8xi8> to vector<1xi64>
// PORTABLE-COUNT-3:     arith.shrui %{{.+}}, %{{.+}} : vector<1xi64>
// PORTABLE:             %[[SUM:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<1xi64>
// PORTABLE-NEXT:        %[[NEXT:.+]] = arith.addi %[[ACC]], %[[SUM]] : vector<1xi64>
// PORTABLE-NEXT:        scf.yield %[[NEXT]] : vector<1xi64>

// DEFAULT-LABEL:    func.func @lanes1_in_loop(
// DEFAULT-SAME:       %[[X:[^:]+]]: vector<8xi8>
// DEFAULT:            scf.for {{.+}} iter_args(%[[ACC:.+]] = %{{.+}}) -> (vector<1xi64>)
// DEFAULT-NEXT:         %[[V:.+]] = vector.bitcast %[[X]] : vector<8xi8> to vector<1xi64>
// DEFAULT-COUNT-3:      arith.shrui %{{.+}}, %{{.+}} : vector<1xi64>
// DEFAULT:              %[[SUM:.+]] = arith.addi %{{.+}}, %{{.+}} : vector<1xi64>
// DEFAULT-NEXT:         %[[NEXT:.+]] = arith.addi %[[ACC]], %[[SUM]] : vector<1xi64>
// DEFAULT-NEXT:         scf.yield %[[NEXT]] : vector<1xi64>
func.func @lanes1_in_loop(%x: vector<8xi8>, %n: index) -> vector<1xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant dense<0> : vector<1xi64>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (vector<1xi64>) {
    %s = lq.lane_byte_sum %x : vector<8xi8> -> vector<1xi64>
    %next = arith.addi %acc, %s : vector<1xi64>
    scf.yield %next : vector<1xi64>
  }
  return %r : vector<1xi64>
}

func.func @main() {
  // Bytes are unsigned: -1 is 255, -128 is 128.
  // EXEC: ( 1036, 2043 )
  %b16 = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1, -1, -1]> : vector<16xi8>
  %acc = arith.constant dense<[1000, 3]> : vector<2xi64>
  %s2 = func.call @lanes2(%b16, %acc) : (vector<16xi8>, vector<2xi64>) -> vector<2xi64>
  vector.print %s2 : vector<2xi64>
  // EXEC-NEXT: ( 36, 2040, 0, 255 )
  %b32 = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1, -1, -1,
                               0, 0, 0, 0, 0, 0, 0, 0, -128, 0, 0, 0, 0, 0, 0, 127]> : vector<32xi8>
  %s4 = func.call @lanes4(%b32) : (vector<32xi8>) -> vector<4xi64>
  vector.print %s4 : vector<4xi64>
  // EXEC-NEXT: ( 36, 2040, 0, 255, 8, 1020, 100, 1024 )
  %b64 = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1, -1, -1,
                               0, 0, 0, 0, 0, 0, 0, 0, -128, 0, 0, 0, 0, 0, 0, 127,
                               1, 1, 1, 1, 1, 1, 1, 1, 0, -1, 0, -1, 0, -1, 0, -1,
                               0, 0, 0, 100, 0, 0, 0, 0, -128, -128, -128, -128, -128, -128, -128, -128]> : vector<64xi8>
  %s8 = func.call @lanes8(%b64) : (vector<64xi8>) -> vector<8xi64>
  vector.print %s8 : vector<8xi64>
  // EXEC-NEXT: ( 36, 2040, 255 )
  %b24 = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1, -1, -1,
                               0, 0, 0, 0, 0, 0, -1, 0]> : vector<24xi8>
  %s3 = func.call @lanes3(%b24) : (vector<24xi8>) -> vector<3xi64>
  vector.print %s3 : vector<3xi64>
  // EXEC-NEXT: ( 108 )
  %b8 = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8]> : vector<8xi8>
  %n = arith.constant 3 : index
  %s1 = func.call @lanes1_in_loop(%b8, %n) : (vector<8xi8>, index) -> vector<1xi64>
  vector.print %s1 : vector<1xi64>
  return
}
