// lq-to-llvm does not report success on IR it only half converts: an op no
// pass of the pipeline lowers (here from the complex dialect) would stay in
// the output next to LLVM dialect ops. lq-check-llvm-lowering, the last pass
// of the pipeline, names it and fails; nothing is printed.

// RUN: not lq-opt %s --lq-to-llvm > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: count 0 < %t.out

// CHECK: error: 'complex.create' was not lowered to the LLVM dialect
// CHECK-NOT: error:

func.func @complex_op(%x: tensor<4xf32>) -> tensor<4xcomplex<f32>> {
  %y = lq.ste_sign %x : tensor<4xf32>
  %e = tensor.empty() : tensor<4xcomplex<f32>>
  %z = linalg.map ins(%y : tensor<4xf32>) outs(%e : tensor<4xcomplex<f32>>)
    (%a: f32, %unused: complex<f32>) {
      %c = complex.create %a, %a : complex<f32>
      linalg.yield %c : complex<f32>
    }
  return %z : tensor<4xcomplex<f32>>
}
