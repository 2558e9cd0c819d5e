//===- Passes.td - lq conversion passes --------------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_CONVERSION_PASSES_TD
#define LQ_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// LQToLinalg
//===----------------------------------------------------------------------===//

def ConvertLQToLinalgPass : Pass<"convert-lq-to-linalg"> {
  let summary = "Lower lq ops to linalg, arith and math";
  let description = [{
    Lowers every lq op to upstream ops, computing exactly what
    `QuantizerSemantics.h` (and the constant folders) compute:

    * on tensors, `linalg.generic` ops (elementwise maps, per-channel and
      whole-tensor reductions) with `arith`/`math` bodies; dynamic
      dimensions are kept;
    * on scalars and vectors, `arith`/`math` ops directly.

    An lq op the pass cannot lower is reported with an error naming it and
    the pass fails.

    Example:

    ```mlir
    %y = lq.ste_sign %x : tensor<?xf32>
    ```

    becomes a `linalg.generic` over `%x` whose body is

    ```mlir
    %neg = arith.cmpf olt, %in, %zero : f32
    %s = arith.select %neg, %minus_one, %one : f32
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // LQ_CONVERSION_PASSES_TD
