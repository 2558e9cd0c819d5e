//===- LQOps.td - lq quantizer and gradient ops ------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// One op per Larq quantizer and one pseudo-gradient op per quantizer. The
// exact semantics (edge cases included) are in docs/Dialect.md; the shared
// C++ implementation that the folders use and the tests compare against is
// lq/Dialect/LQ/IR/QuantizerSemantics.h.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQOPS_TD
#define LQ_DIALECT_LQ_IR_LQOPS_TD

include "lq/Dialect/LQ/IR/LQBase.td"
include "lq/Dialect/LQ/IR/LQInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Attribute groups (shared by a quantizer and its gradient op)
//===----------------------------------------------------------------------===//

defvar LQ_ClipArgs = (ins
  DefaultValuedOptionalAttr<LQ_ClipValueAttr, "1.0">:$clip_value);

defvar LQ_SwishSignArgs = (ins
  DefaultValuedOptionalAttr<F64Attr, "5.0">:$beta);

defvar LQ_SteTernArgs = (ins
  DefaultValuedOptionalAttr<F64Attr, "0.05">:$threshold_value,
  DefaultValuedOptionalAttr<BoolAttr, "false">:$ternary_weight_networks,
  DefaultValuedOptionalAttr<LQ_ClipValueAttr, "1.0">:$clip_value);

defvar LQ_DoReFaArgs = (ins
  DefaultValuedOptionalAttr<I64Attr, "2">:$k_bit,
  DefaultValuedOptionalAttr<StrAttr, "\"activations\"">:$mode);

defvar LQ_NoOpArgs = (ins I64Attr:$precision);

//===----------------------------------------------------------------------===//
// Op classes
//===----------------------------------------------------------------------===//

/// A forward quantizer: `y = q(x)`, result type = operand type.
/// `interfaceOverrides` lists the QuantizerOpInterface methods with a default
/// implementation that the op overrides.
class LQ_QuantizerOp<string mnemonic, dag attrs,
                     Type operandType = LQ_FloatLike,
                     list<string> interfaceOverrides = [],
                     list<Trait> interfaceTraits = [
                       DeclareOpInterfaceMethods<LQ_QuantizerOpInterface,
                                                 interfaceOverrides>]>
    : LQ_Op<mnemonic, !listconcat([Pure, SameOperandsAndResultType],
                                  interfaceTraits)> {
  let arguments = !con((ins operandType:$x), attrs);
  let results = (outs operandType:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
  // Attribute rules (finite values, k_bit range, mode, ranks).
  let hasVerifier = 1;
  // Constant operands fold to Larq's values (QuantizerSemantics.h).
  let hasFolder = 1;
}

/// A pseudo-gradient: `dx = q'(x, dy)` with the forward op's attributes.
/// `x`, `dy` and `dx` have exactly one type (the custom form prints it once):
/// SameOperandsAndResultType alone would accept a static `x` with a dynamic
/// `dy`, which the custom form cannot print back.
class LQ_GradientOp<string mnemonic, dag attrs,
                    Type operandType = LQ_FloatLike>
    : LQ_Op<mnemonic # "_grad", [Pure, SameOperandsAndResultType,
                                 AllTypesMatch<["x", "dy", "dx"]>]> {
  let arguments = !con((ins operandType:$x, operandType:$dy), attrs);
  let results = (outs operandType:$dx);
  let assemblyFormat = "$x `,` $dy attr-dict `:` type($x)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// ste_sign
//===----------------------------------------------------------------------===//

def LQ_SteSignOp : LQ_QuantizerOp<"ste_sign", LQ_ClipArgs, LQ_FloatLike,
                                  ["isSignBinarizer"]> {
  let summary = "sign binarization with a clipped straight-through gradient";
  let description = [{
    Larq's `ste_sign` (`SteSign`). Forward: `+1` where `x >= 0` (including
    `-0.0`), `-1` where `x < 0`; NaN maps to `+1`, exactly like `lq.bitpack`,
    so binarization never changes a result. Gradient (`lq.ste_sign_grad`):
    `dy` where `|x| <= clip_value`, else `0` (a select: a NaN in `dy` never
    leaks through a closed mask). `clip_value = none` is Larq's
    `clip_value=None` (no clipping), which is not the same as `0`.

    Example:

    ```mlir
    %y = lq.ste_sign %x : tensor<4x8xf32>
    %z = lq.ste_sign %x {clip_value = 2.0} : tensor<4x8xf32>
    %u = lq.ste_sign %x {clip_value = none} : vector<16xf32>
    ```
  }];
}

def LQ_SteSignGradOp : LQ_GradientOp<"ste_sign", LQ_ClipArgs> {
  let summary = "pseudo-gradient of lq.ste_sign";
  let description = [{
    `dx = |x| <= clip_value ? dy : 0`; with `clip_value = none`, `dx = dy`.

    Example:

    ```mlir
    %dx = lq.ste_sign_grad %x, %dy {clip_value = 1.5} : tensor<?xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// approx_sign
//===----------------------------------------------------------------------===//

def LQ_ApproxSignOp : LQ_QuantizerOp<"approx_sign", (ins), LQ_FloatLike,
                                     ["isSignBinarizer"]> {
  let summary = "sign binarization with the ApproxSign gradient";
  let description = [{
    Larq's `approx_sign` (`ApproxSign`). Forward: sign, as `lq.ste_sign`.
    Gradient (`lq.approx_sign_grad`): `(1 - |x|) * 2 * dy` where `|x| <= 1`,
    else `0`.

    Example:

    ```mlir
    %y = lq.approx_sign %x : tensor<8xf32>
    ```
  }];
}

def LQ_ApproxSignGradOp : LQ_GradientOp<"approx_sign", (ins)> {
  let summary = "pseudo-gradient of lq.approx_sign";
  let description = [{
    `dx = |x| <= 1 ? (1 - |x|) * 2 * dy : 0`.

    Example:

    ```mlir
    %dx = lq.approx_sign_grad %x, %dy : f32
    ```
  }];
}

//===----------------------------------------------------------------------===//
// ste_heaviside
//===----------------------------------------------------------------------===//

def LQ_SteHeavisideOp : LQ_QuantizerOp<"ste_heaviside", LQ_ClipArgs> {
  let summary = "0/1 binarization with a clipped straight-through gradient";
  let description = [{
    Larq's `ste_heaviside` (`SteHeaviside`). Forward: `1` where `x > 0`, else
    `0` (both zeros and NaN give `0`). Gradient: the symmetric STE mask
    `|x| <= clip_value`, as `lq.ste_sign`.

    Example:

    ```mlir
    %y = lq.ste_heaviside %x {clip_value = 0.5} : tensor<2x3xf16>
    ```
  }];
}

def LQ_SteHeavisideGradOp : LQ_GradientOp<"ste_heaviside", LQ_ClipArgs> {
  let summary = "pseudo-gradient of lq.ste_heaviside";
  let description = [{
    `dx = |x| <= clip_value ? dy : 0`; with `clip_value = none`, `dx = dy`.

    Example:

    ```mlir
    %dx = lq.ste_heaviside_grad %x, %dy : tensor<2x3xf16>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// swish_sign
//===----------------------------------------------------------------------===//

def LQ_SwishSignOp : LQ_QuantizerOp<"swish_sign", LQ_SwishSignArgs,
                                    LQ_FloatLike, ["isSignBinarizer"]> {
  let summary = "sign binarization with the SignSwish gradient";
  let description = [{
    Larq's `swish_sign` (`SwishSign`). Forward: a hard sign, as `lq.ste_sign`.
    Gradient (`lq.swish_sign_grad`), with `bx = beta * x`:
    `dy * beta * (2 - bx * tanh(bx / 2)) / (1 + cosh(bx))`, no mask; it is
    negative for `|x| > 2.3994 / beta`.

    Example:

    ```mlir
    %y = lq.swish_sign %x {beta = 10.0} : tensor<16xf32>
    ```
  }];
}

def LQ_SwishSignGradOp : LQ_GradientOp<"swish_sign", LQ_SwishSignArgs> {
  let summary = "pseudo-gradient of lq.swish_sign";
  let description = [{
    `dx = dy * beta * (2 - bx * tanh(bx / 2)) / (1 + cosh(bx))`, `bx = beta * x`.

    Example:

    ```mlir
    %dx = lq.swish_sign_grad %x, %dy {beta = 5.0} : tensor<16xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// magnitude_aware_sign
//===----------------------------------------------------------------------===//

def LQ_MagnitudeAwareSignOp
    : LQ_QuantizerOp<"magnitude_aware_sign", LQ_ClipArgs, LQ_FloatTensor,
                     ["isElementwise"]> {
  let summary = "per-channel scaled sign (Bi-Real Net)";
  let description = [{
    Larq's `magnitude_aware_sign` (`MagnitudeAwareSign`). Forward:
    `scale[c] * sign(x)` where `scale = mean(|x|)` over every axis but the
    last (the channel axis): one scale per channel. On a rank-1 or rank-0
    tensor there is nothing to average and `scale = |x|`. Gradient
    (`lq.magnitude_aware_sign_grad`): `scale[c] * dy` where
    `|x| <= clip_value`, else `0`; the scale is a constant for the gradient.

    Example:

    ```mlir
    %w = lq.magnitude_aware_sign %kernel : tensor<3x3x64x128xf32>
    ```
  }];
}

def LQ_MagnitudeAwareSignGradOp
    : LQ_GradientOp<"magnitude_aware_sign", LQ_ClipArgs, LQ_FloatTensor> {
  let summary = "pseudo-gradient of lq.magnitude_aware_sign";
  let description = [{
    `dx = |x| <= clip_value ? scale[c] * dy : 0` with the forward op's
    per-channel `scale = mean(|x|)` over every axis but the last.

    Example:

    ```mlir
    %dx = lq.magnitude_aware_sign_grad %x, %dy : tensor<3x3x64x128xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// ste_tern
//===----------------------------------------------------------------------===//

def LQ_SteTernOp : LQ_QuantizerOp<"ste_tern", LQ_SteTernArgs, LQ_FloatLike,
                                  ["isElementwise"]> {
  let summary = "ternarization with a clipped straight-through gradient";
  let description = [{
    Larq's `ste_tern` (`SteTern`). Forward: `+1` for `x >= t`, `-1` for
    `x <= -t`, `0` in between, with `t = |threshold_value|` (the boundary goes
    to +-1; `t = 0` gives a sign with `sign(0) = 0`). With
    `ternary_weight_networks = true` the threshold is one scalar over the whole
    tensor, `t = 0.7 * sum(|x|) / size(x)`, and the operand must be a ranked
    tensor. Gradient: STE(`clip_value`), independent of `t`.

    Example:

    ```mlir
    %y = lq.ste_tern %x {threshold_value = 0.1} : tensor<32xf32>
    %w = lq.ste_tern %k {ternary_weight_networks = true} : tensor<3x3x8x8xf32>
    ```
  }];
}

def LQ_SteTernGradOp : LQ_GradientOp<"ste_tern", LQ_SteTernArgs> {
  let summary = "pseudo-gradient of lq.ste_tern";
  let description = [{
    `dx = |x| <= clip_value ? dy : 0`, independent of the threshold.

    Example:

    ```mlir
    %dx = lq.ste_tern_grad %x, %dy {clip_value = none} : tensor<32xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// dorefa
//===----------------------------------------------------------------------===//

def LQ_DoReFaOp : LQ_QuantizerOp<"dorefa", LQ_DoReFaArgs, LQ_FloatLike,
                                 ["isElementwise"]> {
  let summary = "k-bit DoReFa quantization of activations or weights";
  let description = [{
    Larq's `dorefa_quantizer` (`DoReFaQuantizer`), `n = 2^k_bit - 1`, rounding
    half to even.

    * `mode = "activations"` (default): `round(clip(x, 0, 1) * n) / n`;
      gradient `dy` where `0 <= x <= 1`, else `0`.
    * `mode = "weights"`: `l = tanh(x)`, `D = max|l|` over the whole tensor,
      `p = D == 0 ? 0.5 : l / (2D) + 0.5`, `y = 2 * round(p * n) / n - 1`;
      gradient `dy * (1 - tanh(x)^2) / D`, and `0` where `D == 0`. The operand
      must be a ranked tensor.

    `k_bit` must be at least 1 and small enough that `n` is exact in the
    element type (11 for f16, 8 for bf16, 24 for f32, 53 for f64).

    Example:

    ```mlir
    %a = lq.dorefa %x {k_bit = 3} : tensor<64xf32>
    %w = lq.dorefa %k {mode = "weights"} : tensor<3x3x8x8xf32>
    ```
  }];
}

def LQ_DoReFaGradOp : LQ_GradientOp<"dorefa", LQ_DoReFaArgs> {
  let summary = "pseudo-gradient of lq.dorefa";
  let description = [{
    Activations: `dx = 0 <= x <= 1 ? dy : 0`. Weights:
    `dx = D == 0 ? 0 : dy * (1 - tanh(x)^2) / D`, `D = max|tanh(x)|`.

    Example:

    ```mlir
    %dx = lq.dorefa_grad %x, %dy {k_bit = 2, mode = "weights"} : tensor<8x8xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// noop
//===----------------------------------------------------------------------===//

// The `precision` attribute accessor doubles as the interface's
// getPrecision(), so only buildGradient is declared here.
def LQ_NoOpOp : LQ_QuantizerOp<"noop", LQ_NoOpArgs, LQ_FloatLike, [],
                               [LQ_QuantizerOpInterface]> {
  let summary = "identity that tags a value with a precision";
  let description = [{
    Larq's `NoOpQuantizer`: `y = x`, gradient `dy`. It only records the
    intended precision (read by optimizers such as Bop), so it is not folded
    away, except on a constant operand: a constant is no trainable variable.

    Example:

    ```mlir
    %w = lq.noop %k {precision = 1} : tensor<64x64xf32>
    ```
  }];
  let extraClassDeclaration = [{
    ::mlir::Value buildGradient(::mlir::OpBuilder &builder, ::mlir::Value dy);
  }];
}

def LQ_NoOpGradOp : LQ_GradientOp<"noop", LQ_NoOpArgs> {
  let summary = "pseudo-gradient of lq.noop";
  let description = [{
    `dx = dy`.

    Example:

    ```mlir
    %dx = lq.noop_grad %x, %dy {precision = 1} : tensor<64x64xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Inference (bit-packed binary) and training ops
//===----------------------------------------------------------------------===//

include "lq/Dialect/LQ/IR/LQBinaryOps.td"
include "lq/Dialect/LQ/IR/LQTrainingOps.td"

#endif // LQ_DIALECT_LQ_IR_LQOPS_TD
