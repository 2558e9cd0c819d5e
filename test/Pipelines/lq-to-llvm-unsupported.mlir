// XFAIL: *
// lq-to-llvm must not report success on IR it only half converts. Today it
// does: an op no pass of the pipeline lowers (here from the complex dialect)
// stays in the output next to LLVM dialect ops and lq-opt exits 0, so the
// failure only shows later, in mlir-translate or mlir-runner. The pipeline
// needs a final check that every op is in the LLVM dialect (a full
// conversion to the LLVM dialect with no patterns, or a verification pass
// that reports the first foreign op and fails). Remove the XFAIL once that
// is in.

// RUN: not lq-opt %s --lq-to-llvm > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: count 0 < %t.out

// CHECK: error: {{.*}}complex.create

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
