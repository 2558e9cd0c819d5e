//===- Passes.td - passes on the lq dialect ----------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Passes that rewrite programs in terms of lq ops: binarization for
// inference, differentiation for training. Keep the defs alphabetical.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD
#define LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LQBinarizePass : Pass<"lq-binarize"> {
  let summary = "Turn sign-quantized convolutions and matmuls into binary ops";
  let description = [{
    Rewrites float convolutions and matrix products whose operands are +-1
    into bit-packed binary ops:

    * the activation operand is the output of a sign quantizer
      (`QuantizerOpInterface::isSignBinarizer`: ste_sign, approx_sign,
      swish_sign), possibly behind layout ops (reshape, expand/collapse,
      transpose, cast, slices), a `bitunpack`, or a +-1 constant; a
      `tensor.pad` of it with 0 becomes exact zero padding (`pad_value = 0`),
      with 1.0 one padding (`pad_value = 1`);
    * the weight operand is a constant whose every output channel is `+-s`
      (packed at compile time, `s != 1` becomes the multiplier; this covers
      `magnitude_aware_sign` of constant weights once folded) or another
      sign-quantized value (packed at run time);
    * supported ops: `linalg.conv_2d_nhwc_hwcf`, `linalg.conv_2d_nhwc_fhwc`,
      `linalg.conv_2d_nhwgc_gfhwc` (groups), `linalg.matmul` (plain or
      transposed right-hand side), `linalg.batch_matmul`, `tosa.conv2d`,
      `tosa.matmul`; the accumulator must start at zero;
    * `sign(maxpool(x))` becomes `bitunpack(bmaxpool(bitpack(x)))`.

    It then canonicalizes, so what follows a binary op folds into its
    epilogue (batch norm as multiply/add, bias, clamps, a following sign as
    bit-packed output) and `bitpack(bitunpack(p))` pairs cancel.

    Every convolution or matrix product with a sign-quantized operand that
    stays float gets a remark saying why (weights not constant and not
    sign-quantized, weights not +-1, unsupported padding, layout, ...).

    Example:

    ```mlir
    %s = lq.ste_sign %x : tensor<1x8x8x64xf32>
    %y = linalg.conv_2d_nhwc_hwcf ins(%s, %w_pm1 : ...) outs(%zero : ...)
    ```

    becomes

    ```mlir
    %p = lq.bitpack %x : tensor<1x8x8x64xf32> -> tensor<1x8x8x1xi64>
    %y = lq.bconv2d %p, %packed_w {channels_in = 64} : ... -> tensor<1x6x6x32xf32>
    ```

    The options choose which rewrites run (a pipeline that wants only binary
    dense layers says `convolutions=false max-pooling=false`) and whether
    the pass canonicalizes (`fold-epilogues=false` leaves the float ops that
    follow each binary op as they are, e.g. to inspect the raw rewrite).
    Remarks are emitted for the enabled kinds only.
  }];
  let options = [
    Option<"convolutions", "convolutions", "bool", /*default=*/"true",
           "Binarize linalg and TOSA 2-D convolutions">,
    Option<"matmuls", "matmuls", "bool", /*default=*/"true",
           "Binarize linalg.matmul / batch_matmul and tosa.matmul">,
    Option<"maxPooling", "max-pooling", "bool", /*default=*/"true",
           "Rewrite sign(maxpool(x)) to bmaxpool2d of the packed input">,
    Option<"foldEpilogues", "fold-epilogues", "bool", /*default=*/"true",
           "Canonicalize before and after: fold constant quantizers, absorb "
           "batch norm / bias / clamps / a following sign into the binary "
           "ops, cancel bitpack/bitunpack pairs">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::lq::LQDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def LQDifferentiatePass : Pass<"lq-differentiate", "::mlir::ModuleOp"> {
  let summary = "Generate reverse-mode gradient functions";
  let description = [{
    For each `func.func` marked with `lq.differentiate` (or named by the
    `functions` option), generates its reverse-mode gradient function next to
    it and removes the mark.

    The mark is a unit attribute (differentiate with respect to every float
    argument) or a dictionary:

    * `wrt = [i, ...]`: the arguments to differentiate with respect to (float
      scalars or ranked tensors of floats; default: all of them);
    * `name = "..."`: the gradient function's name (default `<f>_grad`);
    * `return_values`: when true, the gradient function also returns the
      function's results, before the gradients.

    The gradient function's name must be free, or name a function
    declaration of exactly the gradient's type (so that callers verify
    before the pass runs), which the generated function replaces.

    The gradient function of `f(args) -> (results)` takes `args` followed by
    one cotangent per float-like result (same type; seed a scalar loss with
    1.0) and returns the gradient of each `wrt` argument (same type; zero if
    no result depends on it). It recomputes the forward ops, then propagates
    the cotangents backwards: each op's rule comes from its
    `DifferentiableOpInterface` (the lq quantizers use their pseudo-gradient
    ops, `lq.<name>_grad`; arith, math, linalg and tensor ops get external
    models). A value used several times receives the sum of the
    contributions of its uses.

    Only ops on a path from a differentiated argument to a result are
    differentiated. One of them without a rule (or with an unsupported
    configuration) is an error naming it, and the module is left unchanged.
    The function must have a single block (no `scf`/`cf` control flow) and
    may not call other functions on that path.

    Example:

    ```mlir
    func.func @f(%x: f32, %w: f32) -> f32 attributes {lq.differentiate = {wrt = [1]}} {
      %y = arith.mulf %x, %w : f32
      %z = math.exp %y : f32
      return %z : f32
    }
    ```

    gets

    ```mlir
    func.func @f_grad(%x: f32, %w: f32, %dz: f32) -> f32 {
      %y = arith.mulf %x, %w : f32
      %z = math.exp %y : f32
      %dy = arith.mulf %dz, %z : f32
      %dw = arith.mulf %dy, %x : f32
      return %dw : f32
    }
    ```
  }];
  let options = [
    ListOption<"functions", "functions", "std::string",
               "Also differentiate these functions (with respect to the "
               "`wrt` arguments)">,
    ListOption<"wrt", "wrt", "int64_t",
               "Arguments of the `functions` to differentiate with respect to "
               "(default: every float argument)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::lq::LQDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // LQ_DIALECT_LQ_TRANSFORMS_PASSES_TD
