// RUN: lq-opt %s --lq-to-llvm="vector-bits=256" | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefixes=CHECK,V256
// RUN: lq-opt %s --lq-to-llvm="vector-bits=512" | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefixes=CHECK,V512
// RUN: lq-opt %s --lq-to-llvm="vector-bits=128" | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefixes=CHECK,V128
// RUN: lq-opt %s --lq-to-llvm="vector-bits=256 libm-transcendentals=1" | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LIBM
// RUN: lq-opt %s --lq-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=APPROX

// The LLVM IR of elementwise quantizers over tensors is vector code: the main
// loop loads, compares, selects and stores <N x float> (N = vector-bits / 32),
// and only the remainder loop is scalar.

// CHECK-LABEL: define {{.*}} @ste_sign_grad(
// The vector loop.
// V256:          %[[X:.+]] = load <8 x float>, ptr %{{.+}}
// V256:          %[[DY:.+]] = load <8 x float>, ptr %{{.+}}
// V256:          %[[ABS:.+]] = call <8 x float> @llvm.fabs.v8f32(<8 x float> %[[X]])
// V256:          %[[IN:.+]] = fcmp ole <8 x float> %[[ABS]], splat (float 1.000000e+00)
// V256:          %[[DX:.+]] = select <8 x i1> %[[IN]], <8 x float> %[[DY]], <8 x float> zeroinitializer
// V256:          store <8 x float> %[[DX]], ptr %{{.+}}
// V256:          add i64 %{{.+}}, 8
// V512:          %[[X:.+]] = load <16 x float>, ptr %{{.+}}
// V512:          %[[DY:.+]] = load <16 x float>, ptr %{{.+}}
// V512:          %[[ABS:.+]] = call <16 x float> @llvm.fabs.v16f32(<16 x float> %[[X]])
// V512:          %[[IN:.+]] = fcmp ole <16 x float> %[[ABS]], splat (float 1.000000e+00)
// V512:          %[[DX:.+]] = select <16 x i1> %[[IN]], <16 x float> %[[DY]], <16 x float> zeroinitializer
// V512:          store <16 x float> %[[DX]], ptr %{{.+}}
// V512:          add i64 %{{.+}}, 16
// V128:          %[[X:.+]] = load <4 x float>, ptr %{{.+}}
// V128:          %[[DY:.+]] = load <4 x float>, ptr %{{.+}}
// V128:          %[[ABS:.+]] = call <4 x float> @llvm.fabs.v4f32(<4 x float> %[[X]])
// V128:          %[[IN:.+]] = fcmp ole <4 x float> %[[ABS]], splat (float 1.000000e+00)
// V128:          %[[DX:.+]] = select <4 x i1> %[[IN]], <4 x float> %[[DY]], <4 x float> zeroinitializer
// V128:          store <4 x float> %[[DX]], ptr %{{.+}}
// V128:          add i64 %{{.+}}, 4
// The scalar remainder loop.
// CHECK:         load float, ptr
// CHECK:         fcmp ole float %{{.+}}, 1.000000e+00
// CHECK:         select i1 %{{.+}}, float %{{.+}}, float 0.000000e+00
// CHECK:         store float
// CHECK:         ret
func.func @ste_sign_grad(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.ste_sign_grad %x, %dy : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// A 2-D dynamic tensor is one 1-D vector loop.
// CHECK-LABEL: define {{.*}} @ste_sign_2d(
// V256:          %[[X:.+]] = load <8 x float>, ptr
// V256:          %[[NEG:.+]] = fcmp olt <8 x float> %[[X]], zeroinitializer
// V256:          %[[S:.+]] = select <8 x i1> %[[NEG]], <8 x float> splat (float -1.000000e+00), <8 x float> splat (float 1.000000e+00)
// V256:          store <8 x float> %[[S]], ptr
// V512:          fcmp olt <16 x float>
// V512:          select <16 x i1>
// V512:          store <16 x float>
// V128:          fcmp olt <4 x float>
// V128:          select <4 x i1>
// V128:          store <4 x float>
// CHECK:         fcmp olt float
// CHECK:         ret
func.func @ste_sign_2d(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = lq.ste_sign %x : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// dorefa: NaN-propagating min/max and roundeven on whole vectors.
// CHECK-LABEL: define {{.*}} @dorefa(
// V256:          load <8 x float>
// V256:          call <8 x float> @llvm.minimum.v8f32(
// V256:          call <8 x float> @llvm.maximum.v8f32(
// V256:          call <8 x float> @llvm.roundeven.v8f32(
// V256:          store <8 x float>
// V512:          call <16 x float> @llvm.roundeven.v16f32(
// V128:          call <4 x float> @llvm.roundeven.v4f32(
// CHECK:         call float @llvm.roundeven.f32(
func.func @dorefa(%x: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.dorefa %x {k_bit = 3} : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// f64 and f16: N = vector-bits / 64 and / 16.
// CHECK-LABEL: define {{.*}} @heaviside_f64(
// V256:          fcmp ogt <4 x double>
// V256:          select <4 x i1> %{{.+}}, <4 x double> splat (double 1.000000e+00), <4 x double> zeroinitializer
// V512:          fcmp ogt <8 x double>
// V128:          fcmp ogt <2 x double>
func.func @heaviside_f64(%x: tensor<?xf64>) -> tensor<?xf64> {
  %0 = lq.ste_heaviside %x : tensor<?xf64>
  return %0 : tensor<?xf64>
}

// CHECK-LABEL: define {{.*}} @sign_f16(
// V256:          fcmp olt <16 x half>
// V256:          store <16 x half>
// V512:          fcmp olt <32 x half>
// V128:          fcmp olt <8 x half>
func.func @sign_f16(%x: tensor<?xf16>) -> tensor<?xf16> {
  %0 = lq.ste_sign %x : tensor<?xf16>
  return %0 : tensor<?xf16>
}

// swish_sign_grad: by default tanh and cosh are polynomial approximations on
// whole vectors (FMA chains, no call per element); with libm-transcendentals
// they are the llvm.tanh/llvm.cosh intrinsics, which become calls to the host
// libm (the functions the constant folder uses).
// CHECK-LABEL: define {{.*}} @swish_sign_grad(
// APPROX-NOT:  tanh
// APPROX-NOT:  cosh
// V256:          load <8 x float>
// V256:          call <8 x float> @llvm.fma.v8f32(
// V256:          fdiv <8 x float>
// V256:          store <8 x float>
// V512:          call <16 x float> @llvm.fma.v16f32(
// V128:          call <4 x float> @llvm.fma.v4f32(
// CHECK:         ret
// LIBM-LABEL:  define {{.*}} @swish_sign_grad(
// LIBM:          call <8 x float> @llvm.tanh.v8f32(
// LIBM:          call <8 x float> @llvm.cosh.v8f32(
// LIBM:          fdiv <8 x float>
// LIBM:          call float @llvm.tanh.f32(
// LIBM:          call float @llvm.cosh.f32(
func.func @swish_sign_grad(%x: tensor<?xf32>, %dy: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.swish_sign_grad %x, %dy : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// The reductions vectorize too: TWN's f32 sum runs in <N x double> partial
// sums (f64 accumulation of the f32 input), dorefa's max|tanh| in <N x float>.
// CHECK-LABEL: define {{.*}} @twn(
// V256:          %[[V:.+]] = load <8 x float>
// V256:          %[[A:.+]] = call <8 x float> @llvm.fabs.v8f32(<8 x float> %[[V]])
// V256:          %[[W:.+]] = fpext <8 x float> %[[A]] to <8 x double>
// V256:          fadd <8 x double> %{{.+}}, %[[W]]
// V512:          fadd <16 x double>
// V128:          fadd <4 x double>
func.func @twn(%x: tensor<?xf32>) -> tensor<?xf32> {
  %0 = lq.ste_tern %x {ternary_weight_networks = true} : tensor<?xf32>
  return %0 : tensor<?xf32>
}
