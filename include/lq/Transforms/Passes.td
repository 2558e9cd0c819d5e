//===- Passes.td - lq code generation passes ---------------*- tablegen -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// Passes of the lq-to-llvm pipeline that are not about the lq dialect itself:
// they prepare, vectorize and finish upstream IR.
//
//===----------------------------------------------------------------------===//

#ifndef LQ_TRANSFORMS_PASSES_TD
#define LQ_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LQApproximateMathPass : Pass<"lq-approximate-math"> {
  let summary = "Lower tanh/cosh to vectorizable polynomial approximations";
  let description = [{
    Expands `math.cosh` into `math.exp` and rewrites f32 `math.tanh` and
    `math.exp` into MLIR's polynomial approximations, which vectorize. f64
    (and anything left) is later lowered to libm calls by
    `convert-math-to-libm`. Run `math-extend-to-supported-types` first so f16
    and bf16 compute in f32.

    With `libm=true` the pass does nothing: every transcendental becomes a
    call to the host libm, bit-identical to lq's constant folder (which uses
    the same libm) but scalar.
  }];
  let options = [
    Option<"libm", "libm", "bool", /*default=*/"false",
           "Leave tanh/cosh to libm calls (exact match with the folder)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
}

def LQCInterfacePass : Pass<"lq-c-interface", "::mlir::ModuleOp"> {
  let summary = "Make public functions callable from C with read-only inputs";
  let description = [{
    For every public `func.func` with a body: adds `llvm.emit_c_interface`
    (so `convert-func-to-llvm` emits a `_mlir_ciface_<name>` wrapper taking
    memref descriptors by pointer) and marks its tensor arguments
    `bufferization.writable = false`, so one-shot bufferization never writes
    into a caller's input buffer.
  }];
}

def LQVectorizeLinalgPass : Pass<"lq-vectorize-linalg"> {
  let summary = "Tile and vectorize elementwise and reduction linalg ops";
  let description = [{
    For each `linalg` op on tensors (after elementwise fusion): collapses
    contiguous runs of same-kind loops (an elementwise op over a dense tensor
    becomes one 1-D loop), tiles the innermost loop by the vector length
    (outer loops by 1; an innermost reduction is tiled into a vector of
    partial accumulators), peels the remainder, and vectorizes the full
    tiles with MLIR's linalg vectorizer. The remainder stays scalar. Vector
    length = `vector-bits` / the narrowest element width of the op.

    Example: an `lq.ste_sign` over `tensor<?x?xf32>` lowered by
    `convert-lq-to-linalg` becomes an `scf.for` over `vector<8xf32>` tiles
    (256-bit vectors) plus a scalar remainder loop.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"0",
           "Vector register width in bits (0: the host CPU's widest)">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // LQ_TRANSFORMS_PASSES_TD
