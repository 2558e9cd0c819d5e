// lq-differentiate through every lq quantizer: the gradient of
// f(x) = q(x) with the cotangent dy = [1, ..., 8] must be exactly Larq's
// pseudo-gradient (docs/Semantics.md) at x = [-2, -1, -0.5, 0, 0.5, 1, 1.5,
// 3]: the expected values are the formulas evaluated by hand (swish_sign and
// dorefa weights: in f64, printed to 6 significant digits).
// RUN: lq-opt %s -lq-differentiate -lq-to-llvm | %lq_finish_llvm \
// RUN:   | %lq_run_main | FileCheck %s

func.func private @printMemrefF64(tensor<*xf64>)

// |x| <= 1 ? dy : 0
// CHECK-LABEL: {{^}}ste_sign{{$}}
// CHECK: [0,  2,  3,  4,  5,  6,  0,  0]
func.func @ste_sign(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_sign %x : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_sign_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// clip_value = none: dy
// CHECK-LABEL: {{^}}ste_sign_unclipped{{$}}
// CHECK: [1,  2,  3,  4,  5,  6,  7,  8]
func.func @ste_sign_unclipped(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_sign %x {clip_value = none} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_sign_unclipped_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// clip_value = 0: dy only at x = 0
// CHECK-LABEL: {{^}}ste_sign_clip0{{$}}
// CHECK: [0,  0,  0,  4,  0,  0,  0,  0]
func.func @ste_sign_clip0(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_sign %x {clip_value = 0.0} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_sign_clip0_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// |x| <= 1 ? (1 - |x|) * 2 * dy : 0
// CHECK-LABEL: {{^}}approx_sign{{$}}
// CHECK: [0,  0,  3,  8,  5,  0,  0,  0]
func.func @approx_sign(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.approx_sign %x : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @approx_sign_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// |x| <= 0.5 ? dy : 0
// CHECK-LABEL: {{^}}ste_heaviside{{$}}
// CHECK: [0,  0,  3,  4,  5,  0,  0,  0]
func.func @ste_heaviside(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_heaviside %x {clip_value = 0.5} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_heaviside_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// dy * 5 * (2 - 5x tanh(5x / 2)) / (1 + cosh(5x))
// CHECK-LABEL: {{^}}swish_sign{{$}}
// CHECK: [-0.00363125,  -0.389985,  -0.253865,  20,  -0.423108,  -1.16995,  -0.212381,  -0.000318138]
func.func @swish_sign(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.swish_sign %x {beta = 5.0} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @swish_sign_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// |x| <= 1 ? dy : 0, whatever the threshold
// CHECK-LABEL: {{^}}ste_tern{{$}}
// CHECK: [0,  2,  3,  4,  5,  6,  0,  0]
func.func @ste_tern(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_tern %x {threshold_value = 0.1} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_tern_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// |x| <= 1.5 ? dy : 0
// CHECK-LABEL: {{^}}ste_tern_twn{{$}}
// CHECK: [0,  2,  3,  4,  5,  6,  7,  0]
func.func @ste_tern_twn(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.ste_tern %x {ternary_weight_networks = true, clip_value = 1.5} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @ste_tern_twn_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// 0 <= x <= 1 ? dy : 0
// CHECK-LABEL: {{^}}dorefa_activations{{$}}
// CHECK: [0,  0,  0,  4,  5,  6,  0,  0]
func.func @dorefa_activations(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.dorefa %x {k_bit = 2} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @dorefa_activations_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// dy * (1 - tanh(x)^2) / max|tanh(x)|, max|tanh(x)| = tanh(3)
// CHECK-LABEL: {{^}}dorefa_weights{{$}}
// CHECK: [0.0710019,  0.844123,  2.37107,  4.01988,  3.95178,  2.53237,  1.27123,  0.0793206]
func.func @dorefa_weights(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.dorefa %x {k_bit = 2, mode = "weights"} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @dorefa_weights_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// dy
// CHECK-LABEL: {{^}}noop{{$}}
// CHECK: [1,  2,  3,  4,  5,  6,  7,  8]
func.func @noop(%x: tensor<8xf64>) -> tensor<8xf64> attributes {lq.differentiate} {
  %y = lq.noop %x {precision = 1} : tensor<8xf64>
  return %y : tensor<8xf64>
}
func.func private @noop_grad(tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>

// scale[c] = mean(|x[:, c]|) = [1.25, 1, 1, 1.5];
// dx = |x| <= 1 ? scale[c] * dy : 0.
// CHECK-LABEL: {{^}}magnitude_aware_sign{{$}}
// CHECK: [0,   2,   3,   6]
// CHECK: [6.25,   6,   0,   0]
func.func @magnitude_aware_sign(%x: tensor<2x4xf64>) -> tensor<2x4xf64> attributes {lq.differentiate} {
  %y = lq.magnitude_aware_sign %x : tensor<2x4xf64>
  return %y : tensor<2x4xf64>
}
func.func private @magnitude_aware_sign_grad(tensor<2x4xf64>, tensor<2x4xf64>) -> tensor<2x4xf64>

func.func @main() {
  %x = arith.constant dense<[-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 3.0]> : tensor<8xf64>
  %dy = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf64>
  vector.print str "ste_sign\n"
  %ste_sign = func.call @ste_sign_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_sign_u = tensor.cast %ste_sign : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_sign_u) : (tensor<*xf64>) -> ()
  vector.print str "ste_sign_unclipped\n"
  %ste_sign_unclipped = func.call @ste_sign_unclipped_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_sign_unclipped_u = tensor.cast %ste_sign_unclipped : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_sign_unclipped_u) : (tensor<*xf64>) -> ()
  vector.print str "ste_sign_clip0\n"
  %ste_sign_clip0 = func.call @ste_sign_clip0_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_sign_clip0_u = tensor.cast %ste_sign_clip0 : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_sign_clip0_u) : (tensor<*xf64>) -> ()
  vector.print str "approx_sign\n"
  %approx_sign = func.call @approx_sign_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %approx_sign_u = tensor.cast %approx_sign : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%approx_sign_u) : (tensor<*xf64>) -> ()
  vector.print str "ste_heaviside\n"
  %ste_heaviside = func.call @ste_heaviside_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_heaviside_u = tensor.cast %ste_heaviside : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_heaviside_u) : (tensor<*xf64>) -> ()
  vector.print str "swish_sign\n"
  %swish_sign = func.call @swish_sign_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %swish_sign_u = tensor.cast %swish_sign : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%swish_sign_u) : (tensor<*xf64>) -> ()
  vector.print str "ste_tern\n"
  %ste_tern = func.call @ste_tern_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_tern_u = tensor.cast %ste_tern : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_tern_u) : (tensor<*xf64>) -> ()
  vector.print str "ste_tern_twn\n"
  %ste_tern_twn = func.call @ste_tern_twn_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %ste_tern_twn_u = tensor.cast %ste_tern_twn : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%ste_tern_twn_u) : (tensor<*xf64>) -> ()
  vector.print str "dorefa_activations\n"
  %dorefa_activations = func.call @dorefa_activations_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %dorefa_activations_u = tensor.cast %dorefa_activations : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%dorefa_activations_u) : (tensor<*xf64>) -> ()
  vector.print str "dorefa_weights\n"
  %dorefa_weights = func.call @dorefa_weights_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %dorefa_weights_u = tensor.cast %dorefa_weights : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%dorefa_weights_u) : (tensor<*xf64>) -> ()
  vector.print str "noop\n"
  %noop = func.call @noop_grad(%x, %dy) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %noop_u = tensor.cast %noop : tensor<8xf64> to tensor<*xf64>
  func.call @printMemrefF64(%noop_u) : (tensor<*xf64>) -> ()
  vector.print str "magnitude_aware_sign\n"
  %x2 = tensor.expand_shape %x [[0, 1]] output_shape [2, 4] : tensor<8xf64> into tensor<2x4xf64>
  %dy2 = tensor.expand_shape %dy [[0, 1]] output_shape [2, 4] : tensor<8xf64> into tensor<2x4xf64>
  %mas = func.call @magnitude_aware_sign_grad(%x2, %dy2) : (tensor<2x4xf64>, tensor<2x4xf64>) -> tensor<2x4xf64>
  %mas_u = tensor.cast %mas : tensor<2x4xf64> to tensor<*xf64>
  func.call @printMemrefF64(%mas_u) : (tensor<*xf64>) -> ()
  return
}
