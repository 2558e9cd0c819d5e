// RUN: lq-opt %s --lq-approximate-math | FileCheck %s
// RUN: lq-opt %s --lq-approximate-math=libm=true | FileCheck %s --check-prefix=LIBM
//
// DEFINE: %{lower} = --convert-vector-to-scf --convert-scf-to-cf \
// DEFINE:   --convert-math-to-llvm --convert-math-to-libm --convert-vector-to-llvm \
// DEFINE:   --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm \
// DEFINE:   --reconcile-unrealized-casts
// DEFINE: %{run} = mlir-runner -e main -entry-point-result=void \
// DEFINE:   -shared-libs=%mlir_runner_utils,%mlir_c_runner_utils
// RUN: lq-opt %s --math-extend-to-supported-types --lq-approximate-math %{lower} | \
// RUN:   %{run} | FileCheck %s --check-prefix=EXEC
// RUN: lq-opt %s --math-extend-to-supported-types --lq-approximate-math=libm=true %{lower} | \
// RUN:   %{run} | FileCheck %s --check-prefix=EXEC

// lq-approximate-math: f32 math.cosh becomes h * (h * 0.5) + (0.5 / h) / h
// with h = exp(|x| * 0.5), and f32 math.tanh / math.exp (including that exp)
// become polynomial approximations; f64/f16/bf16 and other math ops are left
// alone. With libm=true nothing but the fastmath flag of arith.extf/truncf
// changes (dropped in both modes, the other ops keep theirs). The kernels are
// executed in both modes, called from @main, after
// math-extend-to-supported-types (whose extf/truncf carry the fastmath flag
// mlir-runner cannot parse): the same values, and cosh(89) is finite
// (upstream's (exp(x) + exp(-x)) / 2 gives inf there).

// CHECK-LABEL: func.func @cosh_f32(
// CHECK-SAME:    %[[X:[^:]+]]: f32)
// CHECK-DAG:     %[[HALF:.+]] = arith.constant 5.000000e-01 : f32
// CHECK-NOT:     math.cosh
// CHECK:         %[[ABS:.+]] = math.absf %[[X]] : f32
// CHECK-NEXT:    %[[HX:.+]] = arith.mulf %[[ABS]], %[[HALF]] : f32
// The polynomial exp of |x| * 0.5, scaled by 2^n at the end:
// CHECK-NOT:     math.exp
// CHECK:         arith.cmpf uge, %[[HX]], %{{.+}} : f32
// CHECK:         math.fma
// CHECK:         %[[POW2:.+]] = arith.bitcast %{{.+}} : i32 to f32
// CHECK-NEXT:    %[[H:.+]] = arith.mulf %{{.+}}, %[[POW2]] : f32
// CHECK-NEXT:    %[[HH:.+]] = arith.mulf %[[H]], %[[HALF]] : f32
// CHECK-NEXT:    %[[LARGE:.+]] = arith.mulf %[[H]], %[[HH]] : f32
// CHECK-NEXT:    %[[Q:.+]] = arith.divf %[[HALF]], %[[H]] : f32
// CHECK-NEXT:    %[[SMALL:.+]] = arith.divf %[[Q]], %[[H]] : f32
// CHECK-NEXT:    %[[R:.+]] = arith.addf %[[LARGE]], %[[SMALL]] : f32
// CHECK-NEXT:    return %[[R]] : f32

// LIBM-LABEL:  func.func @cosh_f32(
// LIBM-SAME:     %[[X:[^:]+]]: f32)
// LIBM-NEXT:     %[[R:.+]] = math.cosh %[[X]] : f32
// LIBM-NEXT:     return %[[R]] : f32
func.func @cosh_f32(%x: f32) -> f32 {
  %y = math.cosh %x : f32
  return %y : f32
}

// The 0.5 is a splat of the operand type.
// CHECK-LABEL: func.func @cosh_vector(
// CHECK-SAME:    %[[X:[^:]+]]: vector<8xf32>)
// CHECK-DAG:     %[[HALF:.+]] = arith.constant dense<5.000000e-01> : vector<8xf32>
// CHECK-NOT:     math.cosh
// CHECK:         %[[ABS:.+]] = math.absf %[[X]] : vector<8xf32>
// CHECK-NEXT:    %[[HX:.+]] = arith.mulf %[[ABS]], %[[HALF]] : vector<8xf32>
// CHECK-NOT:     math.exp
// CHECK:         arith.cmpf uge, %[[HX]], %{{.+}} : vector<8xf32>
// CHECK:         %[[POW2:.+]] = arith.bitcast %{{.+}} : vector<8xi32> to vector<8xf32>
// CHECK-NEXT:    %[[H:.+]] = arith.mulf %{{.+}}, %[[POW2]] : vector<8xf32>
// CHECK-NEXT:    %[[HH:.+]] = arith.mulf %[[H]], %[[HALF]] : vector<8xf32>
// CHECK-NEXT:    %[[LARGE:.+]] = arith.mulf %[[H]], %[[HH]] : vector<8xf32>
// CHECK-NEXT:    %[[Q:.+]] = arith.divf %[[HALF]], %[[H]] : vector<8xf32>
// CHECK-NEXT:    %[[SMALL:.+]] = arith.divf %[[Q]], %[[H]] : vector<8xf32>
// CHECK-NEXT:    %[[R:.+]] = arith.addf %[[LARGE]], %[[SMALL]] : vector<8xf32>
// CHECK-NEXT:    return %[[R]] : vector<8xf32>

// LIBM-LABEL:  func.func @cosh_vector(
// LIBM-SAME:     %[[X:[^:]+]]: vector<8xf32>)
// LIBM-NEXT:     %[[R:.+]] = math.cosh %[[X]] : vector<8xf32>
// LIBM-NEXT:     return %[[R]] : vector<8xf32>
func.func @cosh_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %y = math.cosh %x : vector<8xf32>
  return %y : vector<8xf32>
}

// tanh: x clamped to [-7.99881172, 7.99881172], a rational polynomial, and
// the (clamped) x itself for |x| < 4e-4.
// CHECK-LABEL: func.func @tanh_vector(
// CHECK-SAME:    %[[X:[^:]+]]: vector<8xf32>)
// CHECK-NOT:     math.tanh
// CHECK:         arith.cmpf ult, %[[X]], %{{.+}} : vector<8xf32>
// CHECK:         %[[ABS:.+]] = math.absf %[[X]] : vector<8xf32>
// CHECK:         %[[SMALL:.+]] = arith.cmpf olt, %[[ABS]], %{{.+}} : vector<8xf32>
// CHECK:         math.fma
// CHECK:         %[[RATIO:.+]] = arith.divf %{{.+}}, %{{.+}} : vector<8xf32>
// CHECK-NEXT:    %[[R:.+]] = arith.select %[[SMALL]], %{{.+}}, %[[RATIO]] : vector<8xi1>, vector<8xf32>
// CHECK-NEXT:    return %[[R]] : vector<8xf32>

// LIBM-LABEL:  func.func @tanh_vector(
// LIBM-SAME:     %[[X:[^:]+]]: vector<8xf32>)
// LIBM-NEXT:     %[[R:.+]] = math.tanh %[[X]] : vector<8xf32>
// LIBM-NEXT:     return %[[R]] : vector<8xf32>
func.func @tanh_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %y = math.tanh %x : vector<8xf32>
  return %y : vector<8xf32>
}

// exp: clamped, n = floor(x * log2(e) + 0.5), a polynomial, times 2^n.
// CHECK-LABEL: func.func @exp_vector(
// CHECK-SAME:    %[[X:[^:]+]]: vector<8xf32>)
// CHECK-NOT:     math.exp
// CHECK:         arith.cmpf uge, %[[X]], %{{.+}} : vector<8xf32>
// CHECK:         math.floor %{{.+}} : vector<8xf32>
// CHECK:         math.fma
// CHECK:         %[[POW2:.+]] = arith.bitcast %{{.+}} : vector<8xi32> to vector<8xf32>
// CHECK-NEXT:    %[[R:.+]] = arith.mulf %{{.+}}, %[[POW2]] : vector<8xf32>
// CHECK-NEXT:    return %[[R]] : vector<8xf32>

// LIBM-LABEL:  func.func @exp_vector(
// LIBM-SAME:     %[[X:[^:]+]]: vector<8xf32>)
// LIBM-NEXT:     %[[R:.+]] = math.exp %[[X]] : vector<8xf32>
// LIBM-NEXT:     return %[[R]] : vector<8xf32>
func.func @exp_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %y = math.exp %x : vector<8xf32>
  return %y : vector<8xf32>
}

// Not f32: left to libm (f64) or math-extend-to-supported-types (f16, bf16).
// CHECK-LABEL: func.func @not_f32(
// CHECK-SAME:    %[[D:[^:]+]]: f64, %[[V:[^:]+]]: vector<2xf64>, %[[H:[^:]+]]: f16, %[[HV:[^:]+]]: vector<4xf16>, %[[B:[^:]+]]: bf16)
// CHECK-NEXT:    %[[R0:.+]] = math.cosh %[[D]] : f64
// CHECK-NEXT:    %[[R1:.+]] = math.tanh %[[V]] : vector<2xf64>
// CHECK-NEXT:    %[[R2:.+]] = math.exp %[[D]] : f64
// CHECK-NEXT:    %[[R3:.+]] = math.cosh %[[H]] : f16
// CHECK-NEXT:    %[[R4:.+]] = math.tanh %[[HV]] : vector<4xf16>
// CHECK-NEXT:    %[[R5:.+]] = math.exp %[[B]] : bf16
// CHECK-NEXT:    return %[[R0]], %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R5]]

// LIBM-LABEL:  func.func @not_f32(
// LIBM-SAME:     %[[D:[^:]+]]: f64, %[[V:[^:]+]]: vector<2xf64>, %[[H:[^:]+]]: f16, %[[HV:[^:]+]]: vector<4xf16>, %[[B:[^:]+]]: bf16)
// LIBM-NEXT:     %[[R0:.+]] = math.cosh %[[D]] : f64
// LIBM-NEXT:     %[[R1:.+]] = math.tanh %[[V]] : vector<2xf64>
// LIBM-NEXT:     %[[R2:.+]] = math.exp %[[D]] : f64
// LIBM-NEXT:     %[[R3:.+]] = math.cosh %[[H]] : f16
// LIBM-NEXT:     %[[R4:.+]] = math.tanh %[[HV]] : vector<4xf16>
// LIBM-NEXT:     %[[R5:.+]] = math.exp %[[B]] : bf16
// LIBM-NEXT:     return %[[R0]], %[[R1]], %[[R2]], %[[R3]], %[[R4]], %[[R5]]
func.func @not_f32(%d: f64, %v: vector<2xf64>, %h: f16, %hv: vector<4xf16>, %b: bf16)
    -> (f64, vector<2xf64>, f64, f16, vector<4xf16>, bf16) {
  %0 = math.cosh %d : f64
  %1 = math.tanh %v : vector<2xf64>
  %2 = math.exp %d : f64
  %3 = math.cosh %h : f16
  %4 = math.tanh %hv : vector<4xf16>
  %5 = math.exp %b : bf16
  return %0, %1, %2, %3, %4, %5 : f64, vector<2xf64>, f64, f16, vector<4xf16>, bf16
}

// Other f32 transcendentals are not approximated.
// CHECK-LABEL: func.func @other_math(
// CHECK-SAME:    %[[X:[^:]+]]: f32)
// CHECK-NEXT:    %[[R0:.+]] = math.log %[[X]] : f32
// CHECK-NEXT:    %[[R1:.+]] = math.erf %[[X]] : f32
// CHECK-NEXT:    %[[R2:.+]] = math.sinh %[[X]] : f32
// CHECK-NEXT:    %[[R3:.+]] = math.sin %[[X]] : f32
// CHECK-NEXT:    return %[[R0]], %[[R1]], %[[R2]], %[[R3]]

// LIBM-LABEL:  func.func @other_math(
// LIBM-SAME:     %[[X:[^:]+]]: f32)
// LIBM-NEXT:     %[[R0:.+]] = math.log %[[X]] : f32
// LIBM-NEXT:     %[[R1:.+]] = math.erf %[[X]] : f32
// LIBM-NEXT:     %[[R2:.+]] = math.sinh %[[X]] : f32
// LIBM-NEXT:     %[[R3:.+]] = math.sin %[[X]] : f32
// LIBM-NEXT:     return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @other_math(%x: f32) -> (f32, f32, f32, f32) {
  %0 = math.log %x : f32
  %1 = math.erf %x : f32
  %2 = math.sinh %x : f32
  %3 = math.sin %x : f32
  return %0, %1, %2, %3 : f32, f32, f32, f32
}

// What math-extend-to-supported-types makes of an f16 tanh: the conversions
// lose fastmath<contract>, the other ops keep their flags.
// CHECK-LABEL: func.func @conversion_fastmath(
// CHECK-SAME:    %[[X:[^:]+]]: f16)
// CHECK:         %[[E:.+]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT:    %[[S:.+]] = arith.addf %[[E]], %[[E]] fastmath<fast> : f32
// CHECK-NOT:     math.tanh
// CHECK:         %[[RATIO:.+]] = arith.divf %{{.+}}, %{{.+}} : f32
// CHECK-NEXT:    %[[T:.+]] = arith.select %{{.+}}, %{{.+}}, %[[RATIO]] : f32
// CHECK-NEXT:    %[[A:.+]] = arith.addf %[[S]], %[[T]] fastmath<contract> : f32
// CHECK-NEXT:    %[[R:.+]] = arith.truncf %[[A]] : f32 to f16
// CHECK-NEXT:    return %[[R]] : f16

// LIBM-LABEL:  func.func @conversion_fastmath(
// LIBM-SAME:     %[[X:[^:]+]]: f16)
// LIBM-NEXT:     %[[E:.+]] = arith.extf %[[X]] : f16 to f32
// LIBM-NEXT:     %[[S:.+]] = arith.addf %[[E]], %[[E]] fastmath<fast> : f32
// LIBM-NEXT:     %[[T:.+]] = math.tanh %[[E]] fastmath<contract> : f32
// LIBM-NEXT:     %[[A:.+]] = arith.addf %[[S]], %[[T]] fastmath<contract> : f32
// LIBM-NEXT:     %[[R:.+]] = arith.truncf %[[A]] : f32 to f16
// LIBM-NEXT:     return %[[R]] : f16
func.func @conversion_fastmath(%x: f16) -> f16 {
  %e = arith.extf %x fastmath<contract> : f16 to f32
  %s = arith.addf %e, %e fastmath<fast> : f32
  %t = math.tanh %e fastmath<contract> : f32
  %a = arith.addf %s, %t fastmath<contract> : f32
  %r = arith.truncf %a fastmath<contract> : f32 to f16
  return %r : f16
}

// The kernels above, called with constants (the greedy driver of the pass
// would fold a math op of a constant operand with libm).
// CHECK-LABEL: func.func @main()
// LIBM-LABEL:  func.func @main()
func.func @main() {
  // EXEC: ( 1, 1.54308, 3.7622, 11013.2, 8.25818e+37, 2.24481e+38, 2.24481e+38, inf )
  %x = arith.constant dense<[0.0, 1.0, -2.0, 10.0, 88.0, 89.0, -89.0, 89.5]> : vector<8xf32>
  %cosh = func.call @cosh_vector(%x) : (vector<8xf32>) -> vector<8xf32>
  vector.print %cosh : vector<8xf32>
  // EXEC-NEXT: 2.24481e+38
  %s = arith.constant 89.0 : f32
  %cosh_s = func.call @cosh_f32(%s) : (f32) -> f32
  vector.print %cosh_s : f32
  // EXEC-NEXT: ( 0, 0.462117, -0.761594, 0.999909, 1, -1, 1e-05, -0.244919 )
  %t = arith.constant dense<[0.0, 0.5, -1.0, 5.0, 20.0, -20.0, 1.0e-5, -0.25]> : vector<8xf32>
  %tanh = func.call @tanh_vector(%t) : (vector<8xf32>) -> vector<8xf32>
  vector.print %tanh : vector<8xf32>
  // EXEC-NEXT: ( 1, 2.71828, 0.367879, 22026.5, 1.65164e+38, inf, 1.80485e-35, 1.64872 )
  %e = arith.constant dense<[0.0, 1.0, -1.0, 10.0, 88.0, 89.0, -80.0, 0.5]> : vector<8xf32>
  %exp = func.call @exp_vector(%e) : (vector<8xf32>) -> vector<8xf32>
  vector.print %exp : vector<8xf32>
  %d = arith.constant 1.0 : f64
  %dv = arith.constant dense<[0.5, -2.0]> : vector<2xf64>
  %h = arith.constant 0.5 : f16
  %hv = arith.constant dense<[0.0, 0.5, -1.0, 3.0]> : vector<4xf16>
  %b = arith.constant 1.0 : bf16
  %r:6 = func.call @not_f32(%d, %dv, %h, %hv, %b)
      : (f64, vector<2xf64>, f16, vector<4xf16>, bf16) -> (f64, vector<2xf64>, f64, f16, vector<4xf16>, bf16)
  // EXEC-NEXT: 1.54308
  vector.print %r#0 : f64
  // EXEC-NEXT: ( 0.462117, -0.964028 )
  vector.print %r#1 : vector<2xf64>
  // EXEC-NEXT: 2.71828
  vector.print %r#2 : f64
  // EXEC-NEXT: 1.12793
  vector.print %r#3 : f16
  // EXEC-NEXT: ( 0, 0.462158, -0.761719, 0.995117 )
  vector.print %r#4 : vector<4xf16>
  // EXEC-NEXT: 2.71875
  vector.print %r#5 : bf16
  %half = arith.constant 0.5 : f32
  %o:4 = func.call @other_math(%half) : (f32) -> (f32, f32, f32, f32)
  // EXEC-NEXT: -0.693147
  vector.print %o#0 : f32
  // EXEC-NEXT: 0.5205
  vector.print %o#1 : f32
  // EXEC-NEXT: 0.521095
  vector.print %o#2 : f32
  // EXEC-NEXT: 0.479426
  vector.print %o#3 : f32
  // EXEC-NEXT: 1.46191
  %c = func.call @conversion_fastmath(%h) : (f16) -> f16
  vector.print %c : f16
  return
}
