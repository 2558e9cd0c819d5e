// RUN: lq-opt %s --convert-lq-to-linalg --split-input-file | FileCheck %s

// convert-lq-to-linalg: every quantizer and gradient op becomes upstream IR.
// On tensors: one linalg.generic map for elementwise ops, plus a reduction
// for magnitude_aware_sign (per channel), ste_tern with TWN and dorefa in
// weights mode (whole tensor); on scalars and vectors: the arith/math body
// itself. Sums accumulate in f64 (extf before, truncf once after).

//===----------------------------------------------------------------------===//
// Sign family: cmpf olt + select (-0.0 and NaN give +1).
//===----------------------------------------------------------------------===//

// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @ste_sign_static
// CHECK-SAME:    %[[X:.+]]: tensor<4x8xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty() : tensor<4x8xf32>
// CHECK:         %[[Y:.+]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID2]], #[[$ID2]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]] : tensor<4x8xf32>) outs(%[[INIT]] : tensor<4x8xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[NEG:.+]] = arith.cmpf olt, %[[IN]], %[[ZERO]] : f32
// CHECK:           %[[MINUS:.+]] = arith.constant -1.000000e+00 : f32
// CHECK:           %[[PLUS:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[S:.+]] = arith.select %[[NEG]], %[[MINUS]], %[[PLUS]] : f32
// CHECK:           linalg.yield %[[S]] : f32
// CHECK:         return %[[Y]]
func.func @ste_sign_static(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = lq.ste_sign %x : tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// Dynamic dimensions are kept: the init tensor takes them from the operand.
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @ste_sign_dynamic
// CHECK-SAME:    %[[X:.+]]: tensor<?x8x?xf16>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C2:.+]] = arith.constant 2 : index
// CHECK-DAG:     %[[D0:.+]] = tensor.dim %[[X]], %[[C0]]
// CHECK-DAG:     %[[D2:.+]] = tensor.dim %[[X]], %[[C2]]
// CHECK:         %[[INIT:.+]] = tensor.empty(%[[D0]], %[[D2]]) : tensor<?x8x?xf16>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID3]], #[[$ID3]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel"]
// CHECK-SAME:      outs(%[[INIT]] : tensor<?x8x?xf16>)
// CHECK:           arith.cmpf olt, %{{.+}}, %{{.+}} : f16
// CHECK:           arith.select %{{.+}}, %{{.+}}, %{{.+}} : f16
// CHECK:         } -> tensor<?x8x?xf16>
func.func @ste_sign_dynamic(%x: tensor<?x8x?xf16>) -> tensor<?x8x?xf16> {
  %0 = lq.ste_sign %x : tensor<?x8x?xf16>
  return %0 : tensor<?x8x?xf16>
}

// -----

// approx_sign and swish_sign have the same forward: the sign.
// CHECK-LABEL: func.func @sign_family
// CHECK:         linalg.generic
// CHECK:           arith.cmpf olt
// CHECK:           arith.select
// CHECK:         linalg.generic
// CHECK:           arith.cmpf olt
// CHECK:           arith.select
// CHECK-NOT:     math.
func.func @sign_family(%x: tensor<?xbf16>) -> (tensor<?xbf16>, tensor<?xbf16>) {
  %0 = lq.approx_sign %x : tensor<?xbf16>
  %1 = lq.swish_sign %x {beta = 2.0} : tensor<?xbf16>
  return %0, %1 : tensor<?xbf16>, tensor<?xbf16>
}

// -----

// Scalars and vectors: the body itself, constants splatted.
// CHECK-LABEL: func.func @ste_sign_scalar_vector
// CHECK-SAME:    %[[S:.+]]: f64, %[[V:.+]]: vector<16xbf16>
// CHECK-NOT:     linalg
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0.000000e+00 : f64
// CHECK-DAG:     %[[VZERO:.+]] = arith.constant dense<0.000000e+00> : vector<16xbf16>
// CHECK-DAG:     %[[VMINUS:.+]] = arith.constant dense<-1.000000e+00> : vector<16xbf16>
// CHECK-DAG:     %[[VPLUS:.+]] = arith.constant dense<1.000000e+00> : vector<16xbf16>
// CHECK-DAG:     arith.cmpf olt, %[[S]], %[[ZERO]] : f64
// CHECK-DAG:     %[[VNEG:.+]] = arith.cmpf olt, %[[V]], %[[VZERO]] : vector<16xbf16>
// CHECK-DAG:     arith.select %[[VNEG]], %[[VMINUS]], %[[VPLUS]] : vector<16xi1>, vector<16xbf16>
func.func @ste_sign_scalar_vector(%s: f64, %v: vector<16xbf16>) -> (f64, vector<16xbf16>) {
  %0 = lq.ste_sign %s : f64
  %1 = lq.ste_sign %v : vector<16xbf16>
  return %0, %1 : f64, vector<16xbf16>
}

// -----

// Rank 0: a map with no loops.
// CHECK-DAG: #[[$SCALAR:.+]] = affine_map<() -> ()>
// CHECK-LABEL: func.func @ste_sign_rank0
// CHECK:         linalg.generic {indexing_maps = [#[[$SCALAR]], #[[$SCALAR]]], iterator_types = []}
// CHECK:           arith.cmpf olt
func.func @ste_sign_rank0(%x: tensor<f32>) -> tensor<f32> {
  %0 = lq.ste_sign %x : tensor<f32>
  return %0 : tensor<f32>
}

//===----------------------------------------------------------------------===//
// ste_heaviside: cmpf ogt + select 1/0 (both zeros and NaN give 0).
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @ste_heaviside
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[POS:.+]] = arith.cmpf ogt, %[[IN]], %[[ZERO]] : f32
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[ZERO2:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           arith.select %[[POS]], %[[ONE]], %[[ZERO2]] : f32
func.func @ste_heaviside(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = lq.ste_heaviside %x {clip_value = 0.5} : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

//===----------------------------------------------------------------------===//
// Straight-through gradients: |x| <= clip (cmpf ole) selects dy, else 0.
//===----------------------------------------------------------------------===//

// -----

// CHECK-DAG: #[[$ID1:.+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @ste_sign_grad
// CHECK-SAME:    %[[X:.+]]: tensor<?xf32>, %[[DY:.+]]: tensor<?xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID1]], #[[$ID1]], #[[$ID1]]]
// CHECK-SAME:      iterator_types = ["parallel"]
// CHECK-SAME:      ins(%[[X]], %[[DY]] : tensor<?xf32>, tensor<?xf32>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[G:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ABS:.+]] = math.absf %[[IN]] : f32
// CHECK:           %[[CLIP:.+]] = arith.constant 2.500000e+00 : f32
// CHECK:           %[[INSIDE:.+]] = arith.cmpf ole, %[[ABS]], %[[CLIP]] : f32
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[DX:.+]] = arith.select %[[INSIDE]], %[[G]], %[[ZERO]] : f32
// CHECK:           linalg.yield %[[DX]] : f32
func.func @ste_sign_grad(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 2.5} : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// The default clip_value is 1.0; clip_value = 0 keeps the mask (|x| <= 0);
// the bound is rounded to the element type (0.3 in f16).
// CHECK-LABEL: func.func @ste_grads
// CHECK:         linalg.generic
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f16
// CHECK:           arith.cmpf ole, %{{.+}}, %[[ONE]] : f16
// CHECK:         linalg.generic
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f16
// CHECK:           arith.cmpf ole, %{{.+}}, %[[ZERO]] : f16
// CHECK:           arith.select
// CHECK:         linalg.generic
// CHECK:           %[[C:.+]] = arith.constant 3.000490e-01 : f16
// CHECK:           arith.cmpf ole, %{{.+}}, %[[C]] : f16
func.func @ste_grads(%x: tensor<8xf16>, %dy: tensor<8xf16>)
    -> (tensor<8xf16>, tensor<8xf16>, tensor<8xf16>) {
  %0 = lq.ste_heaviside_grad %x, %dy : tensor<8xf16>
  %1 = lq.ste_sign_grad %x, %dy {clip_value = 0.0} : tensor<8xf16>
  %2 = lq.ste_tern_grad %x, %dy {threshold_value = 0.7, clip_value = 0.3} : tensor<8xf16>
  return %0, %1, %2 : tensor<8xf16>, tensor<8xf16>, tensor<8xf16>
}

// -----

// clip_value = none: dx is dy itself, for every form.
// CHECK-LABEL: func.func @ste_grad_none
// CHECK-SAME:    %[[X:.+]]: tensor<?xf32>, %[[DY:.+]]: tensor<?xf32>, %[[SX:.+]]: f32, %[[SDY:.+]]: f32, %[[VX:.+]]: vector<4xf64>, %[[VDY:.+]]: vector<4xf64>
// CHECK-NOT:     linalg
// CHECK-NOT:     arith
// CHECK:         return %[[DY]], %[[DY]], %[[SDY]], %[[VDY]]
func.func @ste_grad_none(%x: tensor<?xf32>, %dy: tensor<?xf32>, %sx: f32,
                         %sdy: f32, %vx: vector<4xf64>, %vdy: vector<4xf64>)
    -> (tensor<?xf32>, tensor<?xf32>, f32, vector<4xf64>) {
  %0 = lq.ste_sign_grad %x, %dy {clip_value = none} : tensor<?xf32>
  %1 = lq.ste_tern_grad %x, %dy {clip_value = none} : tensor<?xf32>
  %2 = lq.ste_heaviside_grad %sx, %sdy {clip_value = none} : f32
  %3 = lq.ste_sign_grad %vx, %vdy {clip_value = none} : vector<4xf64>
  return %0, %1, %2, %3 : tensor<?xf32>, tensor<?xf32>, f32, vector<4xf64>
}

// -----

// Scalars and vectors: the masked select directly.
// CHECK-LABEL: func.func @ste_grad_scalar_vector
// CHECK-SAME:    %[[X:.+]]: f64, %[[DY:.+]]: f64, %[[VX:.+]]: vector<8xf32>, %[[VDY:.+]]: vector<8xf32>
// CHECK-NOT:     linalg
// CHECK-DAG:     %[[ABS:.+]] = math.absf %[[X]] : f64
// CHECK-DAG:     %[[IN:.+]] = arith.cmpf ole, %[[ABS]], %{{.+}} : f64
// CHECK-DAG:     arith.select %[[IN]], %[[DY]], %{{.+}} : f64
// CHECK-DAG:     %[[VABS:.+]] = math.absf %[[VX]] : vector<8xf32>
// CHECK-DAG:     %[[VIN:.+]] = arith.cmpf ole, %[[VABS]], %{{.+}} : vector<8xf32>
// CHECK-DAG:     arith.select %[[VIN]], %[[VDY]], %{{.+}} : vector<8xi1>, vector<8xf32>
func.func @ste_grad_scalar_vector(%x: f64, %dy: f64, %vx: vector<8xf32>,
                                  %vdy: vector<8xf32>) -> (f64, vector<8xf32>) {
  %0 = lq.ste_sign_grad %x, %dy {clip_value = 0.0} : f64
  %1 = lq.ste_heaviside_grad %vx, %vdy : vector<8xf32>
  return %0, %1 : f64, vector<8xf32>
}

//===----------------------------------------------------------------------===//
// approx_sign_grad: |x| <= 1 ? (1 - |x|) * 2 * dy : 0.
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @approx_sign_grad
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[G:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[ABS:.+]] = math.absf %[[IN]] : f32
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[INSIDE:.+]] = arith.cmpf ole, %[[ABS]], %[[ONE]] : f32
// CHECK:           %[[ONE2:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[D:.+]] = arith.subf %[[ONE2]], %[[ABS]] : f32
// CHECK:           %[[TWO:.+]] = arith.constant 2.000000e+00 : f32
// CHECK:           %[[SLOPE:.+]] = arith.mulf %[[D]], %[[TWO]] : f32
// CHECK:           %[[P:.+]] = arith.mulf %[[SLOPE]], %[[G]] : f32
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[DX:.+]] = arith.select %[[INSIDE]], %[[P]], %[[ZERO]] : f32
// CHECK:           linalg.yield %[[DX]]
func.func @approx_sign_grad(%x: tensor<?x3xf32>, %dy: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = lq.approx_sign_grad %x, %dy : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @approx_sign_grad_vector
// CHECK-NOT:     linalg
// CHECK:         math.absf %{{.+}} : vector<4xf16>
// CHECK:         arith.cmpf ole, %{{.+}}, %{{.+}} : vector<4xf16>
// CHECK:         arith.select %{{.+}}, %{{.+}}, %{{.+}} : vector<4xi1>, vector<4xf16>
func.func @approx_sign_grad_vector(%x: vector<4xf16>, %dy: vector<4xf16>) -> vector<4xf16> {
  %0 = lq.approx_sign_grad %x, %dy : vector<4xf16>
  return %0 : vector<4xf16>
}

//===----------------------------------------------------------------------===//
// swish_sign_grad: dy * beta * (2 - bx * tanh(bx * 0.5)) / (1 + cosh(bx)).
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @swish_sign_grad
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[G:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[BETA:.+]] = arith.constant 1.000000e+01 : f32
// CHECK:           %[[BX:.+]] = arith.mulf %[[BETA]], %[[IN]] : f32
// CHECK:           %[[HALF:.+]] = arith.constant 5.000000e-01 : f32
// CHECK:           %[[H:.+]] = arith.mulf %[[BX]], %[[HALF]] : f32
// CHECK:           %[[T:.+]] = math.tanh %[[H]] : f32
// CHECK:           %[[GB:.+]] = arith.mulf %[[G]], %[[BETA]] : f32
// CHECK:           %[[TWO:.+]] = arith.constant 2.000000e+00 : f32
// CHECK:           %[[BXT:.+]] = arith.mulf %[[BX]], %[[T]] : f32
// CHECK:           %[[D:.+]] = arith.subf %[[TWO]], %[[BXT]] : f32
// CHECK:           %[[NUM:.+]] = arith.mulf %[[GB]], %[[D]] : f32
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[C:.+]] = math.cosh %[[BX]] : f32
// CHECK:           %[[DEN:.+]] = arith.addf %[[ONE]], %[[C]] : f32
// CHECK:           %[[DX:.+]] = arith.divf %[[NUM]], %[[DEN]] : f32
// CHECK:           linalg.yield %[[DX]]
// CHECK-NOT:       arith.select
func.func @swish_sign_grad(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.swish_sign_grad %x, %dy {beta = 10.0} : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @swish_sign_grad_scalar
// CHECK-NOT:     linalg
// CHECK-DAG:     arith.constant 5.000000e+00 : f64
// CHECK-DAG:     math.tanh %{{.+}} : f64
// CHECK-DAG:     math.cosh %{{.+}} : f64
// CHECK:         arith.divf %{{.+}}, %{{.+}} : f64
func.func @swish_sign_grad_scalar(%x: f64, %dy: f64) -> f64 {
  %0 = lq.swish_sign_grad %x, %dy : f64
  return %0 : f64
}

//===----------------------------------------------------------------------===//
// magnitude_aware_sign: per-channel mean(|x|) over every axis but the last.
//===----------------------------------------------------------------------===//

// -----

// The sums: a linalg.generic reducing all but the channel axis into an f64
// tensor over the channels (extf before the add); then the mean, truncf
// once and divided by the row count in f32; then the map, which reads the
// scale through the per-channel map (d0, d1, d2, d3) -> (d3).
// CHECK-DAG: #[[$ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$CH4:.+]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[$ID1:.+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @magnitude_aware_sign
// CHECK-SAME:    %[[X:.+]]: tensor<3x3x?x?xf32>
// CHECK-DAG:     %[[C3:.+]] = arith.constant 3 : index
// CHECK-DAG:     %[[F64ZERO:.+]] = arith.constant 0.000000e+00 : f64
// CHECK-DAG:     %[[NCH:.+]] = tensor.dim %[[X]], %[[C3]]
// CHECK:         %[[ACC:.+]] = tensor.empty(%[[NCH]]) : tensor<?xf64>
// CHECK:         %[[ZEROS:.+]] = linalg.fill ins(%[[F64ZERO]] : f64) outs(%[[ACC]] : tensor<?xf64>)
// CHECK:         %[[SUMS:.+]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID4]], #[[$CH4]]]
// CHECK-SAME:      iterator_types = ["reduction", "reduction", "reduction", "parallel"]
// CHECK-SAME:      ins(%[[X]] : tensor<3x3x?x?xf32>) outs(%[[ZEROS]] : tensor<?xf64>)
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[OUT:.+]]: f64):
// CHECK:           %[[ABS:.+]] = math.absf %[[IN]] : f32
// CHECK:           %[[WIDE:.+]] = arith.extf %[[ABS]] : f32 to f64
// CHECK:           %[[SUM:.+]] = arith.addf %[[OUT]], %[[WIDE]] : f64
// CHECK:           linalg.yield %[[SUM]] : f64
// CHECK:         } -> tensor<?xf64>
// CHECK:         %[[ROWS:.+]] = arith.index_castui %{{.+}} : index to i64
// CHECK:         %[[COUNT:.+]] = arith.uitofp %[[ROWS]] : i64 to f32
// CHECK:         %[[SCALE:.+]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID1]], #[[$ID1]]]
// CHECK-SAME:      iterator_types = ["parallel"]
// CHECK-SAME:      ins(%[[SUMS]] : tensor<?xf64>)
// CHECK:         ^bb0(%[[S:.+]]: f64, %{{.+}}: f32):
// CHECK:           %[[NARROW:.+]] = arith.truncf %[[S]] : f64 to f32
// CHECK:           %[[MEAN:.+]] = arith.divf %[[NARROW]], %[[COUNT]] : f32
// CHECK:           linalg.yield %[[MEAN]] : f32
// CHECK:         } -> tensor<?xf32>
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID4]], #[[$CH4]], #[[$ID4]]]
// CHECK-SAME:      iterator_types = ["parallel", "parallel", "parallel", "parallel"]
// CHECK-SAME:      ins(%[[X]], %[[SCALE]] : tensor<3x3x?x?xf32>, tensor<?xf32>)
// CHECK:         ^bb0(%[[XIN:.+]]: f32, %[[SIN:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[NEG:.+]] = arith.cmpf olt, %[[XIN]], %{{.+}} : f32
// CHECK:           %[[SIGN:.+]] = arith.select %[[NEG]], %{{.+}}, %{{.+}} : f32
// CHECK:           %[[Y:.+]] = arith.mulf %[[SIGN]], %[[SIN]] : f32
// CHECK:           linalg.yield %[[Y]] : f32
func.func @magnitude_aware_sign(%x: tensor<3x3x?x?xf32>) -> tensor<3x3x?x?xf32> {
  %0 = lq.magnitude_aware_sign %x : tensor<3x3x?x?xf32>
  return %0 : tensor<3x3x?x?xf32>
}

// -----

// f64: the sum is already in f64 (no extf/truncf). The gradient scales dy
// first, then masks: |x| <= clip ? scale * dy : 0.
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$CH2:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @magnitude_aware_sign_grad
// CHECK-SAME:    %[[X:.+]]: tensor<?x5xf64>, %[[DY:.+]]: tensor<?x5xf64>
// CHECK-NOT:     arith.extf
// CHECK-NOT:     arith.truncf
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["reduction", "parallel"]
// CHECK:           math.absf %{{.+}} : f64
// CHECK:           arith.addf %{{.+}}, %{{.+}} : f64
// CHECK:         %[[COUNT:.+]] = arith.uitofp %{{.+}} : i64 to f64
// CHECK:         %[[SCALE:.+]] = linalg.generic
// CHECK:           arith.divf %{{.+}}, %[[COUNT]] : f64
// CHECK:         linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID2]], #[[$ID2]], #[[$CH2]], #[[$ID2]]]
// CHECK-SAME:      ins(%[[X]], %[[DY]], %[[SCALE]] : tensor<?x5xf64>, tensor<?x5xf64>, tensor<5xf64>)
// CHECK:         ^bb0(%[[XIN:.+]]: f64, %[[G:.+]]: f64, %[[SIN:.+]]: f64, %{{.+}}: f64):
// CHECK:           %[[SCALED:.+]] = arith.mulf %[[SIN]], %[[G]] : f64
// CHECK:           %[[ABS:.+]] = math.absf %[[XIN]] : f64
// CHECK:           %[[CLIP:.+]] = arith.constant 5.000000e-01 : f64
// CHECK:           %[[INSIDE:.+]] = arith.cmpf ole, %[[ABS]], %[[CLIP]] : f64
// CHECK:           arith.select %[[INSIDE]], %[[SCALED]], %{{.+}} : f64
func.func @magnitude_aware_sign_grad(%x: tensor<?x5xf64>, %dy: tensor<?x5xf64>) -> tensor<?x5xf64> {
  %0 = lq.magnitude_aware_sign_grad %x, %dy {clip_value = 0.5} : tensor<?x5xf64>
  return %0 : tensor<?x5xf64>
}

// -----

// Rank 1: every element is its own channel, the scale is |x| (no reduction).
// CHECK-LABEL: func.func @magnitude_aware_sign_rank1
// CHECK-NOT:     linalg.fill
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel"]
// CHECK:         ^bb0(%[[IN:.+]]: bf16, %{{.+}}: bf16):
// CHECK:           %[[ABS:.+]] = math.absf %[[IN]] : bf16
// CHECK:           %[[SIGN:.+]] = arith.select
// CHECK:           arith.mulf %[[SIGN]], %[[ABS]] : bf16
// CHECK-NOT:     linalg.generic
func.func @magnitude_aware_sign_rank1(%x: tensor<?xbf16>) -> tensor<?xbf16> {
  %0 = lq.magnitude_aware_sign %x : tensor<?xbf16>
  return %0 : tensor<?xbf16>
}

//===----------------------------------------------------------------------===//
// ste_tern: sign0(sign0(x + t) + sign0(x - t)), sign0 with cmpf ogt/olt.
//===----------------------------------------------------------------------===//

// -----

// The threshold is rounded to the element type (0.05 in f16).
// CHECK-LABEL: func.func @ste_tern
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f16, %{{.+}}: f16):
// CHECK:           %[[T:.+]] = arith.constant 4.998780e-02 : f16
// CHECK:           %[[UP:.+]] = arith.addf %[[IN]], %[[T]] : f16
// CHECK:           arith.cmpf ogt, %[[UP]], %[[ZERO:.+]] : f16
// CHECK:           arith.cmpf olt, %[[UP]], %[[ZERO]] : f16
// CHECK:           %[[LO:.+]] = arith.subf %[[IN]], %[[T]] : f16
// CHECK:           arith.cmpf ogt, %[[LO]]
// CHECK:           arith.cmpf olt, %[[LO]]
// CHECK:           %[[SUM:.+]] = arith.addf
// CHECK:           %[[P:.+]] = arith.cmpf ogt, %[[SUM]]
// CHECK:           arith.cmpf olt, %[[SUM]]
// CHECK:           %[[N:.+]] = arith.select
// CHECK:           %[[R:.+]] = arith.select %[[P]], %{{.+}}, %[[N]] : f16
// CHECK:           linalg.yield %[[R]] : f16
func.func @ste_tern(%x: tensor<8xf16>) -> tensor<8xf16> {
  %0 = lq.ste_tern %x : tensor<8xf16>
  return %0 : tensor<8xf16>
}

// -----

// TWN: sum(|x|) over the whole tensor (every iterator a reduction) into an
// f64 scalar, truncf once, t = 0.7 * sum / size in the element type.
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ALL:.+]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @ste_tern_twn
// CHECK-SAME:    %[[X:.+]]: tensor<?x?xf32>
// CHECK:         %[[ACC:.+]] = tensor.empty() : tensor<f64>
// CHECK:         %[[INIT:.+]] = linalg.fill ins(%{{.+}} : f64) outs(%[[ACC]] : tensor<f64>)
// CHECK:         %[[RED:.+]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID2]], #[[$ALL]]]
// CHECK-SAME:      iterator_types = ["reduction", "reduction"]
// CHECK-SAME:      ins(%[[X]] : tensor<?x?xf32>) outs(%[[INIT]] : tensor<f64>)
// CHECK:           %[[ABS:.+]] = math.absf %{{.+}} : f32
// CHECK:           %[[WIDE:.+]] = arith.extf %[[ABS]] : f32 to f64
// CHECK:           arith.addf %{{.+}}, %[[WIDE]] : f64
// CHECK:         %[[SUM:.+]] = tensor.extract %[[RED]][] : tensor<f64>
// CHECK:         %[[NARROW:.+]] = arith.truncf %[[SUM]] : f64 to f32
// CHECK:         %[[SIZE:.+]] = arith.uitofp %{{.+}} : i64 to f32
// CHECK:         %[[C07:.+]] = arith.constant 0.699999988 : f32
// CHECK:         %[[SCALED:.+]] = arith.mulf %[[C07]], %[[NARROW]] : f32
// CHECK:         %[[T:.+]] = arith.divf %[[SCALED]], %[[SIZE]] : f32
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK:           arith.addf %{{.+}}, %[[T]] : f32
// CHECK:           arith.subf %{{.+}}, %[[T]] : f32
func.func @ste_tern_twn(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @ste_tern_vector
// CHECK-NOT:     linalg
// CHECK:         %[[T:.+]] = arith.constant dense<-2.500000e-01> : vector<4xf32>
// CHECK:         arith.addf %{{.+}}, %[[T]] : vector<4xf32>
// CHECK:         arith.cmpf ogt
// CHECK:         arith.cmpf olt
func.func @ste_tern_vector(%x: vector<4xf32>) -> vector<4xf32> {
  %0 = lq.ste_tern %x {threshold_value = -0.25} : vector<4xf32>
  return %0 : vector<4xf32>
}

//===----------------------------------------------------------------------===//
// dorefa
//===----------------------------------------------------------------------===//

// -----

// Activations: maximumf(minimumf(x, 1), 0) * n, roundeven, / n.
// CHECK-LABEL: func.func @dorefa_activations
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: bf16, %{{.+}}: bf16):
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : bf16
// CHECK:           %[[MIN:.+]] = arith.minimumf %[[IN]], %[[ONE]] : bf16
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : bf16
// CHECK:           %[[CLIP:.+]] = arith.maximumf %[[MIN]], %[[ZERO]] : bf16
// CHECK:           %[[N:.+]] = arith.constant 7.000000e+00 : bf16
// CHECK:           %[[P:.+]] = arith.mulf %[[CLIP]], %[[N]] : bf16
// CHECK:           %[[R:.+]] = math.roundeven %[[P]] : bf16
// CHECK:           %[[Y:.+]] = arith.divf %[[R]], %[[N]] : bf16
// CHECK:           linalg.yield %[[Y]] : bf16
func.func @dorefa_activations(%x: tensor<?x4xbf16>) -> tensor<?x4xbf16> {
  %0 = lq.dorefa %x {k_bit = 3} : tensor<?x4xbf16>
  return %0 : tensor<?x4xbf16>
}

// -----

// Activations gradient: 0 <= x <= 1 (cmpf oge and ole, both inclusive).
// CHECK-LABEL: func.func @dorefa_activations_grad
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[IN:.+]]: f32, %[[G:.+]]: f32, %{{.+}}: f32):
// CHECK:           %[[GE:.+]] = arith.cmpf oge, %[[IN]], %{{.+}} : f32
// CHECK:           %[[LE:.+]] = arith.cmpf ole, %[[IN]], %{{.+}} : f32
// CHECK:           %[[INSIDE:.+]] = arith.andi %[[GE]], %[[LE]] : i1
// CHECK:           arith.select %[[INSIDE]], %[[G]], %{{.+}} : f32
func.func @dorefa_activations_grad(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.dorefa_grad %x, %dy : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @dorefa_activations_scalar
// CHECK-NOT:     linalg
// CHECK:         arith.minimumf %{{.+}}, %{{.+}} : f64
// CHECK:         arith.maximumf
// CHECK:         arith.constant 3.000000e+00 : f64
// CHECK:         math.roundeven %{{.+}} : f64
func.func @dorefa_activations_scalar(%x: f64) -> f64 {
  %0 = lq.dorefa %x : f64
  return %0 : f64
}

// -----

// Weights: D = max|tanh(x)| over the whole tensor, computed as
// tanh(max|x|) (tanh is odd and increasing): a reduction of |x| with
// maximumf from +0 in the element type, then one tanh. Then the map with
// p = D == 0 ? 0.5 : tanh(x) / (2D) + 0.5, y = 2 * round(p * n) / n - 1.
// CHECK-DAG: #[[$ID1:.+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$ALL:.+]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @dorefa_weights
// CHECK-SAME:    %[[X:.+]]: tensor<?xf64>
// CHECK:         %[[INIT:.+]] = linalg.fill ins(%{{.+}} : f64) outs(%{{.+}} : tensor<f64>)
// CHECK:         %[[RED:.+]] = linalg.generic
// CHECK-SAME:      indexing_maps = [#[[$ID1]], #[[$ALL]]]
// CHECK-SAME:      iterator_types = ["reduction"]
// CHECK-SAME:      ins(%[[X]] : tensor<?xf64>) outs(%[[INIT]] : tensor<f64>)
// CHECK:         ^bb0(%[[IN:.+]]: f64, %[[OUT:.+]]: f64):
// CHECK:           %[[ABS:.+]] = math.absf %[[IN]] : f64
// CHECK:           %[[MAX:.+]] = arith.maximumf %[[OUT]], %[[ABS]] : f64
// CHECK:           linalg.yield %[[MAX]] : f64
// CHECK:         %[[M:.+]] = tensor.extract %[[RED]][] : tensor<f64>
// CHECK:         %[[D:.+]] = math.tanh %[[M]] : f64
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel"]
// CHECK:         ^bb0(%[[XIN:.+]]: f64, %{{.+}}: f64):
// CHECK:           %[[L:.+]] = math.tanh %[[XIN]] : f64
// CHECK:           %[[HALF:.+]] = arith.constant 5.000000e-01 : f64
// CHECK:           %[[TWO:.+]] = arith.constant 2.000000e+00 : f64
// CHECK:           %[[TWOD:.+]] = arith.mulf %[[TWO]], %[[D]] : f64
// CHECK:           %[[Q:.+]] = arith.divf %[[L]], %[[TWOD]] : f64
// CHECK:           %[[P0:.+]] = arith.addf %[[Q]], %[[HALF]] : f64
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f64
// CHECK:           %[[DZERO:.+]] = arith.cmpf oeq, %[[D]], %[[ZERO]] : f64
// CHECK:           %[[P:.+]] = arith.select %[[DZERO]], %[[HALF]], %[[P0]] : f64
// CHECK:           %[[N:.+]] = arith.constant 3.000000e+00 : f64
// CHECK:           %[[TWO2:.+]] = arith.constant 2.000000e+00 : f64
// CHECK:           %[[PN:.+]] = arith.mulf %[[P]], %[[N]] : f64
// CHECK:           %[[R:.+]] = math.roundeven %[[PN]] : f64
// CHECK:           %[[TWICE:.+]] = arith.mulf %[[TWO2]], %[[R]] : f64
// CHECK:           %[[LEVEL:.+]] = arith.divf %[[TWICE]], %[[N]] : f64
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f64
// CHECK:           %[[Y:.+]] = arith.subf %[[LEVEL]], %[[ONE]] : f64
// CHECK:           linalg.yield %[[Y]] : f64
func.func @dorefa_weights(%x: tensor<?xf64>) -> tensor<?xf64> {
  %0 = lq.dorefa %x {mode = "weights"} : tensor<?xf64>
  return %0 : tensor<?xf64>
}

// -----

// Weights on f32 with few levels (k_bit <= 3): the level thresholds are
// found once per call (a bisection over the float ordering evaluating the
// formula above on scalars), and the map only compares and selects: no tanh
// per element. NaN elements and a NaN D stay NaN.
// CHECK-LABEL: func.func @dorefa_weights_f32
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["reduction", "reduction"]
// CHECK:           arith.maximumf
// CHECK:         %[[D:.+]] = math.tanh %{{.+}} : f32
// CHECK:         scf.while
// CHECK:           math.tanh %{{.+}} : f32
// CHECK:           math.roundeven
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "parallel"]
// CHECK:         ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK-NOT:       math.tanh
// CHECK:           arith.cmpf oge, %[[IN]], %{{.+}} : f32
// CHECK:           arith.cmpf uno, %[[D]], %[[D]] : f32
// CHECK:           arith.cmpf uno, %[[IN]], %[[IN]] : f32
// CHECK:           linalg.yield
func.func @dorefa_weights_f32(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = lq.dorefa %x {mode = "weights", k_bit = 1} : tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}

// -----

// Weights gradient: dy * (1 - tanh(x)^2) / D, 0 where D == 0.
// CHECK-LABEL: func.func @dorefa_weights_grad
// CHECK:         %[[RED:.+]] = linalg.generic
// CHECK-SAME:      iterator_types = ["reduction"]
// CHECK:           math.absf %{{.+}} : f16
// CHECK:           arith.maximumf %{{.+}}, %{{.+}} : f16
// CHECK:         %[[M:.+]] = tensor.extract %[[RED]][] : tensor<f16>
// CHECK:         %[[D:.+]] = math.tanh %[[M]] : f16
// CHECK:         linalg.generic
// CHECK:         ^bb0(%[[XIN:.+]]: f16, %[[G:.+]]: f16, %{{.+}}: f16):
// CHECK:           %[[T:.+]] = math.tanh %[[XIN]] : f16
// CHECK:           %[[ONE:.+]] = arith.constant 1.000000e+00 : f16
// CHECK:           %[[T2:.+]] = arith.mulf %[[T]], %[[T]] : f16
// CHECK:           %[[SLOPE:.+]] = arith.subf %[[ONE]], %[[T2]] : f16
// CHECK:           %[[P:.+]] = arith.mulf %[[G]], %[[SLOPE]] : f16
// CHECK:           %[[Q:.+]] = arith.divf %[[P]], %[[D]] : f16
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f16
// CHECK:           %[[DZERO:.+]] = arith.cmpf oeq, %[[D]], %[[ZERO]] : f16
// CHECK:           %[[ZERO2:.+]] = arith.constant 0.000000e+00 : f16
// CHECK:           %[[DX:.+]] = arith.select %[[DZERO]], %[[ZERO2]], %[[Q]] : f16
// CHECK:           linalg.yield %[[DX]] : f16
func.func @dorefa_weights_grad(%x: tensor<?xf16>, %dy: tensor<?xf16>) -> tensor<?xf16> {
  %0 = lq.dorefa_grad %x, %dy {mode = "weights", k_bit = 1} : tensor<?xf16>
  return %0 : tensor<?xf16>
}

//===----------------------------------------------------------------------===//
// noop: x, and dy for its gradient.
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @noop
// CHECK-SAME:    %[[X:.+]]: tensor<?xf32>, %[[DY:.+]]: tensor<?xf32>, %[[S:.+]]: f16
// CHECK-NOT:     linalg
// CHECK:         return %[[X]], %[[DY]], %[[S]]
func.func @noop(%x: tensor<?xf32>, %dy: tensor<?xf32>, %s: f16)
    -> (tensor<?xf32>, tensor<?xf32>, f16) {
  %0 = lq.noop %x {precision = 3} : tensor<?xf32>
  %1 = lq.noop_grad %x, %dy {precision = 3} : tensor<?xf32>
  %2 = lq.noop %s {precision = 1} : f16
  return %0, %1, %2 : tensor<?xf32>, tensor<?xf32>, f16
}

// -----

// Ops of other dialects are left alone.
// CHECK-LABEL: func.func @other_ops
// CHECK:         arith.addf %{{.+}}, %{{.+}} : tensor<4xf32>
// CHECK:         linalg.generic
// CHECK-NOT:     lq.
func.func @other_ops(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %x, %x : tensor<4xf32>
  %1 = lq.ste_sign %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
