// RUN: lq-opt %s --lq-binarize | FileCheck %s --check-prefix=ALL
// RUN: lq-opt %s --lq-binarize=convolutions=false | FileCheck %s --check-prefix=NOCONV
// RUN: lq-opt %s --lq-binarize=matmuls=false | FileCheck %s --check-prefix=NOMATMUL
// RUN: lq-opt %s --lq-binarize=max-pooling=false | FileCheck %s --check-prefix=NOPOOL
// RUN: lq-opt %s --lq-binarize=fold-epilogues=false | FileCheck %s --check-prefix=NOFOLD
// RUN: lq-opt %s --pass-pipeline='builtin.module(func.func(lq-binarize{convolutions=false matmuls=false}))' \
// RUN:   | FileCheck %s --check-prefix=NONE

// The options of lq-binarize: each kind of rewrite can be turned off on its
// own, and fold-epilogues=false leaves what follows a binary op unfolded.

// ALL-LABEL: func.func @conv_bn
// ALL:         lq.bconv2d {{.*}} multiplier(
// ALL-NOT:     linalg.generic
// NOCONV-LABEL: func.func @conv_bn
// NOCONV:        linalg.conv_2d_nhwc_hwcf
// NOMATMUL-LABEL: func.func @conv_bn
// NOMATMUL:        lq.bconv2d
// NOFOLD-LABEL: func.func @conv_bn
// NOFOLD:         %[[Y:.*]] = lq.bconv2d
// NOFOLD-NOT:     multiplier
// NOFOLD:         linalg.generic {{.*}} ins(%[[Y]],
// NONE-LABEL: func.func @conv_bn
// NONE:         linalg.conv_2d_nhwc_hwcf
func.func @conv_bn(%x: tensor<1x4x4x64xf32>) -> tensor<1x2x2x8xf32> {
  %w = arith.constant dense<1.0> : tensor<3x3x64x8xf32>
  %m = arith.constant dense<0.5> : tensor<8xf32>
  %z = arith.constant 0.0 : f32
  %s = lq.ste_sign %x : tensor<1x4x4x64xf32>
  %e = tensor.empty() : tensor<1x2x2x8xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%s, %w : tensor<1x4x4x64xf32>, tensor<3x3x64x8xf32>) outs(%i : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  %bn = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>, affine_map<(n, h, w, c) -> (c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
         ins(%y, %m : tensor<1x2x2x8xf32>, tensor<8xf32>) outs(%e : tensor<1x2x2x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %v = arith.mulf %a, %b : f32
    linalg.yield %v : f32
  } -> tensor<1x2x2x8xf32>
  return %bn : tensor<1x2x2x8xf32>
}

// ALL-LABEL: func.func @dense
// ALL:         lq.bmatmul
// NOCONV-LABEL: func.func @dense
// NOCONV:        lq.bmatmul
// NOMATMUL-LABEL: func.func @dense
// NOMATMUL:        linalg.matmul
// NONE-LABEL: func.func @dense
// NONE:         linalg.matmul
func.func @dense(%x: tensor<2x64xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<-1.0> : tensor<64x4xf32>
  %z = arith.constant 0.0 : f32
  %s = lq.ste_sign %x : tensor<2x64xf32>
  %e = tensor.empty() : tensor<2x4xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%s, %w : tensor<2x64xf32>, tensor<64x4xf32>) outs(%i : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// ALL-LABEL: func.func @sign_of_maxpool
// ALL:         lq.bmaxpool2d
// NOPOOL-LABEL: func.func @sign_of_maxpool
// NOPOOL:        linalg.pooling_nhwc_max
// NOPOOL:        lq.ste_sign
// NONE-LABEL: func.func @sign_of_maxpool
// NONE:         lq.bmaxpool2d
func.func @sign_of_maxpool(%x: tensor<1x4x4x64xf32>) -> tensor<1x2x2x64xf32> {
  %k = tensor.empty() : tensor<2x2xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x2x2x64xf32>
  %i = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x2x2x64xf32>) -> tensor<1x2x2x64xf32>
  %p = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%x, %k : tensor<1x4x4x64xf32>, tensor<2x2xf32>) outs(%i : tensor<1x2x2x64xf32>) -> tensor<1x2x2x64xf32>
  %s = lq.ste_sign %p : tensor<1x2x2x64xf32>
  return %s : tensor<1x2x2x64xf32>
}
