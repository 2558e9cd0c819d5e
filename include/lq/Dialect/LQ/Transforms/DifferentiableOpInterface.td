//===- DifferentiableOpInterface.td - reverse-mode rules ---*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The interface `lq-differentiate` asks for the reverse-mode (vector-Jacobian
// product) rule of each op. The lq quantizers implement it through
// QuantizerOpInterface::buildGradient; upstream ops (arith, math, linalg,
// tensor) get it from external models registered by
// registerDifferentiationExternalModels. A new differentiable op is one more
// implementation of this interface, never a case in the pass.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_TD
#define LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_TD

include "mlir/IR/OpBase.td"

def LQ_DifferentiableOpInterface : OpInterface<"DifferentiableOpInterface"> {
  let cppNamespace = "::mlir::lq";
  let description = [{
    The reverse-mode rule of an op: given the cotangents of its results,
    build the cotangents of its operands (the vector-Jacobian product).

    The differentiator calls the rule on the op as recomputed in the gradient
    function, with the builder positioned after the whole forward
    recomputation, so the rule may use the op's operands and results (for
    example `exp` reuses its result: `dx = dy * y`).

    Cotangents of values of a float-like type (a float scalar, or a vector or
    ranked tensor of floats) have exactly that type. Integer, index and i1
    values never carry a cotangent: comparisons, shapes and indices are not
    differentiated.
  }];

  let methods = [
    InterfaceMethod<
      /*desc=*/[{
        Build the operand cotangents of this op at the builder's insertion
        point.

        `resultCotangents` has one entry per result: the cotangent of a
        float-like result (zero-filled by the caller when nothing flows into
        it), or null for a result of another type. `needed[i]` is true when
        operand `i` depends on a differentiated argument; the rule must then
        set `operandCotangents[i]` (already sized to the number of operands
        and null-initialized) to its cotangent, or leave it null for "no
        gradient" (the operand is not differentiable through this op, as the
        condition of a select). Entries of operands that are not needed may
        be left null.

        Fails (after emitting an error that names the op and the reason)
        when the op's configuration is not supported, e.g. a reduction whose
        combiner is neither an add nor a max.
      }],
      /*retTy=*/"::llvm::LogicalResult",
      /*methodName=*/"buildOperandCotangents",
      /*args=*/(ins "::mlir::OpBuilder &":$builder,
                    "::mlir::ArrayRef<::mlir::Value>":$resultCotangents,
                    "::mlir::ArrayRef<bool>":$needed,
                    "::mlir::MutableArrayRef<::mlir::Value>":$operandCotangents)>,
  ];
}

#endif // LQ_DIALECT_LQ_TRANSFORMS_DIFFERENTIABLEOPINTERFACE_TD
