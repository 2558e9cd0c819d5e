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
    Expands f32 `math.cosh(x)` into `h * (h * 0.5) + (0.5 / h) / h` with
    `h = math.exp(|x| * 0.5)` (no overflow while cosh is finite) and rewrites
    f32 `math.tanh` and `math.exp` into MLIR's polynomial approximations,
    which vectorize. f64 (and anything left) is later lowered to libm calls
    by `convert-math-to-libm`, the functions the constant folder calls. Run
    `math-extend-to-supported-types` first so f16 and bf16 compute in f32.

    With `libm=true` the pass leaves tanh/cosh alone: every transcendental
    becomes a call to the host libm, bit-identical to lq's constant folder
    (which uses the same libm) but scalar.

    In both modes it drops the `fastmath<contract>` flag that
    `math-extend-to-supported-types` puts on its `arith.extf`/`arith.truncf`:
    `convert-arith-to-llvm` would copy it unconverted (as an `#arith`
    attribute) onto `llvm.fpext`/`llvm.fptrunc`, and the LLVM dialect output
    of any f16/bf16 math could then not be parsed by mlir-translate or
    mlir-runner.
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

def LQCheckLLVMLoweringPass
    : Pass<"lq-check-llvm-lowering", "::mlir::ModuleOp"> {
  let summary = "Fail unless every op was lowered to the LLVM dialect";
  let description = [{
    The last pass of `lq-to-llvm`. The conversions before it are partial:
    an op none of them handles (say a `complex` or `sparse_tensor` op) stays
    in the module next to LLVM dialect ops, and without this check the
    pipeline would report success and print IR that `mlir-translate` then
    rejects. This pass reports every op kind that is not in the `llvm` (or,
    with OpenMP threads, `omp`) dialect, at its first occurrence, and fails.

    Example: `lq-opt --lq-to-llvm` on a function using `complex.create`:

    ```
    error: 'complex.create' was not lowered to the LLVM dialect (no pass of
    lq-to-llvm converts it here)
    ```
  }];
}

def LQLowerLaneByteSumPass : Pass<"lq-lower-lane-byte-sum"> {
  let summary = "Lower lq.lane_byte_sum to psadbw or portable vector ops";
  let description = [{
    Lowers the binary kernels' byte-accumulator widening,
    `lq.lane_byte_sum`, to the x86 `psadbw` intrinsic (against zero: one
    instruction summing the bytes of each 64-bit lane) when the host has it
    for the vector width (SSE2 / AVX2 / AVX-512BW), else (or with
    `portable=true`) to three shift/mask/add stages. Runs after
    bufferization, as the intrinsic call has no declared memory effects.
  }];
  let options = [
    Option<"portable", "portable", "bool", /*default=*/"false",
           "Only target-independent ops (no x86 intrinsic)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::vector::VectorDialect"];
}

def LQLowerMultiDynamicExpandShapePass
    : Pass<"lq-lower-multi-dynamic-expand-shape"> {
  let summary = "Lower memref.expand_shape with several dynamic sizes per "
                "group to memref.reinterpret_cast";
  let description = [{
    Works around a crash of upstream `expand-strided-metadata` in LLVM 22
    (llvm/llvm-project#186830, fixed for 23 by #187844): a
    `memref.expand_shape` whose reassociation group has more than one
    dynamic size (what collapsing a dynamically shaped elementwise op to 1-D
    and expanding its result produces). The op becomes a
    `memref.reinterpret_cast` of the source's base buffer with the sizes of
    `output_shape` and strides computed from the source's strides. Other
    `expand_shape` ops are left to `expand-strided-metadata`.

    Example:

    ```mlir
    %e = memref.expand_shape %c [[0, 1]] output_shape [%a, %b]
        : memref<?xf32> into memref<?x?xf32>
    ```

    becomes a `memref.extract_strided_metadata` of `%c` and

    ```mlir
    %e = memref.reinterpret_cast %base to offset: [%off], sizes: [%a, %b],
        strides: [%s1, %s0] : memref<f32> to memref<?x?xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
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
