//===- LQBase.td - lq dialect and shared constraints -------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// The `lq` dialect, the base op class, and the type and attribute constraints
// shared by the quantizer, gradient and binary ops.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_DIALECT_LQ_IR_LQBASE_TD
#define LQ_DIALECT_LQ_IR_LQBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

def LQ_Dialect : Dialect {
  let name = "lq";
  let cppNamespace = "::mlir::lq";
  let summary = "Larq quantizers, their pseudo-gradients and binary kernels";
  let description = [{
    The `lq` dialect makes the Larq family of quantizers first-class IR. Each
    Larq quantizer is one op (`lq.ste_sign`, `lq.approx_sign`, ...) whose
    forward value and pseudo-gradient (`lq.<quantizer>_grad`) equal Larq's,
    edge cases included. The semantics contract is `docs/Dialect.md`.

    For inference the dialect has bit-packed binary ops (`lq.bitpack`,
    `lq.bconv2d`, `lq.bmatmul`, ...) that the `lq-binarize` pass produces from
    sign quantizers feeding float convolutions and matrix products.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let hasConstantMaterializer = 1;
}

//===----------------------------------------------------------------------===//
// Base op class
//===----------------------------------------------------------------------===//

class LQ_Op<string mnemonic, list<Trait> traits = []>
    : Op<LQ_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

/// The float element types Larq trains with.
def LQ_Float : AnyTypeOf<[F16, BF16, F32, F64], "f16, bf16, f32 or f64">;

/// What an elementwise quantizer accepts: a scalar, a vector or a ranked
/// tensor (dynamic dimensions allowed) of an LQ_Float.
def LQ_FloatLike : AnyTypeOf<[LQ_Float, VectorOfAnyRankOf<[LQ_Float]>,
                              RankedTensorOf<[LQ_Float]>],
    "f16/bf16/f32/f64 scalar, vector or ranked tensor">;

/// What a quantizer that reduces over its operand accepts.
def LQ_FloatTensor : RankedTensorOf<[LQ_Float]>;

//===----------------------------------------------------------------------===//
// Attribute constraints
//===----------------------------------------------------------------------===//

/// Larq's `clip_value`: a 64-bit float bound, or `none` for "no clipping"
/// (Larq's `clip_value=None`), which differs from a bound of 0.
def LQ_ClipValueAttr : Attr<Or<[
      F64Attr.predicate,
      CPred<"::llvm::isa<::mlir::TypeAttr>($_self) && "
            "::llvm::isa<::mlir::NoneType>("
            "::llvm::cast<::mlir::TypeAttr>($_self).getValue())">]>,
    "64-bit float clip bound, or `none` for no clipping"> {
  let storageType = "::mlir::Attribute";
  let returnType = "::mlir::Attribute";
  let convertFromStorage = "$_self";
  let constBuilderCall = "$_builder.getF64FloatAttr($0)";
}

#endif // LQ_DIALECT_LQ_IR_LQBASE_TD
