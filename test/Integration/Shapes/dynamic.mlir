// RUN: lq-opt %s --lq-to-llvm | \
// RUN:   mlir-runner -e main -entry-point-result=void \
// RUN:     -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils | \
// RUN:   FileCheck %s
// RUN: lq-opt %s --lq-to-llvm=binary-kernels=reference | \
// RUN:   mlir-runner -e main -entry-point-result=void \
// RUN:     -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils | \
// RUN:   FileCheck %s

// lq-to-llvm on several dynamic sizes followed by a static one (?x?x3,
// 1x?x?x2): the flattened buffers are re-expanded with a static innermost
// stride, which lq-lower-multi-dynamic-expand-shape must keep static (it once
// made it dynamic and reinterpret_cast rejected the type, so these functions
// did not compile). Each dynamic function runs next to its static twin on the
// same data: the printed rows must agree, and match the hand-computed values.
// Then bitpack / bitunpack whose word dimension is dynamic on one side only.

func.func @sign_dynamic(%x: tensor<?x?x3xf32>) -> tensor<?x?x3xf32> {
  %y = lq.ste_sign %x : tensor<?x?x3xf32>
  return %y : tensor<?x?x3xf32>
}

func.func @sign_static(%x: tensor<2x2x3xf32>) -> tensor<2x2x3xf32> {
  %y = lq.ste_sign %x : tensor<2x2x3xf32>
  return %y : tensor<2x2x3xf32>
}

// One-padded 3x3 binary convolution, raw output (dot products).
func.func @conv_dynamic(%a: tensor<1x?x?x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x?x?x2xi32> {
  %y = lq.bconv2d %a, %w {channels_in = 64, pad_value = 1, padding = array<i64: 1, 1, 1, 1>}
      : tensor<1x?x?x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x?x?x2xi32>
  return %y : tensor<1x?x?x2xi32>
}

func.func @conv_static(%a: tensor<1x2x2x1xi64>, %w: tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xi32> {
  %y = lq.bconv2d %a, %w {channels_in = 64, pad_value = 1, padding = array<i64: 1, 1, 1, 1>}
      : tensor<1x2x2x1xi64>, tensor<2x3x3x1xi64> -> tensor<1x2x2x2xi32>
  return %y : tensor<1x2x2x2xi32>
}

// Result types less static than the operand's (both verify): the lowering
// must expand to the operand's shape, then cast.
func.func @pack_less_static(%x: tensor<2x2x3xf32>) -> tensor<2x2x?xi64> {
  %p = lq.bitpack %x : tensor<2x2x3xf32> -> tensor<2x2x?xi64>
  return %p : tensor<2x2x?xi64>
}

func.func @unpack_dynamic_words(%p: tensor<2x?xi64>) -> tensor<2x3xf32> {
  %y = lq.bitunpack %p : tensor<2x?xi64> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func private @printMemrefI64(tensor<*xi64>)
func.func private @printMemrefI32(tensor<*xi32>)

func.func @main() {
  // Signs: -0.0 -> +1, NaN -> +1 (lq's choice), -tiny -> -1.
  %x = arith.constant dense<[[[-0.0, 1.0, -2.0], [0x7FC00000, -1.0e-45, 3.0]],
                             [[-4.0, 0.0, 5.0], [-6.0, 7.0, -0.5]]]> : tensor<2x2x3xf32>
  %xd = tensor.cast %x : tensor<2x2x3xf32> to tensor<?x?x3xf32>
  %sd = call @sign_dynamic(%xd) : (tensor<?x?x3xf32>) -> tensor<?x?x3xf32>
  %ss = call @sign_static(%x) : (tensor<2x2x3xf32>) -> tensor<2x2x3xf32>
  %sdu = tensor.cast %sd : tensor<?x?x3xf32> to tensor<*xf32>
  %ssu = tensor.cast %ss : tensor<2x2x3xf32> to tensor<*xf32>
  // CHECK: rank = 3 offset = 0 sizes = [2, 2, 3]
  // CHECK-NEXT: {{\[}}{{\[}}[1,   1,   -1],
  // CHECK-NEXT: [1,   -1,   1]],
  // CHECK-NEXT: {{\[}}[-1,   1,   1],
  // CHECK-NEXT: [-1,   1,   -1]]]
  // CHECK: rank = 3 offset = 0 sizes = [2, 2, 3]
  // CHECK-NEXT: {{\[}}{{\[}}[1,   1,   -1],
  // CHECK-NEXT: [1,   -1,   1]],
  // CHECK-NEXT: {{\[}}[-1,   1,   1],
  // CHECK-NEXT: [-1,   1,   -1]]]
  call @printMemrefF32(%sdu) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%ssu) : (tensor<*xf32>) -> ()

  // Input pixels: all +1 (word 0), all -1 (word -1), and two mixed words;
  // filter 0 all +1, filter 1 all -1. With one padding, each output is
  // sum over the 3x3 window of (64 - 2 * popcount(a xor w)); the padded
  // pixels are +1 (word 0). Pixel bits: 0 -> 0 negatives, -1 -> 64,
  // 255 -> 8, 65535 -> 16. Filter 0 (+1): every pixel contributes
  // 64 - 2 * negatives; the window of each output covers all 4 pixels plus
  // 5 padded ones: 5 * 64 + (64 - 0) + (64 - 128) + (64 - 16) + (64 - 32)
  // = 320 + 64 - 64 + 48 + 32 = 400. Filter 1 (-1) gives the negation.
  %a = arith.constant dense<[[[[0], [-1]], [[255], [65535]]]]> : tensor<1x2x2x1xi64>
  %w = arith.constant dense<[[[[0], [0], [0]], [[0], [0], [0]], [[0], [0], [0]]],
                             [[[-1], [-1], [-1]], [[-1], [-1], [-1]], [[-1], [-1], [-1]]]]> : tensor<2x3x3x1xi64>
  %ad = tensor.cast %a : tensor<1x2x2x1xi64> to tensor<1x?x?x1xi64>
  %cd = call @conv_dynamic(%ad, %w) : (tensor<1x?x?x1xi64>, tensor<2x3x3x1xi64>) -> tensor<1x?x?x2xi32>
  %cs = call @conv_static(%a, %w) : (tensor<1x2x2x1xi64>, tensor<2x3x3x1xi64>) -> tensor<1x2x2x2xi32>
  %cdu = tensor.cast %cd : tensor<1x?x?x2xi32> to tensor<*xi32>
  %csu = tensor.cast %cs : tensor<1x2x2x2xi32> to tensor<*xi32>
  // CHECK: rank = 4 offset = 0 sizes = [1, 2, 2, 2]
  // CHECK-NEXT: {{\[}}{{\[}}{{\[}}[400,   -400],
  // CHECK-NEXT: [400,   -400]],
  // CHECK-NEXT: {{\[}}[400,   -400],
  // CHECK-NEXT: [400,   -400]]]]
  // CHECK: rank = 4 offset = 0 sizes = [1, 2, 2, 2]
  // CHECK-NEXT: {{\[}}{{\[}}{{\[}}[400,   -400],
  // CHECK-NEXT: [400,   -400]],
  // CHECK-NEXT: {{\[}}[400,   -400],
  // CHECK-NEXT: [400,   -400]]]]
  call @printMemrefI32(%cdu) : (tensor<*xi32>) -> ()
  call @printMemrefI32(%csu) : (tensor<*xi32>) -> ()

  // Bits of %x per row of 3 (1 <=> x < 0; -0.0 and NaN are 0):
  // [-0, 1, -2] -> 4, [NaN, -tiny, 3] -> 2, [-4, 0, 5] -> 1, [-6, 7, -0.5] -> 5.
  %p = call @pack_less_static(%x) : (tensor<2x2x3xf32>) -> tensor<2x2x?xi64>
  %pu = tensor.cast %p : tensor<2x2x?xi64> to tensor<*xi64>
  // CHECK: rank = 3 offset = 0 sizes = [2, 2, 1]
  // CHECK-NEXT: {{\[}}{{\[}}[4],
  // CHECK-NEXT: [2]],
  // CHECK-NEXT: {{\[}}[1],
  // CHECK-NEXT: [5]]]
  call @printMemrefI64(%pu) : (tensor<*xi64>) -> ()
  %words = arith.constant dense<[[4], [5]]> : tensor<2x1xi64>
  %wd = tensor.cast %words : tensor<2x1xi64> to tensor<2x?xi64>
  %u = call @unpack_dynamic_words(%wd) : (tensor<2x?xi64>) -> tensor<2x3xf32>
  %uu = tensor.cast %u : tensor<2x3xf32> to tensor<*xf32>
  // CHECK: rank = 2 offset = 0 sizes = [2, 3]
  // CHECK-NEXT: {{\[}}[1,   1,   -1],
  // CHECK-NEXT: [-1,   1,   -1]]
  call @printMemrefF32(%uu) : (tensor<*xf32>) -> ()
  return
}
