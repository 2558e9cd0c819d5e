//===- LQInterfaces.td - lq op interfaces ------------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQINTERFACES_TD
#define LQ_DIALECT_LQ_IR_LQINTERFACES_TD

include "mlir/IR/OpBase.td"

def LQ_QuantizerOpInterface : OpInterface<"QuantizerOpInterface"> {
  let cppNamespace = "::mlir::lq";
  let description = [{
    Implemented by every Larq quantizer op. Passes ask the interface instead of
    switching over op kinds: `lq-binarize` asks whether the output is exactly
    +-1, `lq-differentiate` asks for the pseudo-gradient, Bop-style optimizers
    ask for the precision. A new quantizer is one op implementing this.
  }];

  let methods = [
    InterfaceMethod<
      /*desc=*/[{The number of bits of the quantized values (Larq's
                 `precision`): 1 for the sign family, 2 for ste_tern, k_bit
                 for dorefa, the `precision` attribute for noop.}],
      /*retTy=*/"int64_t", /*methodName=*/"getPrecision">,
    InterfaceMethod<
      /*desc=*/[{True when every output value is exactly -1 or +1, so the
                 output can be bit-packed without loss (ste_sign, approx_sign,
                 swish_sign).}],
      /*retTy=*/"bool", /*methodName=*/"isSignBinarizer", (ins), [{}],
      /*defaultImplementation=*/[{ return false; }]>,
    InterfaceMethod<
      /*desc=*/[{True when each output element depends only on the input
                 element at the same position (no reduction over the tensor
                 in the op's current configuration).}],
      /*retTy=*/"bool", /*methodName=*/"isElementwise", (ins), [{}],
      /*defaultImplementation=*/[{ return true; }]>,
    InterfaceMethod<
      /*desc=*/"The value being quantized.",
      /*retTy=*/"::mlir::Value", /*methodName=*/"getQuantizerInput", (ins),
      [{}], /*defaultImplementation=*/[{ return $_op->getOperand(0); }]>,
    InterfaceMethod<
      /*desc=*/[{Build the pseudo-gradient of this quantizer at its input,
                 given the cotangent `dy` of its result (same type as the
                 result). Returns `dx`, the cotangent of the input.}],
      /*retTy=*/"::mlir::Value", /*methodName=*/"buildGradient",
      (ins "::mlir::OpBuilder &":$builder, "::mlir::Value":$dy)>,
  ];
}

#endif // LQ_DIALECT_LQ_IR_LQINTERFACES_TD
