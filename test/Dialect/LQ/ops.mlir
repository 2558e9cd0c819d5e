// RUN: lq-opt %s | lq-opt | FileCheck %s
// RUN: lq-opt %s --mlir-print-op-generic | lq-opt | FileCheck %s
// RUN: lq-opt %s --verify-roundtrip | FileCheck %s

// Round trip of every lq quantizer and gradient op. Attributes equal to their
// default are elided by the printer, so an explicit default must come back
// without an attribute dictionary.

//===----------------------------------------------------------------------===//
// ste_sign
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @ste_sign_types(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64
// CHECK-SAME:    %[[V:[a-zA-Z0-9_]+]]: vector<4xf32>, %[[V0:[a-zA-Z0-9_]+]]: vector<f16>, %[[V2:[a-zA-Z0-9_]+]]: vector<2x8xbf16>
// CHECK-SAME:    %[[T:[a-zA-Z0-9_]+]]: tensor<4x8xf32>, %[[T0:[a-zA-Z0-9_]+]]: tensor<f64>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?x3x?xf16>
// CHECK-NEXT:    lq.ste_sign %[[F16]] : f16
// CHECK-NEXT:    lq.ste_sign %[[BF16]] : bf16
// CHECK-NEXT:    lq.ste_sign %[[F32]] : f32
// CHECK-NEXT:    lq.ste_sign %[[F64]] : f64
// CHECK-NEXT:    lq.ste_sign %[[V]] : vector<4xf32>
// CHECK-NEXT:    lq.ste_sign %[[V0]] : vector<f16>
// CHECK-NEXT:    lq.ste_sign %[[V2]] : vector<2x8xbf16>
// CHECK-NEXT:    lq.ste_sign %[[T]] : tensor<4x8xf32>
// CHECK-NEXT:    lq.ste_sign %[[T0]] : tensor<f64>
// CHECK-NEXT:    lq.ste_sign %[[TD]] : tensor<?x3x?xf16>
func.func @ste_sign_types(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                          %v: vector<4xf32>, %v0: vector<f16>,
                          %v2: vector<2x8xbf16>, %t: tensor<4x8xf32>,
                          %t0: tensor<f64>, %td: tensor<?x3x?xf16>) {
  %0 = lq.ste_sign %f16 : f16
  %1 = lq.ste_sign %bf16 : bf16
  %2 = lq.ste_sign %f32 : f32
  %3 = lq.ste_sign %f64 : f64
  %4 = lq.ste_sign %v : vector<4xf32>
  %5 = lq.ste_sign %v0 : vector<f16>
  %6 = lq.ste_sign %v2 : vector<2x8xbf16>
  %7 = lq.ste_sign %t : tensor<4x8xf32>
  %8 = lq.ste_sign %t0 : tensor<f64>
  %9 = lq.ste_sign %td : tensor<?x3x?xf16>
  return
}

// CHECK-LABEL: func.func @ste_sign_attrs(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] {clip_value = 2.500000e+00 : f64} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] {clip_value = none} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] {clip_value = 0.000000e+00 : f64} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] {clip_value = -0.000000e+00 : f64} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_sign %[[X]] {clip_value = 1.000000e-01 : f64} : tensor<?xf32>
func.func @ste_sign_attrs(%x: tensor<?xf32>) {
  %0 = lq.ste_sign %x : tensor<?xf32>
  %1 = lq.ste_sign %x {clip_value = 1.0} : tensor<?xf32>
  %2 = lq.ste_sign %x {clip_value = 2.5 : f64} : tensor<?xf32>
  %3 = lq.ste_sign %x {clip_value = none} : tensor<?xf32>
  %4 = lq.ste_sign %x {clip_value = 0.0} : tensor<?xf32>
  %5 = lq.ste_sign %x {clip_value = -0.0} : tensor<?xf32>
  %6 = lq.ste_sign %x {clip_value = 0.1} : tensor<?xf32>
  return
}

// CHECK-LABEL: func.func @ste_sign_grad(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: f64, %[[DY:[a-zA-Z0-9_]+]]: f64, %[[VX:[a-zA-Z0-9_]+]]: vector<8xf16>, %[[VDY:[a-zA-Z0-9_]+]]: vector<8xf16>, %[[TX:[a-zA-Z0-9_]+]]: tensor<?x4xbf16>, %[[TDY:[a-zA-Z0-9_]+]]: tensor<?x4xbf16>
// CHECK-NEXT:    lq.ste_sign_grad %[[X]], %[[DY]] : f64
// CHECK-NEXT:    lq.ste_sign_grad %[[X]], %[[DY]] : f64
// CHECK-NEXT:    lq.ste_sign_grad %[[VX]], %[[VDY]] {clip_value = 1.500000e+00 : f64} : vector<8xf16>
// CHECK-NEXT:    lq.ste_sign_grad %[[TX]], %[[TDY]] {clip_value = none} : tensor<?x4xbf16>
// CHECK-NEXT:    lq.ste_sign_grad %[[TX]], %[[TDY]] {clip_value = 0.000000e+00 : f64} : tensor<?x4xbf16>
func.func @ste_sign_grad(%x: f64, %dy: f64, %vx: vector<8xf16>,
                         %vdy: vector<8xf16>, %tx: tensor<?x4xbf16>,
                         %tdy: tensor<?x4xbf16>) {
  %0 = lq.ste_sign_grad %x, %dy : f64
  %1 = lq.ste_sign_grad %x, %dy {clip_value = 1.0} : f64
  %2 = lq.ste_sign_grad %vx, %vdy {clip_value = 1.5} : vector<8xf16>
  %3 = lq.ste_sign_grad %tx, %tdy {clip_value = none} : tensor<?x4xbf16>
  %4 = lq.ste_sign_grad %tx, %tdy {clip_value = 0.0} : tensor<?x4xbf16>
  return
}

//===----------------------------------------------------------------------===//
// approx_sign
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @approx_sign(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<3x5xf32>, %[[T:[a-zA-Z0-9_]+]]: tensor<2x?xf64>
// CHECK-NEXT:    lq.approx_sign %[[F16]] : f16
// CHECK-NEXT:    lq.approx_sign %[[BF16]] : bf16
// CHECK-NEXT:    lq.approx_sign %[[F32]] : f32
// CHECK-NEXT:    lq.approx_sign %[[F64]] : f64
// CHECK-NEXT:    lq.approx_sign %[[V]] : vector<3x5xf32>
// CHECK-NEXT:    lq.approx_sign %[[T]] : tensor<2x?xf64>
// CHECK-NEXT:    lq.approx_sign_grad %[[F32]], %[[F32]] : f32
// CHECK-NEXT:    lq.approx_sign_grad %[[V]], %[[V]] : vector<3x5xf32>
// CHECK-NEXT:    lq.approx_sign_grad %[[T]], %[[T]] : tensor<2x?xf64>
func.func @approx_sign(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                       %v: vector<3x5xf32>, %t: tensor<2x?xf64>) {
  %0 = lq.approx_sign %f16 : f16
  %1 = lq.approx_sign %bf16 : bf16
  %2 = lq.approx_sign %f32 : f32
  %3 = lq.approx_sign %f64 : f64
  %4 = lq.approx_sign %v : vector<3x5xf32>
  %5 = lq.approx_sign %t : tensor<2x?xf64>
  %6 = lq.approx_sign_grad %f32, %f32 : f32
  %7 = lq.approx_sign_grad %v, %v : vector<3x5xf32>
  %8 = lq.approx_sign_grad %t, %t : tensor<2x?xf64>
  return
}

//===----------------------------------------------------------------------===//
// ste_heaviside
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @ste_heaviside(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<16xf16>, %[[T:[a-zA-Z0-9_]+]]: tensor<2x3xf16>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?xf32>
// CHECK-NEXT:    lq.ste_heaviside %[[F16]] : f16
// CHECK-NEXT:    lq.ste_heaviside %[[BF16]] : bf16
// CHECK-NEXT:    lq.ste_heaviside %[[F32]] : f32
// CHECK-NEXT:    lq.ste_heaviside %[[F64]] : f64
// CHECK-NEXT:    lq.ste_heaviside %[[V]] : vector<16xf16>
// CHECK-NEXT:    lq.ste_heaviside %[[T]] {clip_value = 5.000000e-01 : f64} : tensor<2x3xf16>
// CHECK-NEXT:    lq.ste_heaviside %[[TD]] : tensor<?xf32>
// CHECK-NEXT:    lq.ste_heaviside %[[TD]] {clip_value = none} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_heaviside %[[TD]] {clip_value = 0.000000e+00 : f64} : tensor<?xf32>
// CHECK-NEXT:    lq.ste_heaviside_grad %[[T]], %[[T]] : tensor<2x3xf16>
// CHECK-NEXT:    lq.ste_heaviside_grad %[[T]], %[[T]] : tensor<2x3xf16>
// CHECK-NEXT:    lq.ste_heaviside_grad %[[V]], %[[V]] {clip_value = none} : vector<16xf16>
// CHECK-NEXT:    lq.ste_heaviside_grad %[[F64]], %[[F64]] {clip_value = 0.000000e+00 : f64} : f64
// CHECK-NEXT:    lq.ste_heaviside_grad %[[TD]], %[[TD]] {clip_value = 3.000000e+00 : f64} : tensor<?xf32>
func.func @ste_heaviside(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                         %v: vector<16xf16>, %t: tensor<2x3xf16>,
                         %td: tensor<?xf32>) {
  %0 = lq.ste_heaviside %f16 : f16
  %1 = lq.ste_heaviside %bf16 : bf16
  %2 = lq.ste_heaviside %f32 : f32
  %3 = lq.ste_heaviside %f64 : f64
  %4 = lq.ste_heaviside %v : vector<16xf16>
  %5 = lq.ste_heaviside %t {clip_value = 0.5} : tensor<2x3xf16>
  %6 = lq.ste_heaviside %td {clip_value = 1.0} : tensor<?xf32>
  %7 = lq.ste_heaviside %td {clip_value = none} : tensor<?xf32>
  %8 = lq.ste_heaviside %td {clip_value = 0.0} : tensor<?xf32>
  %9 = lq.ste_heaviside_grad %t, %t : tensor<2x3xf16>
  %10 = lq.ste_heaviside_grad %t, %t {clip_value = 1.0} : tensor<2x3xf16>
  %11 = lq.ste_heaviside_grad %v, %v {clip_value = none} : vector<16xf16>
  %12 = lq.ste_heaviside_grad %f64, %f64 {clip_value = 0.0} : f64
  %13 = lq.ste_heaviside_grad %td, %td {clip_value = 3.0} : tensor<?xf32>
  return
}

//===----------------------------------------------------------------------===//
// swish_sign
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @swish_sign(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<4xf64>, %[[T:[a-zA-Z0-9_]+]]: tensor<?x?xf32>
// CHECK-NEXT:    lq.swish_sign %[[F16]] : f16
// CHECK-NEXT:    lq.swish_sign %[[BF16]] : bf16
// CHECK-NEXT:    lq.swish_sign %[[F32]] : f32
// CHECK-NEXT:    lq.swish_sign %[[F64]] : f64
// CHECK-NEXT:    lq.swish_sign %[[V]] : vector<4xf64>
// CHECK-NEXT:    lq.swish_sign %[[T]] : tensor<?x?xf32>
// CHECK-NEXT:    lq.swish_sign %[[T]] {beta = 1.000000e+01 : f64} : tensor<?x?xf32>
// CHECK-NEXT:    lq.swish_sign %[[T]] {beta = -2.000000e+00 : f64} : tensor<?x?xf32>
// CHECK-NEXT:    lq.swish_sign_grad %[[F32]], %[[F32]] : f32
// CHECK-NEXT:    lq.swish_sign_grad %[[F32]], %[[F32]] : f32
// CHECK-NEXT:    lq.swish_sign_grad %[[V]], %[[V]] {beta = 2.500000e-01 : f64} : vector<4xf64>
// CHECK-NEXT:    lq.swish_sign_grad %[[T]], %[[T]] {beta = 0.000000e+00 : f64} : tensor<?x?xf32>
func.func @swish_sign(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                      %v: vector<4xf64>, %t: tensor<?x?xf32>) {
  %0 = lq.swish_sign %f16 : f16
  %1 = lq.swish_sign %bf16 : bf16
  %2 = lq.swish_sign %f32 : f32
  %3 = lq.swish_sign %f64 : f64
  %4 = lq.swish_sign %v : vector<4xf64>
  %5 = lq.swish_sign %t {beta = 5.0} : tensor<?x?xf32>
  %6 = lq.swish_sign %t {beta = 10.0} : tensor<?x?xf32>
  %7 = lq.swish_sign %t {beta = -2.0} : tensor<?x?xf32>
  %8 = lq.swish_sign_grad %f32, %f32 : f32
  %9 = lq.swish_sign_grad %f32, %f32 {beta = 5.0} : f32
  %10 = lq.swish_sign_grad %v, %v {beta = 0.25} : vector<4xf64>
  %11 = lq.swish_sign_grad %t, %t {beta = 0.0} : tensor<?x?xf32>
  return
}

//===----------------------------------------------------------------------===//
// magnitude_aware_sign (ranked tensors only)
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @magnitude_aware_sign(
// CHECK-SAME:    %[[T0:[a-zA-Z0-9_]+]]: tensor<f32>, %[[T1:[a-zA-Z0-9_]+]]: tensor<8xf16>, %[[T4:[a-zA-Z0-9_]+]]: tensor<3x3x64x128xbf16>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[T0]] : tensor<f32>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[T1]] : tensor<8xf16>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[T4]] : tensor<3x3x64x128xbf16>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[TD]] : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[TD]] {clip_value = none} : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[TD]] {clip_value = 0.000000e+00 : f64} : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign %[[TD]] {clip_value = 2.000000e+00 : f64} : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign_grad %[[T0]], %[[T0]] : tensor<f32>
// CHECK-NEXT:    lq.magnitude_aware_sign_grad %[[T4]], %[[T4]] : tensor<3x3x64x128xbf16>
// CHECK-NEXT:    lq.magnitude_aware_sign_grad %[[TD]], %[[TD]] {clip_value = none} : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign_grad %[[TD]], %[[TD]] {clip_value = 0.000000e+00 : f64} : tensor<?x?xf64>
// CHECK-NEXT:    lq.magnitude_aware_sign_grad %[[T1]], %[[T1]] {clip_value = 7.500000e-01 : f64} : tensor<8xf16>
func.func @magnitude_aware_sign(%t0: tensor<f32>, %t1: tensor<8xf16>,
                                %t4: tensor<3x3x64x128xbf16>,
                                %td: tensor<?x?xf64>) {
  %0 = lq.magnitude_aware_sign %t0 : tensor<f32>
  %1 = lq.magnitude_aware_sign %t1 : tensor<8xf16>
  %2 = lq.magnitude_aware_sign %t4 : tensor<3x3x64x128xbf16>
  %3 = lq.magnitude_aware_sign %td {clip_value = 1.0} : tensor<?x?xf64>
  %4 = lq.magnitude_aware_sign %td {clip_value = none} : tensor<?x?xf64>
  %5 = lq.magnitude_aware_sign %td {clip_value = 0.0} : tensor<?x?xf64>
  %6 = lq.magnitude_aware_sign %td {clip_value = 2.0} : tensor<?x?xf64>
  %7 = lq.magnitude_aware_sign_grad %t0, %t0 : tensor<f32>
  %8 = lq.magnitude_aware_sign_grad %t4, %t4 {clip_value = 1.0} : tensor<3x3x64x128xbf16>
  %9 = lq.magnitude_aware_sign_grad %td, %td {clip_value = none} : tensor<?x?xf64>
  %10 = lq.magnitude_aware_sign_grad %td, %td {clip_value = 0.0} : tensor<?x?xf64>
  %11 = lq.magnitude_aware_sign_grad %t1, %t1 {clip_value = 0.75} : tensor<8xf16>
  return
}

//===----------------------------------------------------------------------===//
// ste_tern
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @ste_tern(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<32xf32>, %[[T:[a-zA-Z0-9_]+]]: tensor<3x3x8x8xf32>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?xbf16>
// CHECK-NEXT:    lq.ste_tern %[[F16]] : f16
// CHECK-NEXT:    lq.ste_tern %[[BF16]] : bf16
// CHECK-NEXT:    lq.ste_tern %[[F32]] : f32
// CHECK-NEXT:    lq.ste_tern %[[F64]] : f64
// CHECK-NEXT:    lq.ste_tern %[[V]] {threshold_value = 1.000000e-01 : f64} : vector<32xf32>
// CHECK-NEXT:    lq.ste_tern %[[V]] : vector<32xf32>
// CHECK-NEXT:    lq.ste_tern %[[V]] {threshold_value = 0.000000e+00 : f64} : vector<32xf32>
// CHECK-NEXT:    lq.ste_tern %[[V]] {threshold_value = -2.500000e-01 : f64} : vector<32xf32>
// CHECK-NEXT:    lq.ste_tern %[[T]] {ternary_weight_networks = true} : tensor<3x3x8x8xf32>
// CHECK-NEXT:    lq.ste_tern %[[TD]] {ternary_weight_networks = true} : tensor<?xbf16>
// CHECK-NEXT:    lq.ste_tern %[[TD]] {clip_value = none, ternary_weight_networks = true, threshold_value = 3.000000e-01 : f64} : tensor<?xbf16>
// CHECK-NEXT:    lq.ste_tern %[[T]] {clip_value = 0.000000e+00 : f64} : tensor<3x3x8x8xf32>
// CHECK-NEXT:    lq.ste_tern %[[T]] {clip_value = none} : tensor<3x3x8x8xf32>
func.func @ste_tern(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                    %v: vector<32xf32>, %t: tensor<3x3x8x8xf32>,
                    %td: tensor<?xbf16>) {
  %0 = lq.ste_tern %f16 : f16
  %1 = lq.ste_tern %bf16 {ternary_weight_networks = false} : bf16
  %2 = lq.ste_tern %f32 {threshold_value = 0.05} : f32
  %3 = lq.ste_tern %f64 {threshold_value = 0.05, ternary_weight_networks = false, clip_value = 1.0} : f64
  %4 = lq.ste_tern %v {threshold_value = 0.1} : vector<32xf32>
  %5 = lq.ste_tern %v {ternary_weight_networks = false} : vector<32xf32>
  %6 = lq.ste_tern %v {threshold_value = 0.0} : vector<32xf32>
  %7 = lq.ste_tern %v {threshold_value = -0.25} : vector<32xf32>
  %8 = lq.ste_tern %t {ternary_weight_networks = true} : tensor<3x3x8x8xf32>
  %9 = lq.ste_tern %td {ternary_weight_networks = true} : tensor<?xbf16>
  %10 = lq.ste_tern %td {ternary_weight_networks = true, threshold_value = 0.3, clip_value = none} : tensor<?xbf16>
  %11 = lq.ste_tern %t {clip_value = 0.0} : tensor<3x3x8x8xf32>
  %12 = lq.ste_tern %t {clip_value = none} : tensor<3x3x8x8xf32>
  return
}

// CHECK-LABEL: func.func @ste_tern_grad(
// CHECK-SAME:    %[[F32:[a-zA-Z0-9_]+]]: f32, %[[V:[a-zA-Z0-9_]+]]: vector<32xf32>, %[[T:[a-zA-Z0-9_]+]]: tensor<3x3x8x8xf32>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?x8xf64>
// CHECK-NEXT:    lq.ste_tern_grad %[[F32]], %[[F32]] : f32
// CHECK-NEXT:    lq.ste_tern_grad %[[F32]], %[[F32]] {threshold_value = 2.000000e-01 : f64} : f32
// CHECK-NEXT:    lq.ste_tern_grad %[[V]], %[[V]] {clip_value = none} : vector<32xf32>
// CHECK-NEXT:    lq.ste_tern_grad %[[T]], %[[T]] {clip_value = 0.000000e+00 : f64, ternary_weight_networks = true} : tensor<3x3x8x8xf32>
// CHECK-NEXT:    lq.ste_tern_grad %[[TD]], %[[TD]] {ternary_weight_networks = true} : tensor<?x8xf64>
// CHECK-NEXT:    lq.ste_tern_grad %[[TD]], %[[TD]] : tensor<?x8xf64>
func.func @ste_tern_grad(%f32: f32, %v: vector<32xf32>,
                         %t: tensor<3x3x8x8xf32>, %td: tensor<?x8xf64>) {
  %0 = lq.ste_tern_grad %f32, %f32 : f32
  %1 = lq.ste_tern_grad %f32, %f32 {threshold_value = 0.2} : f32
  %2 = lq.ste_tern_grad %v, %v {clip_value = none} : vector<32xf32>
  %3 = lq.ste_tern_grad %t, %t {ternary_weight_networks = true, clip_value = 0.0} : tensor<3x3x8x8xf32>
  %4 = lq.ste_tern_grad %td, %td {ternary_weight_networks = true} : tensor<?x8xf64>
  %5 = lq.ste_tern_grad %td, %td {ternary_weight_networks = false, threshold_value = 0.05, clip_value = 1.0} : tensor<?x8xf64>
  return
}

//===----------------------------------------------------------------------===//
// dorefa
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @dorefa_activations(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<64xf32>, %[[T:[a-zA-Z0-9_]+]]: tensor<?x64xf32>
// CHECK-NEXT:    lq.dorefa %[[F16]] : f16
// CHECK-NEXT:    lq.dorefa %[[BF16]] : bf16
// CHECK-NEXT:    lq.dorefa %[[F32]] : f32
// CHECK-NEXT:    lq.dorefa %[[F64]] : f64
// CHECK-NEXT:    lq.dorefa %[[F16]] {k_bit = 1 : i64} : f16
// CHECK-NEXT:    lq.dorefa %[[F16]] {k_bit = 11 : i64} : f16
// CHECK-NEXT:    lq.dorefa %[[BF16]] {k_bit = 8 : i64} : bf16
// CHECK-NEXT:    lq.dorefa %[[F32]] {k_bit = 24 : i64} : f32
// CHECK-NEXT:    lq.dorefa %[[F64]] {k_bit = 53 : i64} : f64
// CHECK-NEXT:    lq.dorefa %[[V]] {k_bit = 3 : i64} : vector<64xf32>
// CHECK-NEXT:    lq.dorefa %[[T]] : tensor<?x64xf32>
// CHECK-NEXT:    lq.dorefa %[[T]] : tensor<?x64xf32>
// CHECK-NEXT:    lq.dorefa %[[T]] {k_bit = 4 : i64} : tensor<?x64xf32>
func.func @dorefa_activations(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                              %v: vector<64xf32>, %t: tensor<?x64xf32>) {
  %0 = lq.dorefa %f16 : f16
  %1 = lq.dorefa %bf16 {k_bit = 2} : bf16
  %2 = lq.dorefa %f32 {mode = "activations"} : f32
  %3 = lq.dorefa %f64 {k_bit = 2, mode = "activations"} : f64
  %4 = lq.dorefa %f16 {k_bit = 1} : f16
  %5 = lq.dorefa %f16 {k_bit = 11} : f16
  %6 = lq.dorefa %bf16 {k_bit = 8} : bf16
  %7 = lq.dorefa %f32 {k_bit = 24} : f32
  %8 = lq.dorefa %f64 {k_bit = 53} : f64
  %9 = lq.dorefa %v {k_bit = 3} : vector<64xf32>
  %10 = lq.dorefa %t : tensor<?x64xf32>
  %11 = lq.dorefa %t {k_bit = 2 : i64, mode = "activations"} : tensor<?x64xf32>
  %12 = lq.dorefa %t {mode = "activations", k_bit = 4} : tensor<?x64xf32>
  return
}

// CHECK-LABEL: func.func @dorefa_weights(
// CHECK-SAME:    %[[T:[a-zA-Z0-9_]+]]: tensor<3x3x8x8xf32>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?x?xf16>, %[[T0:[a-zA-Z0-9_]+]]: tensor<f64>, %[[TB:[a-zA-Z0-9_]+]]: tensor<16xbf16>
// CHECK-NEXT:    lq.dorefa %[[T]] {mode = "weights"} : tensor<3x3x8x8xf32>
// CHECK-NEXT:    lq.dorefa %[[T]] {k_bit = 1 : i64, mode = "weights"} : tensor<3x3x8x8xf32>
// CHECK-NEXT:    lq.dorefa %[[TD]] {k_bit = 11 : i64, mode = "weights"} : tensor<?x?xf16>
// CHECK-NEXT:    lq.dorefa %[[T0]] {k_bit = 53 : i64, mode = "weights"} : tensor<f64>
// CHECK-NEXT:    lq.dorefa %[[TB]] {k_bit = 8 : i64, mode = "weights"} : tensor<16xbf16>
func.func @dorefa_weights(%t: tensor<3x3x8x8xf32>, %td: tensor<?x?xf16>,
                          %t0: tensor<f64>, %tb: tensor<16xbf16>) {
  %0 = lq.dorefa %t {mode = "weights", k_bit = 2} : tensor<3x3x8x8xf32>
  %1 = lq.dorefa %t {mode = "weights", k_bit = 1} : tensor<3x3x8x8xf32>
  %2 = lq.dorefa %td {mode = "weights", k_bit = 11} : tensor<?x?xf16>
  %3 = lq.dorefa %t0 {mode = "weights", k_bit = 53} : tensor<f64>
  %4 = lq.dorefa %tb {mode = "weights", k_bit = 8} : tensor<16xbf16>
  return
}

// CHECK-LABEL: func.func @dorefa_grad(
// CHECK-SAME:    %[[F32:[a-zA-Z0-9_]+]]: f32, %[[V:[a-zA-Z0-9_]+]]: vector<8xf16>, %[[T:[a-zA-Z0-9_]+]]: tensor<8x8xf32>, %[[TD:[a-zA-Z0-9_]+]]: tensor<?xf64>
// CHECK-NEXT:    lq.dorefa_grad %[[F32]], %[[F32]] : f32
// CHECK-NEXT:    lq.dorefa_grad %[[F32]], %[[F32]] {k_bit = 24 : i64} : f32
// CHECK-NEXT:    lq.dorefa_grad %[[V]], %[[V]] {k_bit = 11 : i64} : vector<8xf16>
// CHECK-NEXT:    lq.dorefa_grad %[[T]], %[[T]] {mode = "weights"} : tensor<8x8xf32>
// CHECK-NEXT:    lq.dorefa_grad %[[T]], %[[T]] {k_bit = 1 : i64, mode = "weights"} : tensor<8x8xf32>
// CHECK-NEXT:    lq.dorefa_grad %[[TD]], %[[TD]] {k_bit = 53 : i64, mode = "weights"} : tensor<?xf64>
// CHECK-NEXT:    lq.dorefa_grad %[[TD]], %[[TD]] {k_bit = 5 : i64} : tensor<?xf64>
func.func @dorefa_grad(%f32: f32, %v: vector<8xf16>, %t: tensor<8x8xf32>,
                       %td: tensor<?xf64>) {
  %0 = lq.dorefa_grad %f32, %f32 {mode = "activations", k_bit = 2} : f32
  %1 = lq.dorefa_grad %f32, %f32 {k_bit = 24} : f32
  %2 = lq.dorefa_grad %v, %v {k_bit = 11} : vector<8xf16>
  %3 = lq.dorefa_grad %t, %t {k_bit = 2, mode = "weights"} : tensor<8x8xf32>
  %4 = lq.dorefa_grad %t, %t {k_bit = 1, mode = "weights"} : tensor<8x8xf32>
  %5 = lq.dorefa_grad %td, %td {k_bit = 53, mode = "weights"} : tensor<?xf64>
  %6 = lq.dorefa_grad %td, %td {k_bit = 5, mode = "activations"} : tensor<?xf64>
  return
}

//===----------------------------------------------------------------------===//
// noop (precision is required, so it is always printed)
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @noop(
// CHECK-SAME:    %[[F16:[a-zA-Z0-9_]+]]: f16, %[[BF16:[a-zA-Z0-9_]+]]: bf16, %[[F32:[a-zA-Z0-9_]+]]: f32, %[[F64:[a-zA-Z0-9_]+]]: f64, %[[V:[a-zA-Z0-9_]+]]: vector<2x2xf32>, %[[T:[a-zA-Z0-9_]+]]: tensor<64x?xf32>
// CHECK-NEXT:    lq.noop %[[F16]] {precision = 1 : i64} : f16
// CHECK-NEXT:    lq.noop %[[BF16]] {precision = 2 : i64} : bf16
// CHECK-NEXT:    lq.noop %[[F32]] {precision = 8 : i64} : f32
// CHECK-NEXT:    lq.noop %[[F64]] {precision = 32 : i64} : f64
// CHECK-NEXT:    lq.noop %[[V]] {precision = 1 : i64} : vector<2x2xf32>
// CHECK-NEXT:    lq.noop %[[T]] {precision = 1000 : i64} : tensor<64x?xf32>
// CHECK-NEXT:    lq.noop_grad %[[F32]], %[[F32]] {precision = 1 : i64} : f32
// CHECK-NEXT:    lq.noop_grad %[[V]], %[[V]] {precision = 4 : i64} : vector<2x2xf32>
// CHECK-NEXT:    lq.noop_grad %[[T]], %[[T]] {precision = 16 : i64} : tensor<64x?xf32>
func.func @noop(%f16: f16, %bf16: bf16, %f32: f32, %f64: f64,
                %v: vector<2x2xf32>, %t: tensor<64x?xf32>) {
  %0 = lq.noop %f16 {precision = 1} : f16
  %1 = lq.noop %bf16 {precision = 2} : bf16
  %2 = lq.noop %f32 {precision = 8 : i64} : f32
  %3 = lq.noop %f64 {precision = 32} : f64
  %4 = lq.noop %v {precision = 1} : vector<2x2xf32>
  %5 = lq.noop %t {precision = 1000} : tensor<64x?xf32>
  %6 = lq.noop_grad %f32, %f32 {precision = 1} : f32
  %7 = lq.noop_grad %v, %v {precision = 4} : vector<2x2xf32>
  %8 = lq.noop_grad %t, %t {precision = 16} : tensor<64x?xf32>
  return
}

//===----------------------------------------------------------------------===//
// Results are SSA values usable like any other
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @chained(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<4x8xf32>, %[[DY:[a-zA-Z0-9_]+]]: tensor<4x8xf32>
// CHECK-NEXT:    %[[Y:.*]] = lq.ste_sign %[[X]] : tensor<4x8xf32>
// CHECK-NEXT:    %[[DX:.*]] = lq.ste_sign_grad %[[X]], %[[DY]] : tensor<4x8xf32>
// CHECK-NEXT:    %[[Z:.*]] = lq.noop %[[Y]] {precision = 1 : i64} : tensor<4x8xf32>
// CHECK-NEXT:    return %[[Z]], %[[DX]] : tensor<4x8xf32>, tensor<4x8xf32>
func.func @chained(%x: tensor<4x8xf32>, %dy: tensor<4x8xf32>)
    -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %y = lq.ste_sign %x : tensor<4x8xf32>
  %dx = lq.ste_sign_grad %x, %dy : tensor<4x8xf32>
  %z = lq.noop %y {precision = 1} : tensor<4x8xf32>
  return %z, %dx : tensor<4x8xf32>, tensor<4x8xf32>
}
