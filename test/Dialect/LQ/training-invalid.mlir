// Verifier errors of the training ops.
// RUN: lq-opt %s -split-input-file -verify-diagnostics

func.func @bop_gamma_above_one(%w: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'gamma' must be in [0, 1], got 1.5}}
  %0:2 = lq.bop_update %w, %w, %w {gamma = 1.5} : tensor<4xf32>
  return
}

// -----

func.func @bop_gamma_negative(%w: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'gamma' must be in [0, 1], got -1.000000e-01}}
  %0:2 = lq.bop_update %w, %w, %w {gamma = -0.1} : tensor<4xf32>
  return
}

// -----

func.func @bop_gamma_nan(%w: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'gamma' must be in [0, 1], got nan}}
  %0:2 = lq.bop_update %w, %w, %w {gamma = 0x7FF8000000000000 : f64} : tensor<4xf32>
  return
}

// -----

func.func @bop_threshold_negative(%w: f32) {
  // expected-error @+1 {{attribute 'threshold' must be finite and non-negative, got -1}}
  %0:2 = lq.bop_update %w, %w, %w {threshold = -1.0} : f32
  return
}

// -----

func.func @bop_threshold_infinite(%w: f32) {
  // expected-error @+1 {{attribute 'threshold' must be finite and non-negative, got INF}}
  %0:2 = lq.bop_update %w, %w, %w {threshold = 0x7FF0000000000000 : f64} : f32
  return
}

// -----

func.func @bop_mismatched_types(%w: tensor<4xf32>, %m: tensor<4xf64>) {
  // expected-error @+1 {{all of {weights, momentum, gradient, new_weights, new_momentum} have same type}}
  %0:2 = "lq.bop_update"(%w, %m, %w) : (tensor<4xf32>, tensor<4xf64>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @bop_integer(%w: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be f16/bf16/f32/f64 scalar, vector or ranked tensor}}
  %0:2 = lq.bop_update %w, %w, %w : tensor<4xi32>
  return
}

// -----

func.func @flip_ratio_shape_mismatch(%v: tensor<3xf32>, %p: tensor<4xi8>, %t: f32, %c: i64) {
  // expected-error @+1 {{'previous' ('tensor<4xi8>') must have the shape of 'values' ('tensor<3xf32>')}}
  %0:4 = lq.flip_ratio %v, %p, %t, %c : tensor<3xf32>, tensor<4xi8>, f32
  return
}

// -----

func.func @flip_ratio_rank_mismatch(%v: tensor<2x2xf32>, %p: tensor<4xi8>, %t: f32, %c: i64) {
  // expected-error @+1 {{must have the shape of 'values'}}
  %0:4 = lq.flip_ratio %v, %p, %t, %c : tensor<2x2xf32>, tensor<4xi8>, f32
  return
}

// -----

func.func @flip_ratio_previous_not_i8(%v: tensor<3xf32>, %p: tensor<3xi32>, %t: f32, %c: i64) {
  // expected-error @+1 {{operand #1 must be ranked tensor of 8-bit signless integer values}}
  %0:4 = lq.flip_ratio %v, %p, %t, %c : tensor<3xf32>, tensor<3xi32>, f32
  return
}

// -----

func.func @flip_ratio_count_not_i64(%v: tensor<3xf32>, %p: tensor<3xi8>, %t: f32, %c: i32) {
  // expected-error @+1 {{operand #3 must be 64-bit signless integer}}
  %0:4 = "lq.flip_ratio"(%v, %p, %t, %c) : (tensor<3xf32>, tensor<3xi8>, f32, i32) -> (tensor<3xi8>, f32, i64, f32)
  return
}

// -----

func.func @flip_ratio_total_type_mismatch(%v: tensor<3xf32>, %p: tensor<3xi8>, %t: f32, %c: i64) {
  // expected-error @+1 {{all of {total, new_total, ratio} have same type}}
  %0:4 = "lq.flip_ratio"(%v, %p, %t, %c) : (tensor<3xf32>, tensor<3xi8>, f32, i64) -> (tensor<3xi8>, f64, i64, f32)
  return
}

// -----

func.func @flip_ratio_unranked(%v: tensor<*xf32>, %p: tensor<3xi8>, %t: f32, %c: i64) {
  // expected-error @+1 {{operand #0 must be ranked tensor of f16, bf16, f32 or f64 values}}
  %0:4 = "lq.flip_ratio"(%v, %p, %t, %c) : (tensor<*xf32>, tensor<3xi8>, f32, i64) -> (tensor<3xi8>, f32, i64, f32)
  return
}
